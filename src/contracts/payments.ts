/**
 * Payments of dossier fees (thanh toán phí, lệ phí): online through a payment gateway (VNPay protocol 2.1.0),
 * or recorded at the desk (cash, bank transfer). Shared by the server and the web app.
 *
 * Routes (all under /api/v1):
 * - GET  /dossiers/:id/payments            the fee and its payments (owner citizen, or staff who see the dossier)
 * - POST /dossiers/:id/payments            owner citizen starts an online payment → redirect URL (201),
 *                                                 or gets the open one again (200); a paid fee → 409 FEE_ALREADY_PAID
 * - POST /dossiers/:id/payments/counter    desk records cash / bank transfer collected at the counter
 * - GET  /payments/:id                            one payment (owner citizen or the unit's staff; others 404)
 * - GET  /payments/:id/receipt                    the electronic receipt (biên lai điện tử), PDF
 * - POST /payments/:id/query                      staff: ask the gateway (querydr) and reconcile a pending payment
 * - POST /payments/:id/refund                     leader or unit admin: refund with a reason
 * - GET  /payments/vnpay/ipn                      public, server-to-server, signed: answers { RspCode, Message }
 * - GET  /payments/vnpay/return                   public, browser: 302 to PAYMENT_RESULT_PAGE (never marks paid)
 */
import { z } from "zod";
import { InstantOut, LIMITS, NonEmpty, OptionalText, Uuid } from "./common.ts";

export const PAYMENT_METHODS = ["vnpay", "cash", "bank_transfer"] as const;
export const PaymentMethod = z.enum(PAYMENT_METHODS);
export type PaymentMethodType = z.infer<typeof PaymentMethod>;

/**
 * pending: the citizen was sent to the gateway and no verified answer came yet;
 * paid: a verified notification (IPN or querydr) or a desk record says the money arrived;
 * failed / cancelled / expired: the gateway refused, the payer cancelled, or the time ran out (no money taken);
 * refunded: the money went back to the payer.
 */
export const PAYMENT_STATUSES = ["pending", "paid", "failed", "cancelled", "expired", "refunded"] as const;
export const PaymentStatus = z.enum(PAYMENT_STATUSES);
export type PaymentStatusType = z.infer<typeof PaymentStatus>;

export const PAYMENT_STATUS_LABELS: Record<PaymentStatusType, { vi: string; en: string }> = {
  pending: { vi: "Đang chờ thanh toán", en: "Awaiting payment" },
  paid: { vi: "Đã thanh toán", en: "Paid" },
  failed: { vi: "Thanh toán không thành công", en: "Payment failed" },
  cancelled: { vi: "Đã hủy thanh toán", en: "Payment cancelled" },
  expired: { vi: "Hết thời gian thanh toán", en: "Payment expired" },
  refunded: { vi: "Đã hoàn tiền", en: "Refunded" },
};

export const PAYMENT_METHOD_LABELS: Record<PaymentMethodType, { vi: string; en: string }> = {
  vnpay: { vi: "Thanh toán trực tuyến (VNPay)", en: "Online payment (VNPay)" },
  cash: { vi: "Tiền mặt tại Bộ phận Một cửa", en: "Cash at the desk" },
  bank_transfer: { vi: "Chuyển khoản", en: "Bank transfer" },
};

/** Where the return URL sends the browser: the portal page that shows a payment (`?id=…&outcome=…`). */
export const PAYMENT_RESULT_PAGE = "/portal/payment";
/** What the return URL saw; only a display hint: the page reads GET /payments/:id for the truth. */
export const ReturnOutcome = z.enum(["paid", "pending", "failed", "cancelled", "invalid"]);
export type ReturnOutcomeType = z.infer<typeof ReturnOutcome>;

export function paymentResultPath(paymentId: string | null, outcome: ReturnOutcomeType): string {
  const query = new URLSearchParams({ ...(paymentId ? { id: paymentId } : {}), outcome });
  return `${PAYMENT_RESULT_PAGE}?${query.toString()}`;
}

