/**
 * VNPay payment gateway, public protocol version 2.1.0 (cổng thanh toán VNPAY, tài liệu "Thanh toán PAY" and
 * "Truy vấn và hoàn tiền"): the signed redirect, the signed return and IPN calls, and the querydr and refund
 * commands of the merchant_webapi JSON API.
 *
 * Signing of the redirect, return and IPN: every vnp_* field except vnp_SecureHash(Type) with a non-empty value,
 * sorted by name, each name and value encoded as PHP's urlencode does (space as "+", everything but
 * A–Z a–z 0–9 - _ . percent-encoded in upper-case hex), joined "name=value&…"; vnp_SecureHash is the HMAC-SHA512 of
 * that text under the merchant's hash secret, in hex. querydr and refund sign their fields joined by "|" in a fixed
 * order instead. Dates are yyyyMMddHHmmss in GMT+7. Amounts are in đồng × 100.
 *
 * Everything here but `VnpayClient` is a pure function, shared by the merchant side (src/modules/payments) and
 * the local gateway (local-gateway.ts).
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { withoutDiacritics } from "../../domain/text/vietnamese.ts";

export const VNP_VERSION = "2.1.0";
export const PAY_PATH = "/paymentv2/vpcpay.html";
export const TRANSACTION_API_PATH = "/merchant_webapi/api/transaction";

export type VnpParams = Record<string, string>;

export interface MerchantCredentials {
  tmnCode: string;
  hashSecret: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Encoding, dates, amounts

/** PHP's urlencode (RFC 1738 style), which VNPay's reference code uses to build the signed text. */
export function phpUrlEncode(value: string): string {
  return encodeURIComponent(value)
    .replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, "+");
}

const GMT7_MS = 7 * 3600_000;

/** yyyyMMddHHmmss in GMT+7. */
export function vnpDate(at: Date): string {
  const d = new Date(at.getTime() + GMT7_MS);
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}

/** Parses yyyyMMddHHmmss (GMT+7); null when malformed or not a real instant. */
export function parseVnpDate(text: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s) - GMT7_MS;
  const at = new Date(ms);
  return vnpDate(at) === text ? at : null;
}

/** vnp_Amount: đồng × 100, as an integer string. */
export function toVnpAmount(vnd: number): string {
  if (!Number.isSafeInteger(vnd) || vnd <= 0)
    throw new RangeError(`amount must be a positive integer: ${vnd}`);
  return String(vnd * 100);
}

/** đồng from vnp_Amount, or null when it is not a whole number of đồng. */
export function fromVnpAmount(text: string | undefined): number | null {
  if (!text || !/^[0-9]{1,17}$/.test(text)) return null;
  const cents = Number(text);
  if (!Number.isSafeInteger(cents) || cents % 100 !== 0) return null;
  return cents / 100;
}

/** VNPay asks for order descriptions in Vietnamese without diacritics and without special characters. */
export function plainOrderInfo(text: string): string {
  return withoutDiacritics(text)
    .replace(/[^A-Za-z0-9 .,:\-_/]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 255);
}

// ---------------------------------------------------------------------------------------------------------------
// HMAC

export function hmacSha512(secret: string, data: string): string {
  return createHmac("sha512", Buffer.from(secret, "utf8")).update(Buffer.from(data, "utf8")).digest("hex");
}

function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a.toLowerCase(), "utf8");
  const y = Buffer.from(b.toLowerCase(), "utf8");
  return x.length === y.length && timingSafeEqual(x, y);
}

const HASH_FIELDS = new Set(["vnp_SecureHash", "vnp_SecureHashType"]);

/** The text that vnp_SecureHash signs: the vnp_* fields, sorted and encoded. */
export function signedText(params: VnpParams): string {
  return Object.keys(params)
    .filter((k) => k.startsWith("vnp_") && !HASH_FIELDS.has(k) && params[k] !== undefined && params[k] !== "")
    .sort()
    .map((k) => `${phpUrlEncode(k)}=${phpUrlEncode(params[k] as string)}`)
    .join("&");
}

/** The parameters with vnp_SecureHash added. */
export function signParams(params: VnpParams, hashSecret: string): VnpParams {
  const clean = Object.fromEntries(Object.entries(params).filter(([k]) => !HASH_FIELDS.has(k)));
  return { ...clean, vnp_SecureHash: hmacSha512(hashSecret, signedText(clean)) };
}

/** A query string in the order VNPay's reference code writes it, with the hash last. */
export function toQueryString(signed: VnpParams): string {
  const body = signedText(signed);
  const hash = signed.vnp_SecureHash;
  return hash ? `${body}&vnp_SecureHash=${hash}` : body;
}

