import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestContext, type TestContext } from "../../../test/support/test-app.ts";
import { DEMO_CITIZEN_PASSWORD, DEMO_CITIZENS, type DemoCitizen } from "../../seed/demo-citizens.ts";

/** Runs once while the new password is being hashed: the window between reading the account and writing it. */
const duringHash: { run: (() => Promise<void>) | null } = { run: null };

vi.mock("../auth/passwords.ts", async (importOriginal) => {
  const original = await importOriginal<typeof import("../auth/passwords.ts")>();
  return {
    ...original,
    hashPassword: async (password: string) => {
      const run = duringHash.run;
      duringHash.run = null;
      if (run) await run();
      return original.hashPassword(password);
    },
  };
});

const A = "/api/v1/portal/account";
const [demo] = DEMO_CITIZENS as [DemoCitizen];

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

async function signIn() {
  const client = ctx.client();
  const res = await client.post(`${A}/login`, { login: demo.email, password: DEMO_CITIZEN_PASSWORD });
  expect(res.statusCode, res.body).toBe(200);
  return client;
}

describe("a citizen's password change against a concurrent change of the account", () => {
  it("answers 409 when the profile is edited meanwhile, and keeps the edit and the old password", async () => {
    const first = await signIn();
    const second = await signIn();
    const me = (await first.get(`${A}/me`)).json();
    const before = await ctx.handle.db
      .selectFrom("citizens")
      .select(["password_hash", "version"])
      .where("id", "=", me.id)
      .executeTakeFirstOrThrow();
    duringHash.run = async () => {
      const edit = await second.patch(`${A}/me`, { version: me.version, fullName: "Hoàng Thị Mai Anh" });
      expect(edit.statusCode, edit.body).toBe(200);
    };
    const change = await first.post(`${A}/password`, {
      currentPassword: DEMO_CITIZEN_PASSWORD,
      newPassword: "mat-khau-cong-dan-2026",
    });
    expect(change.statusCode, change.body).toBe(409);
    const after = await ctx.handle.db
      .selectFrom("citizens")
      .select(["password_hash", "version", "full_name"])
      .where("id", "=", me.id)
      .executeTakeFirstOrThrow();
    expect(after.version).toBe(before.version + 1);
    expect(after.full_name).toBe("Hoàng Thị Mai Anh");
    expect(after.password_hash).toBe(before.password_hash);
    expect((await second.get(`${A}/me`)).statusCode).toBe(200);
  });
});
