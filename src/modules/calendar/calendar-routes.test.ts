import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestClient, type TestContext } from "../../../test/support/test-app.ts";

const QUANG_THUAN = "000.17.31.H06";
const PHU_THONG = "000.01.31.H06";
const BNV_9441 = "Thông báo 9441/TB-BNV";

let ctx: TestContext;
let anon: TestClient;
beforeAll(async () => {
  ctx = await createTestContext();
  anon = ctx.client();
});
afterAll(async () => ctx?.close());

function get(url: string) {
  return anon.get(url);
}

/** The error shape of DESIGN.md, with a message in each language. */
async function expectError(url: string, status: number, code: string) {
  const res = await get(url);
  expect(res.statusCode, `${url}: ${res.body}`).toBe(status);
  const error = res.json().error as { code: string; message: string; messageEn: string };
  expect(error.code).toBe(code);
  expect(error.message.length).toBeGreaterThan(0);
  expect(error.messageEn.length).toBeGreaterThan(0);
  expect(error.message).not.toBe(error.messageEn);
}

interface Item {
  date: string;
  name: string;
  source: string;
  working?: true;
}

describe("GET /api/v1/calendar/lunar", () => {
  it("answers the Vietnamese lunar date: Tết Bính Ngọ is 17/02/2026", async () => {
    const res = await get("/api/v1/calendar/lunar?date=2026-02-17");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ year: 2026, month: 1, day: 1, leap: false });
  });

  it("marks a leap month: 25/07/2025 is the 1st of leap month 6 of Ất Tỵ", async () => {
    expect((await get("/api/v1/calendar/lunar?date=2025-07-25")).json()).toEqual({
      year: 2025,
      month: 6,
      day: 1,
      leap: true,
    });
  });

  it("follows the Vietnamese calendar, not the Chinese one, in 1985 (Tết on 21/01/1985)", async () => {
    expect((await get("/api/v1/calendar/lunar?date=1985-01-21")).json()).toEqual({
      year: 1985,
      month: 1,
      day: 1,
      leap: false,
    });
  });

  it("lists the lunar months of a solar year for the calendar page", async () => {
    const res = await get("/api/v1/calendar/lunar-months?year=2026");
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { start: string; end: string; year: number; month: number }[];
    expect(items[0]).toMatchObject({ start: "2025-12-20", year: 2025, month: 11 });
    expect(items).toContainEqual({
      start: "2026-02-17",
      end: "2026-03-18",
      year: 2026,
      month: 1,
      leap: false,
      length: 30,
    });
    const last = items[items.length - 1];
    expect(last && last.end >= "2026-12-31").toBe(true);
    for (let i = 1; i < items.length; i++) {
      const previousEnd = new Date(`${items[i - 1]?.end}T00:00:00Z`).getTime();
      expect(new Date(`${items[i]?.start}T00:00:00Z`).getTime() - previousEnd).toBe(86_400_000);
    }
  });
});

describe("GET /api/v1/calendar/holidays", () => {
  it("lists Tết 2026 (16–20/02) with its source, weekday days off only, and the worked Saturday", async () => {
    const res = await get("/api/v1/calendar/holidays?year=2026");
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Item[];
    const tet = items.filter((i) => i.date >= "2026-02-14" && i.date <= "2026-02-22");
    expect(tet.map((i) => i.date)).toEqual([
      "2026-02-16",
      "2026-02-17",
      "2026-02-18",
      "2026-02-19",
      "2026-02-20",
    ]);
    for (const day of tet) {
      expect(day.name).toContain("Tết");
      expect(day.source).toContain(BNV_9441);
    }
    expect(items.find((i) => i.date === "2026-01-10")).toMatchObject({ working: true });
    expect(items.find((i) => i.date === "2026-01-01")?.source).toContain("Bộ luật Lao động 2019");
    // Every item is a weekday off or a worked weekend day, in date order, with a name and a source.
    for (const item of items) {
      const weekday = new Date(`${item.date}T00:00:00Z`).getUTCDay();
      const weekend = weekday === 0 || weekday === 6;
      expect(weekend, item.date).toBe(item.working === true);
      expect(item.name.length).toBeGreaterThan(0);
      expect(item.source.length).toBeGreaterThan(0);
      expect(item.date.startsWith("2026-")).toBe(true);
    }
    expect(items.map((i) => i.date)).toEqual(items.map((i) => i.date).sort());
  });

  it("answers for a unit by its code", async () => {
    const res = await get(`/api/v1/calendar/holidays?year=2026&unit=${QUANG_THUAN}`);
    expect(res.statusCode).toBe(200);
    expect((res.json().items as Item[]).some((i) => i.date === "2026-02-17")).toBe(true);
  });
});

