/** The electronic receipt (biên lai điện tử) of a paid or refunded payment, drawn from the stored record. */
import type { Executor } from "../../db/database.ts";
import { AppError } from "../../errors.ts";
import { renderInPool } from "../../pdf/pool.ts";
import { addressLine, bodyName, placeOf } from "../dossiers/forms.ts";
import type { DossierForPayment, PaymentRow } from "./access.ts";

export async function receiptPdf(
  db: Executor,
  payment: PaymentRow,
  dossier: DossierForPayment,
  publicUrl: string,
): Promise<{ bytes: Uint8Array; filename: string }> {
  if (!payment.receipt_number || !payment.paid_at) {
    throw new AppError("INVALID_STATE", { details: { status: payment.status } });
  }
  const unit = await db
    .selectFrom("units")
    .select(["name", "parent_id"])
    .where("id", "=", payment.unit_id)
    .executeTakeFirstOrThrow();
  const parent = unit.parent_id
    ? await db.selectFrom("units").select("name").where("id", "=", unit.parent_id).executeTakeFirst()
    : undefined;
  const collector = payment.created_by
    ? await db.selectFrom("staff").select("full_name").where("id", "=", payment.created_by).executeTakeFirst()
    : undefined;
  const applicant = (dossier.applicant ?? {}) as {
    identityNumber?: string;
    address?: { detail: string; commune: string; district: string | null; province: string };
  };
  const bytes = await renderInPool("paymentReceiptPdf", {
    receiptNumber: payment.receipt_number,
    unit: {
      name: bodyName(unit.name),
      parentName: parent ? bodyName(parent.name) : null,
      place: placeOf(unit.name),
    },
    payer: {
      name: payment.payer_name,
      identityNumber: applicant.identityNumber ?? null,
      address: applicant.address ? addressLine(applicant.address) : null,
    },
    dossierCode: dossier.code ?? "—",
    procedureName: dossier.procedure_name,
    amountVnd: Number(payment.amount_vnd),
    method: payment.method,
    transactionNo: payment.method === "vnpay" ? payment.gateway_transaction_no : payment.reference,
    txnRef: payment.txn_ref,
    paidAt: new Date(payment.paid_at),
    collectedBy: collector?.full_name ?? null,
    url: `${publicUrl.replace(/\/+$/, "")}/api/v1/payments/${payment.id}/receipt`,
  });
  return { bytes, filename: `bien-lai-${payment.receipt_number.replace(/\//g, "-")}.pdf` };
}
