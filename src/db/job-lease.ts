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
}

export async function claimLeased<Row>(db: Db, queue: LeasedQueue, now: Date, limit: number): Promise<Row[]> {
  const status = sql.ref(queue.status ?? "status");
  const attempts = sql.ref(queue.attempts ?? "attempts");
  const leaseUntil = sql.ref(queue.leaseUntil ?? "lease_until");
  const lease = new Date(now.getTime() + queue.leaseSeconds * 1000);
  // The batch is picked once, in a materialised CTE, as the notification outbox does: written as `WHERE id IN
  // (SELECT … LIMIT n FOR UPDATE SKIP LOCKED)`, PostgreSQL may rescan the subquery and claim past the limit.
  const table = sql.table(queue.table);
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
