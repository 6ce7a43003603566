import type { z } from "zod";
import type { LoginInput } from "../../contracts/auth.ts";
import type { Db } from "../../db/database.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit/audit-log.ts";
import { deviceKey, type KnownDevice } from "./known-device.ts";
import { burnPasswordCheck, verifyPassword } from "./passwords.ts";
import { admitAttempt, enforceRateLimit, failAttempt, returnAttempt, succeedAttempt } from "./rate-limit.ts";
import { createSession } from "./sessions.ts";
import { verifyTotp } from "./totp.ts";

export const LOGIN_LIMITS = {
  /** Failed attempts on one account before it is locked for `lockMinutes`. */
  accountFailures: 5,
  lockMinutes: 15,
  /** Attempts from one address per window, whatever the account. */
  perAddress: 30,
  windowSeconds: 15 * 60,
} as const;

export interface LoginMeta {
  ip: string;
  userAgent: string | null;
  ttlHours: number;
  now: Date;
  /** The request's valid device cookie, if any (see known-device.ts). */
  device?: KnownDevice | null;
}

/** The guess counter of a sign-in name, the same whether an account has that name or not. */
export function staffNameKey(username: string): string {
  return `login:name:${username.toLowerCase()}`;
}

const ACCOUNT_RULE = { limit: LOGIN_LIMITS.accountFailures, lockSeconds: LOGIN_LIMITS.lockMinutes * 60 };

/**
 * Staff sign-in. The answer never tells whether an account exists: unknown names, wrong passwords and
 * deactivated accounts all get INVALID_CREDENTIALS after the same amount of hashing work, and an unknown name
 * locks like an account (the counter is kept per name typed, account or not).
 *
 * Every attempt is counted before its password is checked, in one statement (`countAttempt`, `hit`), and is
 * checked only if the count allows it: sixty parallel guesses get at most five password checks on one name and
 * at most `perAddress` from one address, the rest are refused unchecked.
 *
 * So that locking an account out is not free, a browser that already signed in to this name (a valid device
 * cookie for it) is counted on its own counter instead of the name's and the address's: an anonymous guesser
 * locks the name for every unknown browser, not for its owner's. The device's counter locks the same way.
 */
export async function loginStaff(db: Db, input: z.infer<typeof LoginInput>, meta: LoginMeta) {
  const device = meta.device && meta.device.name === input.username.toLowerCase() ? meta.device : null;
  // Only failures count against an address in the end (a success gives its count back), and a success does not
  // reset the others: holding one valid account must not let an attacker keep guessing at others.
  const addressKey = device ? null : `login:ip:${meta.ip}`;
  if (addressKey) {
    await enforceRateLimit(db, addressKey, LOGIN_LIMITS.perAddress, LOGIN_LIMITS.windowSeconds, meta.now);
  }
  const nameKey = device ? deviceKey(device) : staffNameKey(input.username);
  const counted = await admitAttempt(db, nameKey, ACCOUNT_RULE, meta.now, "ACCOUNT_LOCKED");
  const staff = await db
    .selectFrom("staff")
    .innerJoin("units", "units.id", "staff.unit_id")
    .select([
      "staff.id",
      "staff.unit_id",
      "staff.password_hash",
      "staff.active",
      "staff.totp_enabled",
      "staff.totp_secret",
      "staff.totp_last_step",
      "units.active as unit_active",
    ])
    .where((eb) => eb(eb.fn("lower", ["staff.username"]), "=", input.username.toLowerCase()))
    .executeTakeFirst();

  const fail = async (code: "INVALID_CREDENTIALS" | "TOTP_INVALID"): Promise<never> => {
    const locked = await failAttempt(db, nameKey, counted, ACCOUNT_RULE, meta.now);
    if (staff)
      await auditFailure(db, staff.id, staff.unit_id, counted.attempt, locked, device !== null, meta);
    throw new AppError(code);
  };
  if (!staff) {
    await burnPasswordCheck(input.password);
    return fail("INVALID_CREDENTIALS");
  }
  const passwordOk = await verifyPassword(staff.password_hash, input.password);
  if (!passwordOk || !staff.active || !staff.unit_active) return fail("INVALID_CREDENTIALS");
  if (staff.totp_enabled) {
    if (!input.totp) {
      // The password was right: this was not a guess, and the second step follows.
      await returnAttempt(db, nameKey);
      if (addressKey) await returnAttempt(db, addressKey);
      throw new AppError("TOTP_REQUIRED");
    }
    const totpStep = staff.totp_secret
      ? verifyTotp(staff.totp_secret, input.totp, meta.now, staff.totp_last_step)
      : null;
    if (totpStep === null) return fail("TOTP_INVALID");
    // Two parallel sign-ins with the same code: only the first to write its time step gets in.
    const claimed = await db
      .updateTable("staff")
      .set({ totp_last_step: totpStep })
      .where("id", "=", staff.id)
      .where((eb) => eb.or([eb("totp_last_step", "is", null), eb("totp_last_step", "<", totpStep as number)]))
      .returning("id")
      .executeTakeFirst();
    if (!claimed) return fail("TOTP_INVALID");
  }
  await succeedAttempt(db, nameKey, counted);
  if (addressKey) await returnAttempt(db, addressKey);
  return db.transaction().execute(async (tx) => {
    const session = await createSession(tx, { kind: "staff", id: staff.id }, meta);
    await recordAudit(
      tx,
      {
        actor: { kind: "staff", id: staff.id },
        action: "auth.login",
        entityType: "staff",
        entityId: staff.id,
        unitId: staff.unit_id,
        summary: { ip: meta.ip },
      },
      meta.now,
    );
    return session;
  });
}

async function auditFailure(
  db: Db,
  staffId: string,
  unitId: string,
  failures: number,
  locked: boolean,
  knownDevice: boolean,
  meta: LoginMeta,
): Promise<void> {
  await db.transaction().execute((tx) =>
    recordAudit(
      tx,
      {
        actor: { kind: "anonymous", id: null },
        action: locked ? "auth.locked" : "auth.login_failed",
        entityType: "staff",
        entityId: staffId,
        unitId,
        summary: { ip: meta.ip, failures, knownDevice },
      },
      meta.now,
    ),
  );
}
