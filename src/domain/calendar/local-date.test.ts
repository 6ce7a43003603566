import { describe, expect, it } from "vitest";
import { CalendarInputError } from "./errors.ts";
import {
  civilFromDayNumber,
  dayNumberFromCivil,
  formatLocalDate,
  formatVietnameseDate,
  isoWeekday,
  parseLocalDate,
} from "./local-date.ts";

describe("local dates", () => {
  it("counts days from 1970-01-01", () => {
    expect(dayNumberFromCivil(1970, 1, 1)).toBe(0);
    expect(dayNumberFromCivil(2026, 2, 17)).toBe(Date.UTC(2026, 1, 17) / 86_400_000);
  });

  it("converts back and forth for every day of 1900–2200", () => {
    for (let day = dayNumberFromCivil(1900, 1, 1); day <= dayNumberFromCivil(2200, 12, 31); day++) {
      const { year, month, day: dom } = civilFromDayNumber(day);
      if (dayNumberFromCivil(year, month, dom) !== day) throw new Error(`mismatch at ${day}`);
    }
  });

  it("knows the weekday: 17 February 2026 is a Tuesday and 26 April 2026 a Sunday", () => {
    expect(isoWeekday(parseLocalDate("2026-02-17"))).toBe(2);
    expect(isoWeekday(parseLocalDate("2026-04-26"))).toBe(7);
  });

  it("formats as ISO and as Vietnamese documents write dates", () => {
    const day = parseLocalDate("2026-09-02");
    expect(formatLocalDate(day)).toBe("2026-09-02");
    expect(formatVietnameseDate(day)).toBe("02/09/2026");
  });

  it.each([
    "2026-02-30",
    "2025-02-29",
    "2026-13-01",
    "2026-00-10",
    "26-02-01",
    "2026-2-1",
    "",
    "2026-02-17T00:00",
  ])("rejects %j as INVALID_DATE", (text) => {
    expect(() => parseLocalDate(text)).toThrowError(expect.objectContaining({ code: "INVALID_DATE" }));
  });

  it("accepts 29 February in a leap year", () => {
    expect(formatLocalDate(parseLocalDate("2024-02-29"))).toBe("2024-02-29");
  });

  it("rejects years outside 1900–2199 as YEAR_OUT_OF_RANGE", () => {
    expect(() => parseLocalDate("1899-12-31")).toThrowError(
      expect.objectContaining({ code: "YEAR_OUT_OF_RANGE" }),
    );
    expect(() => parseLocalDate("2200-01-01")).toThrow(CalendarInputError);
  });
});
