import { CalendarVietnamese } from "date-chinese";
import { describe, expect, it } from "vitest";
import { CalendarInputError } from "./errors.ts";
import { civilFromDayNumber, formatLocalDate, parseLocalDate } from "./local-date.ts";
import { lunarNewYear, lunarToSolar, lunarYear, solarToLunar } from "./lunar.ts";
import { referenceSolarToLunar } from "./lunar-reference.ts";

const tet = (year: number) => formatLocalDate(lunarNewYear(year));

describe("Tết Nguyên đán", () => {
  // Hồ Ngọc Đức, "Âm lịch Việt Nam" (informatik.uni-leipzig.de/~duc/amlich/): Vietnam's calendar on the
  // UTC+7 meridian puts these new years on other days than the Chinese calendar (UTC+8).
  it("falls on 21 January 1985 in Vietnam, a month before China's 20 February", () => {
    expect(tet(1985)).toBe("1985-01-21");
  });

  it("falls on 17 February 2007 in Vietnam, a day before China's 18 February", () => {
    expect(tet(2007)).toBe("2007-02-17");
  });

  it("falls on 29 January 1968, the first year of the UTC+7 calendar (30 January in the South and China)", () => {
    expect(tet(1968)).toBe("1968-01-29");
  });

  // Government notices and the press that quote them: Tết 2025 (Công văn 8726/VPCP-KGVX), Tết 2026
  // (Thông báo 9441/TB-BNV: 17/02/2026 is mùng 1 Bính Ngọ).
  it.each([
    [2020, "2020-01-25"],
    [2023, "2023-01-22"],
    [2024, "2024-02-10"],
    [2025, "2025-01-29"],
    [2026, "2026-02-17"],
    [2027, "2027-02-06"],
  ])("of %i falls on %s", (year, date) => {
    expect(tet(year)).toBe(date);
  });
});

describe("leap months", () => {
  // Published Vietnamese calendars (lịch vạn niên): 2020 Canh Tý has a leap 4th month, 2023 Quý Mão a leap
  // 2nd, 2025 Ất Tỵ a leap 6th (25/07–22/08/2025, after a 30-day 6th month from 25/06), 2033 Quý Sửu a leap
  // 11th — the "2033 problem", which a naive "first month without a major solar term" rule gets wrong.
  it.each([
    [2020, 4],
    [2023, 2],
    [2025, 6],
    [2028, 5],
    [2031, 3],
    [2033, 11],
  ])("lunar year %i has leap month %i", (year, month) => {
    expect(lunarYear(year).leapMonth).toBe(month);
  });

  it.each([2021, 2022, 2024, 2026, 2027])("lunar year %i has no leap month", (year) => {
    expect(lunarYear(year).leapMonth).toBeNull();
  });

  it("puts the leap 6th month of 2025 from 25 July to 22 August", () => {
    expect(lunarToSolar({ year: 2025, month: 6, day: 1, leap: true })).toBe("2025-07-25");
    expect(solarToLunar("2025-08-22")).toEqual({ year: 2025, month: 6, day: 29, leap: true });
    expect(solarToLunar("2025-08-23")).toEqual({ year: 2025, month: 7, day: 1, leap: false });
    expect(solarToLunar("2025-06-25")).toEqual({ year: 2025, month: 6, day: 1, leap: false });
    expect(solarToLunar("2025-07-24")).toEqual({ year: 2025, month: 6, day: 30, leap: false });
  });

  it("numbers the months of 2033 with one leap 11th month starting 22 December 2033", () => {
    const months = lunarYear(2033).months.map((m) => `${m.month}${m.leap ? "L" : ""}`);
    expect(months).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "11L", "12"]);
    expect(lunarToSolar({ year: 2033, month: 11, day: 1, leap: true })).toBe("2033-12-22");
  });
});

