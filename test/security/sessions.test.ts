/**
 * Sessions and accounts (issue 8): CSRF on every state-changing /api route (generated from the routes the app
 * registers), session fixation, cookie flags over HTTP and behind HTTPS, logout that ends the session in the
 * database, rate limits on staff sign-in, on TOTP codes and on the public lookup, and no account enumeration.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOGIN_LIMITS } from "../../src/modules/auth/login.ts";
import { SESSION_COOKIE } from "../../src/modules/auth/sessions.ts";
import { totpCode } from "../../src/modules/auth/totp.ts";
import { LOOKUP_LIMIT } from "../../src/modules/dossiers/lookup.ts";
import { DEMO_PASSWORD } from "../../src/seed/demo-units.ts";
import { createTestContext, type TestClient, type TestContext } from "../support/test-app.ts";

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);
/** State-changing /api routes that authenticate otherwise (signed callbacks) and so skip CSRF, with the reason. */
const CSRF_EXEMPT: Record<string, string> = {};

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
}, 300_000);
afterAll(async () => ctx?.close());

function errorCode(res: { body: string }): string | undefined {
  try {
    return (JSON.parse(res.body) as { error?: { code?: string } }).error?.code;
  } catch {
    return undefined;
  }
}

function fill(url: string): string {
  return url.replace(/:[A-Za-z]+/g, "00000000-0000-4000-8000-000000000000");
}

function stateChangingRoutes(): { method: string; url: string }[] {
  return ctx.app.motcuaRoutes.filter((r) => UNSAFE.has(r.method) && r.url.startsWith("/api/"));
}

interface CookieOut {
  name: string;
  value: string;
  httpOnly?: boolean;
  sameSite?: string;
  secure?: boolean;
  path?: string;
  domain?: string;
}