export const PaymentRefund = z.object({
  amountVnd: z.number().int(),
  reason: z.string(),
  at: InstantOut,
  by: z.object({ id: Uuid, fullName: z.string() }).nullable(),
  /** The gateway's refund transaction number (online payments). */
  transactionNo: z.string().nullable(),
});

export const Payment = z.object({
  id: Uuid,
  dossierId: Uuid,
  dossierCode: z.string().nullable(),
  procedureName: z.string(),
  method: PaymentMethod,
  status: PaymentStatus,
  amountVnd: z.number().int(),
  /** Our order reference at the gateway (vnp_TxnRef), or the desk record's number. */
  txnRef: z.string(),
  payerName: z.string(),
  /** The unit that collects the fee (the one that received the dossier). */
  unit: z.object({ code: z.string(), name: z.string() }),
  gateway: z
    .object({
      transactionNo: z.string().nullable(),
      bankCode: z.string().nullable(),
      cardType: z.string().nullable(),
      responseCode: z.string().nullable(),
    })
    .nullable(),
  /** Reference of a counter bank transfer, or a desk note. */
  reference: z.string().nullable(),
  createdAt: InstantOut,
  expiresAt: InstantOut.nullable(),
  paidAt: InstantOut.nullable(),
  /** Number of the electronic receipt once paid, e.g. "BL-2026-000012"; the PDF is at receiptUrl. */
  receiptNumber: z.string().nullable(),
  receiptUrl: z.string().nullable(),
  refund: PaymentRefund.nullable(),
  /** What the caller may do now: "pay" (go to redirectUrl), "query", "refund". */
  actions: z.array(z.enum(["pay", "query", "refund"])),
  /** The signed gateway address while the payment is pending (owner only). */
  redirectUrl: z.string().nullable(),
  version: z.number().int(),
});
export type PaymentType = z.infer<typeof Payment>;

/** The fee of a dossier and where it stands. */
export const DossierFee = z.object({
  dossierId: Uuid,
  dossierCode: z.string().nullable(),
  procedureName: z.string(),
  /** From the catalog's fee function at filing (dossiers.fee_vnd); null when the amount is not set. */
  amountVnd: z.number().int().nullable(),
  status: z.enum(["not_set", "free", "unpaid", "pending", "paid", "refunded"]),
  /** Whether the caller may start an online payment now. */
  canPayOnline: z.boolean(),
});

export const DossierPayments = z.object({ fee: DossierFee, items: z.array(Payment) });

export const StartPaymentInput = z.strictObject({
  /** Language of the gateway page: VNPay's vnp_Locale values. */
  locale: z.enum(["vn", "en"]).default("vn"),
  /** Optional bank or method code to skip the gateway's chooser (vnp_BankCode), e.g. "VNBANK", "INTCARD". */
  bankCode: z
    .string()
    .regex(/^[A-Z0-9]{2,20}$/)
    .optional(),
});
export type StartPaymentInputType = z.input<typeof StartPaymentInput>;

export const StartPaymentResult = z.object({ payment: Payment, redirectUrl: z.string() });

export const CounterPaymentInput = z.strictObject({
  method: z.enum(["cash", "bank_transfer"]),
  /** Must equal the dossier's fee; a different amount is refused (PAYMENT_AMOUNT_MISMATCH). */
  amountVnd: z.number().int().positive().max(1_000_000_000_000),
  /** Bank transfer reference or a note. */
  reference: OptionalText(LIMITS.shortText),
});

export const RefundInput = z.strictObject({
  version: z.number().int().min(1),
  reason: NonEmpty(LIMITS.longText).pipe(z.string().min(5)),
});

export const PaymentIdParams = z.strictObject({ id: Uuid });
export const DossierIdParams = z.strictObject({ id: Uuid });

/** VNPay's answer to its IPN call. */
export const IpnAnswer = z.object({ RspCode: z.string(), Message: z.string() });

/** The query string of an IPN or return call: vnp_* fields, all text. */
export const GatewayCallbackQuery = z.record(z.string().max(64), z.string().max(2000));
