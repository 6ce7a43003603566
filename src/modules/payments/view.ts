/** A payment row as the API shows it (contracts Payment), with what the caller may do. */
import type { PaymentType } from "../../contracts/payments.ts";
import type { Executor } from "../../db/database.ts";
import type { UnitInfo } from "../dossiers/access.ts";
import type { DossierForPayment, PaymentRow, Viewer } from "./access.ts";

const iso = (v: Date | string | null): string | null => (v === null ? null : new Date(v).toISOString());

export function isOpenFor(row: PaymentRow, now: Date): boolean {
  return row.status === "pending" && row.expires_at !== null && new Date(row.expires_at) > now;
}

export async function refunderName(
  db: Executor,
  id: string | null,
): Promise<{ id: string; fullName: string } | null> {
  if (!id) return null;
  const row = await db
    .selectFrom("staff")
    .select(["id", "full_name"])
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? { id: row.id, fullName: row.full_name } : null;
}

export async function paymentView(
  db: Executor,
  row: PaymentRow,
  dossier: Pick<DossierForPayment, "code" | "procedure_name">,
  unit: UnitInfo,
  viewer: Viewer,
  now: Date,
): Promise<PaymentType> {
  const actions: PaymentType["actions"] = [];
  const owner = viewer.kind === "owner";
  if (owner && isOpenFor(row, now)) actions.push("pay");
  if (viewer.kind === "staff" && row.method === "vnpay" && row.status === "pending") actions.push("query");
  if (viewer.kind === "staff" && viewer.refunds && row.status === "paid") actions.push("refund");
  const receipt = row.status === "paid" || row.status === "refunded";
  return {
    id: row.id,
    dossierId: row.dossier_id,
    dossierCode: dossier.code,
    procedureName: dossier.procedure_name,
    method: row.method,
    status: row.status,
    amountVnd: Number(row.amount_vnd),
    txnRef: row.txn_ref,
    payerName: row.payer_name,
    unit: { code: unit.code, name: unit.name },
    gateway:
      row.method === "vnpay"
        ? {
            transactionNo: row.gateway_transaction_no,
            bankCode: row.gateway_bank_code,
            cardType: row.gateway_card_type,
            responseCode: row.gateway_response_code,
          }
        : null,
    reference: row.reference,
    createdAt: iso(row.created_at) as string,
    expiresAt: iso(row.expires_at),
    paidAt: iso(row.paid_at),
    receiptNumber: row.receipt_number,
    receiptUrl: receipt ? `/api/v1/payments/${row.id}/receipt` : null,
    refund:
      row.status === "refunded" && row.refunded_at
        ? {
            amountVnd: Number(row.refund_amount_vnd),
            reason: row.refund_reason ?? "",
            at: iso(row.refunded_at) as string,
            by: await refunderName(db, row.refunded_by),
            transactionNo: row.refund_transaction_no,
          }
        : null,
    actions,
    redirectUrl: owner && isOpenFor(row, now) ? row.redirect_url : null,
    version: row.version,
  };
}
