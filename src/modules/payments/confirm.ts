/**
 * Marking a payment paid, in the caller's transaction: the next receipt number of the collecting unit for the year
 * (gap-free, the sequence row is locked), the audit event, and the "payment.paid" notification in the outbox.
 * A payment leaves "pending" once: the update only matches a pending row, so a second confirmation changes nothing.
 */
import type { Tx } from "../../db/database.ts";
import { formatVnd, vietnamTime } from "../../pdf/payment-receipt.ts";
import { type Actor, recordAudit } from "../audit/audit-log.ts";
import { enqueueNotification } from "../notifications/outbox.ts";
import type { PaymentRow } from "./access.ts";

export interface GatewayDetails {
  transactionNo: string | null;
  bankCode: string | null;
  cardType: string | null;
  responseCode: string | null;
}

export async function nextReceiptNumber(tx: Tx, unitId: string, at: Date): Promise<string> {
  const year = Number(vietnamTime(at).iso.slice(0, 4));
  const row = await tx
    .insertInto("payment_receipt_sequences")
    .values({ unit_id: unitId, year, last_seq: 1 })
    .onConflict((oc) =>
      oc
        .columns(["unit_id", "year"])
        .doUpdateSet((eb) => ({ last_seq: eb("payment_receipt_sequences.last_seq", "+", 1) })),
    )
    .returning("last_seq")
    .executeTakeFirstOrThrow();
  return `${String(row.last_seq).padStart(6, "0")}/${year}`;
}

/** After a payment became paid: audit and notify. */
export async function announcePaid(
  tx: Tx,
  payment: PaymentRow,
  actor: Actor,
  source: "ipn" | "querydr" | "counter",
  now: Date,
  publicUrl: string,
): Promise<void> {
  await recordAudit(
    tx,
    {
      actor,
      action: "payment.paid",
      entityType: "payment",
      entityId: payment.id,
      unitId: payment.unit_id,
      summary: {
        dossierId: payment.dossier_id,
        method: payment.method,
        amountVnd: Number(payment.amount_vnd),
        txnRef: payment.txn_ref,
        transactionNo: payment.gateway_transaction_no,
        receiptNumber: payment.receipt_number,
        source,
      },
    },
    now,
  );
  const dossier = await tx
    .selectFrom("dossiers")
    .select(["id", "code", "citizen_id", "applicant"])
    .where("id", "=", payment.dossier_id)
    .executeTakeFirstOrThrow();
  const applicant = (dossier.applicant ?? {}) as { email?: string | null; phone?: string | null };
  const citizen = dossier.citizen_id
    ? await tx
        .selectFrom("citizens")
        .select(["email", "phone"])
        .where("id", "=", dossier.citizen_id)
        .executeTakeFirst()
    : undefined;
  await enqueueNotification(
    tx,
    {
      template: "payment.paid",
      to: {
        email: citizen?.email ?? applicant.email ?? null,
        phone: citizen?.phone ?? applicant.phone ?? null,
      },
      channels: ["email", "sms"],
      data: {
        name: payment.payer_name,
        reference: dossier.code ?? payment.txn_ref,
        amount: formatVnd(Number(payment.amount_vnd)).replace(/ đồng$/, ""),
        paidAt: vietnamTime(new Date(payment.paid_at ?? now)).text,
        receiptNumber: payment.receipt_number ?? "",
        transactionRef: payment.gateway_transaction_no ?? payment.txn_ref,
        receiptUrl: `${publicUrl.replace(/\/+$/, "")}/api/v1/payments/${payment.id}/receipt`,
      },
      citizenId: dossier.citizen_id,
      dossierId: dossier.id,
      unitId: payment.unit_id,
      dedupeKey: `payment:${payment.id}:paid`,
    },
    now,
  );
}

/** pending → paid with the gateway's details; returns the updated row, or null when it was not pending. */
export async function confirmPaid(
  tx: Tx,
  payment: PaymentRow,
  details: GatewayDetails,
  paidAt: Date,
  source: "ipn" | "querydr",
  now: Date,
  publicUrl: string,
): Promise<PaymentRow | null> {
  if (payment.status !== "pending") return null;
  const receiptNumber = await nextReceiptNumber(tx, payment.unit_id, paidAt);
  const updated = await tx
    .updateTable("payments")
    .set((eb) => ({
      status: "paid",
      paid_at: paidAt,
      receipt_number: receiptNumber,
      gateway_transaction_no: details.transactionNo,
      gateway_bank_code: details.bankCode,
      gateway_card_type: details.cardType,
      gateway_response_code: details.responseCode,
      version: eb("version", "+", 1),
    }))
    .where("id", "=", payment.id)
    .where("status", "=", "pending")
    .returningAll()
    .executeTakeFirst();
  if (!updated) return null;
  await announcePaid(tx, updated, { kind: "system", id: null }, source, now, publicUrl);
  return updated;
}

/** pending → failed / cancelled / expired (no money was taken). */
export async function closeUnpaid(
  tx: Tx,
  payment: PaymentRow,
  status: "failed" | "cancelled" | "expired",
  responseCode: string | null,
  source: "ipn" | "querydr" | "start",
  now: Date,
): Promise<PaymentRow | null> {
  const updated = await tx
    .updateTable("payments")
    .set((eb) => ({ status, gateway_response_code: responseCode, version: eb("version", "+", 1) }))
    .where("id", "=", payment.id)
    .where("status", "=", "pending")
    .returningAll()
    .executeTakeFirst();
  if (!updated) return null;
  await recordAudit(
    tx,
    {
      actor: { kind: "system", id: null },
      action: `payment.${status}`,
      entityType: "payment",
      entityId: payment.id,
      unitId: payment.unit_id,
      summary: { dossierId: payment.dossier_id, txnRef: payment.txn_ref, responseCode, source },
    },
    now,
  );
  return updated;
}
