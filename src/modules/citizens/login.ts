import type { Db } from "../../db/database.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit/audit-log.ts";
import { LOGIN_LIMITS } from "../auth/login.ts";
import { burnPasswordCheck, verifyPassword } from "../auth/passwords.ts";
import {
  admitAttempt,
  enforceRateLimit,
  failAttempt,
  returnAttempt,
  succeedAttempt,
} from "../auth/rate-limit.ts";
import { createSession } from "../auth/sessions.ts";
import { findCitizenByLogin, loginKey } from "./find-citizen.ts";
import { chargeCodeLimits, issueRegistrationCode } from "./one-time-codes.ts";
import type { RequestMeta } from "./registration.ts";

/**
 * Citizen sign-in with the identity number, e-mail or phone and the password.
 *
 * Failures are counted per identifier typed (normalised), not per account: an identifier with no account locks
 * after the same number of failures and with the same answer as one that has an account, so neither the
 * answer nor the lockout tells whether an account exists. Unknown identifiers are checked against a dummy hash
 * so that they take as long. The per-address limit of staff sign-in applies as well.
 */
export async function loginCitizen(
  db: Db,
  input: { login: string; password: string },
  meta: RequestMeta & { ttlHours: number; secret: string },
) {
  const { accountFailures, lockMinutes, perAddress, windowSeconds } = LOGIN_LIMITS;
  const addressKey = `citizen-login:ip:${meta.ip}`;
  const identifierKey = `citizen-login:id:${loginKey(input.login)}`;
  const rule = { limit: accountFailures, lockSeconds: lockMinutes * 60 };
  // Counted before the password is checked, each in one statement: parallel guesses cannot share a count.
  await enforceRateLimit(db, addressKey, perAddress, windowSeconds, meta.now);
  const counted = await admitAttempt(db, identifierKey, rule, meta.now, "ACCOUNT_LOCKED");
  const citizen = await findCitizenByLogin(db, input.login);
  let passwordOk = false;
  if (citizen?.password_hash) passwordOk = await verifyPassword(citizen.password_hash, input.password);
  else await burnPasswordCheck(input.password);
  if (!citizen || !passwordOk || citizen.status === "disabled") {
    const locked = await failAttempt(db, identifierKey, counted, rule, meta.now);
    if (citizen) {
      await db.transaction().execute((tx) =>
        recordAudit(
          tx,
          {
            actor: { kind: "anonymous", id: null },
            action: locked ? "citizen.locked" : "citizen.login_failed",
            entityType: "citizen",
            entityId: citizen.id,
            unitId: null,
            summary: { ip: meta.ip, failures: counted.attempt },
          },
          meta.now,
        ),
      );
    }
    throw new AppError("INVALID_CREDENTIALS");
  }
  await returnAttempt(db, addressKey);
  if (citizen.status === "pending") {
    // Only someone holding the password learns that the account waits for its code; they get a new one.
    const to = { email: citizen.email ?? "", phone: citizen.phone ?? "" };
    await chargeCodeLimits(db, to, meta.ip, meta.now);
    const challenge = await db.transaction().execute((tx) =>
      issueRegistrationCode(tx, {
        recipient: { citizenId: citizen.id, name: citizen.full_name },
        to,
        secret: meta.secret,
        now: meta.now,
      }),
    );
    throw new AppError("CITIZEN_NOT_CONFIRMED", { details: challenge });
  }
  await succeedAttempt(db, identifierKey, counted);
  return db.transaction().execute(async (tx) => {
    const session = await createSession(tx, { kind: "citizen", id: citizen.id }, meta);
    await recordAudit(
      tx,
      {
        actor: { kind: "citizen", id: citizen.id },
        action: "citizen.login",
        entityType: "citizen",
        entityId: citizen.id,
        unitId: null,
        summary: { ip: meta.ip, method: "password" },
      },
      meta.now,
    );
    return { citizenId: citizen.id, session };
  });
}
