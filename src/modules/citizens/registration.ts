import { type CitizenRegistration, PORTAL_LOGIN_PATH } from "../../contracts/citizen-accounts.ts";
import type { Db, Tx } from "../../db/database.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit/audit-log.ts";
import { assertStrongPassword, hashPassword } from "../auth/passwords.ts";
import { createSession } from "../auth/sessions.ts";
import { enqueueNotification } from "../notifications/outbox.ts";
import {
  chargeCodeLimits,
  checkRegistrationCode,
  closeChallenge,
  closeChallengesOf,
  issueRegistrationCode,
} from "./one-time-codes.ts";

export interface RequestMeta {
  ip: string;
  userAgent: string | null;
  now: Date;
}

const anonymous = { kind: "anonymous" as const, id: null };

/**
 * Registration (đăng ký tài khoản). The answer is the same whether the identity number or e-mail is new or
 * already has an account: a challenge to answer with the code. For a taken identity number or e-mail the
 * challenge can never be answered, and the owner of the existing account is told by their own e-mail and phone.
 * A registration over a never-confirmed (pending) account of the same identity number replaces it.
 */
export async function registerCitizen(
  db: Db,
  input: CitizenRegistration,
  meta: RequestMeta & { secret: string; publicUrl: string },
) {
  assertStrongPassword(input.password);
  const to = { email: input.email, phone: input.phone };
  await chargeCodeLimits(db, to, meta.ip, meta.now);
  // Hashed on every path, so that a taken identity number answers as slowly as a new one.
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (tx) => {
    const sameIdentity = await tx
      .selectFrom("citizens")
      .select(["id", "status", "full_name", "email", "phone"])
      .where("identity_number", "=", input.identityNumber)
      .forUpdate()
      .executeTakeFirst();
    const sameEmail = await tx
      .selectFrom("citizens")
      .select(["id", "status", "full_name", "email", "phone"])
      .where((eb) => eb(eb.fn("lower", ["email"]), "=", input.email))
      .where("identity_number", "!=", input.identityNumber)
      .executeTakeFirst();
    const taken = sameIdentity && sameIdentity.status !== "pending" ? sameIdentity : sameEmail;
    if (taken) {
      const challenge = await issueRegistrationCode(tx, {
        recipient: null,
        to,
        secret: meta.secret,
        now: meta.now,
      });
      await enqueueNotification(
        tx,
        {
          template: "citizen.already-registered",
          to: { email: taken.email, phone: taken.phone },
          channels: ["email", "sms"],
          data: { name: taken.full_name, loginUrl: `${meta.publicUrl}${PORTAL_LOGIN_PATH}` },
          citizenId: taken.id,
          dedupeKey: `citizen:already-registered:${challenge.challengeId}`,
        },
        meta.now,
      );
      await recordAudit(
        tx,
        {
          actor: anonymous,
          action: "citizen.register_refused",
          entityType: "citizen",
          entityId: taken.id,
          unitId: null,
          summary: { ip: meta.ip, reason: taken === sameEmail ? "email_taken" : "identity_taken" },
        },
        meta.now,
      );
      return challenge;
    }
    const values = {
      full_name: input.fullName,
      phone: input.phone,
      email: input.email,
      birth_date: input.birthDate ?? null,
      password_hash: passwordHash,
      status: "pending" as const,
      updated_at: meta.now,
    };
    let citizenId: string;
    if (sameIdentity) {
      await closeChallengesOf(tx, sameIdentity.id, meta.now);
      await tx.updateTable("citizens").set(values).where("id", "=", sameIdentity.id).execute();
      citizenId = sameIdentity.id;
    } else {
      const row = await tx
        .insertInto("citizens")
        .values({ ...values, identity_number: input.identityNumber, created_at: meta.now })
        .returning("id")
        .executeTakeFirstOrThrow();
      citizenId = row.id;
    }
    const challenge = await issueRegistrationCode(tx, {
      recipient: { citizenId, name: input.fullName },
      to,
      secret: meta.secret,
      now: meta.now,
    });
    await recordAudit(
      tx,
      {
        actor: anonymous,
        action: "citizen.register",
        entityType: "citizen",
        entityId: citizenId,
        unitId: null,
        summary: { ip: meta.ip, replacedPending: Boolean(sameIdentity) },
      },
      meta.now,
    );
    return challenge;
  });
}

/** Confirms a registration with its code: the account becomes active and the citizen is signed in. */
export async function confirmRegistration(
  db: Db,
  input: { challengeId: string; code: string },
  meta: RequestMeta & { secret: string; ttlHours: number },
) {
  const citizenId = await checkRegistrationCode(db, { ...input, secret: meta.secret, now: meta.now });
  return db.transaction().execute(async (tx: Tx) => {
    if (!(await closeChallenge(tx, input.challengeId, meta.now))) throw new AppError("CITIZEN_CODE_INVALID");
    const activated = await tx
      .updateTable("citizens")
      .set((eb) => ({
        status: "active",
        confirmed_at: meta.now,
        updated_at: meta.now,
        version: eb("version", "+", 1),
      }))
      .where("id", "=", citizenId)
      .where("status", "=", "pending")
      .returning("id")
      .executeTakeFirst();
    if (!activated) throw new AppError("CITIZEN_CODE_INVALID");
    const session = await createSession(tx, { kind: "citizen", id: citizenId }, { ...meta, ip: meta.ip });
    await recordAudit(
      tx,
      {
        actor: { kind: "citizen", id: citizenId },
        action: "citizen.confirm",
        entityType: "citizen",
        entityId: citizenId,
        unitId: null,
        summary: { ip: meta.ip },
      },
      meta.now,
    );
    return { citizenId, session };
  });
}
