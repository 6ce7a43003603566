import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/support/test-app.ts";
import { DEMO_PASSWORD } from "../../seed/demo-units.ts";
import { DEVICE_COOKIE } from "./known-device.ts";
import { LOGIN_LIMITS } from "./login.ts";
import { SESSION_COOKIE } from "./sessions.ts";
import { totpCode } from "./totp.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

function errorCode(res: { json(): unknown }): string {
  return (res.json() as { error: { code: string } }).error.code;
}

describe("sign-in", () => {
  it("sets an HttpOnly, SameSite session cookie and returns the user's unit and roles", async () => {
    const client = ctx.client();
    const res = await client.post("/api/v1/auth/login", {
      username: "lanhdao.quangthuan",
      password: DEMO_PASSWORD,
    });
    expect(res.statusCode).toBe(200);
    const cookie = (
      res.cookies as { name: string; httpOnly?: boolean; sameSite?: string; path?: string }[]
    ).find((c) => c.name === SESSION_COOKIE);
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
    expect(res.json().unit.name).toBe("UBND xã Quang Thuận");
    expect(res.json().roles).toEqual(["leader"]);
    const stored = await ctx.handle.db.selectFrom("sessions").select("id_hash").execute();
    expect(stored.some((s) => s.id_hash === client.cookies.get(SESSION_COOKIE))).toBe(false);
  });

  it("marks cookies Secure when the public address is https", async () => {
    const secure = await createTestContext({ seed: true, env: { PUBLIC_URL: "https://motcua.example.vn" } });
    try {
      const res = await secure
        .client()
        .post("/api/v1/auth/login", { username: "admin", password: DEMO_PASSWORD });
      const cookies = res.cookies as { name: string; secure?: boolean }[];
      expect(cookies.find((c) => c.name === `__Host-${SESSION_COOKIE}`)?.secure).toBe(true);
      expect(cookies.find((c) => c.name === DEVICE_COOKIE)?.secure).toBe(true);
      expect(res.headers["strict-transport-security"]).toContain("max-age=");
    } finally {
      await secure.close();
    }
  });

  it("answers an unknown user and a wrong password with the same error", async () => {
    const a = await ctx
      .client()
      .post("/api/v1/auth/login", { username: "khong.ton.tai", password: "sai-mat-khau-1" });
    const b = await ctx
      .client()
      .post("/api/v1/auth/login", { username: "vanthu.quangthuan", password: "sai-mat-khau-1" });
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json()).toEqual(b.json());
    expect(errorCode(a)).toBe("INVALID_CREDENTIALS");
  });

  it("locks an account after repeated failures, even with the right password", async () => {
    const client = ctx.client();
    client.headers["x-forwarded-for"] = "203.0.113.9";
    for (let i = 0; i < LOGIN_LIMITS.accountFailures; i++) {
      await client.post("/api/v1/auth/login", { username: "tiepnhan.phuthong", password: "sai-mat-khau-1" });
    }
    const locked = await client.post("/api/v1/auth/login", {
      username: "tiepnhan.phuthong",
      password: DEMO_PASSWORD,
    });
    expect(locked.statusCode).toBe(429);
    expect(errorCode(locked)).toBe("ACCOUNT_LOCKED");
    ctx.clock.advance((LOGIN_LIMITS.lockMinutes + 1) * 60_000);
    const later = await client.post("/api/v1/auth/login", {
      username: "tiepnhan.phuthong",
      password: DEMO_PASSWORD,
    });
    expect(later.statusCode).toBe(200);
    const events = await ctx.handle.db
      .selectFrom("audit_log")
      .select("action")
      .where("action", "in", ["auth.locked", "auth.login_failed"])
      .execute();
    expect(events.some((e) => e.action === "auth.locked")).toBe(true);
  });

  it("does not let a successful sign-in reset the address's failure count", async () => {
    const limited = await createTestContext({ env: { TRUST_PROXY: "0" } });
    try {
      const client = limited.client();
      for (let i = 0; i < LOGIN_LIMITS.perAddress - 1; i++) {
        await client.post("/api/v1/auth/login", { username: `nguoi.dung${i}`, password: "sai-mat-khau-1" });
      }
      expect(
        (await client.post("/api/v1/auth/login", { username: "admin", password: DEMO_PASSWORD })).statusCode,
      ).toBe(200);
      await client.post("/api/v1/auth/login", { username: "nguoi.dung.x", password: "sai-mat-khau-1" });
      const blocked = await client.post("/api/v1/auth/login", {
        username: "nguoi.dung.y",
        password: "sai-mat-khau-1",
      });
      expect(blocked.statusCode).toBe(429);
      expect(errorCode(blocked)).toBe("RATE_LIMITED");
    } finally {
      await limited.close();
    }
  });

  it("rate-limits sign-in attempts per address across accounts", async () => {
    const limited = await createTestContext({ env: { TRUST_PROXY: "0" } });
    try {
      const client = limited.client();
      const statuses: number[] = [];
      for (let i = 0; i <= LOGIN_LIMITS.perAddress; i++) {
        const res = await client.post("/api/v1/auth/login", {
          username: `nguoi.dung${i}`,
          password: "sai-mat-khau-1",
        });
        statuses.push(res.statusCode);
      }
      expect(statuses.slice(0, LOGIN_LIMITS.perAddress).every((s) => s === 401)).toBe(true);
      expect(statuses.at(-1)).toBe(429);
    } finally {
      await limited.close();
    }
  });
});

