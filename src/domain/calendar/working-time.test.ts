import { describe, expect, it } from "vitest";
import { CalendarInputError } from "./errors.ts";
import { holidaysForYear } from "./holidays.ts";
import { formatLocalDate, parseLocalDate } from "./local-date.ts";
import { NaiveCalendar } from "./naive-deadline.ts";
import { DEFAULT_SCHEDULE, normalizeSchedule, parseTimeOfDay } from "./working-schedule.ts";
import { WorkingCalendar } from "./working-time.ts";

const calendar = new WorkingCalendar();

describe("working days", () => {
  it("works Monday to Friday and rests on the weekend by default", () => {
    expect(calendar.isWorkingDay("2026-03-09")).toBe(true);
    expect(calendar.isWorkingDay("2026-03-13")).toBe(true);
    expect(calendar.isWorkingDay("2026-03-14")).toBe(false);
    expect(calendar.isWorkingDay("2026-03-15")).toBe(false);
  });

  it("rests on holidays, compensatory and swapped days and works make-up Saturdays", () => {
    expect(calendar.isWorkingDay("2026-02-17")).toBe(false);
    expect(calendar.isWorkingDay("2026-04-27")).toBe(false);
    expect(calendar.isWorkingDay("2026-01-02")).toBe(false);
    expect(calendar.isWorkingDay("2026-01-10")).toBe(true);
    expect(calendar.isWorkingDay("2025-04-26")).toBe(true);
  });

  it("agrees with the holiday list on every day of 2024–2027", () => {
    const listed = new Map<string, boolean>();
    for (const year of [2024, 2025, 2026, 2027]) {
      for (const h of holidaysForYear(year)) listed.set(h.date, h.working === true);
    }
    for (let day = parseLocalDate("2024-01-01"); day <= parseLocalDate("2027-12-31"); day++) {
      const weekday = ((day + 3) % 7) + 1;
      const date = formatLocalDate(day);
      const expected = listed.get(date) ?? weekday <= 5;
      if (calendar.isWorkingDay(day) !== expected) throw new Error(`${date}: expected ${expected}`);
    }
  });

  it("counts and finds working days across years like a day-by-day walk", () => {
    const naive = new NaiveCalendar(calendar.schedule, 2020, 2035);
    const from = parseLocalDate("2024-12-20");
    let day = from;
    for (let k = 0; k < 2000; k++) {
      while (!naive.isWorkingDay(day)) day++;
      expect(calendar.workingDayAfter(from, k)).toBe(day);
      expect(calendar.workingDaysBetween(from, day)).toBe(k);
      day++;
    }
  });

  it("refuses dates outside 1995–2199", () => {
    expect(() => calendar.isWorkingDay("1994-12-31")).toThrowError(
      expect.objectContaining({ code: "DATE_OUT_OF_RANGE" }),
    );
    expect(() => calendar.workingDayAfter(parseLocalDate("2199-12-20"), 30)).toThrowError(
      expect.objectContaining({ code: "DATE_OUT_OF_RANGE" }),
    );
  });
});

describe("working schedules", () => {
  it("has 7.5 working hours a day by default", () => {
    expect(calendar.dailyMs).toBe(7.5 * 3_600_000);
  });

  it("can work Saturdays too", () => {
    const sixDays = new WorkingCalendar({ schedule: { ...DEFAULT_SCHEDULE, weekdays: [1, 2, 3, 4, 5, 6] } });
    expect(sixDays.isWorkingDay("2026-03-14")).toBe(true);
    expect(sixDays.isWorkingDay("2026-03-15")).toBe(false);
    expect(sixDays.isWorkingDay("2026-02-21")).toBe(true);
  });

  it("parses HH:MM and rejects anything else", () => {
    expect(parseTimeOfDay("07:30")).toBe(27_000_000);
    expect(parseTimeOfDay("24:00")).toBe(86_400_000);
    for (const bad of ["7:30", "25:00", "24:30", "12:60", "noon"]) {
      expect(() => parseTimeOfDay(bad)).toThrowError(expect.objectContaining({ code: "INVALID_TIME" }));
    }
  });

  it.each([
    ["no weekday", { weekdays: [] }],
    ["weekday 8", { weekdays: [1, 8] }],
    ["a repeated weekday", { weekdays: [1, 1] }],
    ["no session", { sessions: [] }],
    ["a session ending before it starts", { sessions: [{ start: "11:00", end: "08:00" }] }],
    [
      "overlapping sessions",
      {
        sessions: [
          { start: "07:30", end: "12:00" },
          { start: "11:00", end: "17:00" },
        ],
      },
    ],
  ])("rejects %s with INVALID_SCHEDULE", (_what, change) => {
    expect(() => normalizeSchedule({ ...DEFAULT_SCHEDULE, ...change })).toThrow(CalendarInputError);
  });
});
