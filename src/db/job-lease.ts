/**
 * Leased background jobs, shared by the queues kept as rows (report exports, catalog imports, document OCR,
 * hand-over list prints).
 * A claim is one UPDATE over a batch picked once with `SELECT … FOR UPDATE SKIP LOCKED`: due rows are pending, or
 * running with a lease that has run out (a crashed pass is retried), and below the attempt cap; each claimed row
 * is marked running, its attempt counted and its lease set, so several processes share the work.
 */
import { sql } from "kysely";
import type { Db } from "./database.ts";

export interface LeasedQueue {
  table: string;
  /** Column names; the defaults are `status`, `attempts`, `lease_until`. */
  status?: string;
  attempts?: string;
  leaseUntil?: string;
  /** Oldest first by this column. */
  orderBy: string;
  returning: readonly string[];
  maxAttempts: number;
  leaseSeconds: number;
  /**
   * Where a job whose last attempt died with its process (running, lease run out, no attempt left) is closed as
   * failed: the column that takes the reason, and the finishing time's column when the table has one. Without
   * it such a job would stay "running" for ever, as nothing may claim it again.
   */
  giveUp?: { error: string; value?: string; finishedAt?: string };
}

/** Test-only timing of the background passes (JOBS_INTERVAL_MS, JOBS_LEASE_SECONDS in src/config.ts). */
export interface PassTiming {
  intervalMs?: number | undefined;
  leaseSeconds?: number | undefined;
}

/** The queue with its lease replaced when a test timing gives one. */
export function withLease<Q extends LeasedQueue>(queue: Q, leaseSeconds: number | undefined): Q {
  return leaseSeconds === undefined ? queue : { ...queue, leaseSeconds };
}

/** The reason kept on a job given up after its last attempt was cut (a killed or stopped process). */
export const INTERRUPTED = "interrupted: the process stopped during each attempt";

export async function claimLeased<Row>(db: Db, queue: LeasedQueue, now: Date, limit: number): Promise<Row[]> {
  const status = sql.ref(queue.status ?? "status");
  const attempts = sql.ref(queue.attempts ?? "attempts");
  const leaseUntil = sql.ref(queue.leaseUntil ?? "lease_until");
  const lease = new Date(now.getTime() + queue.leaseSeconds * 1000);
  // The batch is picked once, in a materialised CTE, as the notification outbox does: written as `WHERE id IN
  // (SELECT … LIMIT n FOR UPDATE SKIP LOCKED)`, PostgreSQL may rescan the subquery and claim past the limit.
  const table = sql.table(queue.table);
  if (queue.giveUp) {
    const finished = queue.giveUp.finishedAt ? sql`, ${sql.ref(queue.giveUp.finishedAt)} = ${now}` : sql``;
    await sql`
      UPDATE ${table} SET ${status} = 'failed', ${leaseUntil} = NULL, ${sql.ref(queue.giveUp.error)} = ${queue.giveUp.value ?? INTERRUPTED}
        ${finished}
      WHERE ${status} = 'running' AND ${leaseUntil} < ${now} AND ${attempts} >= ${queue.maxAttempts}
    `.execute(db);
  }
  const { rows } = await sql<Row>`
    WITH picked AS MATERIALIZED (
      SELECT id FROM ${table}
      WHERE (${status} = 'pending' OR (${status} = 'running' AND ${leaseUntil} < ${now}))
        AND ${attempts} < ${queue.maxAttempts}
      ORDER BY ${sql.ref(queue.orderBy)}
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE ${table} SET ${status} = 'running', ${attempts} = ${attempts} + 1, ${leaseUntil} = ${lease}
    FROM picked
    WHERE ${table}.id = picked.id
    RETURNING ${sql.join(queue.returning.map((column) => sql.ref(`${queue.table}.${column}`)))}
  `.execute(db);
  return rows;
}

/** What a file job made: the bytes and the name they are served under. */
export interface MadeFile {
  content: Uint8Array;
  filename: string;
}

/**
 * One pass over a queue whose jobs each make a file (report exports, hand-over list prints), in a table with the
 * columns status, attempts, lease_until, content, filename, error and finished_at: claim up to `limit` due jobs,
 * `make` each file and keep it on the row while the row is still this pass's claim (running, at the attempt this
 * pass counted); a failure goes back to pending with its message, or to failed once the queue's attempts are used
 * up. Both writes are conditional on the claim: a pass whose lease ran out and was taken over by another neither
 * overwrites the other's file nor sends a finished job back to pending (where it would be made a second time).
 */
export async function runFileJobs<Job extends { id: string; attempts: number }>(
  db: Db,
  queue: LeasedQueue,
  now: Date,
  limit: number,
  make: (job: Job) => Promise<MadeFile>,
): Promise<{ done: number; failed: number }> {
  const table = sql.table(queue.table);
  const jobs = await claimLeased<Job>(db, queue, now, limit);
  let done = 0;
  let failed = 0;
  for (const job of jobs) {
    try {
      const file = await make(job);
      await sql`
        UPDATE ${table} SET status = 'done', content = ${file.content}, filename = ${file.filename},
          lease_until = NULL, error = NULL, finished_at = ${now}
        WHERE id = ${job.id} AND status = 'running' AND attempts = ${job.attempts}
      `.execute(db);
      done++;
    } catch (error) {
      failed++;
      const status = job.attempts >= queue.maxAttempts ? "failed" : "pending";
      const message = String(error instanceof Error ? error.message : error).slice(0, 500);
      await sql`
        UPDATE ${table} SET status = ${status}, lease_until = NULL, error = ${message}
        WHERE id = ${job.id} AND status = 'running' AND attempts = ${job.attempts}
      `.execute(db);
    }
  }
  return { done, failed };
}

/** Runs `pass` every `intervalMs` until stopped; a pass never overlaps the previous one. */
export function periodicPass(
  pass: () => Promise<unknown>,
  onError: (error: unknown) => void,
  intervalMs: number,
) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  const tick = () => {
    running ??= pass()
      .catch(onError)
      .finally(() => {
        running = undefined;
      });
  };
  return {
    start() {
      timer = setInterval(tick, intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
