/**
 * Starting a payment of a dossier's fee: online by its owner (a signed redirect to the gateway), or recorded at the
 * desk (cash or bank transfer, paid at once). The amount is the dossier's fee as the catalog's fee function set it
 * at filing (dossiers.fee_vnd). A paid fee is never charged again; an open online payment is handed back rather
 * than doubled; the unique index payments_one_live_per_dossier holds both rules against concurrent requests.
 */
import { randomBytes } from "node:crypto";
import { payUrl } from "../../adapters/payment/vnpay.ts";
import type { StartPaymentInputType } from "../../contracts/payments.ts";
import type { Db, Tx } from "../../db/database.ts";
import { TERMINAL_STATUSES } from "../../domain/dossier/index.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit/audit-log.ts";
import type { CitizenPrincipal, StaffPrincipal } from "../auth/principal.ts";
import { type DossierForPayment, loadDossier, type PaymentRow } from "./access.ts";
import { announcePaid, nextReceiptNumber } from "./confirm.ts";
import type { PaymentGateway } from "./gateway.ts";
import { settleWithGateway } from "./reconcile.ts";
import { isOpenFor } from "./view.ts";

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "23505";
}

/** The fee to pay, or the reason there is none. */
export function feeDue(dossier: DossierForPayment): number {
  if ((TERMINAL_STATUSES as readonly string[]).includes(dossier.status)) {
    throw new AppError("PAYMENT_NOT_ALLOWED", { details: { status: dossier.status } });
  }
  if (dossier.fee_vnd === null) throw new AppError("FEE_NOT_SET");
  if (dossier.fee_vnd <= 0) throw new AppError("FEE_NOT_DUE");
  return dossier.fee_vnd;
}

async function livePayment(tx: Tx | Db, dossierId: string): Promise<PaymentRow | undefined> {
  return tx
    .selectFrom("payments")
    .selectAll()
    .where("dossier_id", "=", dossierId)
    .where("status", "in", ["pending", "paid"])
    .executeTakeFirst();
}

/** vnp_TxnRef: unique, at most 100 characters, letters and digits. */
export function newTxnRef(now: Date): string {
  const stamp = now.toISOString().replace(/\D/g, "").slice(2, 14);
  return `MC${stamp}${randomBytes(5).toString("hex").toUpperCase()}`;
}

export interface StartDeps {
  db: Db;
  gateway: PaymentGateway;
  publicUrl: string;
}

export async function startOnlinePayment(
  deps: StartDeps,
  principal: CitizenPrincipal,
  dossierId: string,
  input: StartPaymentInputType,
  ip: string,
  now: Date,
): Promise<{ payment: PaymentRow; created: boolean }> {
  const { db, gateway } = deps;
  const first = await loadDossier(db, dossierId);
  if (first.citizen_id !== principal.citizenId)
    throw new AppError("NOT_FOUND", { details: { entity: "dossier" } });
  feeDue(first);
  // A pending payment whose time ran out may still have been paid at the last moment: ask the gateway first.
  const stale = await livePayment(db, dossierId);
  if (stale && stale.status === "pending" && !isOpenFor(stale, now)) {
    await settleWithGateway({ db, gateway, publicUrl: deps.publicUrl }, stale, ip, now, {
      expireIfUnpaid: true,
    });
  }
  try {
    return await db.transaction().execute(async (tx) => {
      const dossier = await loadDossier(tx, dossierId, true);
      const amount = feeDue(dossier);
      const live = await livePayment(tx, dossierId);
      if (live?.status === "paid") {
        throw new AppError("FEE_ALREADY_PAID", {
          details: { paymentId: live.id, receiptNumber: live.receipt_number },
        });
      }
      if (live && isOpenFor(live, now)) {
        if (live.method !== "vnpay" || live.citizen_id !== principal.citizenId) {
          throw new AppError("PAYMENT_IN_PROGRESS", { details: { paymentId: live.id } });
        }
        return { payment: live, created: false };
      }
      if (live) throw new AppError("PAYMENT_IN_PROGRESS", { details: { paymentId: live.id } });
      const txnRef = newTxnRef(now);
      const expiresAt = new Date(now.getTime() + gateway.config.expiryMinutes * 60_000);
      const orderInfo = `Thanh toan phi, le phi ho so ${dossier.code ?? txnRef}`;
      const redirectUrl = payUrl(gateway.config.gatewayUrl, gateway.merchant, {
        txnRef,
        amountVnd: amount,
        orderInfo,
        returnUrl: gateway.config.returnUrl,
        ipAddr: ip,
        createdAt: now,
        expiresAt,
        locale: input.locale ?? "vn",
        ...(input.bankCode ? { bankCode: input.bankCode } : {}),
      });
      const payment = await tx
        .insertInto("payments")
        .values({
          dossier_id: dossier.id,
          unit_id: dossier.received_unit_id,
          citizen_id: principal.citizenId,
          method: "vnpay",
          status: "pending",
          amount_vnd: amount,
          txn_ref: txnRef,
          order_info: orderInfo,
          payer_name: dossier.applicant_name,
          redirect_url: redirectUrl,
          ip,
          gateway_create_date: now,
          created_at: now,
          expires_at: expiresAt,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(
        tx,
        {
          actor: { kind: "citizen", id: principal.citizenId },
          action: "payment.start",
          entityType: "payment",
          entityId: payment.id,
          unitId: payment.unit_id,
          summary: { dossierId: dossier.id, method: "vnpay", amountVnd: amount, txnRef },
        },
        now,
      );
      return { payment, created: true };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("PAYMENT_IN_PROGRESS");
    throw error;
  }
}

export interface CounterInput {
  method: "cash" | "bank_transfer";
  amountVnd: number;
  reference?: string | null | undefined;
}

/** The desk records a fee collected in cash or by transfer: paid at once, with its receipt. */
export async function recordCounterPayment(
  db: Db,
  staff: StaffPrincipal,
  dossierId: string,
  input: CounterInput,
  now: Date,
  publicUrl: string,
): Promise<PaymentRow> {
  try {
    return await db.transaction().execute(async (tx) => {
      const dossier = await loadDossier(tx, dossierId, true);
      const amount = feeDue(dossier);
      const live = await livePayment(tx, dossierId);
      if (live?.status === "paid") {
        throw new AppError("FEE_ALREADY_PAID", {
          details: { paymentId: live.id, receiptNumber: live.receipt_number },
        });
      }
      if (live) throw new AppError("PAYMENT_IN_PROGRESS", { details: { paymentId: live.id } });
      if (input.amountVnd !== amount) {
        throw new AppError("PAYMENT_AMOUNT_MISMATCH", {
          details: { expectedVnd: amount, givenVnd: input.amountVnd },
        });
      }
      const receiptNumber = await nextReceiptNumber(tx, dossier.received_unit_id, now);
      const payment = await tx
        .insertInto("payments")
        .values({
          dossier_id: dossier.id,
          unit_id: dossier.received_unit_id,
          citizen_id: dossier.citizen_id,
          method: input.method,
          status: "paid",
          amount_vnd: amount,
          txn_ref: newTxnRef(now),
          order_info: `Thu phi, le phi ho so ${dossier.code ?? dossier.id}`,
          payer_name: dossier.applicant_name,
          reference: input.reference ?? null,
          created_at: now,
          created_by: staff.staffId,
          paid_at: now,
          receipt_number: receiptNumber,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await announcePaid(tx, payment, { kind: "staff", id: staff.staffId }, "counter", now, publicUrl);
      return payment;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("PAYMENT_IN_PROGRESS");
    throw error;
  }
}
