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
