import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestContext, type TestContext } from "../../../test/support/test-app.ts";
import { DEMO_PASSWORD } from "../../seed/demo-units.ts";

/** Runs once while the new password is being hashed: the window between reading the account and writing it. */
const duringHash: { run: (() => Promise<void>) | null } = { run: null };

vi.mock("./passwords.ts", async (importOriginal) => {
  const original = await importOriginal<typeof import("./passwords.ts")>();
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

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

async function account(username: string) {
  return ctx.handle.db
    .selectFrom("staff")
    .select(["id", "version", "full_name", "password_hash"])
    .where("username", "=", username)
    .executeTakeFirstOrThrow();
}

describe("staff password change against a concurrent change of the account", () => {
  it("answers 409 when an administrator edits the account meanwhile, and keeps the administrator's edit", async () => {
    const username = "chuyenvien.quangthuan";
    const officer = await ctx.as(username);
    const admin = await ctx.as("quantri.quangthuan");
    const before = await account(username);
    duringHash.run = async () => {
      const edit = await admin.patch(`/api/v1/staff/${before.id}`, {
        version: before.version,
        fullName: "Tên mới do quản trị sửa",
      });
      expect(edit.statusCode, edit.body).toBe(200);
    };
    const change = await officer.post("/api/v1/auth/password", {
      currentPassword: DEMO_PASSWORD,
      newPassword: "mat-khau-moi-2026-ab",
    });
    expect(change.statusCode, change.body).toBe(409);
    expect(change.json().error.code).toBe("CONFLICT");
    const after = await account(username);
    // Only the administrator's edit happened: one version step, the old password kept, the session still valid.
    expect(after.version).toBe(before.version + 1);
    expect(after.full_name).toBe("Tên mới do quản trị sửa");
    expect(after.password_hash).toBe(before.password_hash);
    expect((await officer.get("/api/v1/auth/me")).statusCode).toBe(200);
  });

  it("lets only one of two concurrent password changes succeed", async () => {
    const username = "tiepnhan.quangthuan";
    const first = await ctx.as(username);
    const second = await ctx.as(username);
    const before = await account(username);
    const results = await Promise.all([
      first.post("/api/v1/auth/password", {
        currentPassword: DEMO_PASSWORD,
        newPassword: "mat-khau-thu-nhat-26",
      }),
      second.post("/api/v1/auth/password", {
        currentPassword: DEMO_PASSWORD,
        newPassword: "mat-khau-thu-hai-26",
      }),
    ]);
    expect(
      results.filter((r) => r.statusCode === 200),
      results.map((r) => r.body).join("\n"),
    ).toHaveLength(1);
    expect((await account(username)).version).toBe(before.version + 1);
  });
});
