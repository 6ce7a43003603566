/**
 * Reconciling with the gateway: querydr for a pending payment (the IPN may have been lost, or the payer left),
 * and refunds. The gateway is called outside any transaction; its verified answer is then applied in one.
 */
import { randomBytes } from "node:crypto";
import { GatewayError, type QueryDrResult } from "../../adapters/payment/vnpay.ts";
import type { Db } from "../../db/database.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit/audit-log.ts";
import type { StaffPrincipal } from "../auth/principal.ts";
import { loadPayment, type PaymentRow } from "./access.ts";
import { closeUnpaid, confirmPaid } from "./confirm.ts";
import type { PaymentGateway } from "./gateway.ts";
import { logNotification } from "./notification-log.ts";

export interface ReconcileDeps {
  db: Db;
  gateway: PaymentGateway;
  publicUrl: string;
}

function requestId(): string {
  return randomBytes(12).toString("hex");
}

function gatewayFailed(error: unknown): never {
  if (error instanceof GatewayError) {
    throw new AppError("PAYMENT_GATEWAY_FAILED", { details: { reason: error.kind } });
  }
  throw error;
}

async function askGateway(
  deps: ReconcileDeps,
  payment: PaymentRow,
  ip: string,
  now: Date,
): Promise<QueryDrResult> {
  try {
    return await deps.gateway.client.queryDr({
      requestId: requestId(),
      txnRef: payment.txn_ref,
      transactionDate: new Date(payment.gateway_create_date ?? payment.created_at),
      createdAt: now,
      ipAddr: ip,
      orderInfo: `Truy van giao dich ${payment.txn_ref}`,
      transactionNo: payment.gateway_transaction_no,
    });
  } catch (error) {
    return gatewayFailed(error);
  }
}

/**
 * Applies the gateway's querydr answer to a pending payment: paid (with the amount checked), closed when the
 * gateway says it failed, expired when its time ran out unpaid (`expireIfUnpaid`), else left pending.
 */
export async function settleWithGateway(
  deps: ReconcileDeps,
  payment: PaymentRow,
  ip: string,
  now: Date,
  options: { expireIfUnpaid: boolean },
): Promise<PaymentRow> {
  if (payment.method !== "vnpay" || payment.status !== "pending") return payment;
  const answer = await askGateway(deps, payment, ip, now);
  return deps.db.transaction().execute(async (tx) => {
    const row = await loadPayment(tx, payment.id, true);
    if (row.status !== "pending") return row;
    const params = Object.fromEntries(
      Object.entries(answer).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : String(v)]),
    );
    const expired = row.expires_at !== null && new Date(row.expires_at) <= now;
    if (answer.paid) {
      if (answer.amountVnd !== Number(row.amount_vnd) || answer.txnRef !== row.txn_ref) {
        await logNotification(tx, {
          source: "querydr",
          txnRef: row.txn_ref,
          paymentId: row.id,
          verdict: "amount_mismatch",
          rspCode: answer.responseCode,
          params,
          ip: null,
          now,
          unitId: row.unit_id,
        });
        return row;
      }
      const paid = await confirmPaid(
        tx,
        row,
        {
          transactionNo: answer.transactionNo,
          bankCode: answer.bankCode,
          cardType: null,
          responseCode: "00",
        },
        answer.payDate ?? now,
        "querydr",
        now,
        deps.publicUrl,
      );
      await logNotification(tx, {
        source: "querydr",
        txnRef: row.txn_ref,
        paymentId: row.id,
        verdict: "confirmed_paid",
        rspCode: answer.responseCode,
        params,
        ip: null,
        now,
        unitId: null,
      });
      return paid ?? row;
    }
    const pendingAtGateway = !answer.found || answer.transactionStatus === "01";
    if (!pendingAtGateway) {
      await logNotification(tx, {
        source: "querydr",
        txnRef: row.txn_ref,
        paymentId: row.id,
        verdict: "confirmed_failed",
        rspCode: answer.responseCode,
        params,
        ip: null,
        now,
        unitId: null,
      });
      return (await closeUnpaid(tx, row, "failed", answer.transactionStatus, "querydr", now)) ?? row;
    }
    if (expired && options.expireIfUnpaid) {
      return (await closeUnpaid(tx, row, "expired", null, "querydr", now)) ?? row;
    }
    return row;
  });
}

