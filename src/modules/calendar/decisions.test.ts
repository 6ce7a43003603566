import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestClient, type TestContext } from "../../../test/support/test-app.ts";
import { calendarFor } from "./calendar-for.ts";

const BAC_KAN = "000.00.00.H06";
const BACH_THONG = "000.00.31.H06";
const QUANG_THUAN = "000.17.31.H06";
const THAI_NGUYEN = "000.00.00.H19";

let ctx: TestContext;
let admin: TestClient;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.as("admin");
});
afterAll(async () => ctx?.close());

/** A local day off of the Bạch Thông district, for the tests (not a real decision). */
function districtDayOff(overrides: Record<string, unknown> = {}) {
  return {
    id: "2026-test-bach-thong",
    year: 2026,
    title: "Nghỉ kỷ niệm ngày thành lập huyện (thử nghiệm)",
    titleEn: "District anniversary day off (test)",
    source: "Quyết định thử nghiệm số 1/QĐ-UBND",
    evidence: "unconfirmed",
    scope: { kind: "units", unitCodes: [BACH_THONG] },
    supersedes: [],
    daysOff: [{ date: "2026-12-03", kind: "extra", name: "Kỷ niệm ngày thành lập huyện" }],
    workingDays: [],
    ...overrides,
  };
}

async function holidayDates(unit?: string): Promise<string[]> {
  const res = await ctx.client().get(`/api/v1/calendar/holidays?year=2026${unit ? `&unit=${unit}` : ""}`);
  expect(res.statusCode).toBe(200);
  return (res.json().items as { date: string }[]).map((i) => i.date);
}

/** 1 working day from Wednesday 2/12 09:00 ends at the close of the next working day (BLDS 2015 art. 147–148). */
async function due(unit: string): Promise<string> {
  const res = await ctx
    .client()
    .get(`/api/v1/calendar/deadline?from=2026-12-02T09:00:00%2B07:00&workingDays=1&unit=${unit}`);
  return res.json().due as string;
}

async function auditActions(entityId: string) {
  return ctx.handle.db
    .selectFrom("audit_log")
    .select(["action", "actor_id", "chain", "summary"])
    .where("entity_type", "=", "holiday_decision")
    .where("entity_id", "=", entityId)
    .orderBy("id")
    .execute();
}

describe("shipped decisions", () => {
  it("are in every database after migration, with their legal source", async () => {
    const res = await admin.get("/api/v1/calendar/decisions?year=2026");
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; origin: string; source: string; year: number }[];
    expect(items.map((d) => d.id).sort()).toEqual([
      "2026-national-day",
      "2026-national-day-make-up",
      "2026-new-year-swap",
      "2026-tet",
    ]);
    const tet = items.find((d) => d.id === "2026-tet");
    expect(tet).toMatchObject({ origin: "shipped", year: 2026 });
    expect(tet?.source).toContain("9441/TB-BNV");
    const all = (await admin.get("/api/v1/calendar/decisions")).json().items as { year: number }[];
    expect(all.some((d) => d.year === 2025)).toBe(true);
  });
});

describe("who may edit decisions", () => {
  const body = districtDayOff({ id: "2026-refused" });

  it("refuses anonymous callers with 401, reading and writing", async () => {
    const anon = ctx.client();
    expect((await anon.get("/api/v1/calendar/decisions")).statusCode).toBe(401);
    expect((await anon.get("/api/v1/calendar/decisions/2026-tet")).statusCode).toBe(401);
    const created = await anon.post("/api/v1/calendar/decisions", body);
    expect(created.statusCode).toBe(401);
    expect(created.json().error.code).toBe("UNAUTHENTICATED");
    expect(
      (
        await anon.request({
          method: "PUT",
          url: "/api/v1/calendar/decisions/2026-tet",
          payload: { ...body, id: undefined, version: 1 },
        })
      ).statusCode,
    ).toBe(401);
    expect((await anon.delete("/api/v1/calendar/decisions/2026-tet?version=1")).statusCode).toBe(401);
  });

  for (const username of [
    "tiepnhan.quangthuan",
    "lanhdao.quangthuan",
    "quantri.bachthong",
    "giamsat.backan",
  ]) {
    it(`refuses ${username} with 403 and changes nothing`, async () => {
      const staff = await ctx.as(username);
      expect((await staff.get("/api/v1/calendar/decisions")).statusCode).toBe(403);
      const created = await staff.post("/api/v1/calendar/decisions", body);
      expect(created.statusCode).toBe(403);
      expect(created.json().error.code).toBe("FORBIDDEN");
      const tet = (await admin.get("/api/v1/calendar/decisions/2026-tet")).json();
      const put = await staff.request({
        method: "PUT",
        url: "/api/v1/calendar/decisions/2026-tet",
        payload: { ...body, id: undefined, version: tet.version },
      });
      expect(put.statusCode).toBe(403);
      expect(
        (await staff.delete(`/api/v1/calendar/decisions/2026-tet?version=${tet.version}`)).statusCode,
      ).toBe(403);
      expect((await admin.get("/api/v1/calendar/decisions/2026-tet")).json().version).toBe(tet.version);
      expect((await admin.get("/api/v1/calendar/decisions/2026-refused")).statusCode).toBe(404);
      expect(await auditActions("2026-tet")).toEqual([]);
    });
  }
});

