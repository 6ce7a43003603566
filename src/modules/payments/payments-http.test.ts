/**
 * Online payment end to end over HTTP: the app on an ephemeral port, the local VNPay-protocol gateway on another.
 * The citizen starts a payment, the browser walks the gateway page, the gateway calls the IPN, the payment is paid
 * and its receipt is a PDF; forged, replayed, unknown and amount-mismatched notifications are refused and logged.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestClient } from "../../../test/support/test-app.ts";
import { signParams } from "../../adapters/payment/vnpay.ts";
import { UNSIGNED_LIMIT } from "./ipn.ts";
import { reconcileExpiredPayments } from "./reconciler.ts";
import {
  citizenClient,
  HASH_SECRET,
  ownedDossier,
  type PaymentWorld,
  pathOf,
  paymentWorld,
  pdfText,
  TMN_CODE,
  walkGateway,
} from "./test-support.ts";

let world: PaymentWorld;

beforeAll(async () => {
  world = await paymentWorld();
}, 120_000);
afterAll(async () => world?.close());

interface PaymentJson {
  id: string;
  dossierId: string;
  status: string;
  amountVnd: number;
  txnRef: string;
  receiptNumber: string | null;
  receiptUrl: string | null;
  version: number;
  actions: string[];
  gateway: { transactionNo: string | null } | null;
  refund: { reason: string } | null;
}

async function start(client: TestClient, dossierId: string, expected = 201) {
  const res = await client.post(`/api/v1/dossiers/${dossierId}/payments`, {});
  expect(res.statusCode, res.body).toBe(expected);
  return res.json() as { payment: PaymentJson; redirectUrl: string };
}

async function payment(client: TestClient, id: string): Promise<PaymentJson> {
  const res = await client.get(`/api/v1/payments/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as PaymentJson;
}

async function ipn(query: string) {
  const res = await world.ctx.client().get(`/api/v1/payments/vnpay/ipn?${query}`);
  expect(res.statusCode).toBe(200);
  return res.json() as { RspCode: string; Message: string };
}

async function notifications(txnRef: string) {
  return world.ctx.handle.db
    .selectFrom("payment_notifications")
    .select(["source", "verdict", "rsp_code"])
    .where("txn_ref", "=", txnRef)
    .orderBy("seq")
    .execute();
}

async function auditActions(entityId: string): Promise<string[]> {
  const rows = await world.ctx.handle.db
    .selectFrom("audit_log")
    .select("action")
    .where("entity_id", "=", entityId)
    .orderBy("seq")
    .execute();
  return rows.map((r) => r.action);
}

/** A signed IPN for a payment, as the gateway would send it, with fields overridden. */
function signedIpn(txnRef: string, amountVnd: number, over: Record<string, string> = {}): string {
  const signed = signParams(
    {
      vnp_Amount: String(amountVnd * 100),
      vnp_BankCode: "NCB",
      vnp_OrderInfo: "Thanh toan",
      vnp_PayDate: "20261130091000",
      vnp_ResponseCode: "00",
      vnp_TmnCode: TMN_CODE,
      vnp_TransactionNo: "14999999",
      vnp_TransactionStatus: "00",
      vnp_TxnRef: txnRef,
      ...over,
    },
    HASH_SECRET,
  );
  return new URLSearchParams(signed).toString();
}