describe("solar ↔ lunar conversion", () => {
  // Dates quoted with the 2025 and 2026 holiday notices (tet-amlich.com; congan.com.vn on TB 9441/TB-BNV;
  // socongthuong.daklak.gov.vn on Tết 2020) and Giỗ Tổ 2026 (thanhnien.vn, kenh14.vn, 2026).
  it.each([
    ["2025-01-25", { year: 2024, month: 12, day: 26, leap: false }],
    ["2025-02-02", { year: 2025, month: 1, day: 5, leap: false }],
    ["2026-02-14", { year: 2025, month: 12, day: 27, leap: false }],
    ["2026-02-16", { year: 2025, month: 12, day: 29, leap: false }],
    ["2026-02-22", { year: 2026, month: 1, day: 6, leap: false }],
    ["2020-01-23", { year: 2019, month: 12, day: 29, leap: false }],
    ["2020-01-29", { year: 2020, month: 1, day: 5, leap: false }],
    ["2026-04-26", { year: 2026, month: 3, day: 10, leap: false }],
  ])("reads %s as the lunar date %o", (solar, lunar) => {
    expect(solarToLunar(solar)).toEqual(lunar);
    expect(lunarToSolar(lunar)).toBe(solar);
  });

  it("finds Giỗ Tổ Hùng Vương (10/3 lunar) of 2026 on Sunday 26 April", () => {
    expect(lunarToSolar({ year: 2026, month: 3, day: 10, leap: false })).toBe("2026-04-26");
  });

  it("round-trips every day of 1900–2199", () => {
    const first = lunarYear(1900).newYear;
    const last = lunarYear(2199).lastDay;
    let checked = 0;
    for (let day = first; day <= last; day += 1) {
      const lunar = solarToLunar(day);
      if (lunarToSolar(lunar) !== formatLocalDate(day))
        throw new Error(`no round trip for ${formatLocalDate(day)}`);
      checked++;
    }
    expect(checked).toBeGreaterThan(109_000);
  });

  it("gives every lunar year 12 or 13 months of 29 or 30 days and 353–385 days in all", () => {
    for (let year = 1900; year <= 2199; year++) {
      const table = lunarYear(year);
      expect([12, 13]).toContain(table.months.length);
      expect(table.months.length === 13).toBe(table.leapMonth !== null);
      const days = table.lastDay - table.newYear + 1;
      expect(days).toBeGreaterThanOrEqual(353);
      expect(days).toBeLessThanOrEqual(385);
      const { month, day } = civilFromDayNumber(table.newYear);
      expect(month === 1 ? day >= 21 : month === 2 && day <= 20).toBe(true);
    }
  });

  it("agrees with Hồ Ngọc Đức's published algorithm on every day of 1900–2199 but seven month starts", () => {
    // His simplified algorithm (Meeus's short series) and VSOP87 disagree only where a new moon falls within
    // minutes of local midnight; there the month starts a day apart. UTC+8 before 1968, as in date-chinese.
    const disputed = [
      "2072-12-09",
      "2077-11-15",
      "2130-05-07",
      "2150-05-26",
      "2159-05-17",
      "2175-01-22",
      "2199-01-26",
    ];
    // On four days its month search overshoots and it answers "day 0", which no calendar has.
    const referenceGaps = ["1939-04-19", "1947-03-22", "2054-05-07", "2062-04-09"];
    const disputedMonths = new Set(disputed.map((d) => lunarToKey(solarToLunar(d))));
    const first = lunarYear(1900).newYear;
    const last = lunarYear(2199).lastDay;
    const mismatched = new Set<string>();
    const gaps: string[] = [];
    for (let day = first; day <= last; day++) {
      const c = civilFromDayNumber(day);
      const ours = solarToLunar(day);
      const ref = referenceSolarToLunar(c.day, c.month, c.year, c.year >= 1968 ? 7 : 8);
      if (ref.day === 0) {
        gaps.push(formatLocalDate(day));
        continue;
      }
      if (
        ours.year !== ref.year ||
        ours.month !== ref.month ||
        ours.day !== ref.day ||
        ours.leap !== ref.leap
      ) {
        mismatched.add(lunarToKey(ours));
      }
    }
    expect(gaps).toEqual(referenceGaps);
    expect([...mismatched].filter((k) => !disputedMonths.has(k))).toEqual([]);
    expect(mismatched.size).toBeLessThanOrEqual(disputed.length);
  });
});

describe("agreement with date-chinese", () => {
  it("matches the library's own conversion at every month start, except in its misnumbered leap years", () => {
    // date-chinese marks a month leap whenever it lacks a major solar term, without requiring 13 lunations
    // between two 11th months; in these years it numbers a few months wrongly (e.g. a leap 8th month in 2033).
    const misnumbered = new Set([2033, 2052, 2128, 2147, 2185]);
    const library = new CalendarVietnamese();
    const disagreements: number[] = [];
    for (let year = 1900; year <= 2199; year++) {
      for (const month of lunarYear(year).months) {
        const { year: y, month: m, day: d } = civilFromDayNumber(month.start);
        library.fromGregorian(y, m, d);
        const same =
          library.month === month.month && library.day === 1 && Boolean(library.leap) === month.leap;
        if (!same) disagreements.push(year);
      }
    }
    expect(disagreements.filter((y) => !misnumbered.has(y))).toEqual([]);
  });
});

function lunarToKey(l: { year: number; month: number; leap: boolean }): string {
  return `${l.year}-${l.month}${l.leap ? "L" : ""}`;
}

describe("lunar input validation", () => {
  it("rejects an impossible solar date", () => {
    expect(() => solarToLunar("2026-02-30")).toThrow(CalendarInputError);
  });

  it("rejects a lunar date that does not exist", () => {
    expect(() => lunarToSolar({ year: 2026, month: 4, day: 1, leap: true })).toThrowError(
      expect.objectContaining({ code: "INVALID_LUNAR_DATE" }),
    );
    const shortMonth = lunarYear(2026).months.find((m) => m.length === 29);
    expect(shortMonth).toBeDefined();
    expect(() => lunarToSolar({ year: 2026, month: shortMonth?.month ?? 1, day: 30, leap: false })).toThrow(
      CalendarInputError,
    );
  });

  it("rejects years outside 1900–2199", () => {
    expect(() => lunarYear(1899)).toThrowError(expect.objectContaining({ code: "YEAR_OUT_OF_RANGE" }));
    expect(() => lunarYear(2200)).toThrowError(expect.objectContaining({ code: "YEAR_OUT_OF_RANGE" }));
    expect(() => solarToLunar(parseLocalDate("1900-01-01"))).toThrowError(
      expect.objectContaining({ code: "DATE_OUT_OF_RANGE" }),
    );
  });
});
