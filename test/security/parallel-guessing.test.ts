/**
 * Issue 14, finding 1: parallel guessing. Every guess at a secret (staff and citizen passwords, TOTP codes,
 * one-time codes) is counted before it is checked, in one statement; sixty parallel attempts get at most the
 * allowed number of checks, and the rest are refused unchecked. Runs on PGlite and on the PostgreSQL server.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOGIN_LIMITS } from "../../src/modules/auth/login.ts";
import { PASSWORD_AGAIN_RULE } from "../../src/modules/auth/password-again.ts";
import { newTotpSecret, totpCode } from "../../src/modules/auth/totp.ts";
import { CODE_RULES } from "../../src/modules/citizens/one-time-codes.ts";
import { REGISTRATION, registerAndConfirm } from "../../src/modules/citizens/test-support.ts";
import { DEMO_PASSWORD } from "../../src/seed/demo-units.ts";
import { createTestContext, type TestContext } from "../support/test-app.ts";

const PARALLEL = 60;

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
}, 300_000);
afterAll(async () => ctx?.close());

function errorCode(res: { statusCode: number; body: string }): string {
  try {
    return (JSON.parse(res.body) as { error?: { code?: string } }).error?.code ?? String(res.statusCode);
  } catch {
    return String(res.statusCode);
  }
}

function tally(codes: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of codes) out[c] = (out[c] ?? 0) + 1;
  return out;
}

/** Sends the payloads all at once from one address, the right one (if any) last. */
async function burst(url: string, payloads: object[], address: string): Promise<string[]> {
  const client = ctx.client();
  await client.csrf();
  const answers = await Promise.all(
    payloads.map((payload) => client.request({ method: "POST", url, payload, remoteAddress: address })),
  );
  return answers.map(errorCode);
}

