import { createHmac, randomInt, randomUUID, timingSafeEqual } from "node:crypto";
import type { Executor } from "../../db/database.ts";
import { AppError } from "../../errors.ts";
import { enforceRateLimit } from "../auth/rate-limit.ts";
import { enqueueNotification } from "../notifications/outbox.ts";
import { destinationKey } from "./find-citizen.ts";

export const CODE_RULES = {
  ttlMinutes: 10,
  maxAttempts: 5,
  /** Codes sent to one e-mail address or phone number per window. */
  perDestination: 5,
  /** Codes asked for from one client address per window. */
  perAddress: 20,
  /** Sends of one challenge (the first and the resends). */
  maxSends: 5,
  windowSeconds: 60 * 60,
} as const;

export function hashCode(secret: string, challengeId: string, code: string): string {
  return createHmac("sha256", secret).update(`${challengeId}:${code}`).digest("hex");
}

function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

/**
 * Counts a code about to go to these destinations from this address, refusing past the limits. The same counters
 * move whether the code is really sent or not, so the answers never tell an existing account from a new one.
 */
export async function chargeCodeLimits(
  db: Executor,
  to: { email: string; phone: string },
  ip: string,
  now: Date,
): Promise<void> {
  const { windowSeconds } = CODE_RULES;
  await enforceRateLimit(db, `citizen-code:ip:${ip}`, CODE_RULES.perAddress, windowSeconds, now);
  await enforceRateLimit(
    db,
    `citizen-code:to:${destinationKey(to.email)}`,
    CODE_RULES.perDestination,
    windowSeconds,
    now,
  );
  await enforceRateLimit(
    db,
    `citizen-code:to:${destinationKey(to.phone)}`,
    CODE_RULES.perDestination,
    windowSeconds,
    now,
  );
}

interface Recipient {
  citizenId: string;
  name: string;
}

/**
 * Writes a registration challenge and, for a real account, queues its code by e-mail and SMS in the same
 * transaction. `recipient` null makes a challenge that nobody can answer (its code is never sent).
 */
export async function issueRegistrationCode(
  tx: Executor,
  args: { recipient: Recipient | null; to: { email: string; phone: string }; secret: string; now: Date },
): Promise<{ challengeId: string; expiresInSeconds: number }> {
  const challengeId = randomUUID();
  const code = newCode();
  await tx
    .insertInto("citizen_codes")
    .values({
      id: challengeId,
      citizen_id: args.recipient?.citizenId ?? null,
      purpose: "register",
      code_hash: hashCode(args.secret, challengeId, code),
      email: args.to.email,
      phone: args.to.phone,
      expires_at: new Date(args.now.getTime() + CODE_RULES.ttlMinutes * 60_000),
      attempts: 0,
      sends: 1,
      created_at: args.now,
    })
    .execute();
  if (args.recipient) await sendCode(tx, args.recipient, args.to, challengeId, 1, code, args.now);
  return { challengeId, expiresInSeconds: CODE_RULES.ttlMinutes * 60 };
}

async function sendCode(
  tx: Executor,
  recipient: Recipient,
  to: { email: string; phone: string },
  challengeId: string,
  send: number,
  code: string,
  now: Date,
): Promise<void> {
  await enqueueNotification(
    tx,
    {
      template: "citizen.confirm-code",
      to,
      channels: ["email", "sms"],
      data: { name: recipient.name, code, minutes: CODE_RULES.ttlMinutes },
      citizenId: recipient.citizenId,
      dedupeKey: `citizen:confirm-code:${challengeId}:${send}`,
    },
    now,
  );
}

/**
 * A new code for a live challenge, with fresh attempts and validity. An unknown, answered or unanswerable
 * challenge is accepted the same way and nothing is sent.
 */
