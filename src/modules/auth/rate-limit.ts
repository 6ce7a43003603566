import { sql } from "kysely";
import type { Executor } from "../../db/database.ts";
import { AppError } from "../../errors.ts";

/**
 * A fixed-window counter kept in the database, so that every server process of a deployment shares it.
 * Returns the hits in the current window including this one.
 */
export async function hit(db: Executor, key: string, windowSeconds: number, now: Date): Promise<number> {
  const windowStartCutoff = new Date(now.getTime() - windowSeconds * 1000);
  const row = await sql<{ hits: number }>`
    INSERT INTO rate_limits (key, window_start, hits) VALUES (${key}, ${now}, 1)
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN rate_limits.window_start <= ${windowStartCutoff} THEN 1 ELSE rate_limits.hits + 1 END,
      window_start = CASE WHEN rate_limits.window_start <= ${windowStartCutoff} THEN ${now}
                          ELSE rate_limits.window_start END
    RETURNING hits
  `.execute(db);
  return Number(row.rows[0]?.hits ?? 1);
}

export async function enforceRateLimit(
  db: Executor,
  key: string,
  limit: number,
  windowSeconds: number,
  now: Date,
): Promise<void> {
  const hits = await hit(db, key, windowSeconds, now);
  if (hits > limit) throw new AppError("RATE_LIMITED", { details: { retryAfterSeconds: windowSeconds } });
}

/** Refuses when the current window already holds `limit` hits, without counting this call. */
export async function assertUnderLimit(
  db: Executor,
  key: string,
  limit: number,
  windowSeconds: number,
  now: Date,
): Promise<void> {
  const row = await db
    .selectFrom("rate_limits")
    .select(["hits", "window_start"])
    .where("key", "=", key)
    .executeTakeFirst();
  const inWindow = row && new Date(row.window_start).getTime() > now.getTime() - windowSeconds * 1000;
  if (inWindow && row.hits >= limit)
    throw new AppError("RATE_LIMITED", { details: { retryAfterSeconds: windowSeconds } });
}

export async function clearRateLimit(db: Executor, key: string): Promise<void> {
  await db.deleteFrom("rate_limits").where("key", "=", key).execute();
}

/** One counted guess: its number since the last success, and the lock in force after counting it. */
export interface CountedAttempt {
  attempt: number;
  lockedUntil: Date | null;
}

/**
 * Counts a guess at a secret (a password, a TOTP code) before it is checked, in one statement: parallel
 * guesses each get their own number, so no more than `limit` of them are ever checked between two successes
 * or locks. An attempt past the limit sets the lock itself; an expired lock starts the count again.
 * The caller checks the guess only when `isEvaluable` says so.
 */
export async function countAttempt(
  db: Executor,
  key: string,
  rule: { limit: number; lockSeconds: number },
  now: Date,
): Promise<CountedAttempt> {
  const lockEnd = new Date(now.getTime() + rule.lockSeconds * 1000);
  const row = await sql<{ hits: number; locked_until: Date | string | null }>`
    INSERT INTO rate_limits (key, window_start, hits, locked_until) VALUES (${key}, ${now}, 1, NULL)
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN rate_limits.locked_until <= ${now} THEN 1 ELSE rate_limits.hits + 1 END,
      window_start = CASE WHEN rate_limits.locked_until <= ${now} THEN ${now} ELSE rate_limits.window_start END,
      locked_until = CASE
        WHEN rate_limits.locked_until <= ${now} THEN NULL
        WHEN rate_limits.locked_until IS NULL AND rate_limits.hits + 1 > ${rule.limit} THEN ${lockEnd}
        ELSE rate_limits.locked_until END
    RETURNING hits, locked_until
  `.execute(db);
  const counted = row.rows[0];
  return {
    attempt: Number(counted?.hits ?? 1),
    lockedUntil: counted?.locked_until ? new Date(counted.locked_until) : null,
  };
}

/**
 * Counts an attempt (`countAttempt`) and refuses it unchecked when the count does not allow a check, with
 * `refusal` and the seconds until the lock ends. Every guessed secret goes through here: sign-in names, the
 * password asked again, a signing key's password.
 */
export async function admitAttempt(
  db: Executor,
  key: string,
  rule: { limit: number; lockSeconds: number },
  now: Date,
  refusal: "RATE_LIMITED" | "ACCOUNT_LOCKED" = "RATE_LIMITED",
): Promise<CountedAttempt> {
  const counted = await countAttempt(db, key, rule, now);
  if (!isEvaluable(counted, rule.limit, now)) {
    const until = counted.lockedUntil ?? new Date(now.getTime() + rule.lockSeconds * 1000);
    throw new AppError(refusal, {
      details: { retryAfterSeconds: Math.ceil((until.getTime() - now.getTime()) / 1000) },
    });
  }
  return counted;
}

/** Whether a counted attempt may be checked: within the limit and not locked. */
export function isEvaluable(counted: CountedAttempt, limit: number, now: Date): boolean {
  return counted.attempt <= limit && !(counted.lockedUntil && counted.lockedUntil > now);
}

/** A checked attempt failed: the one that uses up the limit locks the counter from now. */
export async function failAttempt(
  db: Executor,
  key: string,
  counted: CountedAttempt,
  rule: { limit: number; lockSeconds: number },
  now: Date,
): Promise<boolean> {
  if (counted.attempt < rule.limit) return false;
  await db
    .updateTable("rate_limits")
    .set({ locked_until: new Date(now.getTime() + rule.lockSeconds * 1000) })
    .where("key", "=", key)
    .where("locked_until", "is", null)
    .execute();
  return true;
}

/**
 * A checked attempt succeeded. The count starts again only when no other attempt was counted since this one
 * (otherwise it just gives back its own): a success in the middle of a burst of parallel guesses must not
 * reopen the budget for the rest of the burst. A lock set meanwhile stays.
 */
export async function succeedAttempt(db: Executor, key: string, counted: CountedAttempt): Promise<void> {
  await sql`
    UPDATE rate_limits SET hits = CASE WHEN hits = ${counted.attempt} THEN 0 ELSE GREATEST(hits - 1, 0) END
    WHERE key = ${key} AND locked_until IS NULL
  `.execute(db);
}

/** Gives back an attempt that turned out not to be a guess (a right password still waiting for its TOTP code). */
export async function returnAttempt(db: Executor, key: string): Promise<void> {
  await sql`UPDATE rate_limits SET hits = GREATEST(hits - 1, 0) WHERE key = ${key} AND locked_until IS NULL`.execute(
    db,
  );
}