/** Staff ask the gateway about a pending online payment. */
export async function queryPayment(
  deps: ReconcileDeps,
  staff: StaffPrincipal,
  payment: PaymentRow,
  ip: string,
  now: Date,
): Promise<PaymentRow> {
  if (payment.method !== "vnpay" || payment.status !== "pending") {
    throw new AppError("PAYMENT_NOT_PENDING", { details: { status: payment.status } });
  }
  const settled = await settleWithGateway(deps, payment, ip, now, { expireIfUnpaid: true });
  await deps.db.transaction().execute(async (tx) => {
    await recordAudit(
      tx,
      {
        actor: { kind: "staff", id: staff.staffId },
        action: "payment.query",
        entityType: "payment",
        entityId: payment.id,
        unitId: payment.unit_id,
        summary: { txnRef: payment.txn_ref, before: payment.status, after: settled.status },
      },
      now,
    );
  });
  return settled;
}

/**
 * A leader or unit administrator refunds a paid fee with a reason. Online payments are refunded at the gateway
 * first (full refund, type 02); the payment becomes "refunded" only when the gateway accepted.
 */
export async function refundPayment(
  deps: { db: Db; gateway: PaymentGateway | null },
  staff: StaffPrincipal,
  payment: PaymentRow,
  input: { version: number; reason: string },
  ip: string,
  now: Date,
): Promise<PaymentRow> {
  if (payment.status !== "paid")
    throw new AppError("PAYMENT_NOT_REFUNDABLE", { details: { status: payment.status } });
  if (payment.version !== input.version) {
    throw new AppError("CONFLICT", { details: { version: payment.version } });
  }
  let transactionNo: string | null = null;
  if (payment.method === "vnpay") {
    if (!deps.gateway) throw new AppError("ONLINE_PAYMENT_DISABLED");
    let answer: Awaited<ReturnType<PaymentGateway["client"]["refund"]>>;
    try {
      answer = await deps.gateway.client.refund({
        requestId: requestId(),
        txnRef: payment.txn_ref,
        amountVnd: Number(payment.amount_vnd),
        transactionType: "02",
        transactionNo: payment.gateway_transaction_no,
        transactionDate: new Date(payment.gateway_create_date ?? payment.created_at),
        createdBy: staff.username,
        createdAt: now,
        ipAddr: ip,
        orderInfo: `Hoan tien ${payment.txn_ref}`,
      });
    } catch (error) {
      return gatewayFailed(error);
    }
    if (!answer.ok) {
      throw new AppError("PAYMENT_REFUND_REFUSED", {
        details: { responseCode: answer.responseCode, message: answer.message },
      });
    }
    transactionNo = answer.transactionNo;
  }
  return deps.db.transaction().execute(async (tx) => {
    const row = await loadPayment(tx, payment.id, true);
    if (row.status !== "paid")
      throw new AppError("PAYMENT_NOT_REFUNDABLE", { details: { status: row.status } });
    if (row.version !== input.version) throw new AppError("CONFLICT", { details: { version: row.version } });
    const updated = await tx
      .updateTable("payments")
      .set((eb) => ({
        status: "refunded",
        refund_amount_vnd: Number(row.amount_vnd),
        refund_reason: input.reason,
        refunded_at: now,
        refunded_by: staff.staffId,
        refund_transaction_no: transactionNo,
        version: eb("version", "+", 1),
      }))
      .where("id", "=", row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(
      tx,
      {
        actor: { kind: "staff", id: staff.staffId },
        action: "payment.refund",
        entityType: "payment",
        entityId: row.id,
        unitId: row.unit_id,
        summary: {
          dossierId: row.dossier_id,
          amountVnd: Number(row.amount_vnd),
          reason: input.reason,
          method: row.method,
          refundTransactionNo: transactionNo,
        },
      },
      now,
    );
    return updated;
  });
}
