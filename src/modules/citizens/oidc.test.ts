import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestClient, type TestContext } from "../../../test/support/test-app.ts";
import { DEMO_CITIZENS, type DemoCitizen } from "../../seed/demo-citizens.ts";
import { type RunningIdentityProvider, startIdentityProvider } from "./identity-provider.ts";
import { OIDC_CALLBACK_PATH } from "./oidc-login.ts";

/**
 * OpenID Connect sign-in against a real local provider (oidc-provider, on an ephemeral port): the browser's
 * side is driven with fetch through the provider's redirects, its sign-in form and its consent form.
 */
const A = "/api/v1/portal/account";
const CLIENT = { clientId: "motcua-test", clientSecret: "motcua-test-client-secret-0123456789" };
const PUBLIC_URL = "http://localhost:3000";
const [seeded] = DEMO_CITIZENS as [DemoCitizen];
const NEWCOMER = {
  sub: "vneid-sub-newcomer",
  password: "idp-password-2026",
  claims: {
    name: "Đinh Văn Sơn",
    identity_number: "001090007777",
    birthdate: "1990-06-01",
    email: "son.dinh@example.vn",
    phone_number: "+84912555777",
  },
};
const LINKED = {
  sub: "vneid-sub-mai",
  password: "idp-password-mai",
  claims: { name: seeded.fullName, identity_number: seeded.identityNumber, email: seeded.email },
};

let idp: RunningIdentityProvider;
let ctx: TestContext;

beforeAll(async () => {
  idp = await startIdentityProvider({
    port: 0,
    clients: [{ ...CLIENT, redirectUris: [`${PUBLIC_URL}${OIDC_CALLBACK_PATH}`] }],
    accounts: [NEWCOMER, LINKED],
  });
  ctx = await createTestContext({
    env: {
      PUBLIC_URL,
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: CLIENT.clientId,
      OIDC_CLIENT_SECRET: CLIENT.clientSecret,
    },
  });
});
afterAll(async () => {
  await ctx?.close();
  await idp?.close();
});

/** A minimal browser at the provider: keeps its cookies and follows nothing by itself. */
class ProviderBrowser {
  private readonly jar = new Map<string, string>();
  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.jar.size) headers.set("cookie", [...this.jar].map(([k, v]) => `${k}=${v}`).join("; "));
    const res = await fetch(url, { ...init, headers, redirect: "manual" });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = (pair ?? "").indexOf("=");
      const name = (pair ?? "").slice(0, eq).trim();
      const value = (pair ?? "").slice(eq + 1).trim();
      if (/expires=Thu, 01 Jan 1970/i.test(line) || value === "") this.jar.delete(name);
      else this.jar.set(name, value);
    }
    return res;
  }
  /** Follows the provider's redirects until one leaves it (to the relying party) or a page is shown. */
  async follow(start: string): Promise<{ url: string; response: Response }> {
    let url = start;
    for (let i = 0; i < 10; i++) {
      if (!url.startsWith(idp.issuer)) return { url, response: new Response(null, { status: 302 }) };
      const response = await this.fetch(url);
      const location = response.headers.get("location");
      if (!location) return { url, response };
      url = new URL(location, url).href;
    }
    throw new Error("too many redirects");
  }
  async submit(url: string, form: Record<string, string>): Promise<string> {
    const res = await this.fetch(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(form).toString(),
    });
    const location = res.headers.get("location");
    if (!location) throw new Error(`form ${url}: ${res.status} ${await res.text()}`);
    return new URL(location, url).href;
  }
}

