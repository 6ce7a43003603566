import { execFileSync } from "node:child_process";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  fromVnpAmount,
  parseVnpDate,
  payParams,
  payUrl,
  phpUrlEncode,
  queryDrBody,
  readCallback,
  readQueryDrAnswer,
  refundBody,
  signedText,
  signParams,
  signPipe,
  toVnpAmount,
  verifyParams,
  verifyPipe,
  vnpDate,
} from "./vnpay.ts";

const MERCHANT = { tmnCode: "DEMOV210", hashSecret: "SECRETKEYSECRETKEYSECRETKEY12345" };

/** The HMAC computed by another implementation (OpenSSL), to check ours against. */
function opensslHmac(secret: string, text: string): string {
  const out = execFileSync("openssl", ["dgst", "-sha512", "-hmac", secret], {
    input: text,
    encoding: "utf8",
  });
  return (out.trim().split(" ").pop() ?? "").toLowerCase();
}

/** VNPay's documented sample redirect (thanh-toan-pay/pay.html), without its hash. */
const DOCUMENTED_SAMPLE =
  "vnp_Amount=1806000&vnp_Command=pay&vnp_CreateDate=20210801153333&vnp_CurrCode=VND&vnp_IpAddr=127.0.0.1&vnp_Locale=vn&vnp_OrderInfo=Thanh+toan+don+hang+%3A5&vnp_OrderType=other&vnp_ReturnUrl=https%3A%2F%2Fdomainmerchant.vn%2FReturnUrl&vnp_TmnCode=DEMOV210&vnp_TxnRef=5&vnp_Version=2.1.0";

