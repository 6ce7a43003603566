import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/support/test-app.ts";
import { DEMO_CITIZEN_PASSWORD, DEMO_CITIZENS, type DemoCitizen } from "../../seed/demo-citizens.ts";
import { lastCodeSentTo, lastResetTokenSentTo, REGISTRATION, registerAndConfirm } from "./test-support.ts";

const A = "/api/v1/portal/account";
const [demo, _second] = DEMO_CITIZENS as [DemoCitizen, DemoCitizen];

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx?.close();
});

let addressSeq = 0;
/** A fresh client address, so that per-address limits of one test do not reach the next. */
function freshClient() {
  const client = ctx.client();
  addressSeq += 1;
  const address = `10.9.${Math.floor(addressSeq / 250)}.${addressSeq % 250}`;
  const original = client.request.bind(client);
  client.request = (options) => original({ ...options, remoteAddress: address });
  return client;
}

async function auditActions(citizenId: string): Promise<string[]> {
  const rows = await ctx.handle.db
    .selectFrom("audit_log")
    .select("action")
    .where("entity_type", "=", "citizen")
    .where("entity_id", "=", citizenId)
    .orderBy("at")
    .execute();
  return rows.map((r) => r.action);
}

describe("registration and confirmation", () => {
  it("registers a pending account, sends a code by e-mail and SMS (never in the answer), confirms and signs in", async () => {
    const client = freshClient();
    const res = await client.post(`${A}/register`, REGISTRATION);
    expect(res.statusCode).toBe(202);
    const body = res.json() as { challengeId: string; channels: string[]; expiresInSeconds: number };
    expect(body.channels).toEqual(["email", "sms"]);
    expect(body.expiresInSeconds).toBe(600);
    const code = await lastCodeSentTo(ctx, REGISTRATION.phone);
    expect(code).toMatch(/^\d{6}$/);
    expect(res.body).not.toContain(code as string);
    const email = await ctx.handle.db
      .selectFrom("notification_outbox")
      .select(["recipient", "body_text"])
      .where("template", "=", "citizen.confirm-code")
      .where("channel", "=", "email")
      .where("recipient", "=", REGISTRATION.email)
      .executeTakeFirstOrThrow();
    expect(email.body_text).toContain(code);
    const stored = await ctx.handle.db
      .selectFrom("citizen_codes")
      .select("code_hash")
      .where("id", "=", body.challengeId)
      .executeTakeFirstOrThrow();
    expect(stored.code_hash).not.toContain(code);

    const pending = await ctx.handle.db
      .selectFrom("citizens")
      .select(["id", "status"])
      .where("identity_number", "=", REGISTRATION.identityNumber)
      .executeTakeFirstOrThrow();
    expect(pending.status).toBe("pending");
    // A pending account cannot sign in without its code; it is told so only with the right password.
    const early = await freshClient().post(`${A}/login`, {
      login: REGISTRATION.identityNumber,
      password: REGISTRATION.password,
    });
    expect(early.statusCode).toBe(403);
    expect(early.json().error.code).toBe("CITIZEN_NOT_CONFIRMED");

    const wrong = await client.post(`${A}/confirm`, {
      challengeId: body.challengeId,
      code: code === "000000" ? "111111" : "000000",
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error).toMatchObject({ code: "CITIZEN_CODE_INVALID", details: { attemptsLeft: 4 } });

    const ok = await client.post(`${A}/confirm`, { challengeId: body.challengeId, code });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      kind: "citizen",
      fullName: REGISTRATION.fullName,
      identityNumber: REGISTRATION.identityNumber,
      birthDate: REGISTRATION.birthDate,
      phone: REGISTRATION.phone,
      email: REGISTRATION.email,
      status: "active",
      hasPassword: true,
    });
    const me = await client.get(`${A}/me`);
    expect(me.statusCode).toBe(200);
    expect(me.json().id).toBe(pending.id);
    // The code is spent.
    const again = await freshClient().post(`${A}/confirm`, { challengeId: body.challengeId, code });
    expect(again.json().error.code).toBe("CITIZEN_CODE_INVALID");
    expect(await auditActions(pending.id)).toEqual(
      expect.arrayContaining(["citizen.register", "citizen.confirm"]),
    );
  });

  it("refuses bad identity numbers, phones, weak passwords and a birth year that the CCCD contradicts", async () => {
    const client = freshClient();
    const cases = [
      { identityNumber: "003195012345" }, // 003 is no province code
      { identityNumber: "00619501234" },
      { birthDate: "1985-04-01" }, // digits 4–6 say 1995
      { birthDate: "2095-04-01" },
      { phone: "0211234567" },
      { email: "not-an-email" },
    ];
    for (const change of cases) {
      const res = await client.post(`${A}/register`, {
        ...REGISTRATION,
        identityNumber: "006195099999",
        ...change,
      });
      expect(res.statusCode, JSON.stringify(change)).toBe(400);
      expect(res.json().error.code).toBe("VALIDATION_FAILED");
    }
    const weak = await client.post(`${A}/register`, {
      ...REGISTRATION,
      identityNumber: "006195099999",
      email: "weak@example.vn",
      password: "short1",
    });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().error.code).toBe("WEAK_PASSWORD");
  });

  it("closes the challenge after five wrong codes; a resent code works again", async () => {
    const input = {
      ...REGISTRATION,
      identityNumber: "001301000001",
      birthDate: null,
      phone: "0977000001",
      email: "five@example.vn",
    };
    const client = freshClient();
    const { challengeId } = (await client.post(`${A}/register`, input)).json() as { challengeId: string };
    const code = (await lastCodeSentTo(ctx, input.phone)) as string;
    const wrongCode = code === "999999" ? "888888" : "999999";
    const answers: string[] = [];
    for (let i = 0; i < 5; i++) {
      answers.push((await client.post(`${A}/confirm`, { challengeId, code: wrongCode })).json().error.code);
    }
    expect(answers).toEqual([
      "CITIZEN_CODE_INVALID",
      "CITIZEN_CODE_INVALID",
      "CITIZEN_CODE_INVALID",
      "CITIZEN_CODE_INVALID",
      "CITIZEN_CODE_ATTEMPTS_EXHAUSTED",
    ]);
    const right = await client.post(`${A}/confirm`, { challengeId, code });
    expect(right.statusCode).toBe(429);
    expect(right.json().error.code).toBe("CITIZEN_CODE_ATTEMPTS_EXHAUSTED");

    ctx.clock.advance(1000); // the outbox orders by time: the resent code is the later row
    expect((await client.post(`${A}/confirm/resend`, { challengeId })).statusCode).toBe(202);
    const fresh = (await lastCodeSentTo(ctx, input.phone)) as string;
    const ok = await client.post(`${A}/confirm`, { challengeId, code: fresh });
    expect(ok.statusCode).toBe(200);
  });

  it("refuses an expired code (test clock)", async () => {
    const input = {
      ...REGISTRATION,
      identityNumber: "001301000002",
      birthDate: null,
      phone: "0977000002",
      email: "late@example.vn",
    };
    const client = freshClient();
    const { challengeId } = (await client.post(`${A}/register`, input)).json() as { challengeId: string };
    const code = (await lastCodeSentTo(ctx, input.phone)) as string;
    ctx.clock.advance(10 * 60_000 + 1000);
    try {
      const res = await client.post(`${A}/confirm`, { challengeId, code });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe("CITIZEN_CODE_EXPIRED");
    } finally {
      ctx.clock.advance(-(10 * 60_000 + 1000));
    }
  });

  it("limits codes per destination whatever the client address, and per address", async () => {
    const input = {
      ...REGISTRATION,
      identityNumber: "001301000003",
      birthDate: null,
      phone: "0977000003",
      email: "limit@example.vn",
    };
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await freshClient().post(`${A}/register`, input)).statusCode);
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);

    const client = freshClient();
    const fromOneAddress: number[] = [];
    for (let i = 0; i < 21; i++) {
      const res = await client.post(`${A}/register`, {
        ...input,
        identityNumber: `0013010001${String(i).padStart(2, "0")}`,
        phone: `09771001${String(i).padStart(2, "0")}`,
        email: `addr${i}@example.vn`,
      });
      fromOneAddress.push(res.statusCode);
    }
    expect(fromOneAddress.slice(0, 20).every((s) => s === 202)).toBe(true);
    expect(fromOneAddress[20]).toBe(429);
  });
});