describe("online payment through the local gateway", () => {
  let owner: { client: TestClient; id: string };
  let dossier: { id: string; code: string; feeVnd: number };
  let paid: PaymentJson;
  let returnLocation: string;

  beforeAll(async () => {
    owner = await citizenClient(world.ctx);
    dossier = await ownedDossier(world.ctx, owner.id);
  }, 60_000);

  it("charges the fee the catalog computed: 5,000 đồng for three pages", async () => {
    expect(dossier.feeVnd).toBe(5_000);
    const res = await owner.client.get(`/api/v1/dossiers/${dossier.id}/payments`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      fee: { amountVnd: 5_000, status: "unpaid", canPayOnline: true, dossierCode: dossier.code },
      items: [],
    });
  });

  it("starts a payment, pays on the gateway page, is confirmed by the IPN and shows the receipt", async () => {
    const started = await start(owner.client, dossier.id);
    expect(started.redirectUrl.startsWith(`${world.gateway.url}/paymentv2/vpcpay.html?`)).toBe(true);
    expect(started.payment).toMatchObject({ status: "pending", amountVnd: 5_000, actions: ["pay"] });
    const url = new URL(started.redirectUrl);
    expect(url.searchParams.get("vnp_Amount")).toBe("500000");
    expect(url.searchParams.get("vnp_CreateDate")).toBe("20261130090000");
    expect(url.searchParams.get("vnp_ReturnUrl")).toBe("http://motcua.test/api/v1/payments/vnpay/return");

    // Asking again hands back the same open payment rather than a second charge.
    const again = await start(owner.client, dossier.id, 200);
    expect(again.payment.id).toBe(started.payment.id);
    expect(again.redirectUrl).toBe(started.redirectUrl);

    const walk = await walkGateway(started.redirectUrl, "pay");
    expect(walk.page).toContain('lang="vi"');
    expect(walk.page).toContain(">Thanh toán</button>");
    expect(walk.page).toContain(">Hủy</button>");
    expect(walk.page).toContain("5.000 đồng");
    expect(walk.page).not.toMatch(/<script|onclick=|style="/i);
    expect(walk.pageHeaders.get("content-security-policy")).toContain("default-src 'none'");
    expect(walk.pageHeaders.get("content-security-policy")).not.toContain("unsafe-inline");

    // The gateway called the IPN before sending the browser back.
    const txn = [...world.gateway.state.transactions.values()].find(
      (t) => t.txnRef === started.payment.txnRef,
    );
    expect(txn?.ipnAnswers).toEqual(["00"]);

    returnLocation = walk.location;
    expect(returnLocation.startsWith("http://motcua.test/api/v1/payments/vnpay/return?")).toBe(true);
    const back = await owner.client.get(pathOf(returnLocation));
    expect(back.statusCode).toBe(302);
    expect(back.headers.location).toBe(`/portal/payment?id=${started.payment.id}&outcome=paid`);

    paid = await payment(owner.client, started.payment.id);
    expect(paid).toMatchObject({ status: "paid", receiptNumber: "000001/2026", actions: [] });
    expect(paid.gateway?.transactionNo).toBe(txn?.transactionNo);

    const receipt = await owner.client.get(paid.receiptUrl as string);
    expect(receipt.statusCode).toBe(200);
    expect(receipt.headers["content-type"]).toBe("application/pdf");
    const text = pdfText(receipt.rawPayload);
    expect(text).toContain("BIÊN LAI THU PHÍ, LỆ PHÍ ĐIỆN TỬ");
    expect(text).toContain("000001/2026");
    expect(text).toContain("Nguyễn Thị Hồng Nhung");
    expect(text).toContain(dossier.code);
    expect(text).toContain("5.000 đồng");
    expect(text).toContain("Năm nghìn đồng");
    expect(text).toContain(txn?.transactionNo as string);
    expect(text).toContain("Ủy ban nhân dân xã Quang Thuận");
    expect(text).toMatch(/09:\d\d, ngày 30 tháng 11 năm 2026/);

    const list = (await owner.client.get(`/api/v1/dossiers/${dossier.id}/payments`)).json() as {
      fee: { status: string; canPayOnline: boolean };
    };
    expect(list.fee).toMatchObject({ status: "paid", canPayOnline: false });

    expect(await auditActions(paid.id)).toEqual(["payment.start", "payment.paid"]);
    const outbox = await world.ctx.handle.db
      .selectFrom("notification_outbox")
      .select(["template", "channel", "body_text"])
      .where("dedupe_key", "=", `payment:${paid.id}:paid`)
      .orderBy("channel")
      .execute();
    expect(outbox.map((o) => `${o.template}/${o.channel}`)).toEqual([
      "payment.paid/email",
      "payment.paid/sms",
    ]);
    expect(outbox[0]?.body_text).toContain("000001/2026");
    expect((await notifications(paid.txnRef)).map((n) => n.verdict)).toEqual(["confirmed_paid", "shown"]);
  });

  it("answers a replayed IPN 'already confirmed' and changes nothing", async () => {
    const replay = await ipn(new URL(returnLocation).search.slice(1));
    expect(replay).toEqual({ RspCode: "02", Message: "Order already confirmed" });
    const after = await payment(owner.client, paid.id);
    expect(after).toEqual(paid);
    const log = await notifications(paid.txnRef);
    expect(log.at(-1)).toMatchObject({ source: "ipn", verdict: "already_confirmed", rsp_code: "02" });
    const receipts = await world.ctx.handle.db
      .selectFrom("payment_receipt_sequences")
      .select("last_seq")
      .executeTakeFirstOrThrow();
    expect(receipts.last_seq).toBe(1);
  });

  it("refuses a second payment of a paid fee with 409 FEE_ALREADY_PAID, online or at the desk", async () => {
    const res = await owner.client.post(`/api/v1/dossiers/${dossier.id}/payments`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      error: { code: "FEE_ALREADY_PAID", details: { paymentId: paid.id } },
    });
    const desk = await world.ctx.as("tiepnhan.quangthuan");
    const counter = await desk.post(`/api/v1/dossiers/${dossier.id}/payments/counter`, {
      method: "cash",
      amountVnd: 5_000,
    });
    expect(counter.statusCode).toBe(409);
    expect(counter.json()).toMatchObject({ error: { code: "FEE_ALREADY_PAID" } });
  });

  it("shows another citizen nothing: 404 for the dossier's payments, the payment and its receipt", async () => {
    const other = await citizenClient(world.ctx, "Hoàng Văn Bảy");
    for (const path of [
      `/api/v1/dossiers/${dossier.id}/payments`,
      `/api/v1/payments/${paid.id}`,
      `/api/v1/payments/${paid.id}/receipt`,
    ]) {
      const res = await other.client.get(path);
      expect(res.statusCode, path).toBe(404);
      expect(res.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
    }
    const startOther = await other.client.post(`/api/v1/dossiers/${dossier.id}/payments`, {});
    expect(startOther.statusCode).toBe(404);
    expect((await world.ctx.client().get(`/api/v1/payments/${paid.id}`)).statusCode).toBe(401);
  });

  it("lets the unit's staff read the payment and download the receipt; another commune's staff get 404", async () => {
    const desk = await world.ctx.as("tiepnhan.quangthuan");
    expect((await desk.get(`/api/v1/payments/${paid.id}`)).statusCode).toBe(200);
    const pdf = await desk.get(`/api/v1/payments/${paid.id}/receipt`);
    expect(pdf.statusCode).toBe(200);
    expect(pdfText(pdf.rawPayload)).toContain("000001/2026");
    const elsewhere = await world.ctx.as("tiepnhan.phuthong");
    expect((await elsewhere.get(`/api/v1/payments/${paid.id}`)).statusCode).toBe(404);
  });

  it("refunds through the gateway's refund command, by a leader with a reason, once", async () => {
    const specialist = await world.ctx.as("chuyenvien.quangthuan");
    const denied = await specialist.post(`/api/v1/payments/${paid.id}/refund`, {
      version: paid.version,
      reason: "Thu trùng phí",
    });
    expect(denied.statusCode).toBe(403);
    const leader = await world.ctx.as("lanhdao.quangthuan");
    const tooShort = await leader.post(`/api/v1/payments/${paid.id}/refund`, {
      version: paid.version,
      reason: "x",
    });
    expect(tooShort.statusCode).toBe(400);
    const res = await leader.post(`/api/v1/payments/${paid.id}/refund`, {
      version: paid.version,
      reason: "Hồ sơ được miễn lệ phí theo quy định",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: "refunded",
      refund: { reason: "Hồ sơ được miễn lệ phí theo quy định" },
    });
    const txn = [...world.gateway.state.transactions.values()].find((t) => t.txnRef === paid.txnRef);
    expect(txn).toMatchObject({ status: "refunded", refundedVnd: 5_000 });
    const twice = await leader.post(`/api/v1/payments/${paid.id}/refund`, {
      version: (res.json() as PaymentJson).version,
      reason: "Hoàn thêm lần nữa",
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ error: { code: "PAYMENT_NOT_REFUNDABLE" } });
    expect(await auditActions(paid.id)).toEqual(["payment.start", "payment.paid", "payment.refund"]);
  });
});

