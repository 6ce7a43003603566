/**
 * A local payment gateway that speaks VNPay's protocol 2.1.0 (see vnpay.ts), for tests and demonstrations:
 * - GET  /paymentv2/vpcpay.html          checks the signed redirect and shows the payment page ("Thanh toán" / "Hủy");
 * - POST /paymentv2/confirm              records the payer's choice, calls the merchant's IPN URL server to server
 *                                        (signed), then sends the browser to vnp_ReturnUrl with signed parameters;
 * - POST /merchant_webapi/api/transaction querydr and refund, JSON with pipe-joined checksums.
 * No money moves: transactions live in memory. The page has no script at all (a strict CSP applies) and is
 * plain HTML forms, so it works from the keyboard and with a screen reader.
 *
 * Use it as a Fastify plugin under a prefix of the main server (demo mode) or on its own port
 * (`startLocalGateway`, tests).
 */
import { randomBytes, randomInt } from "node:crypto";
import Fastify, { type FastifyInstance, type FastifyPluginAsync, type FastifyReply } from "fastify";
import {
  fromVnpAmount,
  parseVnpDate,
  signParams,
  signPipe,
  toQueryString,
  VNP_VERSION,
  type VnpParams,
  verifyParams,
  verifyPipe,
  vnpDate,
} from "./vnpay.ts";

export interface GatewayMerchant {
  tmnCode: string;
  hashSecret: string;
  /** Where the gateway sends the IPN call (registered with the gateway, not sent in the request). */
  ipnUrl: string;
}

export type GatewayTxnStatus = "pending" | "paid" | "cancelled" | "refunded";

export interface GatewayTransaction {
  tmnCode: string;
  txnRef: string;
  amountVnd: number;
  orderInfo: string;
  returnUrl: string;
  locale: "vn" | "en";
  createDate: string;
  expireDate: Date;
  status: GatewayTxnStatus;
  responseCode: string | null;
  transactionNo: string | null;
  bankCode: string;
  cardType: string;
  payDate: string | null;
  refundedVnd: number;
  /** The merchant's answers to each IPN attempt (RspCode), or "unreachable". */
  ipnAnswers: string[];
  token: string;
}

export interface LocalGatewayOptions {
  merchants: Map<string, GatewayMerchant>;
  clock?: () => Date;
  /** IPN attempts when the merchant does not answer 00 or 02 (VNPay retries too). Default 3. */
  ipnAttempts?: number;
}

export interface LocalGatewayState {
  transactions: Map<string, GatewayTransaction>;
  merchants: Map<string, GatewayMerchant>;
}

const keyOf = (tmnCode: string, txnRef: string) => `${tmnCode}\u0000${txnRef}`;

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
  );
}

const TEXT = {
  vn: {
    title: "Cổng thanh toán thử nghiệm",
    notice:
      "Cổng thanh toán cục bộ theo giao thức VNPay 2.1.0, chỉ dùng để kiểm thử và trình diễn: không có tiền thật.",
    merchant: "Đơn vị nhận tiền (mã)",
    order: "Nội dung thanh toán",
    ref: "Mã giao dịch của đơn vị",
    amount: "Số tiền",
    expires: "Hạn thanh toán",
    pay: "Thanh toán",
    cancel: "Hủy",
    errorTitle: "Không thực hiện được giao dịch",
    currency: "đồng",
  },
  en: {
    title: "Test payment gateway",
    notice:
      "A local gateway speaking the VNPay 2.1.0 protocol, for tests and demonstrations only: no real money.",
    merchant: "Merchant (code)",
    order: "Order",
    ref: "Merchant reference",
    amount: "Amount",
    expires: "Pay before",
    pay: "Thanh toán (Pay)",
    cancel: "Hủy (Cancel)",
    errorTitle: "The transaction cannot be made",
    currency: "VND",
  },
} as const;