describe("sessions and CSRF", () => {
  it("refuses a state-changing request without the CSRF token", async () => {
    const client = await ctx.as("admin");
    const res = await client.post("/api/v1/auth/logout", undefined, { csrf: false });
    expect(res.statusCode).toBe(403);
    expect(errorCode(res)).toBe("CSRF_INVALID");
  });

  it("refuses a forged CSRF token", async () => {
    const client = await ctx.as("admin");
    const res = await client.post("/api/v1/auth/logout", undefined, {
      csrf: false,
      headers: { "x-csrf-token": "forged-token" },
    });
    expect(res.statusCode).toBe(403);
  });

  it("issues a new session id at sign-in, so a planted cookie never becomes authenticated", async () => {
    const client = ctx.client();
    client.cookies.set(SESSION_COOKIE, "planted-by-attacker");
    await client.post("/api/v1/auth/login", { username: "vanthu.quangthuan", password: DEMO_PASSWORD });
    expect(client.cookies.get(SESSION_COOKIE)).not.toBe("planted-by-attacker");
    expect((await client.get("/api/v1/auth/me")).statusCode).toBe(200);
  });

  it("ends the session on logout: the old cookie no longer works", async () => {
    const client = await ctx.as("chuyenvien.quangthuan");
    const token = client.cookies.get(SESSION_COOKIE) as string;
    expect((await client.post("/api/v1/auth/logout")).statusCode).toBe(200);
    const replay = ctx.client();
    replay.cookies.set(SESSION_COOKIE, token);
    expect((await replay.get("/api/v1/auth/me")).statusCode).toBe(401);
  });

  it("expires a session after its lifetime", async () => {
    const client = await ctx.as("vanthu.quangthuan");
    ctx.clock.advance(13 * 3600_000);
    expect((await client.get("/api/v1/auth/me")).statusCode).toBe(401);
  });
});