describe("CSRF on every state-changing route", () => {
  it("finds the routes to check", () => {
    expect(stateChangingRoutes().length).toBeGreaterThan(50);
    for (const key of Object.keys(CSRF_EXEMPT))
      expect(stateChangingRoutes().map((r) => `${r.method} ${r.url}`)).toContain(key);
  });

  it("refuses each one without a token, with a forged token and with another browser's token", async () => {
    const admin = await ctx.as("admin");
    const other = await ctx.as("lanhdao.quangthuan");
    const othersToken = await other.csrf();
    const anonymous = ctx.client();
    const refusedWrongly: string[] = [];
    for (const route of stateChangingRoutes()) {
      const key = `${route.method} ${route.url}`;
      if (key in CSRF_EXEMPT) continue;
      const attempts: [string, TestClient, Record<string, string>][] = [
        ["signed in, no token", admin, {}],
        ["signed in, forged token", admin, { "x-csrf-token": "forged-token" }],
        ["signed in, another browser's token", admin, { "x-csrf-token": othersToken }],
        ["anonymous, no token", anonymous, {}],
      ];
      for (const [label, client, headers] of attempts) {
        const res = await client.request({
          method: route.method as "POST",
          url: fill(route.url),
          payload: {},
          headers,
          csrf: false,
        });
        if (res.statusCode !== 403 || errorCode(res) !== "CSRF_INVALID")
          refusedWrongly.push(`${key} (${label}): ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
    }
    expect(refusedWrongly).toEqual([]);
    // The admin's session still works: a refused request changes nothing.
    expect((await admin.get("/api/v1/auth/me")).statusCode).toBe(200);
  }, 180_000);
});

describe("sessions", () => {
  it("gives a new session at sign-in: a planted cookie and the previous session both stop working", async () => {
    const client = ctx.client();
    client.cookies.set(SESSION_COOKIE, "planted-by-an-attacker-0123456789abcdef");
    await client.post("/api/v1/auth/login", { username: "lanhdao.quangthuan", password: DEMO_PASSWORD });
    const first = client.cookies.get(SESSION_COOKIE);
    expect(first).toBeDefined();
    expect(first).not.toBe("planted-by-an-attacker-0123456789abcdef");
    // Signing in again (another account on the same browser) replaces the session and ends the old one.
    await client.post("/api/v1/auth/login", { username: "vanthu.quangthuan", password: DEMO_PASSWORD });
    const second = client.cookies.get(SESSION_COOKIE);
    expect(second).not.toBe(first);
    const replay = ctx.client();
    replay.cookies.set(SESSION_COOKIE, first as string);
    expect((await replay.get("/api/v1/auth/me")).statusCode).toBe(401);
    const planted = ctx.client();
    planted.cookies.set(SESSION_COOKIE, "planted-by-an-attacker-0123456789abcdef");
    expect((await planted.get("/api/v1/auth/me")).statusCode).toBe(401);
  }, 180_000);

  it("ends the session in the database at logout: the old cookie answers 401 on reads and writes", async () => {
    const client = await ctx.as("chuyenvien.quangthuan");
    const token = client.cookies.get(SESSION_COOKIE) as string;
    const before = await ctx.handle.db.selectFrom("sessions").select("id_hash").execute();
    expect((await client.post("/api/v1/auth/logout")).statusCode).toBe(200);
    const after = await ctx.handle.db.selectFrom("sessions").select("id_hash").execute();
    expect(after.length).toBe(before.length - 1);
    const stolen = ctx.client();
    stolen.cookies.set(SESSION_COOKIE, token);
    expect((await stolen.get("/api/v1/auth/me")).statusCode).toBe(401);
    expect((await stolen.get("/api/v1/dossiers/inbox?box=todo")).statusCode).toBe(401);
    const write = await stolen.post("/api/v1/dossier-files", {
      filename: "a.pdf",
      file: Buffer.from("%PDF-1.4\n%%EOF\n").toString("base64"),
    });
    expect(write.statusCode).toBe(401);
  }, 180_000);

  it("sets HttpOnly, SameSite cookies without Secure over plain HTTP", async () => {
    const client = ctx.client();
    const csrf = await client.request({ method: "GET", url: "/api/v1/auth/csrf" });
    const login = await client.post("/api/v1/auth/login", { username: "admin", password: DEMO_PASSWORD });
    const cookies = [...(csrf.cookies as CookieOut[]), ...(login.cookies as CookieOut[])];
    const session = cookies.find((c) => c.name === SESSION_COOKIE);
    const csrfCookie = cookies.find((c) => c.name === "motcua_csrf");
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect(session?.secure).toBeFalsy();
    expect(csrfCookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/" });
    expect(csrfCookie?.secure).toBeFalsy();
    expect(login.headers["strict-transport-security"]).toBeUndefined();
  }, 180_000);

  it("marks both cookies Secure with the __Host- prefix and sends HSTS behind HTTPS (PUBLIC_URL https://…)", async () => {
    const secure = await createTestContext({ env: { PUBLIC_URL: "https://motcua.example.vn" } });
    try {
      const client = secure.client();
      const csrf = await client.request({ method: "GET", url: "/api/v1/auth/csrf" });
      const login = await client.post("/api/v1/auth/login", { username: "admin", password: DEMO_PASSWORD });
      expect(login.statusCode).toBe(200);
      const cookies = [...(csrf.cookies as CookieOut[]), ...(login.cookies as CookieOut[])];
      // The __Host- prefix on both cookies: Secure, path /, no Domain, so no sibling host can plant either.
      expect(cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
      const session = cookies.find((c) => c.name === `__Host-${SESSION_COOKIE}`);
      expect(session).toMatchObject({ secure: true, httpOnly: true, path: "/" });
      expect(session?.domain).toBeUndefined();
      const csrfCookie = cookies.find((c) => c.name === "__Host-motcua_csrf");
      expect(csrfCookie).toMatchObject({ secure: true, httpOnly: true, path: "/" });
      expect(csrfCookie?.domain).toBeUndefined();
      expect(login.headers["strict-transport-security"]).toContain("max-age=31536000");
      // The server reads the session from the prefixed cookie, and not from a plain one planted beside it.
      expect((await client.get("/api/v1/auth/me")).statusCode).toBe(200);
      const planted = secure.client();
      planted.cookies.set(SESSION_COOKIE, session?.value as string);
      expect((await planted.get("/api/v1/auth/me")).statusCode).toBe(401);
      // Signing out clears the prefixed cookie with its Secure attribute (a browser ignores it otherwise).
      const logout = await client.post("/api/v1/auth/logout");
      expect(logout.statusCode, logout.body).toBe(200);
      const cleared = (logout.cookies as CookieOut[]).find((c) => c.name === `__Host-${SESSION_COOKIE}`);
      expect(cleared).toMatchObject({ secure: true, path: "/" });
    } finally {
      await secure.close();
    }
  }, 180_000);
});

describe("rate limits and enumeration", () => {
  it("rate-limits staff sign-in per address, whatever the account", async () => {
    const client = ctx.client();
    const at = (i: number) => ({
      remoteAddress: "198.51.100.7",
      payload: { username: `khong.co.${i}`, password: "sai-mat-khau-9" },
    });
    const codes: string[] = [];
    for (let i = 0; i <= LOGIN_LIMITS.perAddress; i++) {
      const res = await client.request({ method: "POST", url: "/api/v1/auth/login", ...at(i) });
      codes.push(errorCode(res) ?? String(res.statusCode));
    }
    expect(codes.slice(0, LOGIN_LIMITS.perAddress).every((c) => c === "INVALID_CREDENTIALS")).toBe(true);
    expect(codes.at(-1)).toBe("RATE_LIMITED");
    // Even the right password is refused from that address now; another address signs in.
    const blocked = await client.request({
      method: "POST",
      url: "/api/v1/auth/login",
      remoteAddress: "198.51.100.7",
      payload: { username: "admin", password: DEMO_PASSWORD },
    });
    expect(errorCode(blocked)).toBe("RATE_LIMITED");
    expect(blocked.statusCode).toBe(429);
  }, 180_000);

  it("locks an account after repeated wrong TOTP codes, even with the right password", async () => {
    const admin = await ctx.as("admin");
    const staff = await ctx.handle.db
      .selectFrom("staff")
      .select(["id", "unit_id"])
      .where("username", "=", "giamsat.bachthong")
      .executeTakeFirstOrThrow();
    const owner = await ctx.as("giamsat.bachthong");
    const setup = await owner.post("/api/v1/auth/totp/setup", { currentPassword: DEMO_PASSWORD });
    expect(setup.statusCode, setup.body).toBe(200);
    const secret = (setup.json() as { secret: string }).secret;
    expect(
      (
        await owner.post("/api/v1/auth/totp/enable", {
          currentPassword: DEMO_PASSWORD,
          code: totpCode(secret, ctx.clock.now),
        })
      ).statusCode,
    ).toBe(200);
    ctx.clock.advance(60_000);
    const client = ctx.client();
    const codes: string[] = [];
    for (let i = 0; i < LOGIN_LIMITS.accountFailures; i++) {
      const res = await client.request({
        method: "POST",
        url: "/api/v1/auth/login",
        remoteAddress: "198.51.100.20",
        payload: { username: "giamsat.bachthong", password: DEMO_PASSWORD, totp: "000000" },
      });
      codes.push(errorCode(res) as string);
    }
    expect(codes.every((c) => c === "TOTP_INVALID")).toBe(true);
    const right = await client.request({
      method: "POST",
      url: "/api/v1/auth/login",
      remoteAddress: "198.51.100.20",
      payload: {
        username: "giamsat.bachthong",
        password: DEMO_PASSWORD,
        totp: totpCode(secret, ctx.clock.now),
      },
    });
    expect(errorCode(right)).toBe("ACCOUNT_LOCKED");
    const audit = await ctx.handle.db
      .selectFrom("audit_log")
      .select("action")
      .where("entity_id", "=", staff.id)
      .where("action", "=", "auth.locked")
      .execute();
    expect(audit.length).toBe(1);
    expect(admin).toBeDefined();
  }, 180_000);

  it("rate-limits the public lookup per address, and only that address", async () => {
    const client = ctx.client();
    const lookup = (address: string) =>
      client.request({
        method: "GET",
        url: "/api/v1/dossiers/lookup?code=000.17.31.H06-261124-0001&secret=ABCD-EFGH",
        remoteAddress: address,
      });
    const statuses: number[] = [];
    for (let i = 0; i < LOOKUP_LIMIT; i++) statuses.push((await lookup("203.0.113.9")).statusCode);
    expect(statuses.every((s) => s === 404)).toBe(true);
    const over = await lookup("203.0.113.9");
    expect(over.statusCode).toBe(429);
    expect(errorCode(over)).toBe("RATE_LIMITED");
    expect((await lookup("203.0.113.10")).statusCode).toBe(404);
    ctx.clock.advance(61_000);
    expect((await lookup("203.0.113.9")).statusCode).toBe(404);
  }, 180_000);

  it("does not tell which staff accounts exist: same answers, locks included", async () => {
    const client = ctx.client();
    const attempt = (username: string, address: string) =>
      client.request({
        method: "POST",
        url: "/api/v1/auth/login",
        remoteAddress: address,
        payload: { username, password: "sai-mat-khau-9" },
      });
    const answers = async (username: string, address: string) => {
      const out: string[] = [];
      for (let i = 0; i <= LOGIN_LIMITS.accountFailures; i++) {
        const res = await attempt(username, address);
        const body = JSON.parse(res.body) as { error: { code: string; message: string; messageEn: string } };
        out.push(`${res.statusCode} ${body.error.code} ${body.error.message} ${body.error.messageEn}`);
      }
      return out;
    };
    const real = await answers("lanhdao.phuthong", "192.0.2.1");
    const unknown = await answers("khong.ton.tai.ai", "192.0.2.2");
    expect(unknown).toEqual(real);
    expect(real.at(-1)).toContain("ACCOUNT_LOCKED");
    // A deactivated account answers as a wrong password does.
    const admin = await ctx.as("admin");
    const target = await ctx.handle.db
      .selectFrom("staff")
      .select(["id", "version"])
      .where("username", "=", "chuyenvien.phuthong")
      .executeTakeFirstOrThrow();
    const off = await admin.patch(`/api/v1/staff/${target.id}`, { version: target.version, active: false });
    expect(off.statusCode, off.body).toBe(200);
    const inactive = await client.request({
      method: "POST",
      url: "/api/v1/auth/login",
      remoteAddress: "192.0.2.3",
      payload: { username: "chuyenvien.phuthong", password: DEMO_PASSWORD },
    });
    expect(errorCode(inactive)).toBe("INVALID_CREDENTIALS");
  }, 180_000);
});
