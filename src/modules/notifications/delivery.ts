import { sql } from "kysely";
import type { EmailSender, SmsSender } from "../../adapters/messaging/sender.ts";
import type { Db } from "../../db/database.ts";
import type { NotificationChannel } from "../../db/tables/notifications.ts";

/**
 * The delivery worker: claims due outbox rows, sends each, marks it sent; on failure schedules a retry with
 * exponential backoff, and after `maxAttempts` marks the row dead with the last error (an admin can retry it).
 *
 * Claiming is one UPDATE over a batch picked with SELECT … FOR UPDATE SKIP LOCKED that counts the attempt and pushes
 * `next_attempt_at` a lease ahead. On PostgreSQL concurrent workers skip each other's rows; PGlite has one
 * connection, so its statements run one after another and the same UPDATE is equally exclusive there. The send
 * happens outside any transaction, so no database connection is held while a mail server answers.
 *
 * Delivery is at least once, not exactly once: if the process dies after the provider accepted a message but
 * before the row is marked sent, the lease runs out and the message is sent again. It is sent with the same
 * identifier — the e-mail Message-ID `<outbox-id@host>` and the SMS gateway `requestId` = outbox id — so a
 * receiver that de-duplicates on it (mail clients and archives by Message-ID; our SMS gateway by requestId) shows
 * it once. Nothing is ever lost: a row leaves `pending` only when a provider accepted it or it is dead.
 */
export interface Senders {
  email?: EmailSender | undefined;
  sms?: SmsSender | undefined;
}

export interface DeliveryOptions {
  /** Rows claimed per call. */
  batch?: number;
  maxAttempts?: number;
  /** How long a claim is held before another worker may take the row again (a crashed worker's rows). */
  leaseMs?: number;
  /** Delay after the n-th failed attempt (1-based). */
  backoffMs?: (attempt: number) => number;
}

export interface DeliveryReport {
  sent: number;
  retrying: number;
  dead: number;
}

export const DEFAULT_MAX_ATTEMPTS = 8;
const DEFAULT_LEASE_MS = 5 * 60_000;

/** 1 min, 2, 4, 8 … capped at 6 hours. */
export function defaultBackoffMs(attempt: number): number {
  return Math.min(60_000 * 2 ** (attempt - 1), 6 * 3600_000);
}

interface ClaimedRow {
  id: string;
  channel: NotificationChannel;
  recipient: string;
  subject: string | null;
  body_text: string | null;
  body_html: string | null;
  attempts: number;
}

async function claim(db: Db, channels: NotificationChannel[], now: Date, batch: number, leaseMs: number) {
  const leaseEnd = new Date(now.getTime() + leaseMs);
  // The batch is picked once, in a materialised CTE: written as `WHERE id IN (SELECT … LIMIT n FOR UPDATE SKIP
  // LOCKED)`, PostgreSQL may rescan the subquery for each row and claim the whole queue, which left a second worker
  // with nothing to do.
  const result = await sql<ClaimedRow>`
    WITH picked AS MATERIALIZED (
      SELECT id FROM notification_outbox
       WHERE status = 'pending' AND next_attempt_at <= ${now} AND channel IN (${sql.join(channels)})
       ORDER BY next_attempt_at, created_at
       LIMIT ${batch}
       FOR UPDATE SKIP LOCKED
    )
    UPDATE notification_outbox o
       SET attempts = o.attempts + 1, claimed_at = ${now}, next_attempt_at = ${leaseEnd}
      FROM picked
     WHERE o.id = picked.id AND o.status = 'pending'
    RETURNING o.id, o.channel, o.recipient, o.subject, o.body_text, o.body_html, o.attempts`.execute(db);
  return result.rows;
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 1000);
}

async function sendOne(row: ClaimedRow, senders: Senders) {
  if (row.body_text === null) throw new Error("The message body was erased; it cannot be sent again.");
  if (row.channel === "email") {
    if (!senders.email) throw new Error("No e-mail sender is configured.");
    return senders.email.send({
      id: row.id,
      to: row.recipient,
      subject: row.subject ?? "",
      text: row.body_text,
      html: row.body_html,
    });
  }
  if (!senders.sms) throw new Error("No SMS sender is configured.");
  return senders.sms.send({ id: row.id, to: row.recipient, text: row.body_text });
}

/**
 * Sends what is due at `now`. Channels without a configured sender are left pending (visible to admins) rather
 * than burnt through their attempts. Tests call this directly; `motcua serve` calls it on an interval.
 */
export async function deliverDue(
  db: Db,
  senders: Senders,
  now: Date,
  options: DeliveryOptions = {},
): Promise<DeliveryReport> {
  const channels: NotificationChannel[] = [];
  if (senders.email) channels.push("email");
  if (senders.sms) channels.push("sms");
  const report: DeliveryReport = { sent: 0, retrying: 0, dead: 0 };
  if (channels.length === 0) return report;
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const backoff = options.backoffMs ?? defaultBackoffMs;
  const rows = await claim(db, channels, now, options.batch ?? 20, options.leaseMs ?? DEFAULT_LEASE_MS);
  for (const row of rows) {
    try {
      const receipt = await sendOne(row, senders);
      // A message holding a secret keeps no copy of it once delivered.
      await sql`
        UPDATE notification_outbox
           SET status = 'sent', sent_at = ${now}, provider_reference = ${receipt.reference}, last_error = NULL,
               body_text = CASE WHEN sensitive THEN NULL ELSE body_text END,
               body_html = CASE WHEN sensitive THEN NULL ELSE body_html END
         WHERE id = ${row.id} AND status = 'pending'`.execute(db);
      report.sent += 1;
    } catch (error) {
      const dead = row.attempts >= maxAttempts;
      await db
        .updateTable("notification_outbox")
        .set({
          status: dead ? "dead" : "pending",
          last_error: errorText(error),
          claimed_at: null,
          next_attempt_at: new Date(now.getTime() + (dead ? 0 : backoff(row.attempts))),
        })
        .where("id", "=", row.id)
        .where("status", "=", "pending")
        .execute();
      if (dead) report.dead += 1;
      else report.retrying += 1;
    }
  }
  return report;
}

export interface DeliveryWorker {
  /** Waits for the pass in progress, then stops. */
  stop(): Promise<void>;
}

/** Runs `deliverDue` every `intervalMs` (one pass at a time) until stopped. */
export function startDeliveryWorker(args: {
  db: Db;
  senders: Senders;
  clock: () => Date;
  intervalMs: number;
  options?: DeliveryOptions;
  /** Runs before each pass (e.g. overdue detection, which enqueues notices). */
  sweep?: (now: Date) => Promise<unknown>;
  onError: (error: unknown) => void;
}): DeliveryWorker {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    running = (async () => {
      try {
        if (args.sweep) await args.sweep(args.clock());
        // Drain: keep going while whole batches come back.
        for (let i = 0; i < 50 && !stopped; i++) {
          const r = await deliverDue(args.db, args.senders, args.clock(), args.options);
          if (r.sent + r.retrying + r.dead < (args.options?.batch ?? 20)) break;
        }
      } catch (error) {
        args.onError(error);
      }
    })();
    running.then(() => {
      if (!stopped) timer = setTimeout(tick, args.intervalMs);
    });
  };
  timer = setTimeout(tick, args.intervalMs);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