/** Runs the flow up to the provider's redirect back to the callback; returns that URL. */
async function throughProvider(
  client: TestClient,
  account: { sub: string; password: string; claims: { identity_number: string } },
  returnTo?: string,
) {
  const start = await client.get(
    `${A}/oidc/start${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ""}`,
  );
  expect(start.statusCode).toBe(302);
  const authUrl = new URL(start.headers.location as string);
  expect(authUrl.origin).toBe(idp.issuer);
  expect(authUrl.searchParams.get("code_challenge_method")).toBe("S256");
  expect(authUrl.searchParams.get("state")).toBeTruthy();
  expect(authUrl.searchParams.get("nonce")).toBeTruthy();

  const browser = new ProviderBrowser();
  const login = await browser.follow(authUrl.href);
  const loginPage = await login.response.text();
  expect(loginPage).toContain('name="login"');
  const loginAction = /action="([^"]+\/login)"/.exec(loginPage)?.[1] as string;
  const wrong = await browser.fetch(new URL(loginAction, idp.issuer).href, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      login: account.claims.identity_number,
      password: "not-the-password",
    }).toString(),
  });
  expect(wrong.status).toBe(401);
  const afterLogin = await browser.submit(new URL(loginAction, idp.issuer).href, {
    login: account.claims.identity_number,
    password: account.password,
  });
  const consent = await browser.follow(afterLogin);
  const consentPage = await consent.response.text();
  const confirmAction = /action="([^"]+\/confirm)"/.exec(consentPage)?.[1] as string;
  expect(confirmAction).toBeTruthy();
  const afterConsent = await browser.submit(new URL(confirmAction, idp.issuer).href, {});
  const back = await browser.follow(afterConsent);
  expect(back.url.startsWith(`${PUBLIC_URL}${OIDC_CALLBACK_PATH}?`)).toBe(true);
  return new URL(back.url);
}

describe("sign-in through the identity provider (OIDC)", () => {
  it("says that the provider sign-in is offered", async () => {
    const res = await ctx.client().get(`${A}/oidc`);
    expect(res.json()).toMatchObject({ enabled: true, providerName: "VNeID" });
  });

  it("creates an active account for a new citizen and signs them in; a second sign-in reuses the link", async () => {
    const client = ctx.client();
    const callback = await throughProvider(client, NEWCOMER, "/portal/ho-so");
    const res = await client.get(`${callback.pathname}${callback.search}`);
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe("/portal/ho-so");
    const me = await client.get(`${A}/me`);
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      fullName: NEWCOMER.claims.name,
      identityNumber: NEWCOMER.claims.identity_number,
      birthDate: "1990-06-01",
      email: NEWCOMER.claims.email,
      phone: "0912555777",
      status: "active",
      hasPassword: false,
      linkedProviders: [idp.issuer],
    });
    // The same code cannot be used twice, nor the same state.
    const replay = await client.get(`${callback.pathname}${callback.search}`);
    expect(replay.headers.location).toBe("/portal/dang-nhap?loi=OIDC_FAILED");

    const again = ctx.client();
    const second = await throughProvider(again, NEWCOMER);
    expect((await again.get(`${second.pathname}${second.search}`)).headers.location).toBe("/portal");
    expect((await again.get(`${A}/me`)).json().id).toBe(me.json().id);
    const count = await ctx.handle.db
      .selectFrom("citizens")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("identity_number", "=", NEWCOMER.claims.identity_number)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it("links an existing account by the identity number claim", async () => {
    const client = ctx.client();
    const callback = await throughProvider(client, LINKED);
    await client.get(`${callback.pathname}${callback.search}`);
    const me = (await client.get(`${A}/me`)).json();
    expect(me).toMatchObject({
      identityNumber: seeded.identityNumber,
      hasPassword: true,
      linkedProviders: [idp.issuer],
    });
    const actions = await ctx.handle.db
      .selectFrom("audit_log")
      .select("action")
      .where("entity_id", "=", me.id)
      .execute();
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(["citizen.identity_link", "citizen.login"]),
    );
  });

  it("refuses a forged state and a callback this browser did not start", async () => {
    const victim = ctx.client();
    const callback = await throughProvider(victim, NEWCOMER);
    const forged = new URL(callback);
    forged.searchParams.set("state", "forged-state-value");
    const refused = await victim.get(`${forged.pathname}${forged.search}`);
    expect(refused.statusCode).toBe(302);
    expect(refused.headers.location).toBe("/portal/dang-nhap?loi=OIDC_FAILED");
    expect((await victim.get(`${A}/me`)).statusCode).toBe(401);

    // An attacker's genuine callback (their own state and code) planted in another browser: no cookie state.
    const attacker = ctx.client();
    const planted = await throughProvider(attacker, NEWCOMER);
    const other = ctx.client();
    const res = await other.get(`${planted.pathname}${planted.search}`);
    expect(res.headers.location).toBe("/portal/dang-nhap?loi=OIDC_FAILED");
    expect(res.cookies.find((c) => c.name === "motcua_session")).toBeUndefined();
    expect((await other.get(`${A}/me`)).statusCode).toBe(401);
  });

  it("refuses a return address off the site", async () => {
    const res = await ctx.client().get(`${A}/oidc/start?returnTo=${encodeURIComponent("//evil.example/x")}`);
    expect(res.statusCode).toBe(400);
  });
});
