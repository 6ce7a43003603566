import { randomBytes } from "node:crypto";
import { PORTAL_RESET_PATH } from "../../contracts/citizen-accounts.ts";
import type { Db } from "../../db/database.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit/audit-log.ts";
import { assertStrongPassword, hashPassword } from "../auth/passwords.ts";
import { clearRateLimit, enforceRateLimit } from "../auth/rate-limit.ts";
import { destroySessionsOf, hashToken } from "../auth/sessions.ts";
import { enqueueNotification } from "../notifications/outbox.ts";
import { findCitizenByLogin, loginKey } from "./find-citizen.ts";
import type { RequestMeta } from "./registration.ts";

export const RESET_RULES = {
  ttlMinutes: 30,
  perAddress: 10,
  perIdentifier: 3,
  windowSeconds: 60 * 60,
} as const;

/**
 * Asks for a reset link (quên mật khẩu). Always accepted the same way; only an active account gets a link, by
 * e-mail and SMS, valid once for 30 minutes.
 */
export async function requestPasswordReset(
  db: Db,
  login: string,
  meta: RequestMeta & { publicUrl: string },
): Promise<void> {
  const { perAddress, perIdentifier, windowSeconds, ttlMinutes } = RESET_RULES;
  await enforceRateLimit(db, `citizen-reset:ip:${meta.ip}`, perAddress, windowSeconds, meta.now);
  await enforceRateLimit(db, `citizen-reset:id:${loginKey(login)}`, perIdentifier, windowSeconds, meta.now);
  const citizen = await findCitizenByLogin(db, login);
  if (citizen?.status !== "active") return;
  const token = randomBytes(32).toString("base64url");
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto("citizen_password_resets")
      .values({
        token_hash: hashToken(token),
        citizen_id: citizen.id,
        expires_at: new Date(meta.now.getTime() + ttlMinutes * 60_000),
        created_at: meta.now,
      })
      .execute();
    await enqueueNotification(
      tx,
      {
        template: "citizen.password-reset",
        to: { email: citizen.email, phone: citizen.phone },
        channels: ["email", "sms"],
        data: {
          name: citizen.full_name,
          link: `${meta.publicUrl}${PORTAL_RESET_PATH}?token=${token}`,
          minutes: ttlMinutes,
        },
        citizenId: citizen.id,
        dedupeKey: `citizen:password-reset:${hashToken(token)}`,
      },
      meta.now,
    );
    await recordAudit(
      tx,
      {
        actor: { kind: "anonymous", id: null },
        action: "citizen.password_reset_request",
        entityType: "citizen",
        entityId: citizen.id,
        unitId: null,
        summary: { ip: meta.ip },
      },
      meta.now,
    );
  });
}

/** Sets a new password with a reset link: the link and any other open link are spent, every session ends. */
export async function completePasswordReset(
  db: Db,
  input: { token: string; newPassword: string },
  meta: RequestMeta,
): Promise<void> {
  assertStrongPassword(input.newPassword);
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (tx) => {
    const spent = await tx
      .updateTable("citizen_password_resets")
      .set({ used_at: meta.now })
      .where("token_hash", "=", hashToken(input.token))
      .where("used_at", "is", null)
      .where("expires_at", ">", meta.now)
      .returning("citizen_id")
      .executeTakeFirst();
    if (!spent) throw new AppError("CITIZEN_RESET_TOKEN_INVALID");
    const citizenId = spent.citizen_id;
    const updated = await tx
      .updateTable("citizens")
      .set((eb) => ({ password_hash: passwordHash, updated_at: meta.now, version: eb("version", "+", 1) }))
      .where("id", "=", citizenId)
      .where("status", "=", "active")
      .returning(["id", "identity_number", "email", "phone"])
      .executeTakeFirst();
    if (!updated) throw new AppError("CITIZEN_RESET_TOKEN_INVALID");
    await tx
      .updateTable("citizen_password_resets")
      .set({ used_at: meta.now })
      .where("citizen_id", "=", citizenId)
      .where("used_at", "is", null)
      .execute();
    await destroySessionsOf(tx, { kind: "citizen", id: citizenId });
    // A lockout from guessing ends with the reset: the owner has just proven control of the account.
    for (const login of [updated.identity_number, updated.email, updated.phone]) {
      if (login) await clearRateLimit(tx, `citizen-login:id:${loginKey(login)}`);
    }
    await recordAudit(
      tx,
      {
        actor: { kind: "anonymous", id: null },
        action: "citizen.password_reset",
        entityType: "citizen",
        entityId: citizenId,
        unitId: null,
        summary: { ip: meta.ip },
      },
      meta.now,
    );
  });
}
