import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/support/test-app.ts";
import { isAgencyCode } from "../../domain/codes/index.ts";
import { DEMO_UNITS } from "../../seed/demo-units.ts";

const QUANG_THUAN = "000.17.31.H06";
const PHU_THONG = "000.01.31.H06";
const BACH_THONG = "000.00.31.H06";
const THAI_NGUYEN = "000.00.00.H19";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

describe("units", () => {
  it("gives every demo unit an agency identifier, since dossier codes are built from it", () => {
    const invalid = DEMO_UNITS.filter((unit) => !isAgencyCode(unit.code)).map((unit) => unit.code);
    expect(invalid).toEqual([]);
    expect(DEMO_UNITS.length).toBeGreaterThan(20);
  });

  it("refuses a unit code that is not an agency identifier", async () => {
    const admin = await ctx.as("admin");
    const res = await admin.post("/api/v1/units", {
      code: "000.41.00.H19",
      name: "Phòng thử",
      kind: "agency",
      parentId: await ctx.unitId(THAI_NGUYEN),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("VALIDATION_FAILED");
  });

  it("lets a commune officer read its own unit", async () => {
    const officer = await ctx.as("tiepnhan.quangthuan");
    const res = await officer.get(`/api/v1/units/${await ctx.unitId(QUANG_THUAN)}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().name).toBe("UBND xã Quang Thuận");
  });

  it("refuses a commune officer another commune's unit data with 403", async () => {
    const officer = await ctx.as("tiepnhan.quangthuan");
    const res = await officer.get(`/api/v1/units/${await ctx.unitId(PHU_THONG)}`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("FORBIDDEN");
    expect(res.json().error.messageEn).toBeTruthy();
  });

  it("lists only the officer's own unit", async () => {
    const officer = await ctx.as("tiepnhan.quangthuan");
    const res = await officer.get("/api/v1/units");
    expect(res.json().items.map((u: { code: string }) => u.code)).toEqual([QUANG_THUAN]);
  });

  it("lets a district supervisor read its communes but not another province", async () => {
    const supervisor = await ctx.as("giamsat.bachthong");
    expect((await supervisor.get(`/api/v1/units/${await ctx.unitId(PHU_THONG)}`)).statusCode).toBe(200);
    expect((await supervisor.get(`/api/v1/units/${await ctx.unitId(THAI_NGUYEN)}`)).statusCode).toBe(403);
    const list = (await supervisor.get("/api/v1/units")).json().items as { code: string }[];
    expect(list.length).toBe(20);
    expect(list.every((u) => u.code.endsWith(".31.H06"))).toBe(true);
  });

  it("refuses a supervisor any change", async () => {
    const supervisor = await ctx.as("giamsat.bachthong");
    const unit = (await supervisor.get(`/api/v1/units/${await ctx.unitId(PHU_THONG)}`)).json();
    const res = await supervisor.patch(`/api/v1/units/${unit.id}`, {
      version: unit.version,
      phone: "0209 3850 111",
    });
    expect(res.statusCode).toBe(403);
  });

  it("refuses anonymous callers with 401 but serves the public directory", async () => {
    const anon = ctx.client();
    expect((await anon.get("/api/v1/units")).statusCode).toBe(401);
    const dir = await anon.get("/api/v1/public/units?kind=township");
    expect(dir.statusCode).toBe(200);
    expect(dir.json().items[0]).not.toHaveProperty("version");
  });

  it("lets a district admin create, edit, move and deactivate a unit in its subtree, with audit events", async () => {
    const admin = await ctx.as("quantri.bachthong");
    const parentId = await ctx.unitId(BACH_THONG);
    const created = await admin.post("/api/v1/units", {
      code: "000.40.31.H06",
      name: "Phòng Văn hóa và Thông tin huyện Bạch Thông",
      kind: "agency",
      parentId,
      address: "Thị trấn Phủ Thông",
    });
    expect(created.statusCode).toBe(201);
    const unit = created.json();
    expect(unit.workingHours.lateReceptionCutoff).toBe("15:00");

    const edited = await admin.patch(`/api/v1/units/${unit.id}`, { version: 1, phone: "0209 3850 222" });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().version).toBe(2);

    const stale = await admin.patch(`/api/v1/units/${unit.id}`, { version: 1, phone: "0209 3850 333" });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("CONFLICT");

    const moved = await admin.post(`/api/v1/units/${unit.id}/move`, {
      parentId: await ctx.unitId(QUANG_THUAN),
      version: 2,
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().depth).toBe(3);

    const off = await admin.post(`/api/v1/units/${unit.id}/deactivate`, { version: 3 });
    expect(off.statusCode).toBe(200);
    expect(off.json().active).toBe(false);
    expect(off.json().validTo).toBe("2026-11-24");

    const audit = await ctx.handle.db
      .selectFrom("audit_log")
      .select("action")
      .where("entity_id", "=", unit.id)
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      "unit.create",
      "unit.update",
      "unit.move",
      "unit.deactivate",
    ]);
  });

  it("refuses a district admin a unit in another province", async () => {
    const admin = await ctx.as("quantri.bachthong");
    const res = await admin.post("/api/v1/units", {
      code: "000.00.41.H19",
      name: "Phòng thử",
      kind: "agency",
      parentId: await ctx.unitId(THAI_NGUYEN),
    });
    expect(res.statusCode).toBe(403);
    const nothing = await ctx.handle.db
      .selectFrom("units")
      .select("id")
      .where("code", "=", "000.00.41.H19")
      .execute();
    expect(nothing).toHaveLength(0);
  });

  it("refuses to move a unit under its own descendant", async () => {
    const admin = await ctx.as("admin");
    const district = (await admin.get(`/api/v1/units/${await ctx.unitId(BACH_THONG)}`)).json();
    const res = await admin.post(`/api/v1/units/${district.id}/move`, {
      parentId: await ctx.unitId(QUANG_THUAN),
      version: district.version,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe("UNIT_MOVE_CYCLE");
  });

  it("refuses to deactivate a unit that still has active children", async () => {
    const admin = await ctx.as("admin");
    const district = (await admin.get(`/api/v1/units/${await ctx.unitId(BACH_THONG)}`)).json();
    const res = await admin.post(`/api/v1/units/${district.id}/deactivate`, { version: district.version });
    expect(res.json().error.code).toBe("UNIT_HAS_ACTIVE_CHILDREN");
  });

  it("refuses a duplicate identifier code", async () => {
    const admin = await ctx.as("admin");
    const res = await admin.post("/api/v1/units", {
      code: QUANG_THUAN,
      name: "Trùng mã",
      kind: "commune",
      parentId: await ctx.unitId(BACH_THONG),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("UNIT_CODE_TAKEN");
  });
});