describe("GET /api/v1/calendar/deadline", () => {
  it("skips Tết 2026 and counts days as the Civil Code does (BLDS 2015 art. 147–148): 3 working days from Thursday 12/02 09:00 — Friday 13/02, Monday 23/02, Tuesday 24/02 — end at the close of Tuesday 24/02", async () => {
    const res = await get("/api/v1/calendar/deadline?from=2026-02-12T09:00:00%2B07:00&workingDays=3");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ due: "2026-02-24T17:00:00+07:00" });
  });

  it("gives the same end for a reception at 08:00 or at 16:00, and ignores cutoff=false (BLDS 2015 art. 147: the day of the event is not counted)", async () => {
    for (const from of ["2026-11-30T08:00:00%2B07:00", "2026-11-30T16:00:00%2B07:00"]) {
      const res = await get(`/api/v1/calendar/deadline?from=${from}&workingDays=3`);
      expect(res.json().due).toBe("2026-12-03T17:00:00+07:00");
      const noCutoff = await get(`/api/v1/calendar/deadline?from=${from}&workingDays=3&cutoff=false`);
      expect(noCutoff.json().due).toBe("2026-12-03T17:00:00+07:00");
    }
  });

  it("answers a same-day limit with the dossier machine's rule (Luật Hộ tịch 2014 art. 5(3), NĐ 23/2015 art. 7(1)): Friday 13/02 before Tết at 09:00 and 15:00 the same day, at 15:30 the next working day, Monday 23/02", async () => {
    const due = async (time: string) =>
      (await get(`/api/v1/calendar/deadline?from=2026-02-13T${time}:00%2B07:00&sameDay=true`)).json().due;
    expect(await due("09:00")).toBe("2026-02-13T17:00:00+07:00");
    expect(await due("15:00")).toBe("2026-02-13T17:00:00+07:00");
    expect(await due("15:30")).toBe("2026-02-23T17:00:00+07:00");
    const both = await get(
      "/api/v1/calendar/deadline?from=2026-02-13T09:00:00%2B07:00&sameDay=true&workingDays=1",
    );
    expect(both.statusCode).toBe(400);
  });

  it("explains the days it skipped and why", async () => {
    const res = await get(
      "/api/v1/calendar/deadline?from=2026-02-12T09:00:00%2B07:00&workingDays=3&explain=true",
    );
    const body = res.json();
    expect(body.due).toBe("2026-02-24T17:00:00+07:00");
    const skipped = body.explanation.skipped as { date: string; reason: string; source?: string }[];
    expect(skipped.map((s) => s.date)).toEqual([
      "2026-02-14",
      "2026-02-15",
      "2026-02-16",
      "2026-02-17",
      "2026-02-18",
      "2026-02-19",
      "2026-02-20",
      "2026-02-21",
      "2026-02-22",
    ]);
    expect(skipped.filter((s) => s.reason === "holiday").map((s) => s.source)).toEqual(
      Array(5).fill(expect.stringContaining(BNV_9441)),
    );
    expect(skipped.filter((s) => s.reason === "weekend")).toHaveLength(4);
    expect(body.explanation.lateReception).toBe(false);
  });

  it("counts 1 working day from Friday 13/02 15:30 to the close of the next working day, Monday 23/02 after Tết (BLDS 2015 art. 147–148)", async () => {
    const res = await get("/api/v1/calendar/deadline?from=2026-02-13T15:30:00%2B07:00&workingDays=1");
    expect(res.json().due).toBe("2026-02-23T17:00:00+07:00");
  });

  it("counts working hours from the instant itself, across Tết", async () => {
    const res = await get("/api/v1/calendar/deadline?from=2026-02-13T16:00:00%2B07:00&workingHours=8");
    expect(res.json().due).toBe("2026-02-23T16:30:00+07:00");
  });

  it("reads an instant without offset as Vietnamese time and renders +07:00", async () => {
    const local = await get("/api/v1/calendar/deadline?from=2026-02-12T09:00&workingDays=3");
    const utc = await get("/api/v1/calendar/deadline?from=2026-02-12T02:00:00Z&workingDays=3");
    expect(local.json().due).toBe("2026-02-24T17:00:00+07:00");
    expect(utc.json().due).toBe("2026-02-24T17:00:00+07:00");
  });

  it("reads an offset whose + was not URL-encoded", async () => {
    const res = await get("/api/v1/calendar/deadline?from=2026-02-12T09:00:00+07:00&workingDays=3");
    expect(res.json().due).toBe("2026-02-24T17:00:00+07:00");
    const spaced = await get("/api/v1/calendar/deadline?from=2026-02-12%2009:00&workingDays=3");
    expect(spaced.json().due).toBe("2026-02-24T17:00:00+07:00");
  });

  it("follows the unit's working hours, and sees a change of them at once", async () => {
    // A same-day limit received Monday 30/11 15:30: after the 15:00 cut-off, so due at the close of Tuesday.
    const url = `/api/v1/calendar/deadline?from=2026-11-30T15:30:00%2B07:00&sameDay=true&unit=${PHU_THONG}`;
    expect((await get(url)).json().due).toBe("2026-12-01T17:00:00+07:00");
    const admin = await ctx.as("admin");
    const unit = (await admin.get(`/api/v1/units/${await ctx.unitId(PHU_THONG)}`)).json();
    const patched = await admin.patch(`/api/v1/units/${unit.id}`, {
      version: unit.version,
      workingHours: {
        weekdays: [1, 2, 3, 4, 5],
        sessions: [
          { start: "07:00", end: "11:00" },
          { start: "13:00", end: "17:00" },
        ],
        lateReceptionCutoff: "16:00",
      },
    });
    expect(patched.statusCode).toBe(200);
    // Not late any more (cut-off 16:00): due at the close of Monday itself.
    expect((await get(url)).json().due).toBe("2026-11-30T17:00:00+07:00");
    const working = await get(
      `/api/v1/calendar/working-time?from=2026-11-30T07:00:00%2B07:00&to=2026-12-01T07:00:00%2B07:00&unit=${PHU_THONG}`,
    );
    expect(working.json()).toMatchObject({ hours: 8, workingDays: 1 });
  });
});

