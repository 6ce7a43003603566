/**
 * The log of calls received from the gateway (IPN, return, querydr answers) with the verdict each got. Rejections
 * are also audit events, so a forged or replayed notification leaves a trace in the hash-chained log.
 */
import type { Tx } from "../../db/database.ts";
import type { PaymentNotificationVerdict } from "../../db/tables/payments.ts";
import { recordAudit } from "../audit/audit-log.ts";

const REJECTIONS: ReadonlySet<PaymentNotificationVerdict> = new Set([
  "bad_signature",
  "wrong_merchant",
  "missing_fields",
  "unknown_order",
  "amount_mismatch",
  "already_confirmed",
  "late_success",
]);

export interface NotificationEntry {
  source: "ipn" | "return" | "querydr";
  txnRef: string | null;
  paymentId: string | null;
  verdict: PaymentNotificationVerdict;
  rspCode: string | null;
  params: Record<string, string>;
  ip: string | null;
  now: Date;
  /** The collecting unit when the payment is known (its audit chain), else the system chain. */
  unitId: string | null;
}

/** Text as it may be stored: no control characters (PostgreSQL refuses NUL), at most `max` characters. */
function clean(text: string, max: number): string {
  return text.replace(/\p{Cc}/gu, "\uFFFD").slice(0, max);
}

/** Keeps at most 60 fields of 500 characters: a hostile caller cannot fill the log. */
function bounded(params: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params)
      .slice(0, 60)
      .map(([k, v]) => [clean(k, 64), clean(String(v), 500)]),
  );
}

export async function logNotification(tx: Tx, entry: NotificationEntry): Promise<void> {
  const params = bounded(entry.params);
  const row = await tx
    .insertInto("payment_notifications")
    .values({
      received_at: entry.now,
      source: entry.source,
      txn_ref: entry.txnRef === null ? null : clean(entry.txnRef, 100),
      payment_id: entry.paymentId,
      verdict: entry.verdict,
      rsp_code: entry.rspCode,
      params: JSON.stringify(params),
      ip: entry.ip === null ? null : clean(entry.ip, 100),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (REJECTIONS.has(entry.verdict)) {
    await recordAudit(
      tx,
      {
        actor: { kind: "anonymous", id: null },
        action: `payment.${entry.source}_rejected`,
        entityType: "payment_notification",
        entityId: row.id,
        unitId: entry.unitId,
        summary: {
          verdict: entry.verdict,
          txnRef: entry.txnRef === null ? null : clean(entry.txnRef, 100),
          paymentId: entry.paymentId,
          rspCode: entry.rspCode,
          ip: entry.ip,
        },
      },
      entry.now,
    );
  }
}