describe("notifications the IPN refuses", () => {
  let owner: { client: TestClient; id: string };
  let pending: PaymentJson;

  beforeAll(async () => {
    owner = await citizenClient(world.ctx, "Lý Thị Mai");
    const dossier = await ownedDossier(world.ctx, owner.id);
    pending = (await start(owner.client, dossier.id)).payment;
  }, 60_000);

  it("refuses a forged signature (97), logs and audits it, and leaves the payment pending", async () => {
    const query = new URLSearchParams(signedIpn(pending.txnRef, 5_000));
    query.set("vnp_SecureHash", "ab".repeat(64));
    expect(await ipn(query.toString())).toEqual({ RspCode: "97", Message: "Invalid signature" });
    const signedByOther = signParams(
      Object.fromEntries(new URLSearchParams(signedIpn(pending.txnRef, 5_000))),
      "a-secret-the-attacker-made-up-000",
    );
    expect((await ipn(new URLSearchParams(signedByOther).toString())).RspCode).toBe("97");
    expect((await payment(owner.client, pending.id)).status).toBe("pending");
    const log = await notifications(pending.txnRef);
    expect(log.map((n) => n.verdict)).toEqual(["bad_signature", "bad_signature"]);
    const audited = await world.ctx.handle.db
      .selectFrom("audit_log")
      .select("summary")
      .where("action", "=", "payment.ipn_rejected")
      .execute();
    expect(audited.some((a) => (a.summary as { verdict: string }).verdict === "bad_signature")).toBe(true);
  });

  it("logs hostile junk (control characters, no signature) as a bad signature instead of failing", async () => {
    expect(await ipn("vnp_TxnRef=%00%01MC&vnp_Amount=%00&vnp_SecureHash=%00")).toEqual({
      RspCode: "97",
      Message: "Invalid signature",
    });
    const back = await world.ctx.client().get("/api/v1/payments/vnpay/return?vnp_TxnRef=%00");
    expect(back.headers.location).toBe("/portal/payment?outcome=invalid");
  });

  it(`refuses a burst of unsigned IPNs past ${UNSIGNED_LIMIT.limit} from one address with 429, before writing log or audit rows (issue 14, finding 11)`, async () => {
    const db = world.ctx.handle.db;
    const count = async (table: "payment_notifications" | "audit_log") =>
      table === "audit_log"
        ? (
            await db
              .selectFrom("audit_log")
              .select("id")
              .where("action", "=", "payment.ipn_rejected")
              .execute()
          ).length
        : (await db.selectFrom("payment_notifications").select("id").execute()).length;
    const [logBefore, auditBefore] = [await count("payment_notifications"), await count("audit_log")];
    const client = world.ctx.client();
    const forged = (i: number) => `vnp_TxnRef=FLOOD${i}&vnp_Amount=100&vnp_SecureHash=${"ab".repeat(64)}`;
    const answers = await Promise.all(
      Array.from({ length: 2 * UNSIGNED_LIMIT.limit }, (_, i) =>
        client.request({
          method: "GET",
          url: `/api/v1/payments/vnpay/ipn?${forged(i)}`,
          remoteAddress: "203.0.113.77",
        }),
      ),
    );
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(UNSIGNED_LIMIT.limit);
    expect(statuses.filter((s) => s === 429)).toHaveLength(UNSIGNED_LIMIT.limit);
    const refused = answers
      .filter((a) => a.statusCode === 429)
      .map((a) => a.json() as { error: { code: string } });
    expect(new Set(refused.map((r) => r.error.code))).toEqual(new Set(["RATE_LIMITED"]));
    expect(await count("payment_notifications")).toBe(logBefore + UNSIGNED_LIMIT.limit);
    expect(await count("audit_log")).toBe(auditBefore + UNSIGNED_LIMIT.limit);
    // The browser's return with a forged signature shares the limit and writes nothing either.
    const back = await client.request({
      method: "GET",
      url: "/api/v1/payments/vnpay/return?vnp_TxnRef=X",
      remoteAddress: "203.0.113.77",
    });
    expect(back.statusCode).toBe(429);
    expect(await count("payment_notifications")).toBe(logBefore + UNSIGNED_LIMIT.limit);
    // A signed call from the same address is still answered (the gateway is never limited here).
    const signed = await client.request({
      method: "GET",
      url: `/api/v1/payments/vnpay/ipn?${signedIpn("MC000000000000FLOODED", 5_000)}`,
      remoteAddress: "203.0.113.77",
    });
    expect(signed.statusCode).toBe(200);
    expect((signed.json() as { RspCode: string }).RspCode).toBe("01");
  });

  it("refuses an amount that differs from the fee (04) and leaves the payment pending", async () => {
    expect(await ipn(signedIpn(pending.txnRef, 500))).toEqual({ RspCode: "04", Message: "Invalid amount" });
    expect((await payment(owner.client, pending.id)).status).toBe("pending");
    expect((await notifications(pending.txnRef)).at(-1)).toMatchObject({
      verdict: "amount_mismatch",
      rsp_code: "04",
    });
  });

  it("answers 01 for an order it does not know", async () => {
    expect(await ipn(signedIpn("MC000000000000UNKNOWN", 5_000))).toEqual({
      RspCode: "01",
      Message: "Order not found",
    });
    expect((await notifications("MC000000000000UNKNOWN")).map((n) => n.verdict)).toEqual(["unknown_order"]);
  });

  it("confirms the genuine notification once; the identical second one is 02 and marks nothing twice", async () => {
    const genuine = signedIpn(pending.txnRef, 5_000);
    expect(await ipn(genuine)).toEqual({ RspCode: "00", Message: "Confirm Success" });
    const paidOnce = await payment(owner.client, pending.id);
    expect(paidOnce.status).toBe("paid");
    expect(await ipn(genuine)).toEqual({ RspCode: "02", Message: "Order already confirmed" });
    expect(await payment(owner.client, pending.id)).toEqual(paidOnce);
    const paidEvents = (await auditActions(pending.id)).filter((a) => a === "payment.paid");
    expect(paidEvents).toHaveLength(1);
  });

  it("never trusts the return address: a signed 'success' return of a pending payment marks nothing", async () => {
    const other = await ownedDossier(world.ctx, owner.id);
    const fresh = (await start(owner.client, other.id)).payment;
    const res = await owner.client.get(`/api/v1/payments/vnpay/return?${signedIpn(fresh.txnRef, 5_000)}`);
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe(`/portal/payment?id=${fresh.id}&outcome=pending`);
    expect((await payment(owner.client, fresh.id)).status).toBe("pending");
    const forged = await owner.client.get(
      `/api/v1/payments/vnpay/return?vnp_TxnRef=${fresh.txnRef}&vnp_SecureHash=00`,
    );
    expect(forged.headers.location).toBe("/portal/payment?outcome=invalid");
  });
});