describe("passwords and second factor", () => {
  it("changes the password, ends the other sessions and refuses a weak one", async () => {
    const first = await ctx.as("tiepnhan.phongquang");
    const second = await ctx.as("tiepnhan.phongquang");
    const weak = await first.post("/api/v1/auth/password", {
      currentPassword: DEMO_PASSWORD,
      newPassword: "short",
    });
    expect(errorCode(weak)).toBe("WEAK_PASSWORD");
    const wrong = await first.post("/api/v1/auth/password", {
      currentPassword: "not-the-password-1",
      newPassword: "mat-khau-moi-2026",
    });
    expect(errorCode(wrong)).toBe("WRONG_PASSWORD");
    const ok = await first.post("/api/v1/auth/password", {
      currentPassword: DEMO_PASSWORD,
      newPassword: "mat-khau-moi-2026",
    });
    expect(ok.statusCode).toBe(200);
    expect((await first.get("/api/v1/auth/me")).statusCode).toBe(200);
    expect((await second.get("/api/v1/auth/me")).statusCode).toBe(401);
    const row = await ctx.handle.db
      .selectFrom("staff")
      .select("password_hash")
      .where("username", "=", "tiepnhan.phongquang")
      .executeTakeFirstOrThrow();
    expect(row.password_hash.startsWith("$argon2id$")).toBe(true);
  });

  it("requires the TOTP code once the second factor is on", async () => {
    const client = await ctx.as("lanhdao.phongquang");
    const setup = await client.post("/api/v1/auth/totp/setup", { currentPassword: DEMO_PASSWORD });
    expect(setup.json().uri).toMatch(/^otpauth:\/\/totp\//);
    const secret = setup.json().secret as string;
    const bad = await client.post("/api/v1/auth/totp/enable", {
      currentPassword: DEMO_PASSWORD,
      code: "000000",
    });
    expect(errorCode(bad)).toBe("TOTP_INVALID");
    const good = await client.post("/api/v1/auth/totp/enable", {
      currentPassword: DEMO_PASSWORD,
      code: totpCode(secret, ctx.clock.now),
    });
    expect(good.statusCode).toBe(200);

    const noCode = await ctx
      .client()
      .post("/api/v1/auth/login", { username: "lanhdao.phongquang", password: DEMO_PASSWORD });
    expect(errorCode(noCode)).toBe("TOTP_REQUIRED");
    const login = (totp: string) =>
      ctx
        .client()
        .post("/api/v1/auth/login", { username: "lanhdao.phongquang", password: DEMO_PASSWORD, totp });
    // The code that turned the factor on cannot be replayed; the next period's code signs in, once.
    expect(errorCode(await login(totpCode(secret, ctx.clock.now)))).toBe("TOTP_INVALID");
    ctx.clock.advance(30_000);
    const code = totpCode(secret, ctx.clock.now);
    expect((await login(code)).statusCode).toBe(200);
    expect(errorCode(await login(code))).toBe("TOTP_INVALID");
  });

  it("asks for the password again to set up and to turn on TOTP (issue 14, finding 11)", async () => {
    const client = await ctx.as("chuyenvien.phuthong");
    // An open session alone (a borrowed browser, a stolen cookie) cannot bind a second factor to the account.
    expect((await client.post("/api/v1/auth/totp/setup", {})).statusCode).toBe(400);
    expect(
      errorCode(await client.post("/api/v1/auth/totp/setup", { currentPassword: "sai-mat-khau-2026" })),
    ).toBe("WRONG_PASSWORD");
    const none = await ctx.handle.db
      .selectFrom("staff")
      .select("totp_secret")
      .where("username", "=", "chuyenvien.phuthong")
      .executeTakeFirstOrThrow();
    expect(none.totp_secret).toBeNull();
    const setup = await client.post("/api/v1/auth/totp/setup", { currentPassword: DEMO_PASSWORD });
    expect(setup.statusCode, setup.body).toBe(200);
    const code = totpCode(setup.json().secret as string, ctx.clock.now);
    expect((await client.post("/api/v1/auth/totp/enable", { code })).statusCode).toBe(400);
    const wrong = await client.post("/api/v1/auth/totp/enable", {
      currentPassword: "sai-mat-khau-2026",
      code,
    });
    expect(errorCode(wrong)).toBe("WRONG_PASSWORD");
    const stillOff = await ctx.handle.db
      .selectFrom("staff")
      .select("totp_enabled")
      .where("username", "=", "chuyenvien.phuthong")
      .executeTakeFirstOrThrow();
    expect(stillOff.totp_enabled).toBe(false);
    expect(
      (await client.post("/api/v1/auth/totp/enable", { currentPassword: DEMO_PASSWORD, code })).statusCode,
    ).toBe(200);
  });

  it("refuses everything but its own session, the password change and sign-out to an account that must change its password (issue 14, finding 11)", async () => {
    const admin = await ctx.as("quantri.quangthuan");
    const officer = await ctx.as("tiepnhan.quangthuan");
    const me = (await officer.get("/api/v1/auth/me")).json();
    expect((await officer.get("/api/v1/dossiers")).statusCode).toBe(200);
    const reset = await admin.post(`/api/v1/staff/${me.id}/reset-password`, {
      newPassword: "tam-thoi-2026y",
    });
    expect(reset.statusCode).toBe(200);
    const client = ctx.client();
    const signIn = await client.post("/api/v1/auth/login", {
      username: "tiepnhan.quangthuan",
      password: "tam-thoi-2026y",
    });
    expect(signIn.json().mustChangePassword).toBe(true);
    // Live, valid requests the reception officer's role allows: only the pending password change refuses them.
    for (const res of [
      await client.get("/api/v1/dossiers"),
      await client.post("/api/v1/auth/totp/setup", { currentPassword: "tam-thoi-2026y" }),
    ]) {
      expect(res.statusCode, res.body).toBe(403);
      expect(errorCode(res)).toBe("PASSWORD_CHANGE_REQUIRED");
    }
    expect((await client.get("/api/v1/auth/me")).statusCode).toBe(200);
    expect((await client.get("/api/v1/auth/session")).json().me.mustChangePassword).toBe(true);
    const changed = await client.post("/api/v1/auth/password", {
      currentPassword: "tam-thoi-2026y",
      newPassword: "da-doi-mat-khau-2026",
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const after = await client.get("/api/v1/dossiers");
    expect(after.statusCode, after.body).toBe(200);
    expect((await client.post("/api/v1/auth/logout")).statusCode).toBe(200);
  });

  it("lets a unit admin reset a staff password in its unit, forcing a change and ending sessions", async () => {
    const officer = await ctx.as("chuyenvien.quangthuan");
    const admin = await ctx.as("quantri.quangthuan");
    const me = (await officer.get("/api/v1/auth/me")).json();
    const res = await admin.post(`/api/v1/staff/${me.id}/reset-password`, { newPassword: "tam-thoi-2026x" });
    expect(res.statusCode).toBe(200);
    expect((await officer.get("/api/v1/auth/me")).statusCode).toBe(401);
    const again = await ctx.client().post("/api/v1/auth/login", {
      username: "chuyenvien.quangthuan",
      password: "tam-thoi-2026x",
    });
    expect(again.json().mustChangePassword).toBe(true);
  });

  it("refuses a commune admin a reset in another commune and the grant of system admin", async () => {
    const admin = await ctx.as("quantri.quangthuan");
    const other = await ctx.handle.db
      .selectFrom("staff")
      .select("id")
      .where("username", "=", "lanhdao.phuthong")
      .executeTakeFirstOrThrow();
    const reset = await admin.post(`/api/v1/staff/${other.id}/reset-password`, {
      newPassword: "tam-thoi-2026x",
    });
    expect(reset.statusCode).toBe(403);
    const grant = await admin.post("/api/v1/staff", {
      unitId: await ctx.unitId("000.17.31.H06"),
      username: "sieu.quantri",
      fullName: "Người Thử",
      roles: ["system_admin"],
      password: "tam-thoi-2026x",
    });
    expect(grant.statusCode).toBe(403);
  });
});
