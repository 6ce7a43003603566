import { describe, expect, it } from "vitest";
import type { HolidayDecision } from "./decisions.ts";
import { parseHolidayDecisions } from "./decisions.ts";
import { nationalDayExtra, statutoryHolidays } from "./holiday-rules.ts";
import { holidaysForYear, yearDayEntries } from "./holidays.ts";
import { formatLocalDate } from "./local-date.ts";
import { OFFICIAL_DECISIONS } from "./official-decisions.ts";

const dates = (year: number, decisions?: readonly HolidayDecision[], unit?: string | string[]) =>
  holidaysForYear(year, decisions, unit).map((h) => (h.working ? `${h.date} working` : h.date));

describe("holidays of 2026", () => {
  it("lists every weekday off and the worked Saturdays, with the decisions applied", () => {
    expect(dates(2026)).toEqual([
      "2026-01-01",
      "2026-01-02",
      "2026-01-10 working",
      "2026-02-16",
      "2026-02-17",
      "2026-02-18",
      "2026-02-19",
      "2026-02-20",
      "2026-04-27",
      "2026-04-30",
      "2026-05-01",
      "2026-08-22 working",
      "2026-08-31",
      "2026-09-01",
      "2026-09-02",
      "2026-11-24",
    ]);
  });

  it("compensates Giỗ Tổ on Sunday 26 April with Monday 27 April under art. 111", () => {
    const monday = holidaysForYear(2026).find((h) => h.date === "2026-04-27");
    expect(monday).toMatchObject({ kind: "compensatory", holiday: "hung-kings" });
    expect(monday?.source).toContain("Điều 111");
    expect(monday?.name).toContain("Nghỉ bù Giỗ Tổ Hùng Vương");
  });

  it("cites Thông báo 9441/TB-BNV for the Tết days of 2026", () => {
    const tet = holidaysForYear(2026).filter((h) => h.holiday === "tet");
    expect(tet).toHaveLength(5);
    for (const day of tet) expect(day.source).toContain("9441/TB-BNV");
  });

  it("adds Vietnamese Culture Day, Tuesday 24 November, from 2026 on only", () => {
    expect(dates(2026)).toContain("2026-11-24");
    expect(dates(2025).some((d) => d.startsWith("2025-11-24"))).toBe(false);
  });

  it("gives each item a Vietnamese and an English name and a legal source", () => {
    for (const item of holidaysForYear(2026)) {
      expect(item.name.length).toBeGreaterThan(3);
      expect(item.nameEn.length).toBeGreaterThan(3);
      expect(item.source.length).toBeGreaterThan(10);
    }
  });
});

describe("holidays of 2025", () => {
  it("follows the 2025 decisions: Tết 27–31 January, 2 May swapped for Saturday 26 April, 1–2 September", () => {
    expect(dates(2025)).toEqual([
      "2025-01-01",
      "2025-01-27",
      "2025-01-28",
      "2025-01-29",
      "2025-01-30",
      "2025-01-31",
      "2025-04-07",
      "2025-04-26 working",
      "2025-04-30",
      "2025-05-01",
      "2025-05-02",
      "2025-09-01",
      "2025-09-02",
    ]);
  });

  it("drops the rule's compensatory day for Tết when the decision fixes the Tết days", () => {
    // The rule alone would put Tết on 28/01–01/02 and compensate Saturday 1 February on Monday 3 February.
    expect(dates(2025, [])).toContain("2025-02-03");
    expect(dates(2025)).not.toContain("2025-02-03");
  });
});