describe("GET /api/v1/calendar/working-time", () => {
  it("counts the working time between two instants, Tết excluded", async () => {
    const res = await get(
      "/api/v1/calendar/working-time?from=2026-02-13T07:30:00%2B07:00&to=2026-02-24T07:30:00%2B07:00",
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      from: "2026-02-13T07:30:00+07:00",
      to: "2026-02-24T07:30:00+07:00",
      milliseconds: 15 * 3_600_000,
      hours: 15,
      workingDays: 2,
    });
  });

  it("is negative when to is before from", async () => {
    const res = await get(
      "/api/v1/calendar/working-time?from=2026-02-24T07:30:00%2B07:00&to=2026-02-13T07:30:00%2B07:00",
    );
    expect(res.json().hours).toBe(-15);
  });
});

describe("bad input gets a 4xx with the calendar's code", () => {
  const cases: [string, number, string][] = [
    ["/api/v1/calendar/lunar?date=2026-02-30", 400, "INVALID_DATE"],
    ["/api/v1/calendar/lunar?date=2026-13-01", 400, "INVALID_DATE"],
    ["/api/v1/calendar/lunar?date=30-02-2026", 400, "VALIDATION_FAILED"],
    ["/api/v1/calendar/lunar?date=2300-01-01", 400, "YEAR_OUT_OF_RANGE"],
    ["/api/v1/calendar/lunar", 400, "VALIDATION_FAILED"],
    ["/api/v1/calendar/lunar-months?year=1800", 400, "YEAR_OUT_OF_RANGE"],
    ["/api/v1/calendar/holidays?year=1800", 400, "YEAR_OUT_OF_RANGE"],
    ["/api/v1/calendar/holidays?year=99999", 400, "YEAR_OUT_OF_RANGE"],
    ["/api/v1/calendar/holidays?year=twenty", 400, "VALIDATION_FAILED"],
    ["/api/v1/calendar/holidays?year=2026&unit=NO.SUCH.UNIT", 400, "UNKNOWN_UNIT"],
    ["/api/v1/calendar/holidays?year=2026&extra=1", 400, "VALIDATION_FAILED"],
    ["/api/v1/calendar/deadline?from=2026-02-30T09:00:00%2B07:00&workingDays=3", 400, "INVALID_DATE"],
    ["/api/v1/calendar/deadline?from=2026-02-12T25:00:00%2B07:00&workingDays=3", 400, "INVALID_INSTANT"],
    ["/api/v1/calendar/deadline?from=yesterday-noon&workingDays=3", 400, "INVALID_INSTANT"],
    [
      "/api/v1/calendar/deadline?from=2026-02-12T09:00:00%2B07:00&workingDays=-1",
      400,
      "DURATION_OUT_OF_RANGE",
    ],
    [
      "/api/v1/calendar/deadline?from=2026-02-12T09:00:00%2B07:00&workingDays=1000000",
      400,
      "DURATION_OUT_OF_RANGE",
    ],
    [
      "/api/v1/calendar/deadline?from=2026-02-12T09:00:00%2B07:00&workingHours=-0.5",
      400,
      "DURATION_OUT_OF_RANGE",
    ],
    ["/api/v1/calendar/deadline?from=2026-02-12T09:00:00%2B07:00&workingDays=abc", 400, "VALIDATION_FAILED"],
    ["/api/v1/calendar/deadline?from=2026-02-12T09:00:00%2B07:00", 400, "VALIDATION_FAILED"],
    [
      "/api/v1/calendar/deadline?from=2026-02-12T09:00:00%2B07:00&workingDays=1&workingHours=2",
      400,
      "VALIDATION_FAILED",
    ],
    ["/api/v1/calendar/deadline?from=2199-12-30T09:00:00%2B07:00&workingDays=10", 400, "DATE_OUT_OF_RANGE"],
    ["/api/v1/calendar/deadline?from=1990-01-02T09:00:00%2B07:00&workingDays=1", 400, "DATE_OUT_OF_RANGE"],
    [
      "/api/v1/calendar/deadline?from=2026-02-12T09:00:00%2B07:00&workingDays=3&unit=000.99.99.H99",
      400,
      "UNKNOWN_UNIT",
    ],
    ["/api/v1/calendar/working-time?from=2026-02-12&to=2026-02-31", 400, "INVALID_DATE"],
  ];
  for (const [url, status, code] of cases) {
    it(`${url.replace("/api/v1/calendar/", "")} → ${status} ${code}`, async () => {
      await expectError(url, status, code);
    });
  }
});

describe("OpenAPI", () => {
  it("documents every calendar route", async () => {
    const doc = (await get("/api/v1/openapi.json")).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    for (const [path, method] of [
      ["/api/v1/calendar/lunar", "get"],
      ["/api/v1/calendar/lunar-months", "get"],
      ["/api/v1/calendar/holidays", "get"],
      ["/api/v1/calendar/deadline", "get"],
      ["/api/v1/calendar/working-time", "get"],
      ["/api/v1/calendar/decisions", "get"],
      ["/api/v1/calendar/decisions", "post"],
      ["/api/v1/calendar/decisions/{id}", "get"],
      ["/api/v1/calendar/decisions/{id}", "put"],
      ["/api/v1/calendar/decisions/{id}", "delete"],
    ] as const) {
      expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    }
  });
});
