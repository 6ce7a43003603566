/**
 * Helpers of the payment tests: the app listening on an ephemeral port with the local gateway on another, a
 * citizen who owns a dossier received at the desk, a browser walk through the gateway page, and a PDF's text.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestContext, type TestClient, type TestContext } from "../../../test/support/test-app.ts";
import {
  type GatewayMerchant,
  type RunningGateway,
  startLocalGateway,
} from "../../adapters/payment/local-gateway.ts";
import { createSession, SESSION_COOKIE } from "../auth/sessions.ts";
import { MONDAY, receptionBody } from "../dossiers/test-support.ts";

export const TMN_CODE = "MOTCUATEST";
export const HASH_SECRET = "payment-test-hash-secret-0123456789";
export const PUBLIC_URL = "http://motcua.test";

export interface PaymentWorld {
  ctx: TestContext;
  gateway: RunningGateway;
  merchant: GatewayMerchant;
  ipnUrl: string;
  close(): Promise<void>;
}

export async function paymentWorld(): Promise<PaymentWorld> {
  const merchants = new Map<string, GatewayMerchant>();
  let ctx: TestContext | undefined;
  const gateway = await startLocalGateway({ merchants, clock: () => ctx?.clock.now ?? new Date() });
  ctx = await createTestContext({
    env: {
      PAYMENT_GATEWAY_URL: gateway.url,
      VNPAY_TMN_CODE: TMN_CODE,
      VNPAY_HASH_SECRET: HASH_SECRET,
      PUBLIC_URL,
    },
  });
  ctx.clock.set(MONDAY);
  await ctx.app.listen({ port: 0, host: "127.0.0.1" });
  const port = (ctx.app.server.address() as AddressInfo).port;
  const ipnUrl = `http://127.0.0.1:${port}/api/v1/payments/vnpay/ipn`;
  const merchant = { tmnCode: TMN_CODE, hashSecret: HASH_SECRET, ipnUrl };
  merchants.set(TMN_CODE, merchant);
  const context = ctx;
  return {
    ctx: context,
    gateway,
    merchant,
    ipnUrl,
    async close() {
      await gateway.close();
      await context.close();
    },
  };
}

let citizenCount = 0;

/** A confirmed citizen account, signed in. */
export async function citizenClient(
  ctx: TestContext,
  name = "Nguyễn Thị Hồng Nhung",
): Promise<{ client: TestClient; id: string }> {
  citizenCount += 1;
  const row = await ctx.handle.db
    .insertInto("citizens")
    .values({
      full_name: name,
      identity_number: `0061900${String(50_000 + citizenCount + Math.floor(Math.random() * 40_000)).padStart(5, "0")}`,
      phone: "0912345678",
      email: `citizen${citizenCount}.${Date.now()}@example.vn`,
      status: "active",
      confirmed_at: ctx.clock.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const { token } = await createSession(
    ctx.handle.db,
    { kind: "citizen", id: row.id },
    {
      ip: null,
      userAgent: null,
      ttlHours: 12,
      now: ctx.clock.now,
    },
  );
  const client = ctx.client();
  client.cookies.set(SESSION_COOKIE, token);
  return { client, id: row.id };
}

/**
 * A dossier for "chứng thực bản sao từ bản chính" (3 pages, 1 copy: 2,000 + 2,000 + 1,000 = 5,000 đồng under
 * TT 226/2016/TT-BTC), received at the Quang Thuận desk, then owned by the citizen as an online dossier is.
 */
export async function ownedDossier(
  ctx: TestContext,
  citizenId: string | null,
): Promise<{ id: string; code: string; feeVnd: number }> {
  const desk = await ctx.as("tiepnhan.quangthuan");
  const res = await desk.post(
    "/api/v1/dossiers",
    receptionBody({
      procedure: "chung-thuc-ban-sao-tu-ban-chinh",
      pages: 3,
      copies: 1,
      components: [{ name: "Bản chính giấy tờ cần chứng thực", kind: "original", count: 1 }],
    } as Parameters<typeof receptionBody>[0]),
  );
  if (res.statusCode !== 201) throw new Error(`reception: ${res.statusCode} ${res.body}`);
  const dossier = (res.json() as { dossier: { id: string; code: string } }).dossier;
  if (citizenId) {
    await ctx.handle.db
      .updateTable("dossiers")
      .set({ citizen_id: citizenId })
      .where("id", "=", dossier.id)
      .execute();
  }
  const row = await ctx.handle.db
    .selectFrom("dossiers")
    .select("fee_vnd")
    .where("id", "=", dossier.id)
    .executeTakeFirstOrThrow();
  return { id: dossier.id, code: dossier.code, feeVnd: Number(row.fee_vnd) };
}

/** Opens the gateway page and presses one of its buttons, as a browser does; returns the page and the redirect. */
export async function walkGateway(
  redirectUrl: string,
  decision: "pay" | "cancel",
): Promise<{ page: string; pageHeaders: Headers; location: string }> {
  const pageRes = await fetch(redirectUrl);
  const page = await pageRes.text();
  if (pageRes.status !== 200) throw new Error(`gateway page: ${pageRes.status} ${page}`);
  const token = /name="token" value="([^"]+)"/.exec(page)?.[1];
  const action = /<form method="post" action="([^"]+)"/.exec(page)?.[1];
  if (!token || !action) throw new Error("the gateway page has no form");
  const confirm = await fetch(new URL(action, redirectUrl), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ token, decision }).toString(),
    redirect: "manual",
  });
  const location = confirm.headers.get("location");
  if (confirm.status !== 303 || !location)
    throw new Error(`gateway confirm: ${confirm.status} ${await confirm.text()}`);
  return { page, pageHeaders: pageRes.headers, location };
}

/** The path and query of an absolute URL, to replay it against the app in-process. */
export function pathOf(url: string): string {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
}

/** Text of a PDF through poppler's pdftotext. */
export function pdfText(bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), "motcua-receipt-"));
  const file = join(dir, "receipt.pdf");
  writeFileSync(file, bytes);
  return execFileSync("pdftotext", ["-enc", "UTF-8", "-layout", file, "-"], { encoding: "utf8" });
}