describe("no answer tells whether an account exists", () => {
  it("registration with a taken identity number answers like a new one; the owner is told, no code is sent", async () => {
    const fresh = await freshClient().post(`${A}/register`, {
      ...REGISTRATION,
      identityNumber: "001301000004",
      birthDate: null,
      phone: "0977000004",
      email: "newone@example.vn",
    });
    const taken = await freshClient().post(`${A}/register`, {
      ...REGISTRATION,
      identityNumber: demo.identityNumber,
      birthDate: null,
      phone: "0977000005",
      email: "squatter@example.vn",
    });
    expect(taken.statusCode).toBe(fresh.statusCode);
    const shape = (b: Record<string, unknown>) => ({ ...b, challengeId: typeof b.challengeId });
    expect(shape(taken.json())).toEqual(shape(fresh.json()));
    expect(await lastCodeSentTo(ctx, "0977000005")).toBeNull();
    const told = await ctx.handle.db
      .selectFrom("notification_outbox")
      .select("recipient")
      .where("template", "=", "citizen.already-registered")
      .where("channel", "=", "email")
      .execute();
    expect(told.map((r) => r.recipient)).toContain(demo.email);
    expect(told.map((r) => r.recipient)).not.toContain("squatter@example.vn");
    // Its challenge answers like any other with a wrong code.
    const ghost = await freshClient().post(`${A}/confirm`, {
      challengeId: taken.json().challengeId,
      code: "123456",
    });
    expect(ghost.statusCode).toBe(422);
    expect(ghost.json().error).toMatchObject({ code: "CITIZEN_CODE_INVALID", details: { attemptsLeft: 4 } });
  });

  it("sign-in: unknown and existing accounts get the same answers, and lock the same way after five failures", async () => {
    const known = freshClient();
    const unknown = freshClient();
    const knownAnswers: unknown[] = [];
    const unknownAnswers: unknown[] = [];
    for (let i = 0; i < 6; i++) {
      const k = await known.post(`${A}/login`, { login: demo.email, password: "wrong-password-1" });
      const u = await unknown.post(`${A}/login`, {
        login: "nobody@example.vn",
        password: "wrong-password-1",
      });
      knownAnswers.push([k.statusCode, k.json()]);
      unknownAnswers.push([u.statusCode, u.json()]);
    }
    expect(knownAnswers).toEqual(unknownAnswers);
    expect(knownAnswers.slice(0, 5).map((a) => (a as [number])[0])).toEqual([401, 401, 401, 401, 401]);
    expect((knownAnswers[5] as [number, { error: { code: string } }])[1].error.code).toBe("ACCOUNT_LOCKED");

    // Locked even with the right password, until the lock runs out.
    const right = await freshClient().post(`${A}/login`, {
      login: demo.email,
      password: DEMO_CITIZEN_PASSWORD,
    });
    expect(right.json().error.code).toBe("ACCOUNT_LOCKED");
    ctx.clock.advance(15 * 60_000 + 1000);
    const later = await freshClient().post(`${A}/login`, {
      login: demo.email,
      password: DEMO_CITIZEN_PASSWORD,
    });
    expect(later.statusCode).toBe(200);
    const citizen = await ctx.handle.db
      .selectFrom("citizens")
      .select("id")
      .where("identity_number", "=", demo.identityNumber)
      .executeTakeFirstOrThrow();
    expect(await auditActions(citizen.id)).toEqual(
      expect.arrayContaining(["citizen.login_failed", "citizen.locked", "citizen.login"]),
    );
  });

  it("signs in with the identity number, the e-mail or the phone", async () => {
    for (const login of [
      demo.identityNumber,
      demo.email.toUpperCase(),
      demo.phone,
      `+84${demo.phone.slice(1)}`,
    ]) {
      const res = await freshClient().post(`${A}/login`, { login, password: DEMO_CITIZEN_PASSWORD });
      expect(res.statusCode, login).toBe(200);
      expect(res.json().identityNumber).toBe(demo.identityNumber);
    }
  });

  it("limits sign-in attempts per address", async () => {
    const client = freshClient();
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const res = await client.post(`${A}/login`, {
        login: `00130100${String(5000 + i)}`,
        password: "wrong-password-1",
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
  });

  it("password reset request answers the same for known and unknown accounts", async () => {
    const known = await freshClient().post(`${A}/password-reset`, {
      login: DEMO_CITIZENS[1]?.identityNumber,
    });
    const unknown = await freshClient().post(`${A}/password-reset`, { login: "001301999999" });
    expect([known.statusCode, known.body]).toEqual([unknown.statusCode, unknown.body]);
    expect(known.statusCode).toBe(202);
    expect(await lastResetTokenSentTo(ctx, DEMO_CITIZENS[1]?.email)).toMatch(/^[A-Za-z0-9_-]{40,}$/);
  });
});

describe("password reset, sessions, profile", () => {
  const input = {
    ...REGISTRATION,
    identityNumber: "001301000006",
    birthDate: null,
    phone: "0977000006",
    email: "reset@example.vn",
  };

  it("a reset link works once, within 30 minutes, and ends the other sessions", async () => {
    const signedIn = freshClient();
    await registerAndConfirm(ctx, signedIn, input);
    expect((await signedIn.get(`${A}/me`)).statusCode).toBe(200);

    await freshClient().post(`${A}/password-reset`, { login: input.email });
    const token = (await lastResetTokenSentTo(ctx, input.email)) as string;
    const stored = await ctx.handle.db.selectFrom("citizen_password_resets").select("token_hash").execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(token);

    const anon = freshClient();
    const done = await anon.post(`${A}/password-reset/complete`, { token, newPassword: "moi-mat-khau-2026" });
    expect(done.statusCode).toBe(200);
    expect((await signedIn.get(`${A}/me`)).statusCode).toBe(401);
    const reused = await anon.post(`${A}/password-reset/complete`, {
      token,
      newPassword: "khac-mat-khau-2026",
    });
    expect(reused.statusCode).toBe(422);
    expect(reused.json().error.code).toBe("CITIZEN_RESET_TOKEN_INVALID");
    const old = await freshClient().post(`${A}/login`, { login: input.email, password: input.password });
    expect(old.statusCode).toBe(401);
    const fresh = await freshClient().post(`${A}/login`, {
      login: input.email,
      password: "moi-mat-khau-2026",
    });
    expect(fresh.statusCode).toBe(200);

    ctx.clock.advance(1000); // the outbox orders by time: the second link is the later row
    await freshClient().post(`${A}/password-reset`, { login: input.phone });
    const late = (await lastResetTokenSentTo(ctx, input.email)) as string;
    expect(late).not.toBe(token);
    ctx.clock.advance(30 * 60_000 + 1000);
    const expired = await anon.post(`${A}/password-reset/complete`, {
      token: late,
      newPassword: "muon-mat-khau-2026",
    });
    expect(expired.statusCode).toBe(422);
    expect(expired.json().error.code).toBe("CITIZEN_RESET_TOKEN_INVALID");
  });

  it("logout ends the session; the old cookie signs nobody in", async () => {
    const client = freshClient();
    const login = await client.post(`${A}/login`, { login: input.email, password: "moi-mat-khau-2026" });
    expect(login.statusCode).toBe(200);
    const cookie = client.cookies.get("motcua_session") as string;
    expect((await client.post(`${A}/logout`)).statusCode).toBe(200);
    expect((await client.get(`${A}/me`)).statusCode).toBe(401);
    const replay = freshClient();
    replay.cookies.set("motcua_session", cookie);
    expect((await replay.get(`${A}/me`)).statusCode).toBe(401);
  });

  it("updates the profile with a version check, changes the password, and audits both", async () => {
    const client = freshClient();
    const me = (
      await client.post(`${A}/login`, { login: input.email, password: "moi-mat-khau-2026" })
    ).json();
    const address = { detail: "Số 5 đường Trường Chinh", commune: "Phủ Thông", province: "Thái Nguyên" };
    const patched = await client.patch(`${A}/me`, { version: me.version, address, phone: "+84 977 000 016" });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ address, phone: "0977000016", version: me.version + 1 });
    const stale = await client.patch(`${A}/me`, { version: me.version, fullName: "Tên Khác" });
    expect(stale.statusCode).toBe(409);
    const taken = await client.patch(`${A}/me`, { version: me.version + 1, email: demo.email });
    expect(taken.json().error.code).toBe("CITIZEN_EMAIL_TAKEN");
    const badBirth = await client.patch(`${A}/me`, { version: me.version + 1, birthDate: "1990-01-01" });
    expect(badBirth.statusCode).toBe(400);
    const noId = await client.patch(`${A}/me`, { version: me.version + 1, identityNumber: "001301000009" });
    expect(noId.statusCode).toBe(400);

    const wrong = await client.post(`${A}/password`, {
      currentPassword: "not-it-2026",
      newPassword: "doi-mat-khau-2027",
    });
    expect(wrong.json().error.code).toBe("WRONG_PASSWORD");
    const other = freshClient();
    await other.post(`${A}/login`, { login: input.email, password: "moi-mat-khau-2026" });
    const changed = await client.post(`${A}/password`, {
      currentPassword: "moi-mat-khau-2026",
      newPassword: "doi-mat-khau-2027",
    });
    expect(changed.statusCode).toBe(200);
    expect((await client.get(`${A}/me`)).statusCode).toBe(200);
    expect((await other.get(`${A}/me`)).statusCode).toBe(401);
    expect(await auditActions(me.id)).toEqual(
      expect.arrayContaining([
        "citizen.profile_update",
        "citizen.password_change",
        "citizen.password_reset",
        "citizen.logout",
      ]),
    );
  });

  it("staff sessions and anonymous callers get no citizen profile; state changes need the CSRF token", async () => {
    const staff = await ctx.as("admin");
    expect((await staff.get(`${A}/me`)).statusCode).toBe(401);
    expect((await ctx.client().get(`${A}/me`)).statusCode).toBe(401);
    const noCsrf = await ctx
      .client()
      .post(`${A}/login`, { login: demo.email, password: DEMO_CITIZEN_PASSWORD }, { csrf: false });
    expect(noCsrf.statusCode).toBe(403);
  });
});
