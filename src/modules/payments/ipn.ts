/**
 * The gateway's calls: the IPN (server to server, the only call that marks a payment paid) and the browser's
 * return (shows the outcome, changes nothing). Both are verified by signature. The IPN answers VNPay's RspCode:
 * 00 confirmed, 01 unknown order, 02 already confirmed (a replay or a duplicate: nothing changes), 04 wrong amount,
 * 97 bad signature, 99 other errors. Each call is logged with its verdict in the same transaction.
 *
 * Calls that are not signed by the gateway (bad or missing signature, another merchant) are counted per address
 * before anything is written, and past `UNSIGNED_LIMIT` refused with 429 and not logged: a stranger cannot fill
 * the notification log and the audit chain. Signed calls are never limited here (the gateway retries them).
 */
import {
  IPN_ANSWERS,
  type IpnAnswerKey,
  readCallback,
  type VnpParams,
} from "../../adapters/payment/vnpay.ts";
import type { ReturnOutcomeType } from "../../contracts/payments.ts";
import type { Db } from "../../db/database.ts";
import type { PaymentNotificationVerdict } from "../../db/tables/payments.ts";
import { enforceRateLimit } from "../auth/rate-limit.ts";
import { closeUnpaid, confirmPaid } from "./confirm.ts";
import type { PaymentGateway } from "./gateway.ts";
import { logNotification } from "./notification-log.ts";

export interface IpnDeps {
  db: Db;
  gateway: PaymentGateway;
  publicUrl: string;
}

export type IpnAnswer = (typeof IPN_ANSWERS)[IpnAnswerKey];

const VERDICT_ANSWER: Record<PaymentNotificationVerdict, IpnAnswerKey> = {
  confirmed_paid: "confirmed",
  confirmed_failed: "confirmed",
  already_confirmed: "alreadyConfirmed",
  late_success: "alreadyConfirmed",
  bad_signature: "invalidSignature",
  wrong_merchant: "invalidSignature",
  missing_fields: "unknownError",
  unknown_order: "orderNotFound",
  amount_mismatch: "invalidAmount",
  shown: "unknownError",
  error: "unknownError",
};

/** Unsigned calls (IPN and return together) from one address. */
export const UNSIGNED_LIMIT = { limit: 20, windowSeconds: 10 * 60 };

/** Counts an unsigned call in its own statement, committed before (and whatever becomes of) the logging. */
function limitUnsigned(db: Db, ip: string, now: Date): Promise<void> {
  return enforceRateLimit(
    db,
    `payment-unsigned:ip:${ip}`,
    UNSIGNED_LIMIT.limit,
    UNSIGNED_LIMIT.windowSeconds,
    now,
  );
}

export async function handleIpn(deps: IpnDeps, params: VnpParams, ip: string, now: Date): Promise<IpnAnswer> {
  const verdict = readCallback(params, deps.gateway.merchant);
  if (!verdict.ok) await limitUnsigned(deps.db, ip, now);
  return deps.db.transaction().execute(async (tx) => {
    const log = async (v: PaymentNotificationVerdict, paymentId: string | null, unitId: string | null) => {
      const answer = IPN_ANSWERS[VERDICT_ANSWER[v]];
      await logNotification(tx, {
        source: "ipn",
        txnRef: params.vnp_TxnRef ?? null,
        paymentId,
        verdict: v,
        rspCode: answer.RspCode,
        params,
        ip,
        now,
        unitId,
      });
      return answer;
    };
    if (!verdict.ok) return log(verdict.reason, null, null);
    const result = verdict.result;
    const payment = await tx
      .selectFrom("payments")
      .selectAll()
      .where("txn_ref", "=", result.txnRef)
      .where("method", "=", "vnpay")
      .forUpdate()
      .executeTakeFirst();
    if (!payment) return log("unknown_order", null, null);
    if (result.amountVnd !== Number(payment.amount_vnd))
      return log("amount_mismatch", payment.id, payment.unit_id);
    if (payment.status !== "pending") {
      // A replay, a duplicate, or a success after the payment was closed here: answered, logged, nothing changes.
      const late = result.success && payment.status !== "paid" && payment.status !== "refunded";
      return log(late ? "late_success" : "already_confirmed", payment.id, payment.unit_id);
    }
    if (result.success) {
      await confirmPaid(
        tx,
        payment,
        {
          transactionNo: result.transactionNo,
          bankCode: result.bankCode,
          cardType: result.cardType,
          responseCode: result.responseCode,
        },
        result.payDate ?? now,
        "ipn",
        now,
        deps.publicUrl,
      );
      return log("confirmed_paid", payment.id, payment.unit_id);
    }
    await closeUnpaid(
      tx,
      payment,
      result.cancelled ? "cancelled" : "failed",
      result.responseCode,
      "ipn",
      now,
    );
    return log("confirmed_failed", payment.id, payment.unit_id);
  });
}

/** The browser came back from the gateway: what to show. Never changes the payment. */
export async function handleReturn(
  deps: IpnDeps,
  params: VnpParams,
  ip: string,
  now: Date,
): Promise<{ paymentId: string | null; outcome: ReturnOutcomeType }> {
  const verdict = readCallback(params, deps.gateway.merchant);
  if (!verdict.ok) await limitUnsigned(deps.db, ip, now);
  return deps.db.transaction().execute(async (tx) => {
    const payment = verdict.ok
      ? await tx
          .selectFrom("payments")
          .select(["id", "status", "unit_id"])
          .where("txn_ref", "=", verdict.result.txnRef)
          .where("method", "=", "vnpay")
          .executeTakeFirst()
      : undefined;
    const outcome: ReturnOutcomeType =
      !verdict.ok || !payment
        ? "invalid"
        : payment.status === "paid"
          ? "paid"
          : payment.status === "cancelled" || (payment.status === "pending" && verdict.result.cancelled)
            ? "cancelled"
            : payment.status === "pending"
              ? "pending"
              : "failed";
    await logNotification(tx, {
      source: "return",
      txnRef: params.vnp_TxnRef ?? null,
      paymentId: payment?.id ?? null,
      verdict: verdict.ok ? (payment ? "shown" : "unknown_order") : verdict.reason,
      rspCode: null,
      params,
      ip,
      now,
      unitId: payment?.unit_id ?? null,
    });
    return { paymentId: payment?.id ?? null, outcome };
  });
}