const CSS = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#0b0c0c;background:#f3f2f1}
main{max-width:36rem;margin:2rem auto;padding:1.5rem;background:#fff;border-top:6px solid #005ea5}
h1{font-size:1.5rem;margin:0 0 1rem}.notice{padding:.75rem;border-left:5px solid #1d70b8;background:#eef4fa}
dl{display:grid;grid-template-columns:minmax(8rem,40%) 1fr;gap:.5rem 1rem}dt{font-weight:600}dd{margin:0;word-break:break-word}
.amount{font-size:1.5rem;font-weight:700}.actions{display:flex;gap:1rem;flex-wrap:wrap;margin-top:1.5rem}
button{font:inherit;font-weight:600;padding:.6rem 1.4rem;border:2px solid transparent;cursor:pointer;min-height:44px}
.pay{background:#00703c;color:#fff}.cancel{background:#f3f2f1;color:#0b0c0c;border-color:#0b0c0c}
button:focus-visible{outline:3px solid #fd0;outline-offset:0;box-shadow:0 0 0 5px #0b0c0c}
.error{border-left:5px solid #d4351c;padding:.75rem;background:#fdf2f0}
`;

function page(lang: "vn" | "en", title: string, body: string, base: string): string {
  return `<!doctype html>
<html lang="${lang === "en" ? "en" : "vi"}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><link rel="stylesheet" href="${base}/paymentv2/gateway.css"></head>
<body><main>${body}</main></body></html>`;
}

function formatVnd(vnd: number): string {
  return vnd.toLocaleString("vi-VN");
}

function formatDate(at: Date): string {
  const d = vnpDate(at);
  return `${d.slice(8, 10)}:${d.slice(10, 12)} ${d.slice(6, 8)}/${d.slice(4, 6)}/${d.slice(0, 4)} (GMT+7)`;
}

/** The gateway's routes; `base` is the prefix it is mounted under ("" on its own server). */
export function localGatewayPlugin(
  options: LocalGatewayOptions & { state?: LocalGatewayState },
): FastifyPluginAsync<{ prefix?: string }> {
  return async (app, pluginOptions) => {
    const base = pluginOptions.prefix ?? "";
    const clock = options.clock ?? (() => new Date());
    const state: LocalGatewayState = options.state ?? {
      transactions: new Map(),
      merchants: options.merchants,
    };
    const byToken = new Map<string, string>();
    const seenRequestIds = new Set<string>();
    const attempts = options.ipnAttempts ?? 3;

    app.removeAllContentTypeParsers();
    app.addContentTypeParser(
      "application/x-www-form-urlencoded",
      { parseAs: "string", bodyLimit: 16 * 1024 },
      (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
    );
    app.addContentTypeParser(
      "application/json",
      { parseAs: "string", bodyLimit: 64 * 1024 },
      (_req, body, done) => {
        try {
          done(null, JSON.parse(body as string));
        } catch {
          done(null, null);
        }
      },
    );

    const html = (reply: FastifyReply, status: number, text: string) =>
      reply
        .status(status)
        .header("content-type", "text/html; charset=utf-8")
        .header("cache-control", "no-store")
        .send(text);

    const errorPage = (reply: FastifyReply, lang: "vn" | "en", code: string, message: string) => {
      const t = TEXT[lang];
      return html(
        reply,
        400,
        page(
          lang,
          t.errorTitle,
          `<h1>${t.errorTitle}</h1><p class="error" role="alert">${escapeHtml(message)} (${escapeHtml(code)})</p>`,
          base,
        ),
      );
    };

    app.get("/paymentv2/gateway.css", { schema: { hide: true } }, async (_request, reply) =>
      reply
        .header("content-type", "text/css; charset=utf-8")
        .header("cache-control", "public, max-age=3600")
        .send(CSS),
    );

    app.get("/paymentv2/vpcpay.html", { schema: { hide: true } }, async (request, reply) => {
      const q = request.query as VnpParams;
      const lang = q.vnp_Locale === "en" ? "en" : "vn";
      const merchant = q.vnp_TmnCode ? state.merchants.get(q.vnp_TmnCode) : undefined;
      if (!merchant)
        return errorPage(reply, lang, "02", "Mã đơn vị (vnp_TmnCode) không tồn tại. / Unknown merchant.");
      if (!verifyParams(q, merchant.hashSecret)) {
        return errorPage(reply, lang, "70", "Sai chữ ký (vnp_SecureHash). / Invalid signature.");
      }
      const amountVnd = fromVnpAmount(q.vnp_Amount);
      const expireDate = q.vnp_ExpireDate ? parseVnpDate(q.vnp_ExpireDate) : null;
      if (
        q.vnp_Version !== VNP_VERSION ||
        q.vnp_Command !== "pay" ||
        q.vnp_CurrCode !== "VND" ||
        amountVnd === null ||
        !q.vnp_TxnRef ||
        !q.vnp_ReturnUrl ||
        !q.vnp_CreateDate ||
        !parseVnpDate(q.vnp_CreateDate) ||
        !expireDate
      ) {
        return errorPage(reply, lang, "03", "Dữ liệu gửi sang không đúng định dạng. / Malformed request.");
      }
      if (expireDate.getTime() <= clock().getTime()) {
        return errorPage(reply, lang, "11", "Đã hết hạn chờ thanh toán. / The payment time has expired.");
      }
      const key = keyOf(merchant.tmnCode, q.vnp_TxnRef);
      let txn = state.transactions.get(key);
      if (txn && txn.status !== "pending") {
        return errorPage(reply, lang, "94", "Giao dịch đã được xử lý. / This order was already processed.");
      }
      if (!txn) {
        txn = {
          tmnCode: merchant.tmnCode,
          txnRef: q.vnp_TxnRef,
          amountVnd,
          orderInfo: q.vnp_OrderInfo ?? "",
          returnUrl: q.vnp_ReturnUrl,
          locale: lang,
          createDate: q.vnp_CreateDate,
          expireDate,
          status: "pending",
          responseCode: null,
          transactionNo: null,
          bankCode: q.vnp_BankCode || "NCB",
          cardType: "ATM",
          payDate: null,
          refundedVnd: 0,
          ipnAnswers: [],
          token: randomBytes(24).toString("base64url"),
        };
        state.transactions.set(key, txn);
        byToken.set(txn.token, key);
      }
      const t = TEXT[lang];
      const body = `<h1>${t.title}</h1>
<p class="notice">${t.notice}</p>
<dl>
<dt>${t.merchant}</dt><dd>${escapeHtml(txn.tmnCode)}</dd>
<dt>${t.order}</dt><dd>${escapeHtml(txn.orderInfo)}</dd>
<dt>${t.ref}</dt><dd>${escapeHtml(txn.txnRef)}</dd>
<dt>${t.amount}</dt><dd class="amount">${formatVnd(txn.amountVnd)} ${t.currency}</dd>
<dt>${t.expires}</dt><dd>${formatDate(txn.expireDate)}</dd>
</dl>
<form method="post" action="${base}/paymentv2/confirm">
<input type="hidden" name="token" value="${txn.token}">
<div class="actions">
<button type="submit" class="pay" name="decision" value="pay">${t.pay}</button>
<button type="submit" class="cancel" name="decision" value="cancel">${t.cancel}</button>
</div>
</form>`;
      return html(reply, 200, page(lang, t.title, body, base));
    });

    const resultParams = (txn: GatewayTransaction, merchant: GatewayMerchant): VnpParams =>
      signParams(
        {
          vnp_Amount: String(txn.amountVnd * 100),
          vnp_BankCode: txn.bankCode,
          ...(txn.status === "paid"
            ? { vnp_BankTranNo: `VNP${txn.transactionNo}`, vnp_CardType: txn.cardType }
            : {}),
          vnp_OrderInfo: txn.orderInfo,
          ...(txn.payDate ? { vnp_PayDate: txn.payDate } : {}),
          vnp_ResponseCode: txn.responseCode ?? "99",
          vnp_TmnCode: txn.tmnCode,
          vnp_TransactionNo: txn.transactionNo ?? "0",
          vnp_TransactionStatus: txn.status === "paid" ? "00" : "02",
          vnp_TxnRef: txn.txnRef,
        },
        merchant.hashSecret,
      );

    const sendIpn = async (txn: GatewayTransaction, merchant: GatewayMerchant) => {
      const url = `${merchant.ipnUrl}${merchant.ipnUrl.includes("?") ? "&" : "?"}${toQueryString(resultParams(txn, merchant))}`;
      for (let i = 0; i < attempts; i += 1) {
        try {
          const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
          const answer = (await res.json()) as { RspCode?: string };
          txn.ipnAnswers.push(String(answer.RspCode));
          if (answer.RspCode === "00" || answer.RspCode === "02") return;
        } catch {
          txn.ipnAnswers.push("unreachable");
        }
      }
    };

    app.post("/paymentv2/confirm", { schema: { hide: true } }, async (request, reply) => {
      const form = (request.body ?? {}) as Record<string, string>;
      const key = typeof form.token === "string" ? byToken.get(form.token) : undefined;
      const txn = key ? state.transactions.get(key) : undefined;
      if (!txn) return errorPage(reply, "vn", "01", "Không tìm thấy giao dịch. / Transaction not found.");
      const merchant = state.merchants.get(txn.tmnCode);
      if (!merchant)
        return errorPage(reply, txn.locale, "02", "Mã đơn vị không tồn tại. / Unknown merchant.");
      if (txn.status !== "pending") {
        return errorPage(
          reply,
          txn.locale,
          "94",
          "Giao dịch đã được xử lý. / This order was already processed.",
        );
      }
      const now = clock();
      if (txn.expireDate.getTime() <= now.getTime()) {
        return errorPage(
          reply,
          txn.locale,
          "11",
          "Đã hết hạn chờ thanh toán. / The payment time has expired.",
        );
      }
      if (form.decision === "pay") {
        txn.status = "paid";
        txn.responseCode = "00";
        txn.transactionNo = String(14_000_000 + randomInt(1_000_000));
        txn.payDate = vnpDate(now);
      } else {
        txn.status = "cancelled";
        txn.responseCode = "24";
      }
      byToken.delete(txn.token);
      await sendIpn(txn, merchant);
      const back = `${txn.returnUrl}${txn.returnUrl.includes("?") ? "&" : "?"}${toQueryString(resultParams(txn, merchant))}`;
      return reply.header("cache-control", "no-store").redirect(back, 303);
    });

    app.post("/merchant_webapi/api/transaction", { schema: { hide: true } }, async (request) => {
      const body = request.body;
      const now = clock();
      const responseId = randomBytes(8).toString("hex");
      if (!body || typeof body !== "object" || Array.isArray(body)) {
        return { vnp_ResponseId: responseId, vnp_ResponseCode: "03", vnp_Message: "Invalid request format" };
      }
      const q = Object.fromEntries(
        Object.entries(body as Record<string, unknown>).map(([k, v]) => [k, String(v)]),
      );
      const command = q.vnp_Command;
      const unsigned = (code: string, message: string) => ({
        vnp_ResponseId: responseId,
        vnp_Command: command ?? "",
        vnp_ResponseCode: code,
        vnp_Message: message,
      });
      const merchant = q.vnp_TmnCode ? state.merchants.get(q.vnp_TmnCode) : undefined;
      if (!merchant) return unsigned("02", "Merchant is not valid");
      if (command !== "querydr" && command !== "refund") return unsigned("03", "Invalid command");
      if (!verifyPipe(command === "querydr" ? "querydrRequest" : "refundRequest", q, merchant.hashSecret)) {
        return unsigned("97", "Invalid checksum");
      }
      if (!q.vnp_RequestId || seenRequestIds.has(`${merchant.tmnCode}:${q.vnp_RequestId}`)) {
        return unsigned("94", "Duplicate request");
      }
      seenRequestIds.add(`${merchant.tmnCode}:${q.vnp_RequestId}`);
      const txn = q.vnp_TxnRef ? state.transactions.get(keyOf(merchant.tmnCode, q.vnp_TxnRef)) : undefined;
      if (!txn) return unsigned("91", "Transaction not found");

      const answer = (kind: "querydrResponse" | "refundResponse", fields: VnpParams) =>
        signPipe(
          kind,
          {
            vnp_ResponseId: responseId,
            vnp_Command: command,
            vnp_TmnCode: merchant.tmnCode,
            vnp_TxnRef: txn.txnRef,
            vnp_BankCode: txn.bankCode,
            vnp_PayDate: txn.payDate ?? "",
            vnp_OrderInfo: txn.orderInfo,
            ...fields,
          },
          merchant.hashSecret,
        );

      if (command === "querydr") {
        const status = { pending: "01", paid: "00", cancelled: "02", refunded: "06" }[txn.status];
        return answer("querydrResponse", {
          vnp_ResponseCode: "00",
          vnp_Message: "QueryDR Success",
          vnp_Amount: String(txn.amountVnd * 100),
          vnp_TransactionNo: txn.transactionNo ?? "0",
          vnp_TransactionType: txn.status === "refunded" ? "02" : "01",
          vnp_TransactionStatus: status,
        });
      }
      const amount = fromVnpAmount(q.vnp_Amount);
      if (txn.status !== "paid") return unsigned("95", "Transaction is not successful or already refunded");
      const left = txn.amountVnd - txn.refundedVnd;
      const type = q.vnp_TransactionType;
      if (
        amount === null ||
        amount > left ||
        (type === "02" && amount !== left) ||
        (type !== "02" && type !== "03") ||
        (q.vnp_TransactionNo !== "0" && q.vnp_TransactionNo !== txn.transactionNo)
      ) {
        return unsigned("93", "Invalid refund amount or transaction");
      }
      txn.refundedVnd += amount;
      if (txn.refundedVnd === txn.amountVnd) txn.status = "refunded";
      return answer("refundResponse", {
        vnp_ResponseCode: "00",
        vnp_Message: "Refund success",
        vnp_Amount: String(amount * 100),
        vnp_TransactionNo: String(15_000_000 + randomInt(1_000_000)),
        vnp_TransactionType: type,
        vnp_TransactionStatus: "05",
        vnp_PayDate: vnpDate(now),
      });
    });
  };
}

export interface RunningGateway {
  url: string;
  state: LocalGatewayState;
  app: FastifyInstance;
  close(): Promise<void>;
}

/** The gateway on its own port (0: any free port), with its own security headers. */
export async function startLocalGateway(
  options: LocalGatewayOptions & { port?: number; host?: string },
): Promise<RunningGateway> {
  const state: LocalGatewayState = { transactions: new Map(), merchants: options.merchants };
  const app = Fastify({ logger: false });
  app.addHook("onSend", async (_request, reply, payload) => {
    const returnOrigins = new Set<string>();
    for (const txn of state.transactions.values()) {
      try {
        returnOrigins.add(new URL(txn.returnUrl).origin);
      } catch {
        // not a URL: the browser cannot be sent there anyway
      }
    }
    reply.header(
      "content-security-policy",
      `default-src 'none'; style-src 'self'; form-action 'self' ${[...returnOrigins].join(" ")}; frame-ancestors 'none'; base-uri 'none'`,
    );
    reply.header("x-content-type-options", "nosniff");
    reply.header("referrer-policy", "no-referrer");
    reply.header("x-frame-options", "DENY");
    return payload;
  });
  await app.register(localGatewayPlugin({ ...options, state }));
  const address = await app.listen({ port: options.port ?? 0, host: options.host ?? "127.0.0.1" });
  return { url: address, state, app, close: () => app.close() };
}

/**
 * Where a cluster worker (src/cluster.ts) sends the demo gateway's requests: the primary runs the one gateway, whose
 * transactions are in its memory, under the same prefix; the worker passes each request on and the answer back
 * (status, type, redirect, body), so the browser sees the same URLs as with one process.
 */
export function localGatewayRelay(upstream: string): FastifyPluginAsync {
  return async (app) => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser("*", { parseAs: "string", bodyLimit: 16 * 1024 }, (_req, body, done) =>
      done(null, body),
    );
    app.all("/*", { schema: { hide: true } }, async (request, reply) => {
      const hasBody = request.method !== "GET" && request.method !== "HEAD";
      const contentType = request.headers["content-type"];
      const res = await fetch(new URL(request.url, upstream), {
        method: request.method,
        headers: contentType ? { "content-type": contentType } : {},
        ...(hasBody && typeof request.body === "string" ? { body: request.body } : {}),
        redirect: "manual",
      });
      reply.code(res.status);
      for (const name of ["content-type", "location", "cache-control"]) {
        const value = res.headers.get(name);
        if (value) reply.header(name, value);
      }
      return reply.send(Buffer.from(await res.arrayBuffer()));
    });
  };
}
