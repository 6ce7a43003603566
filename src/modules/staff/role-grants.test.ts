/**
 * Issue 14, finding 5: role grants follow the policy table (ROLE_GRANTS). Nobody changes their own roles; a
 * role is handed out only by a role allowed to hand it out; an account above you (holding a role you may not
 * hand out) is out of reach even inside your subtree. Each refusal is checked against a live, valid request
 * that the same administrator is allowed to make, so the refusal can only come from the rule.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestClient, type TestContext } from "../../../test/support/test-app.ts";

let ctx: TestContext;
let unitAdmin: TestClient;
let systemAdmin: TestClient;
beforeAll(async () => {
  ctx = await createTestContext();
  unitAdmin = await ctx.as("quantri.quangthuan");
  systemAdmin = await ctx.as("admin");
}, 300_000);
afterAll(async () => ctx?.close());

async function staffRow(username: string) {
  return ctx.handle.db
    .selectFrom("staff")
    .select(["id", "version", "roles", "active", "email"])
    .where("username", "=", username)
    .executeTakeFirstOrThrow();
}

async function staffUnit(username: string): Promise<string> {
  const row = await ctx.handle.db
    .selectFrom("staff")
    .select("unit_id")
    .where("username", "=", username)
    .executeTakeFirstOrThrow();
  return row.unit_id;
}

function code(res: { body: string }): string {
  return (JSON.parse(res.body) as { error?: { code: string } }).error?.code ?? "";
}

describe("role grants (issue 14, finding 5)", () => {
  it("a unit admin cannot grant itself roles (dossier-reading ones included), but edits its own name", async () => {
    const me = await staffRow("quantri.quangthuan");
    const grab = await unitAdmin.patch(`/api/v1/staff/${me.id}`, {
      version: me.version,
      roles: ["unit_admin", "supervisor"],
    });
    expect(grab.statusCode, grab.body).toBe(403);
    expect((await staffRow("quantri.quangthuan")).roles).toEqual(["unit_admin"]);
    const leaderRole = await unitAdmin.patch(`/api/v1/staff/${me.id}`, {
      version: me.version,
      roles: ["unit_admin", "leader"],
    });
    expect(leaderRole.statusCode, leaderRole.body).toBe(403);
    const rename = await unitAdmin.patch(`/api/v1/staff/${me.id}`, {
      version: me.version,
      fullName: "Đàm Văn Trị",
    });
    expect(rename.statusCode, rename.body).toBe(200);
    // Nor deactivate itself.
    const off = await unitAdmin.patch(`/api/v1/staff/${me.id}`, { version: me.version + 1, active: false });
    expect(off.statusCode, off.body).toBe(403);
  });

  it("a unit admin hands out the desk's roles in its unit, but not supervisor or system admin", async () => {
    const target = await staffRow("chuyenvien.quangthuan");
    const supervisor = await unitAdmin.patch(`/api/v1/staff/${target.id}`, {
      version: target.version,
      roles: ["specialist", "supervisor"],
    });
    expect(supervisor.statusCode, supervisor.body).toBe(403);
    expect(code(supervisor)).toBe("FORBIDDEN");
    const created = await unitAdmin.post("/api/v1/staff", {
      unitId: await staffUnit("quantri.quangthuan"),
      username: "giamsat.tu.cap",
      fullName: "Giám sát tự cấp",
      roles: ["supervisor"],
      password: "Mat-khau-giam-sat-2026",
    });
    expect(created.statusCode, created.body).toBe(403);
    const leader = await unitAdmin.patch(`/api/v1/staff/${target.id}`, {
      version: target.version,
      roles: ["specialist", "leader"],
    });
    expect(leader.statusCode, leader.body).toBe(200);
    expect((await staffRow("chuyenvien.quangthuan")).roles).toEqual(["specialist", "leader"]);
  });

  it("a system admin inside a unit admin's subtree is out of its reach: no deactivation, no e-mail change, no password reset", async () => {
    const created = await systemAdmin.post("/api/v1/staff", {
      unitId: await staffUnit("quantri.quangthuan"),
      username: "quantri.he.thong.xa",
      fullName: "Quản trị hệ thống ở xã",
      roles: ["system_admin"],
      password: "Mat-khau-quan-tri-2026",
    });
    expect(created.statusCode, created.body).toBe(201);
    const target = await staffRow("quantri.he.thong.xa");
    const off = await unitAdmin.patch(`/api/v1/staff/${target.id}`, {
      version: target.version,
      active: false,
    });
    expect(off.statusCode, off.body).toBe(403);
    const mail = await unitAdmin.patch(`/api/v1/staff/${target.id}`, {
      version: target.version,
      email: "ke.gian@example.vn",
    });
    expect(mail.statusCode, mail.body).toBe(403);
    const reset = await unitAdmin.post(`/api/v1/staff/${target.id}/reset-password`, {
      newPassword: "Mat-khau-moi-2026-xyz",
    });
    expect(reset.statusCode, reset.body).toBe(403);
    const after = await staffRow("quantri.he.thong.xa");
    expect(after).toMatchObject({ active: true, email: null, version: target.version });
    // The same admin edits an officer of the same unit: the refusal above is the rule, not the scope.
    const officer = await staffRow("tiepnhan.quangthuan");
    const ok = await unitAdmin.patch(`/api/v1/staff/${officer.id}`, {
      version: officer.version,
      phone: "0912345678",
    });
    expect(ok.statusCode, ok.body).toBe(200);
    // And the system admin still manages it.
    const bySystem = await systemAdmin.patch(`/api/v1/staff/${target.id}`, {
      version: target.version,
      active: false,
    });
    expect(bySystem.statusCode, bySystem.body).toBe(200);
  });
});