describe("the statutory rule for years without decisions", () => {
  it("gives Tết 2027 as the last day of the year and the first four days, compensating the weekend", () => {
    const tet = holidaysForYear(2027).filter((h) => h.holiday === "tet");
    // Tết 2027 is Saturday 6 February: 5 February, then 6–9 February, with 6 and 7 compensated on 10 and 11.
    expect(tet.map((h) => `${h.date} ${h.kind}`)).toEqual([
      "2027-02-05 holiday",
      "2027-02-08 holiday",
      "2027-02-09 holiday",
      "2027-02-10 compensatory",
      "2027-02-11 compensatory",
    ]);
  });

  it("compensates Labour Day on Saturday 1 May 2027 with Monday 3 May", () => {
    expect(holidaysForYear(2027).find((h) => h.date === "2027-05-03")).toMatchObject({
      kind: "compensatory",
      holiday: "labour",
    });
  });

  it("picks 1 September as the extra National Day, or 3 September when 2 September is a Thursday", () => {
    expect(formatLocalDate(nationalDayExtra(2025))).toBe("2025-09-01");
    expect(formatLocalDate(nationalDayExtra(2026))).toBe("2026-09-01");
    expect(formatLocalDate(nationalDayExtra(2021))).toBe("2021-09-03");
    expect(formatLocalDate(nationalDayExtra(2027))).toBe("2027-09-03");
  });

  it("counts eleven statutory days from 2021 and twelve from 2026", () => {
    expect(statutoryHolidays(2024)).toHaveLength(11);
    expect(statutoryHolidays(2026)).toHaveLength(12);
  });

  it("applies the older Labour Codes to older years", () => {
    // Labour Code 2012: one National Day; 1994 as amended in 2007: Tết 4 days; before 2007 no Giỗ Tổ.
    expect(statutoryHolidays(2020).filter((h) => h.key === "national-day")).toHaveLength(1);
    expect(statutoryHolidays(2010).filter((h) => h.key === "tet")).toHaveLength(4);
    expect(statutoryHolidays(2000).some((h) => h.key === "hung-kings")).toBe(false);
    expect(statutoryHolidays(2007).some((h) => h.key === "hung-kings")).toBe(true);
  });

  it("keeps a holiday that falls on a weekend in the year's entries, though not in the holiday list", () => {
    const sunday = yearDayEntries(2026).find((e) => e.date === "2026-04-26");
    expect(sunday).toMatchObject({ off: true, weekend: true, holiday: "hung-kings" });
    expect(dates(2026)).not.toContain("2026-04-26");
  });

  it("rejects years outside 1995–2199", () => {
    expect(() => holidaysForYear(1994)).toThrowError(expect.objectContaining({ code: "YEAR_OUT_OF_RANGE" }));
    expect(() => holidaysForYear(2200)).toThrowError(expect.objectContaining({ code: "YEAR_OUT_OF_RANGE" }));
    expect(() => holidaysForYear(2026.5)).toThrowError(
      expect.objectContaining({ code: "YEAR_OUT_OF_RANGE" }),
    );
  });
});

describe("decisions scoped to units", () => {
  const provincial = parseHolidayDecisions([
    {
      id: "2026-h55-local",
      year: 2026,
      title: "Nghỉ lễ địa phương",
      titleEn: "Local day off",
      source: "Quyết định 1/QĐ-UBND ngày 02/01/2026 của UBND tỉnh (ví dụ)",
      evidence: "text",
      scope: { kind: "units", unitCodes: ["H55"] },
      daysOff: [{ date: "2026-03-10", kind: "extra", name: "Ngày kỷ niệm của tỉnh", nameEn: "Province day" }],
    },
  ]);
  const decisions = [...OFFICIAL_DECISIONS, ...provincial];

  it("applies to the unit named and, through its code chain, to units below it", () => {
    expect(dates(2026, decisions, "H55")).toContain("2026-03-10");
    expect(dates(2026, decisions, ["H55.242", "H55"])).toContain("2026-03-10");
  });

  it("does not apply nationally or to other units", () => {
    expect(dates(2026, decisions)).not.toContain("2026-03-10");
    expect(dates(2026, decisions, "H30")).not.toContain("2026-03-10");
  });

  it("reports the unit decision's name and source", () => {
    const day = holidaysForYear(2026, decisions, "H55").find((h) => h.date === "2026-03-10");
    expect(day).toMatchObject({ kind: "extra", name: "Ngày kỷ niệm của tỉnh", decisionId: "2026-h55-local" });
    expect(day?.source).toContain("UBND tỉnh");
  });
});

describe("decision validation", () => {
  const valid = {
    id: "x",
    year: 2026,
    title: "t",
    source: "s",
    daysOff: [{ date: "2026-03-10", kind: "swap" }],
    workingDays: [{ date: "2026-03-14", replaces: "2026-03-10" }],
  };

  it("accepts a minimal swap", () => {
    expect(parseHolidayDecisions([valid])[0]).toMatchObject({
      id: "x",
      evidence: "unconfirmed",
      scope: { kind: "national" },
    });
  });

  it("accepts the shipped decisions as valid data", () => {
    expect(parseHolidayDecisions(JSON.parse(JSON.stringify(OFFICIAL_DECISIONS)))).toHaveLength(
      OFFICIAL_DECISIONS.length,
    );
  });

  it.each([
    ["an impossible date", { daysOff: [{ date: "2026-02-30", kind: "swap" }] }],
    ["a day off on a Saturday", { daysOff: [{ date: "2026-03-14", kind: "swap" }], workingDays: [] }],
    ["a make-up day on a weekday", { workingDays: [{ date: "2026-03-11" }] }],
    ["an unknown holiday", { daysOff: [{ date: "2026-03-10", kind: "holiday", holiday: "christmas" }] }],
    ["an unknown kind", { daysOff: [{ date: "2026-03-10", kind: "bridge" }] }],
    ["a year out of range", { year: 1990 }],
    ["no source", { source: "" }],
    ["an empty unit list", { scope: { kind: "units", unitCodes: [] } }],
  ])("rejects %s with INVALID_DECISION", (_what, change) => {
    expect(() => parseHolidayDecisions([{ ...valid, ...change }])).toThrowError(
      expect.objectContaining({ code: "INVALID_DECISION" }),
    );
  });

  it("rejects two decisions with the same id", () => {
    expect(() => parseHolidayDecisions([valid, valid])).toThrowError(
      expect.objectContaining({ code: "INVALID_DECISION" }),
    );
  });
});