describe("cancellation, reconciliation and the desk", () => {
  it("records a cancellation at the gateway, then lets the citizen start again", async () => {
    const owner = await citizenClient(world.ctx, "Đàm Văn Hải");
    const dossier = await ownedDossier(world.ctx, owner.id);
    const first = await start(owner.client, dossier.id);
    const walk = await walkGateway(first.redirectUrl, "cancel");
    const back = await owner.client.get(pathOf(walk.location));
    expect(back.headers.location).toBe(`/portal/payment?id=${first.payment.id}&outcome=cancelled`);
    expect((await payment(owner.client, first.payment.id)).status).toBe("cancelled");
    const second = await start(owner.client, dossier.id);
    expect(second.payment.id).not.toBe(first.payment.id);
  });

  it("reconciles a payment whose IPN was lost through querydr, by the unit's staff", async () => {
    const owner = await citizenClient(world.ctx, "Triệu Thị Lan");
    const dossier = await ownedDossier(world.ctx, owner.id);
    const started = await start(owner.client, dossier.id);
    world.merchant.ipnUrl = "http://127.0.0.1:9/unreachable";
    try {
      await walkGateway(started.redirectUrl, "pay");
    } finally {
      world.merchant.ipnUrl = world.ipnUrl;
    }
    expect((await payment(owner.client, started.payment.id)).status).toBe("pending");
    const citizenQuery = await owner.client.post(`/api/v1/payments/${started.payment.id}/query`, {});
    expect(citizenQuery.statusCode).toBe(403);
    const stranger = await citizenClient(world.ctx, "Hà Văn Lạ");
    expect((await stranger.client.post(`/api/v1/payments/${started.payment.id}/query`, {})).statusCode).toBe(
      404,
    );
    expect(
      (
        await stranger.client.post(`/api/v1/payments/${started.payment.id}/refund`, {
          version: 1,
          reason: "Hoàn tiền thử",
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await owner.client.post(`/api/v1/payments/${started.payment.id}/refund`, {
          version: 1,
          reason: "Hoàn tiền thử",
        })
      ).statusCode,
    ).toBe(403);
    const desk = await world.ctx.as("tiepnhan.quangthuan");
    const res = await desk.post(`/api/v1/payments/${started.payment.id}/query`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: "paid", receiptNumber: expect.stringMatching(/\/2026$/) });
    const again = await desk.post(`/api/v1/payments/${started.payment.id}/query`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: "PAYMENT_NOT_PENDING" } });
    expect(await auditActions(started.payment.id)).toEqual([
      "payment.start",
      "payment.paid",
      "payment.query",
    ]);
  });

  it("records cash at the counter only for the exact fee, with a receipt; staff cannot start online payments", async () => {
    const dossier = await ownedDossier(world.ctx, null);
    const desk = await world.ctx.as("tiepnhan.quangthuan");
    const online = await desk.post(`/api/v1/dossiers/${dossier.id}/payments`, {});
    expect(online.statusCode).toBe(403);
    const wrong = await desk.post(`/api/v1/dossiers/${dossier.id}/payments/counter`, {
      method: "cash",
      amountVnd: 4_000,
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({
      error: { code: "PAYMENT_AMOUNT_MISMATCH", details: { expectedVnd: 5_000 } },
    });
    const specialist = await world.ctx.as("chuyenvien.quangthuan");
    const notDesk = await specialist.post(`/api/v1/dossiers/${dossier.id}/payments/counter`, {
      method: "cash",
      amountVnd: 5_000,
    });
    expect(notDesk.statusCode).toBe(403);
    const res = await desk.post(`/api/v1/dossiers/${dossier.id}/payments/counter`, {
      method: "bank_transfer",
      amountVnd: 5_000,
      reference: "FT26334123456",
    });
    expect(res.statusCode, res.body).toBe(201);
    const row = res.json() as PaymentJson;
    expect(row).toMatchObject({ status: "paid", amountVnd: 5_000 });
    const text = pdfText((await desk.get(row.receiptUrl as string)).rawPayload);
    expect(text).toContain("Chuyển khoản");
    expect(text).toContain("FT26334123456");
  });
});

describe("concurrent requests", () => {
  it("confirms one of several simultaneous identical IPNs and answers the others 'already confirmed'", async () => {
    const owner = await citizenClient(world.ctx, "Ma Văn Kháng");
    const dossier = await ownedDossier(world.ctx, owner.id);
    const started = (await start(owner.client, dossier.id)).payment;
    const query = signedIpn(started.txnRef, 5_000, { vnp_TransactionNo: "14888888" });
    const answers = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const res = await fetch(`${world.ipnUrl}?${query}`);
        return ((await res.json()) as { RspCode: string }).RspCode;
      }),
    );
    expect(answers.filter((a) => a === "00")).toHaveLength(1);
    expect(answers.filter((a) => a === "02")).toHaveLength(5);
    const paidEvents = (await auditActions(started.id)).filter((a) => a === "payment.paid");
    expect(paidEvents).toHaveLength(1);
  });

  it("opens one payment when the owner starts several at once", async () => {
    const owner = await citizenClient(world.ctx, "Nông Thị Xuân");
    const dossier = await ownedDossier(world.ctx, owner.id);
    const csrf = await owner.client.csrf();
    const statuses = await Promise.all(
      Array.from({ length: 5 }, () =>
        owner.client.request({
          method: "POST",
          url: `/api/v1/dossiers/${dossier.id}/payments`,
          payload: {},
          headers: { "x-csrf-token": csrf },
        }),
      ),
    );
    const codes = statuses.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.every((c) => c === 201 || c === 200 || c === 409)).toBe(true);
    const rows = await world.ctx.handle.db
      .selectFrom("payments")
      .select("id")
      .where("dossier_id", "=", dossier.id)
      .execute();
    expect(rows).toHaveLength(1);
  });
});