export async function resendRegistrationCode(
  db: Executor,
  args: { challengeId: string; ip: string; secret: string; now: Date },
): Promise<void> {
  const challenge = await db
    .selectFrom("citizen_codes")
    .leftJoin("citizens", "citizens.id", "citizen_codes.citizen_id")
    .select([
      "citizen_codes.id",
      "citizen_codes.citizen_id",
      "citizen_codes.email",
      "citizen_codes.phone",
      "citizen_codes.sends",
      "citizen_codes.consumed_at",
      "citizens.full_name",
      "citizens.status",
    ])
    .where("citizen_codes.id", "=", args.challengeId)
    .executeTakeFirst();
  if (!challenge) {
    await enforceRateLimit(
      db,
      `citizen-code:ip:${args.ip}`,
      CODE_RULES.perAddress,
      CODE_RULES.windowSeconds,
      args.now,
    );
    return;
  }
  await chargeCodeLimits(db, challenge, args.ip, args.now);
  if (challenge.sends >= CODE_RULES.maxSends)
    throw new AppError("RATE_LIMITED", { details: { retryAfterSeconds: CODE_RULES.windowSeconds } });
  if (challenge.consumed_at) return;
  const code = newCode();
  const send = challenge.sends + 1;
  await db
    .updateTable("citizen_codes")
    .set({
      code_hash: hashCode(args.secret, challenge.id, code),
      attempts: 0,
      sends: send,
      expires_at: new Date(args.now.getTime() + CODE_RULES.ttlMinutes * 60_000),
    })
    .where("id", "=", challenge.id)
    .execute();
  if (challenge.citizen_id && challenge.status === "pending" && challenge.full_name) {
    await sendCode(
      db,
      { citizenId: challenge.citizen_id, name: challenge.full_name },
      challenge,
      challenge.id,
      send,
      code,
      args.now,
    );
  }
}

/**
 * Checks a code, outside any transaction: a wrong one uses up an attempt for good (the fifth closes the
 * challenge). A right one returns the account; the caller then closes the challenge with `closeChallenge` in the
 * transaction that acts on it.
 */
export async function checkRegistrationCode(
  db: Executor,
  args: { challengeId: string; code: string; secret: string; now: Date },
): Promise<string> {
  // The attempt is counted before the code is compared, in one statement: parallel guesses each use one of the
  // five attempts, and a guess past the fifth is never compared.
  const challenge = await db
    .updateTable("citizen_codes")
    .set((eb) => ({ attempts: eb("attempts", "+", 1) }))
    .where("id", "=", args.challengeId)
    .where("consumed_at", "is", null)
    .where("attempts", "<", CODE_RULES.maxAttempts)
    .returning(["id", "citizen_id", "code_hash", "expires_at", "attempts"])
    .executeTakeFirst();
  if (!challenge) {
    const known = await db
      .selectFrom("citizen_codes")
      .select(["consumed_at", "attempts"])
      .where("id", "=", args.challengeId)
      .executeTakeFirst();
    if (!known || known.consumed_at) throw new AppError("CITIZEN_CODE_INVALID");
    throw new AppError("CITIZEN_CODE_ATTEMPTS_EXHAUSTED");
  }
  if (new Date(challenge.expires_at) <= args.now) throw new AppError("CITIZEN_CODE_EXPIRED");
  const given = Buffer.from(hashCode(args.secret, challenge.id, args.code), "hex");
  const matches = timingSafeEqual(given, Buffer.from(challenge.code_hash, "hex"));
  if (matches && challenge.citizen_id) return challenge.citizen_id;
  if (challenge.attempts >= CODE_RULES.maxAttempts) throw new AppError("CITIZEN_CODE_ATTEMPTS_EXHAUSTED");
  throw new AppError("CITIZEN_CODE_INVALID", {
    details: { attemptsLeft: CODE_RULES.maxAttempts - challenge.attempts },
  });
}

/** Closes a challenge once; false when another request closed it first. */
export async function closeChallenge(tx: Executor, challengeId: string, now: Date): Promise<boolean> {
  const closed = await tx
    .updateTable("citizen_codes")
    .set({ consumed_at: now })
    .where("id", "=", challengeId)
    .where("consumed_at", "is", null)
    .returning("id")
    .executeTakeFirst();
  return Boolean(closed);
}

/** Closes every open challenge of an account (a new registration over a pending one). */
export async function closeChallengesOf(tx: Executor, citizenId: string, now: Date): Promise<void> {
  await tx
    .updateTable("citizen_codes")
    .set({ consumed_at: now })
    .where("citizen_id", "=", citizenId)
    .where("consumed_at", "is", null)
    .execute();
}
