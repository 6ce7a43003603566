/**
 * Demo mode: without PAYMENT_GATEWAY_URL the app serves the local gateway itself at /demo-gateway and the gateway
 * calls the IPN back on the loopback address, so `npm start` pays end to end in one process.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../../test/support/http.ts";
import { createTestContext, type TestContext } from "../../../test/support/test-app.ts";
import { MONDAY } from "../dossiers/test-support.ts";
import { citizenClient, ownedDossier, pathOf, walkGateway } from "./test-support.ts";

let ctx: TestContext;
let base: string;

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  ctx = await createTestContext({ env: { PORT: String(port), HOST: "127.0.0.1", PUBLIC_URL: base } });
  ctx.clock.set(MONDAY);
  await ctx.app.listen({ port, host: "127.0.0.1" });
}, 120_000);
afterAll(async () => ctx?.close());

describe("the demo gateway in the same process", () => {
  it("pays a fee through /demo-gateway, with the IPN called back on the loopback address", async () => {
    const owner = await citizenClient(ctx);
    const dossier = await ownedDossier(ctx, owner.id);
    const res = await owner.client.post(`/api/v1/dossiers/${dossier.id}/payments`, { locale: "vn" });
    expect(res.statusCode, res.body).toBe(201);
    const { redirectUrl, payment } = res.json() as { redirectUrl: string; payment: { id: string } };
    expect(redirectUrl.startsWith(`${base}/demo-gateway/paymentv2/vpcpay.html?`)).toBe(true);

    const walk = await walkGateway(redirectUrl, "pay");
    const csp = walk.pageHeaders.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("form-action 'self'");
    expect(walk.page).toContain('href="/demo-gateway/paymentv2/gateway.css"');
    const css = await fetch(`${base}/demo-gateway/paymentv2/gateway.css`);
    expect(css.headers.get("content-type")).toContain("text/css");

    expect(walk.location.startsWith(`${base}/api/v1/payments/vnpay/return?`)).toBe(true);
    const back = await owner.client.get(pathOf(walk.location));
    expect(back.headers.location).toBe(`/portal/payment?id=${payment.id}&outcome=paid`);
    const after = (await owner.client.get(`/api/v1/payments/${payment.id}`)).json() as { status: string };
    expect(after.status).toBe("paid");
  });
});