describe("VNPay signing", () => {
  it("writes the signed text exactly as VNPay's documented sample URL", () => {
    const params = Object.fromEntries(new URLSearchParams(DOCUMENTED_SAMPLE));
    expect(signedText(params)).toBe(DOCUMENTED_SAMPLE);
  });

  it("signs with HMAC-SHA512 of the sorted, PHP-encoded fields, as OpenSSL computes it", () => {
    const params = Object.fromEntries(new URLSearchParams(DOCUMENTED_SAMPLE));
    const signed = signParams(params, MERCHANT.hashSecret);
    expect(signed.vnp_SecureHash).toBe(opensslHmac(MERCHANT.hashSecret, DOCUMENTED_SAMPLE));
    expect(verifyParams(signed, MERCHANT.hashSecret)).toBe(true);
  });

  it("encodes as PHP's urlencode: space as +, reserved and non-ASCII characters in upper-case hex", () => {
    expect(phpUrlEncode("Thanh toán phí: 5*~'()!")).toBe("Thanh+to%C3%A1n+ph%C3%AD%3A+5%2A%7E%27%28%29%21");
    expect(phpUrlEncode("a-b_c.d")).toBe("a-b_c.d");
  });

  it("builds the pay redirect with version, command, currency, amount × 100 and GMT+7 dates", () => {
    const url = new URL(
      payUrl("https://sandbox.example.vn/", MERCHANT, {
        txnRef: "MC2611300001",
        amountVnd: 25_000,
        orderInfo: "Thanh toán lệ phí hồ sơ 000.17.31.H06-261130-0001",
        returnUrl: "https://motcua.example.vn/api/v1/payments/vnpay/return",
        ipAddr: "203.0.113.7",
        createdAt: new Date("2026-11-30T02:00:00Z"),
        expiresAt: new Date("2026-11-30T02:15:00Z"),
      }),
    );
    expect(url.pathname).toBe("/paymentv2/vpcpay.html");
    const q = Object.fromEntries(url.searchParams);
    expect(q).toMatchObject({
      vnp_Version: "2.1.0",
      vnp_Command: "pay",
      vnp_TmnCode: "DEMOV210",
      vnp_Amount: "2500000",
      vnp_CurrCode: "VND",
      vnp_CreateDate: "20261130090000",
      vnp_ExpireDate: "20261130091500",
      vnp_OrderInfo: "Thanh toan le phi ho so 000.17.31.H06-261130-0001",
    });
    expect(verifyParams(q, MERCHANT.hashSecret)).toBe(true);
    expect(verifyParams(q, "another-secret-another-secret-00")).toBe(false);
  });

  it("refuses a payment whose any field was changed, added or removed after signing", () => {
    const base = payParams(MERCHANT, {
      txnRef: "MC1",
      amountVnd: 10_000,
      orderInfo: "Le phi",
      returnUrl: "https://motcua.example.vn/r",
      ipAddr: "127.0.0.1",
      createdAt: new Date("2026-11-30T02:00:00Z"),
      expiresAt: new Date("2026-11-30T02:15:00Z"),
    });
    const fields = Object.keys(base).filter((k) => k !== "vnp_SecureHash");
    fc.assert(
      fc.property(
        fc.constantFrom(...fields),
        fc.string({ minLength: 1, maxLength: 30 }),
        fc.constantFrom("change", "drop", "add"),
        (field, value, how) => {
          const tampered: Record<string, string> = { ...base };
          if (how === "change") {
            fc.pre(value !== base[field]);
            tampered[field] = value;
          } else if (how === "drop") {
            delete tampered[field];
          } else {
            tampered[`vnp_X${field.slice(4)}`] = value;
          }
          expect(verifyParams(tampered, MERCHANT.hashSecret)).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("refuses a hash that is not 128 hex digits, or a flipped digit", () => {
    const signed = signParams({ vnp_TxnRef: "1", vnp_Amount: "100" }, MERCHANT.hashSecret);
    const hash = signed.vnp_SecureHash as string;
    const flipped = (hash[0] === "a" ? "b" : "a") + hash.slice(1);
    expect(verifyParams({ ...signed, vnp_SecureHash: flipped }, MERCHANT.hashSecret)).toBe(false);
    expect(verifyParams({ ...signed, vnp_SecureHash: hash.slice(2) }, MERCHANT.hashSecret)).toBe(false);
    expect(verifyParams({ ...signed, vnp_SecureHash: hash.toUpperCase() }, MERCHANT.hashSecret)).toBe(true);
  });

  it("reads a verified IPN: success needs response and transaction status 00; 24 is a cancellation", () => {
    const ipn = signParams(
      {
        vnp_TmnCode: MERCHANT.tmnCode,
        vnp_TxnRef: "MC1",
        vnp_Amount: "2500000",
        vnp_ResponseCode: "00",
        vnp_TransactionStatus: "00",
        vnp_TransactionNo: "14271027",
        vnp_PayDate: "20261130090512",
      },
      MERCHANT.hashSecret,
    );
    const verdict = readCallback(ipn, MERCHANT);
    expect(verdict).toMatchObject({
      ok: true,
      result: { amountVnd: 25_000, success: true, cancelled: false },
    });
    const cancelled = signParams(
      { ...ipn, vnp_ResponseCode: "24", vnp_TransactionStatus: "02" },
      MERCHANT.hashSecret,
    );
    expect(readCallback(cancelled, MERCHANT)).toMatchObject({
      ok: true,
      result: { success: false, cancelled: true },
    });
    expect(readCallback({ ...ipn, vnp_Amount: "2500100" }, MERCHANT)).toEqual({
      ok: false,
      reason: "bad_signature",
    });
    const otherShop = signParams({ ...ipn, vnp_TmnCode: "OTHER001" }, MERCHANT.hashSecret);
    expect(readCallback(otherShop, MERCHANT)).toEqual({ ok: false, reason: "wrong_merchant" });
  });
});

describe("VNPay querydr and refund checksums", () => {
  const at = new Date("2026-11-30T02:00:00Z");

  it("signs querydr as the pipe-joined fields in VNPay's order", () => {
    const body = queryDrBody(MERCHANT, {
      requestId: "R1",
      txnRef: "MC1",
      transactionDate: at,
      createdAt: at,
      ipAddr: "127.0.0.1",
      orderInfo: "Truy van",
    });
    const text = "R1|2.1.0|querydr|DEMOV210|MC1|20261130090000|20261130090000|127.0.0.1|Truy van";
    expect(body.vnp_SecureHash).toBe(opensslHmac(MERCHANT.hashSecret, text));
    expect(verifyPipe("querydrRequest", body, MERCHANT.hashSecret)).toBe(true);
    expect(verifyPipe("querydrRequest", { ...body, vnp_TxnRef: "MC2" }, MERCHANT.hashSecret)).toBe(false);
  });

  it("signs refund with type, amount × 100, transaction number and creator", () => {
    const body = refundBody(MERCHANT, {
      requestId: "R2",
      txnRef: "MC1",
      amountVnd: 25_000,
      transactionType: "02",
      transactionNo: "14271027",
      transactionDate: at,
      createdBy: "Lãnh đạo Quang Thuận",
      createdAt: at,
      ipAddr: "127.0.0.1",
      orderInfo: "Hoan tien",
    });
    const text =
      "R2|2.1.0|refund|DEMOV210|02|MC1|2500000|14271027|20261130090000|Lanh dao Quang Thuan|20261130090000|127.0.0.1|Hoan tien";
    expect(body.vnp_SecureHash).toBe(opensslHmac(MERCHANT.hashSecret, text));
    for (const field of Object.keys(body).filter((k) => k !== "vnp_SecureHash")) {
      expect(verifyPipe("refundRequest", { ...body, [field]: `${body[field]}1` }, MERCHANT.hashSecret)).toBe(
        false,
      );
    }
  });

  it("trusts a querydr answer only when its checksum holds", () => {
    const answer = signPipe(
      "querydrResponse",
      {
        vnp_ResponseId: "X",
        vnp_Command: "querydr",
        vnp_ResponseCode: "00",
        vnp_Message: "QueryDR Success",
        vnp_TmnCode: MERCHANT.tmnCode,
        vnp_TxnRef: "MC1",
        vnp_Amount: "2500000",
        vnp_TransactionNo: "1",
        vnp_TransactionStatus: "00",
      },
      MERCHANT.hashSecret,
    );
    expect(readQueryDrAnswer(MERCHANT, answer)).toMatchObject({ paid: true, amountVnd: 25_000 });
    expect(() => readQueryDrAnswer(MERCHANT, { ...answer, vnp_Amount: "100" })).toThrow(/checksum/);
    expect(() => readQueryDrAnswer(MERCHANT, { ...answer, vnp_SecureHash: undefined })).toThrow(/checksum/);
  });
});

describe("VNPay dates and amounts", () => {
  it("writes and reads yyyyMMddHHmmss in GMT+7 for any instant", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2000-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }),
        (d) => {
          const whole = new Date(Math.floor(d.getTime() / 1000) * 1000);
          expect(parseVnpDate(vnpDate(whole))?.getTime()).toBe(whole.getTime());
        },
      ),
    );
    expect(vnpDate(new Date("2026-12-31T17:30:00Z"))).toBe("20270101003000");
    expect(parseVnpDate("20260230120000")).toBeNull();
    expect(parseVnpDate("2026")).toBeNull();
  });

  it("multiplies by 100 and refuses fractions of a đồng", () => {
    expect(toVnpAmount(2000)).toBe("200000");
    expect(fromVnpAmount("200000")).toBe(2000);
    expect(fromVnpAmount("200050")).toBeNull();
    expect(fromVnpAmount("-100")).toBeNull();
    expect(() => toVnpAmount(0)).toThrow(RangeError);
  });
});