/** Whether vnp_SecureHash is the HMAC of the other vnp_* fields (constant-time comparison). */
export function verifyParams(params: VnpParams, hashSecret: string): boolean {
  const given = params.vnp_SecureHash;
  if (typeof given !== "string" || !/^[0-9a-fA-F]{128}$/.test(given)) return false;
  return sameHex(hmacSha512(hashSecret, signedText(params)), given);
}

// ---------------------------------------------------------------------------------------------------------------
// The pay redirect

export interface PayRequest {
  txnRef: string;
  amountVnd: number;
  orderInfo: string;
  returnUrl: string;
  ipAddr: string;
  createdAt: Date;
  expiresAt: Date;
  locale?: "vn" | "en";
  bankCode?: string;
  orderType?: string;
}

export function payParams(merchant: MerchantCredentials, request: PayRequest): VnpParams {
  return signParams(
    {
      vnp_Version: VNP_VERSION,
      vnp_Command: "pay",
      vnp_TmnCode: merchant.tmnCode,
      vnp_Amount: toVnpAmount(request.amountVnd),
      vnp_CurrCode: "VND",
      vnp_TxnRef: request.txnRef,
      vnp_OrderInfo: plainOrderInfo(request.orderInfo),
      vnp_OrderType: request.orderType ?? "other",
      vnp_Locale: request.locale ?? "vn",
      vnp_ReturnUrl: request.returnUrl,
      vnp_IpAddr: request.ipAddr,
      vnp_CreateDate: vnpDate(request.createdAt),
      vnp_ExpireDate: vnpDate(request.expiresAt),
      ...(request.bankCode ? { vnp_BankCode: request.bankCode } : {}),
    },
    merchant.hashSecret,
  );
}