describe("background reconciliation", () => {
  it("settles expired pending payments with querydr: paid when the gateway took the money, expired when not", async () => {
    const owner = await citizenClient(world.ctx, "Bế Văn Đàn");
    const paidAtGateway = (await start(owner.client, (await ownedDossier(world.ctx, owner.id)).id)).payment;
    const neverOpened = (await start(owner.client, (await ownedDossier(world.ctx, owner.id)).id)).payment;
    world.merchant.ipnUrl = "http://127.0.0.1:9/unreachable";
    try {
      await walkGateway((await start(owner.client, paidAtGateway.dossierId, 200)).redirectUrl, "pay");
    } finally {
      world.merchant.ipnUrl = world.ipnUrl;
    }
    const before = await reconcileExpiredPayments(
      world.ctx.handle.db,
      world.ctx.app.deps.config,
      world.ctx.clock.now,
    );
    expect(before.checked).toBe(0);
    world.ctx.clock.advance(20 * 60_000);
    try {
      const summary = await reconcileExpiredPayments(
        world.ctx.handle.db,
        world.ctx.app.deps.config,
        world.ctx.clock.now,
      );
      // Earlier tests left other payments pending, never opened: they expire in the same pass.
      expect(summary).toMatchObject({ paid: 1, errors: 0 });
      expect(summary.expired).toBeGreaterThanOrEqual(1);
      expect((await payment(owner.client, paidAtGateway.id)).status).toBe("paid");
      expect((await payment(owner.client, neverOpened.id)).status).toBe("expired");
      // The fee of the expired one can be paid again.
      const again = await start(owner.client, neverOpened.dossierId);
      expect(again.payment.id).not.toBe(neverOpened.id);
    } finally {
      world.ctx.clock.advance(-20 * 60_000);
    }
  });
});
