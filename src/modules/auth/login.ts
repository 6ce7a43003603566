import type { z } from "zod";
import type { LoginInput } from "../../contracts/auth.ts";
import type { Db } from "../../db/database.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit/audit-log.ts";
import { burnPasswordCheck, verifyPassword } from "./passwords.ts";
import { assertUnderLimit, clearRateLimit, hit } from "./rate-limit.ts";
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
}

/**
 * Staff sign-in. The answer never tells whether an account exists: unknown names, wrong passwords and
 * deactivated accounts all get INVALID_CREDENTIALS after the same amount of hashing work.
 */
export async function loginStaff(db: Db, input: z.infer<typeof LoginInput>, meta: LoginMeta) {
  // Only failures count against an address, and a success does not reset them: holding one valid account
  // must not let an attacker keep guessing at others from the same address.
  const addressKey = `login:ip:${meta.ip}`;
  await assertUnderLimit(db, addressKey, LOGIN_LIMITS.perAddress, LOGIN_LIMITS.windowSeconds, meta.now);
  const failFromAddress = () => hit(db, addressKey, LOGIN_LIMITS.windowSeconds, meta.now);
  const staff = await db
    .selectFrom("staff")
    .innerJoin("units", "units.id", "staff.unit_id")
    .select([
      "staff.id",
      "staff.unit_id",
      "staff.password_hash",
      "staff.active",
      "staff.locked_until",
      "staff.failed_logins",
      "staff.totp_enabled",
      "staff.totp_secret",
      "staff.totp_last_step",
      "units.active as unit_active",
    ])
    .where((eb) => eb(eb.fn("lower", ["staff.username"]), "=", input.username.toLowerCase()))
    .executeTakeFirst();

  if (!staff) {
    await failFromAddress();
    await burnPasswordCheck(input.password);
    await failUnknownName(db, input.username.toLowerCase(), meta.now);
    throw new AppError("INVALID_CREDENTIALS");
  }
  if (staff.locked_until && new Date(staff.locked_until) > meta.now) {
    await failFromAddress();
    await burnPasswordCheck(input.password);
    throw new AppError("ACCOUNT_LOCKED", {
      details: {
        retryAfterSeconds: Math.ceil((new Date(staff.locked_until).getTime() - meta.now.getTime()) / 1000),
      },
    });
  }
  const passwordOk = await verifyPassword(staff.password_hash, input.password);
  if (!passwordOk || !staff.active || !staff.unit_active) {
    await failFromAddress();
    await registerFailure(db, staff.id, staff.unit_id, staff.failed_logins, meta);
    throw new AppError("INVALID_CREDENTIALS");
  }
  let totpStep: number | null = null;
  if (staff.totp_enabled) {
    if (!input.totp) throw new AppError("TOTP_REQUIRED");
    totpStep = staff.totp_secret
      ? verifyTotp(staff.totp_secret, input.totp, meta.now, staff.totp_last_step)
      : null;
    if (totpStep === null) {
      await failFromAddress();
      await registerFailure(db, staff.id, staff.unit_id, staff.failed_logins, meta);
      throw new AppError("TOTP_INVALID");
    }
  }
  return db.transaction().execute(async (tx) => {
    await tx
      .updateTable("staff")
      .set({ failed_logins: 0, locked_until: null, ...(totpStep !== null && { totp_last_step: totpStep }) })
      .where("id", "=", staff.id)
      .execute();
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

/**
 * An unknown name locks like an account after the same number of failures, for as long: otherwise the lock
 * (ACCOUNT_LOCKED after five failures) would tell an attacker which names exist.
 */
async function failUnknownName(db: Db, name: string, now: Date): Promise<void> {
  const lockSeconds = LOGIN_LIMITS.lockMinutes * 60;
  const lockKey = `login:unknown-lock:${name}`;
  const lock = await db
    .selectFrom("rate_limits")
    .select("window_start")
    .where("key", "=", lockKey)
    .executeTakeFirst();
  const lockedUntil = lock ? new Date(lock.window_start).getTime() + lockSeconds * 1000 : 0;
  if (lockedUntil > now.getTime()) {
    throw new AppError("ACCOUNT_LOCKED", {
      details: { retryAfterSeconds: Math.ceil((lockedUntil - now.getTime()) / 1000) },
    });
  }
  // Failures on a real account count until a success or a lock; a long window stands in for that here.
  const failures = await hit(db, `login:unknown:${name}`, 30 * 24 * 3600, now);
  if (failures >= LOGIN_LIMITS.accountFailures) {
    await hit(db, lockKey, lockSeconds, now);
    await clearRateLimit(db, `login:unknown:${name}`);
  }
}

async function registerFailure(
  db: Db,
  staffId: string,
  unitId: string,
  failedSoFar: number,
  meta: LoginMeta,
): Promise<void> {
  const failures = failedSoFar + 1;
  const lock = failures >= LOGIN_LIMITS.accountFailures;
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable("staff")
      .set({
        failed_logins: lock ? 0 : failures,
        locked_until: lock ? new Date(meta.now.getTime() + LOGIN_LIMITS.lockMinutes * 60_000) : null,
      })
      .where("id", "=", staffId)
      .execute();
    await recordAudit(
      tx,
      {
        actor: { kind: "anonymous", id: null },
        action: lock ? "auth.locked" : "auth.login_failed",
        entityType: "staff",
        entityId: staffId,
        unitId,
        summary: { ip: meta.ip, failures },
      },
      meta.now,
    );
  });
}