/** The address the payer's browser is sent to. */
export function payUrl(gatewayUrl: string, merchant: MerchantCredentials, request: PayRequest): string {
  return `${gatewayUrl.replace(/\/+$/, "")}${PAY_PATH}?${toQueryString(payParams(merchant, request))}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Return URL and IPN

/** What a verified return or IPN call says. */
export interface PaymentResult {
  tmnCode: string;
  txnRef: string;
  /** null when vnp_Amount is missing or not whole đồng. */
  amountVnd: number | null;
  responseCode: string;
  transactionStatus: string;
  transactionNo: string | null;
  bankCode: string | null;
  bankTranNo: string | null;
  cardType: string | null;
  payDate: Date | null;
  orderInfo: string | null;
  /** vnp_ResponseCode and vnp_TransactionStatus both "00". */
  success: boolean;
  /** "24": the payer cancelled at the gateway. */
  cancelled: boolean;
}

export type CallbackVerdict =
  | { ok: true; result: PaymentResult }
  | { ok: false; reason: "bad_signature" | "missing_fields" | "wrong_merchant" };

/** Checks a return or IPN query: signature, merchant, required fields. */
export function readCallback(params: VnpParams, merchant: MerchantCredentials): CallbackVerdict {
  if (!verifyParams(params, merchant.hashSecret)) return { ok: false, reason: "bad_signature" };
  if (params.vnp_TmnCode !== merchant.tmnCode) return { ok: false, reason: "wrong_merchant" };
  const txnRef = params.vnp_TxnRef;
  const responseCode = params.vnp_ResponseCode;
  if (!txnRef || !responseCode) return { ok: false, reason: "missing_fields" };
  const transactionStatus = params.vnp_TransactionStatus ?? "";
  return {
    ok: true,
    result: {
      tmnCode: merchant.tmnCode,
      txnRef,
      amountVnd: fromVnpAmount(params.vnp_Amount),
      responseCode,
      transactionStatus,
      transactionNo: params.vnp_TransactionNo || null,
      bankCode: params.vnp_BankCode || null,
      bankTranNo: params.vnp_BankTranNo || null,
      cardType: params.vnp_CardType || null,
      payDate: params.vnp_PayDate ? parseVnpDate(params.vnp_PayDate) : null,
      orderInfo: params.vnp_OrderInfo ?? null,
      success: responseCode === "00" && transactionStatus === "00",
      cancelled: responseCode === "24",
    },
  };
}

/** The answers VNPay expects to an IPN call (RspCode, Message). */
export const IPN_ANSWERS = {
  confirmed: { RspCode: "00", Message: "Confirm Success" },
  orderNotFound: { RspCode: "01", Message: "Order not found" },
  alreadyConfirmed: { RspCode: "02", Message: "Order already confirmed" },
  invalidAmount: { RspCode: "04", Message: "Invalid amount" },
  invalidSignature: { RspCode: "97", Message: "Invalid signature" },
  unknownError: { RspCode: "99", Message: "Unknown error" },
} as const;
export type IpnAnswerKey = keyof typeof IPN_ANSWERS;

// ---------------------------------------------------------------------------------------------------------------
// querydr and refund (merchant_webapi, JSON over POST)

export interface QueryDrRequest {
  requestId: string;
  txnRef: string;
  /** vnp_CreateDate of the original payment. */
  transactionDate: Date;
  createdAt: Date;
  ipAddr: string;
  orderInfo: string;
  transactionNo?: string | null;
}

export type QueryDrBody = VnpParams;

function pipe(values: readonly (string | undefined | null)[]): string {
  return values.map((v) => v ?? "").join("|");
}

const QUERYDR_REQUEST_FIELDS = [
  "vnp_RequestId",
  "vnp_Version",
  "vnp_Command",
  "vnp_TmnCode",
  "vnp_TxnRef",
  "vnp_TransactionDate",
  "vnp_CreateDate",
  "vnp_IpAddr",
  "vnp_OrderInfo",
] as const;

const REFUND_REQUEST_FIELDS = [
  "vnp_RequestId",
  "vnp_Version",
  "vnp_Command",
  "vnp_TmnCode",
  "vnp_TransactionType",
  "vnp_TxnRef",
  "vnp_Amount",
  "vnp_TransactionNo",
  "vnp_TransactionDate",
  "vnp_CreateBy",
  "vnp_CreateDate",
  "vnp_IpAddr",
  "vnp_OrderInfo",
] as const;

const REFUND_RESPONSE_FIELDS = [
  "vnp_ResponseId",
  "vnp_Command",
  "vnp_ResponseCode",
  "vnp_Message",
  "vnp_TmnCode",
  "vnp_TxnRef",
  "vnp_Amount",
  "vnp_BankCode",
  "vnp_PayDate",
  "vnp_TransactionNo",
  "vnp_TransactionType",
  "vnp_TransactionStatus",
  "vnp_OrderInfo",
] as const;

/** A querydr answer signs the refund answer's fields, then the promotion applied to the payment. */
const QUERYDR_RESPONSE_FIELDS = [
  ...REFUND_RESPONSE_FIELDS,
  "vnp_PromotionCode",
  "vnp_PromotionAmount",
] as const;

/** The fields each JSON message signs, in order, joined by "|". */
export const PIPE_FIELDS = {
  querydrRequest: QUERYDR_REQUEST_FIELDS,
  refundRequest: REFUND_REQUEST_FIELDS,
  querydrResponse: QUERYDR_RESPONSE_FIELDS,
  refundResponse: REFUND_RESPONSE_FIELDS,
} as const;
export type PipeMessage = keyof typeof PIPE_FIELDS;

export function pipeText(kind: PipeMessage, body: VnpParams): string {
  return pipe(PIPE_FIELDS[kind].map((f) => body[f]));
}

export function signPipe(kind: PipeMessage, body: VnpParams, hashSecret: string): VnpParams {
  return { ...body, vnp_SecureHash: hmacSha512(hashSecret, pipeText(kind, body)) };
}

export function verifyPipe(kind: PipeMessage, body: VnpParams, hashSecret: string): boolean {
  const given = body.vnp_SecureHash;
  if (typeof given !== "string" || !/^[0-9a-fA-F]{128}$/.test(given)) return false;
  return sameHex(hmacSha512(hashSecret, pipeText(kind, body)), given);
}

export function queryDrBody(merchant: MerchantCredentials, request: QueryDrRequest): VnpParams {
  return signPipe(
    "querydrRequest",
    {
      vnp_RequestId: request.requestId,
      vnp_Version: VNP_VERSION,
      vnp_Command: "querydr",
      vnp_TmnCode: merchant.tmnCode,
      vnp_TxnRef: request.txnRef,
      vnp_OrderInfo: plainOrderInfo(request.orderInfo),
      vnp_TransactionDate: vnpDate(request.transactionDate),
      vnp_CreateDate: vnpDate(request.createdAt),
      vnp_IpAddr: request.ipAddr,
      ...(request.transactionNo ? { vnp_TransactionNo: request.transactionNo } : {}),
    },
    merchant.hashSecret,
  );
}

export interface RefundRequest {
  requestId: string;
  txnRef: string;
  amountVnd: number;
  /** "02" full refund, "03" partial. */
  transactionType: "02" | "03";
  transactionNo: string | null;
  transactionDate: Date;
  createdBy: string;
  createdAt: Date;
  ipAddr: string;
  orderInfo: string;
}

export function refundBody(merchant: MerchantCredentials, request: RefundRequest): VnpParams {
  return signPipe(
    "refundRequest",
    {
      vnp_RequestId: request.requestId,
      vnp_Version: VNP_VERSION,
      vnp_Command: "refund",
      vnp_TmnCode: merchant.tmnCode,
      vnp_TransactionType: request.transactionType,
      vnp_TxnRef: request.txnRef,
      vnp_Amount: toVnpAmount(request.amountVnd),
      vnp_TransactionNo: request.transactionNo ?? "0",
      vnp_TransactionDate: vnpDate(request.transactionDate),
      vnp_CreateBy: plainOrderInfo(request.createdBy).slice(0, 250) || "motcua",
      vnp_CreateDate: vnpDate(request.createdAt),
      vnp_IpAddr: request.ipAddr,
      vnp_OrderInfo: plainOrderInfo(request.orderInfo),
    },
    merchant.hashSecret,
  );
}

/** A verified querydr answer. */
export interface QueryDrResult {
  responseCode: string;
  message: string;
  found: boolean;
  txnRef: string | null;
  amountVnd: number | null;
  transactionNo: string | null;
  transactionStatus: string | null;
  bankCode: string | null;
  payDate: Date | null;
  /** Paid at the gateway: response "00" and transaction status "00". */
  paid: boolean;
}

export interface RefundResult {
  responseCode: string;
  message: string;
  ok: boolean;
  transactionNo: string | null;
  amountVnd: number | null;
}

export class GatewayError extends Error {
  constructor(
    message: string,
    readonly kind: "unreachable" | "bad_signature" | "bad_answer",
  ) {
    super(message);
    this.name = "GatewayError";
  }
}

function asParams(value: unknown): VnpParams {
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    throw new GatewayError("the gateway's answer is not a JSON object", "bad_answer");
  }
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, v === null ? "" : String(v)]),
  );
}

/** Verifies a querydr answer. Error answers (no transaction data) may come unsigned: they are read but never "paid". */
export function readQueryDrAnswer(merchant: MerchantCredentials, raw: unknown): QueryDrResult {
  const body = asParams(raw);
  const responseCode = body.vnp_ResponseCode ?? "";
  if (responseCode === "00" || body.vnp_SecureHash) {
    if (!verifyPipe("querydrResponse", body, merchant.hashSecret)) {
      throw new GatewayError("the querydr answer's checksum is wrong", "bad_signature");
    }
  }
  const found = responseCode === "00";
  const transactionStatus = body.vnp_TransactionStatus || null;
  return {
    responseCode,
    message: body.vnp_Message ?? "",
    found,
    txnRef: body.vnp_TxnRef || null,
    amountVnd: fromVnpAmount(body.vnp_Amount),
    transactionNo: body.vnp_TransactionNo || null,
    transactionStatus,
    bankCode: body.vnp_BankCode || null,
    payDate: body.vnp_PayDate ? parseVnpDate(body.vnp_PayDate) : null,
    paid: found && transactionStatus === "00" && body.vnp_TmnCode === merchant.tmnCode,
  };
}

export function readRefundAnswer(merchant: MerchantCredentials, raw: unknown): RefundResult {
  const body = asParams(raw);
  const responseCode = body.vnp_ResponseCode ?? "";
  if (responseCode === "00" || body.vnp_SecureHash) {
    if (!verifyPipe("refundResponse", body, merchant.hashSecret)) {
      throw new GatewayError("the refund answer's checksum is wrong", "bad_signature");
    }
  }
  return {
    responseCode,
    message: body.vnp_Message ?? "",
    ok: responseCode === "00",
    transactionNo: body.vnp_TransactionNo || null,
    amountVnd: fromVnpAmount(body.vnp_Amount),
  };
}

/** The merchant_webapi client: querydr and refund over HTTPS (or HTTP to the local gateway). */
export class VnpayClient {
  constructor(
    private readonly gatewayUrl: string,
    private readonly merchant: MerchantCredentials,
    private readonly timeoutMs = 15_000,
  ) {}

  async queryDr(request: QueryDrRequest): Promise<QueryDrResult> {
    const raw = await this.post(queryDrBody(this.merchant, request));
    return readQueryDrAnswer(this.merchant, raw);
  }

  async refund(request: RefundRequest): Promise<RefundResult> {
    const raw = await this.post(refundBody(this.merchant, request));
    return readRefundAnswer(this.merchant, raw);
  }

  private async post(body: VnpParams): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(`${this.gatewayUrl.replace(/\/+$/, "")}${TRANSACTION_API_PATH}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new GatewayError(`the gateway cannot be reached: ${(error as Error).message}`, "unreachable");
    }
    if (!response.ok) throw new GatewayError(`the gateway answered HTTP ${response.status}`, "bad_answer");
    try {
      return await response.json();
    } catch {
      throw new GatewayError("the gateway's answer is not JSON", "bad_answer");
    }
  }
}