describe("a unit-scoped decision", () => {
  it("applies to the unit and its descendants only, and follows edits and deletion", async () => {
    const before = {
      quangThuan: await due(QUANG_THUAN),
      thaiNguyen: await due(THAI_NGUYEN),
    };
    expect(before).toEqual({
      quangThuan: "2026-12-03T17:00:00+07:00",
      thaiNguyen: "2026-12-03T17:00:00+07:00",
    });

    const created = await admin.post("/api/v1/calendar/decisions", districtDayOff());
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      id: "2026-test-bach-thong",
      origin: "admin",
      version: 1,
      scope: { kind: "units", unitCodes: [BACH_THONG] },
    });

    expect(await holidayDates(BACH_THONG)).toContain("2026-12-03");
    expect(await holidayDates(QUANG_THUAN)).toContain("2026-12-03");
    expect(await holidayDates(BAC_KAN)).not.toContain("2026-12-03");
    expect(await holidayDates(THAI_NGUYEN)).not.toContain("2026-12-03");
    expect(await holidayDates()).not.toContain("2026-12-03");
    const item = (
      (await ctx.client().get(`/api/v1/calendar/holidays?year=2026&unit=${QUANG_THUAN}`)).json().items as {
        date: string;
        source: string;
        decisionId?: string;
      }[]
    ).find((i) => i.date === "2026-12-03");
    expect(item).toMatchObject({
      source: "Quyết định thử nghiệm số 1/QĐ-UBND",
      decisionId: "2026-test-bach-thong",
    });
    expect(await due(QUANG_THUAN)).toBe("2026-12-04T17:00:00+07:00");
    expect(await due(THAI_NGUYEN)).toBe("2026-12-03T17:00:00+07:00");

    const stale = await admin.request({
      method: "PUT",
      url: "/api/v1/calendar/decisions/2026-test-bach-thong",
      payload: { ...districtDayOff(), id: undefined, version: 7 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("CONFLICT");

    const moved = await admin.request({
      method: "PUT",
      url: "/api/v1/calendar/decisions/2026-test-bach-thong",
      payload: {
        ...districtDayOff({ daysOff: [{ date: "2026-12-02", kind: "extra", name: "Kỷ niệm" }] }),
        id: undefined,
        version: 1,
      },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().version).toBe(2);
    expect(await holidayDates(QUANG_THUAN)).toContain("2026-12-02");
    expect(await holidayDates(QUANG_THUAN)).not.toContain("2026-12-03");

    const deleted = await admin.delete("/api/v1/calendar/decisions/2026-test-bach-thong?version=2");
    expect(deleted.statusCode).toBe(200);
    expect(await holidayDates(QUANG_THUAN)).not.toContain("2026-12-02");
    expect(await due(QUANG_THUAN)).toBe("2026-12-03T17:00:00+07:00");
    expect((await admin.get("/api/v1/calendar/decisions/2026-test-bach-thong")).statusCode).toBe(404);
    // The id stays taken.
    const again = await admin.post("/api/v1/calendar/decisions", districtDayOff());
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("DUPLICATE");

    const events = await auditActions("2026-test-bach-thong");
    const adminId = (
      await ctx.handle.db
        .selectFrom("staff")
        .select("id")
        .where("username", "=", "admin")
        .executeTakeFirstOrThrow()
    ).id;
    expect(events.map((e) => e.action)).toEqual([
      "calendar.decision.create",
      "calendar.decision.update",
      "calendar.decision.delete",
    ]);
    expect(events.every((e) => e.actor_id === adminId && e.chain === "system")).toBe(true);
    expect(events[1]?.summary).toMatchObject({
      before: { daysOff: [{ date: "2026-12-03" }] },
      after: { daysOff: [{ date: "2026-12-02" }] },
    });
  });
});

describe("the stored decisions are the calendar's source of truth", () => {
  it("deleting the shipped Tết 2026 decision falls back to the Labour Code's rule", async () => {
    const tet = (await admin.get("/api/v1/calendar/decisions/2026-tet")).json();
    const res = await admin.delete(`/api/v1/calendar/decisions/2026-tet?version=${tet.version}`);
    expect(res.statusCode).toBe(200);
    const items = (await ctx.client().get("/api/v1/calendar/holidays?year=2026")).json().items as {
      date: string;
      source: string;
    }[];
    const day = items.find((i) => i.date === "2026-02-17");
    expect(day?.source).toContain("Bộ luật Lao động 2019");
    expect((await auditActions("2026-tet")).map((e) => e.action)).toEqual(["calendar.decision.delete"]);
  });

  it("creates a decision with a chosen id when none is given", async () => {
    const res = await admin.post(
      "/api/v1/calendar/decisions",
      districtDayOff({
        id: undefined,
        scope: { kind: "national" },
        daysOff: [{ date: "2026-12-31", kind: "extra", name: "Nghỉ thử" }],
      }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json().id).toMatch(/^2026-[0-9a-f]{8}$/);
    expect(await holidayDates()).toContain("2026-12-31");
  });
});

describe("calendarFor", () => {
  it("keeps one calendar per unit until the decisions or the unit change", async () => {
    const db = ctx.handle.db;
    const first = await calendarFor(db, QUANG_THUAN);
    expect(await calendarFor(db, QUANG_THUAN)).toBe(first);
    expect(await calendarFor(db, await ctx.unitId(QUANG_THUAN))).toBe(first);
    expect([...first.unitCodes].sort()).toEqual([BAC_KAN, BACH_THONG, QUANG_THUAN].sort());
    const national = await calendarFor(db);
    expect(await calendarFor(db, null)).toBe(national);

    const created = await admin.post(
      "/api/v1/calendar/decisions",
      districtDayOff({
        id: "2026-cache-test",
        daysOff: [{ date: "2026-12-29", kind: "extra", name: "Thử" }],
      }),
    );
    expect(created.statusCode).toBe(201);
    const after = await calendarFor(db, QUANG_THUAN);
    expect(after).not.toBe(first);
    expect(after.isWorkingDay("2026-12-29")).toBe(false);
    expect(await calendarFor(db)).not.toBe(national);
    expect((await calendarFor(db)).isWorkingDay("2026-12-29")).toBe(true);
  });

  it("refuses an unknown unit with UNKNOWN_UNIT", async () => {
    await expect(calendarFor(ctx.handle.db, "000.99.99.H99")).rejects.toMatchObject({ code: "UNKNOWN_UNIT" });
    await expect(calendarFor(ctx.handle.db, "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({
      code: "UNKNOWN_UNIT",
    });
  });
});

describe("validation of a decision", () => {
  const cases: [string, Record<string, unknown>, number, string][] = [
    [
      "a day off on a Saturday",
      { daysOff: [{ date: "2026-12-05", kind: "extra", name: "Thứ Bảy" }] },
      422,
      "INVALID_DECISION",
    ],
    [
      "a make-up working day on a weekday",
      { workingDays: [{ date: "2026-12-07" }] },
      422,
      "INVALID_DECISION",
    ],
    [
      "the same date twice",
      {
        daysOff: [
          { date: "2026-12-03", kind: "extra", name: "A" },
          { date: "2026-12-03", kind: "extra", name: "B" },
        ],
      },
      422,
      "INVALID_DECISION",
    ],
    [
      "a statutory holiday day without its holiday",
      { daysOff: [{ date: "2026-12-03", kind: "holiday" }] },
      422,
      "INVALID_DECISION",
    ],
    [
      "a date years away from the decision's year",
      { daysOff: [{ date: "2030-12-03", kind: "extra", name: "Xa" }] },
      422,
      "INVALID_DECISION",
    ],
    [
      "an impossible date",
      { daysOff: [{ date: "2026-02-30", kind: "extra", name: "X" }] },
      400,
      "VALIDATION_FAILED",
    ],
    [
      "an unknown unit in the scope",
      { scope: { kind: "units", unitCodes: ["000.99.99.H99"] } },
      400,
      "UNKNOWN_UNIT",
    ],
    ["an unknown field", { colour: "red" }, 400, "VALIDATION_FAILED"],
    ["a year out of range", { year: 1800 }, 400, "VALIDATION_FAILED"],
    ["no source", { source: "  " }, 400, "VALIDATION_FAILED"],
    ["a bad id", { id: "Tết 2027" }, 400, "VALIDATION_FAILED"],
  ];
  for (const [label, overrides, status, code] of cases) {
    it(`refuses ${label} with ${status} ${code}, in Vietnamese and English`, async () => {
      const res = await admin.post(
        "/api/v1/calendar/decisions",
        districtDayOff({ id: "2026-invalid", ...overrides }),
      );
      expect(res.statusCode, res.body).toBe(status);
      const error = res.json().error;
      expect(error.code).toBe(code);
      expect(error.message).not.toBe(error.messageEn);
      expect((await admin.get("/api/v1/calendar/decisions/2026-invalid")).statusCode).toBe(404);
    });
  }
});
