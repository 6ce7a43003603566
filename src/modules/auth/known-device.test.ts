/**
 * Issue 14, finding 1 (second half): locking someone out must not be free. An anonymous guesser who locks a staff
 * name locks it for unknown browsers only; the browser its owner signed in from before carries a signed device
 * cookie and keeps its own counter (OWASP, "Slow Down Online Guessing Attacks with Device Cookies").
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestClient, type TestContext } from "../../../test/support/test-app.ts";
import { DEMO_PASSWORD } from "../../seed/demo-units.ts";
import { DEVICE_COOKIE, DEVICE_COOKIE_PATH } from "./known-device.ts";
import { LOGIN_LIMITS } from "./login.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
}, 300_000);
afterAll(async () => ctx?.close());

function errorCode(res: { statusCode: number; body: string }): string {
  if (res.statusCode === 200) return "200";
  return (JSON.parse(res.body) as { error: { code: string } }).error.code;
}

const login = (client: TestClient, username: string, password: string, address = "198.51.100.90") =>
  client.request({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { username, password },
    remoteAddress: address,
  });

/** Signs in once from a fresh browser, as its owner did yesterday, and signs out: the browser keeps its device cookie. */
async function ownersBrowser(username: string): Promise<TestClient> {
  const owner = ctx.client();
  expect((await login(owner, username, DEMO_PASSWORD, "198.51.100.91")).statusCode).toBe(200);
  expect((await owner.post("/api/v1/auth/logout")).statusCode).toBe(200);
  expect(owner.cookies.get(DEVICE_COOKIE)).toBeTruthy();
  return owner;
}

/** An anonymous guesser locks the name from its own address. */
async function lockFromOutside(username: string): Promise<void> {
  const attacker = ctx.client();
  for (let i = 0; i < LOGIN_LIMITS.accountFailures; i++)
    expect(errorCode(await login(attacker, username, `sai-mat-khau-${i}`, "203.0.113.66"))).toBe(
      "INVALID_CREDENTIALS",
    );
  expect(errorCode(await login(attacker, username, DEMO_PASSWORD, "203.0.113.66"))).toBe("ACCOUNT_LOCKED");
}

describe("device cookies: a lock set by guessing does not lock out the owner's browser", () => {
  it("sets a signed, HttpOnly, SameSite=Strict device cookie scoped to the sign-in route on success", async () => {
    const client = ctx.client();
    const res = await login(client, "admin", DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = (
      res.cookies as { name: string; value: string; path?: string; httpOnly?: boolean; sameSite?: string }[]
    ).find((c) => c.name === DEVICE_COOKIE);
    expect(cookie).toMatchObject({ path: DEVICE_COOKIE_PATH, httpOnly: true, sameSite: "Strict" });
    // Signed: the name and nonce, then the server's signature.
    expect(cookie?.value.split(".")).toHaveLength(3);
  });

  it("lets the owner sign in from a browser that signed in before, while the name stays locked for every other browser", async () => {
    const owner = await ownersBrowser("tiepnhan.quangthuan");
    await lockFromOutside("tiepnhan.quangthuan");
    // Another unknown browser, even with the right password: locked.
    expect(errorCode(await login(ctx.client(), "tiepnhan.quangthuan", DEMO_PASSWORD))).toBe("ACCOUNT_LOCKED");
    // The owner's browser: in.
    const res = await login(owner, "tiepnhan.quangthuan", DEMO_PASSWORD, "198.51.100.91");
    expect(res.statusCode, res.body).toBe(200);
  });

  it("refuses a device cookie made for another name, a tampered one and a made-up one", async () => {
    const owner = await ownersBrowser("chuyenvien.quangthuan");
    await lockFromOutside("quantri.quangthuan");
    const genuine = owner.cookies.get(DEVICE_COOKIE) as string;
    // The owner of one account gains nothing on another locked account.
    expect(errorCode(await login(owner, "quantri.quangthuan", DEMO_PASSWORD))).toBe("ACCOUNT_LOCKED");
    // The name in the cookie rewritten to the locked one, signature kept: refused as unknown.
    const [, nonce, signature] = genuine.split(".");
    const forged = ctx.client();
    forged.cookies.set(
      DEVICE_COOKIE,
      `${Buffer.from("quantri.quangthuan").toString("base64url")}.${nonce}.${signature}`,
    );
    expect(errorCode(await login(forged, "quantri.quangthuan", DEMO_PASSWORD))).toBe("ACCOUNT_LOCKED");
    // Unsigned.
    const madeUp = ctx.client();
    madeUp.cookies.set(
      DEVICE_COOKIE,
      `${Buffer.from("quantri.quangthuan").toString("base64url")}.${"0".repeat(32)}`,
    );
    expect(errorCode(await login(madeUp, "quantri.quangthuan", DEMO_PASSWORD))).toBe("ACCOUNT_LOCKED");
  });

  it("counts guesses from a known browser on its own counter: five wrong lock that browser too", async () => {
    const owner = await ownersBrowser("vanthu.quangthuan");
    for (let i = 0; i < LOGIN_LIMITS.accountFailures; i++)
      expect(errorCode(await login(owner, "vanthu.quangthuan", `sai-mat-khau-${i}`))).toBe(
        "INVALID_CREDENTIALS",
      );
    expect(errorCode(await login(owner, "vanthu.quangthuan", DEMO_PASSWORD))).toBe("ACCOUNT_LOCKED");
    // Those guesses did not lock the name for the owner's other browsers.
    expect((await login(ctx.client(), "vanthu.quangthuan", DEMO_PASSWORD)).statusCode).toBe(200);
    const audited = await ctx.handle.db
      .selectFrom("audit_log")
      .select("summary")
      .where("action", "=", "auth.locked")
      .execute();
    expect(audited.some((a) => (a.summary as { knownDevice?: boolean }).knownDevice === true)).toBe(true);
  });

  it("gives a known browser no more than five checks when sixty guesses arrive at once (the right one last)", async () => {
    const owner = await ownersBrowser("lanhdao.quangthuan");
    await owner.csrf();
    const guesses = [...Array.from({ length: 59 }, (_, i) => `sai-song-song-${i}`), DEMO_PASSWORD];
    const answers = await Promise.all(guesses.map((p) => login(owner, "lanhdao.quangthuan", p)));
    const codes: Record<string, number> = {};
    for (const a of answers) codes[errorCode(a)] = (codes[errorCode(a)] ?? 0) + 1;
    const checked = (codes.INVALID_CREDENTIALS ?? 0) + (codes["200"] ?? 0);
    expect(checked, JSON.stringify(codes)).toBeLessThanOrEqual(LOGIN_LIMITS.accountFailures);
    expect(codes.ACCOUNT_LOCKED, JSON.stringify(codes)).toBe(60 - checked);
  }, 180_000);
});