describe("parallel guessing (issue 14, finding 1)", () => {
  it(`staff: ${PARALLEL} parallel sign-ins on one account (59 wrong, the right one last) get at most ${LOGIN_LIMITS.accountFailures} password checks and lock it`, async () => {
    const payloads = Array.from({ length: PARALLEL - 1 }, (_, i) => ({
      username: "tiepnhan.phuthong",
      password: `sai-mat-khau-${i}`,
    }));
    payloads.push({ username: "tiepnhan.phuthong", password: DEMO_PASSWORD });
    const answers = tally(await burst("/api/v1/auth/login", payloads, "198.51.100.61"));
    const checked = (answers.INVALID_CREDENTIALS ?? 0) + (answers["200"] ?? 0);
    expect(checked, JSON.stringify(answers)).toBeLessThanOrEqual(LOGIN_LIMITS.accountFailures);
    // The rest were refused unchecked: locked, or over the address's limit.
    expect((answers.ACCOUNT_LOCKED ?? 0) + (answers.RATE_LIMITED ?? 0)).toBe(PARALLEL - checked);
    // The account is locked now: the right password from another address is refused too.
    const after = await ctx.client().request({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "tiepnhan.phuthong", password: DEMO_PASSWORD },
      remoteAddress: "198.51.100.62",
    });
    expect(errorCode(after)).toBe("ACCOUNT_LOCKED");
  }, 180_000);

  it(`staff: ${PARALLEL} parallel wrong sign-ins on as many names from one address get at most ${LOGIN_LIMITS.perAddress} checks`, async () => {
    const payloads = Array.from({ length: PARALLEL }, (_, i) => ({
      username: `khong.co.ai.${i}`,
      password: "sai-mat-khau-9",
    }));
    const answers = tally(await burst("/api/v1/auth/login", payloads, "198.51.100.63"));
    expect(answers.INVALID_CREDENTIALS ?? 0, JSON.stringify(answers)).toBeLessThanOrEqual(
      LOGIN_LIMITS.perAddress,
    );
    expect(answers.RATE_LIMITED, JSON.stringify(answers)).toBe(PARALLEL - (answers.INVALID_CREDENTIALS ?? 0));
  }, 180_000);

  it(`staff TOTP: ${PARALLEL} parallel wrong codes with the right password get at most ${LOGIN_LIMITS.accountFailures} code checks`, async () => {
    const secret = newTotpSecret();
    await ctx.handle.db
      .updateTable("staff")
      .set({ totp_secret: secret, totp_enabled: true })
      .where("username", "=", "vanthu.phuthong")
      .execute();
    const right = totpCode(secret, ctx.clock.now);
    const payloads = Array.from({ length: PARALLEL - 1 }, (_, i) => ({
      username: "vanthu.phuthong",
      password: DEMO_PASSWORD,
      totp: String((Number(right) + 1 + i) % 1_000_000).padStart(6, "0"),
    }));
    payloads.push({ username: "vanthu.phuthong", password: DEMO_PASSWORD, totp: right });
    const answers = tally(await burst("/api/v1/auth/login", payloads, "198.51.100.64"));
    const checked = (answers.TOTP_INVALID ?? 0) + (answers["200"] ?? 0);
    expect(checked, JSON.stringify(answers)).toBeLessThanOrEqual(LOGIN_LIMITS.accountFailures);
  }, 180_000);

  it(`citizen: ${PARALLEL} parallel sign-ins on one identifier (the right password last) get at most ${LOGIN_LIMITS.accountFailures} checks and lock it`, async () => {
    await registerAndConfirm(ctx, ctx.client());
    const payloads = Array.from({ length: PARALLEL - 1 }, (_, i) => ({
      login: REGISTRATION.identityNumber,
      password: `sai-mat-khau-${i}`,
    }));
    payloads.push({ login: REGISTRATION.identityNumber, password: REGISTRATION.password });
    const answers = tally(await burst("/api/v1/portal/account/login", payloads, "198.51.100.65"));
    const checked = (answers.INVALID_CREDENTIALS ?? 0) + (answers["200"] ?? 0);
    expect(checked, JSON.stringify(answers)).toBeLessThanOrEqual(LOGIN_LIMITS.accountFailures);
    const after = await ctx.client().request({
      method: "POST",
      url: "/api/v1/portal/account/login",
      payload: { login: REGISTRATION.identityNumber, password: REGISTRATION.password },
      remoteAddress: "198.51.100.66",
    });
    expect(errorCode(after)).toBe("ACCOUNT_LOCKED");
  }, 180_000);

  it(`one-time code: ${PARALLEL} parallel guesses at a challenge are compared at most ${CODE_RULES.maxAttempts} times; the right code sent last is refused`, async () => {
    const client = ctx.client();
    const registered = await client.post("/api/v1/portal/account/register", {
      ...REGISTRATION,
      identityNumber: "079200001234",
      birthDate: "2000-04-01",
      phone: "0977000111",
      email: "song.song@example.vn",
    });
    expect(registered.statusCode, registered.body).toBe(202);
    const { challengeId } = registered.json() as { challengeId: string };
    const { lastCodeSentTo } = await import("../../src/modules/citizens/test-support.ts");
    const right = (await lastCodeSentTo(ctx, "0977000111")) as string;
    const payloads = Array.from({ length: PARALLEL - 1 }, (_, i) => ({
      challengeId,
      code: String((Number(right) + 1 + i) % 1_000_000).padStart(6, "0"),
    }));
    payloads.push({ challengeId, code: right });
    const answers = tally(await burst("/api/v1/portal/account/confirm", payloads, "198.51.100.67"));
    expect(answers["200"] ?? 0, JSON.stringify(answers)).toBe(0);
    expect(answers.CITIZEN_CODE_INVALID ?? 0).toBeLessThan(CODE_RULES.maxAttempts);
    const row = await ctx.handle.db
      .selectFrom("citizen_codes")
      .select("attempts")
      .where("id", "=", challengeId)
      .executeTakeFirstOrThrow();
    expect(row.attempts).toBe(CODE_RULES.maxAttempts);
  }, 180_000);

  it(`password asked again: ${PARALLEL} parallel wrong current passwords from a signed-in staff session (a stolen one) get at most ${PASSWORD_AGAIN_RULE.limit} checks, the rest refused unchecked`, async () => {
    const thief = await ctx.as("lanhdao.quangthuan");
    const answers = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        thief.post("/api/v1/auth/password", {
          currentPassword: `sai-mat-khau-${i}`,
          newPassword: "Mat-khau-moi-rat-dai-2026!",
        }),
      ),
    );
    const codes = tally(answers.map(errorCode));
    expect(codes.WRONG_PASSWORD ?? 0, JSON.stringify(codes)).toBe(PASSWORD_AGAIN_RULE.limit);
    expect(codes.RATE_LIMITED, JSON.stringify(codes)).toBe(PARALLEL - PASSWORD_AGAIN_RULE.limit);
    // Locked now, the right password included; TOTP setup asks through the same counter.
    const right = await thief.post("/api/v1/auth/totp/setup", { currentPassword: DEMO_PASSWORD });
    expect(errorCode(right)).toBe("RATE_LIMITED");
  }, 180_000);

  it(`password asked again: ${PARALLEL} parallel wrong current passwords from a citizen session get at most ${PASSWORD_AGAIN_RULE.limit} checks`, async () => {
    const citizen = ctx.client();
    await registerAndConfirm(ctx, citizen, {
      ...REGISTRATION,
      identityNumber: "079200005678",
      birthDate: "2000-04-01",
      phone: "0977000222",
      email: "doi.mat.khau@example.vn",
    });
    const answers = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        citizen.post("/api/v1/portal/account/password", {
          currentPassword: `sai-mat-khau-${i}`,
          newPassword: "Mat-khau-moi-rat-dai-2026!",
        }),
      ),
    );
    const codes = tally(answers.map(errorCode));
    expect(codes.WRONG_PASSWORD ?? 0, JSON.stringify(codes)).toBe(PASSWORD_AGAIN_RULE.limit);
    expect(codes.RATE_LIMITED, JSON.stringify(codes)).toBe(PARALLEL - PASSWORD_AGAIN_RULE.limit);
  }, 180_000);
});
