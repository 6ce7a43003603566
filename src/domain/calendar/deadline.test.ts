import { describe, expect, it } from "vitest";
import {
  addWorkingDays,
  addWorkingHours,
  computeDue,
  countingStart,
  isLateReception,
  nextWorkingInstant,
  restartAfterSupplement,
  shiftForPause,
  workingTimeBetween,
} from "./deadline.ts";
import { explainDeadline } from "./explain.ts";
import { formatInstant, MS_PER_HOUR, parseInstant } from "./instant.ts";
import { splitDeadline } from "./split.ts";
import { DEFAULT_SCHEDULE } from "./working-schedule.ts";
import { WorkingCalendar } from "./working-time.ts";

const calendar = new WorkingCalendar();
const at = (text: string) => parseInstant(`${text}+07:00`);
const due = (received: string, workingDays: number) =>
  formatInstant(computeDue(calendar, at(received), { workingDays }).due);

describe("due instants in working days", () => {
  it("keeps the hour of a morning reception: Monday 09:00 plus 3 days is Thursday 09:00", () => {
    expect(due("2026-03-09T09:00", 3)).toBe("2026-03-12T09:00:00+07:00");
  });

  it("carries a Friday-afternoon reception over the weekend", () => {
    expect(due("2026-03-13T14:00", 1)).toBe("2026-03-16T14:00:00+07:00");
  });

  it("starts counting on the next working day for a reception after 15:00", () => {
    expect(due("2026-03-09T15:01", 1)).toBe("2026-03-10T17:00:00+07:00");
    expect(due("2026-03-13T16:30", 1)).toBe("2026-03-16T17:00:00+07:00");
    expect(isLateReception(calendar, at("2026-03-09T15:01"))).toBe(true);
  });

  it("counts a reception at 15:00 sharp from the same day", () => {
    expect(due("2026-03-09T15:00", 1)).toBe("2026-03-10T15:00:00+07:00");
  });

  it("ends at a session's end rather than at the next opening", () => {
    // Received at lunch: counting starts at 13:30; 7.5 hours later is Tuesday 11:30.
    expect(due("2026-03-09T12:00", 1)).toBe("2026-03-10T11:30:00+07:00");
    // Received before opening: the whole Monday counts.
    expect(due("2026-03-09T06:00", 1)).toBe("2026-03-09T17:00:00+07:00");
  });

  it("starts a weekend reception on Monday morning", () => {
    const received = at("2026-03-15T10:00");
    expect(formatInstant(countingStart(calendar, received))).toBe("2026-03-16T07:30:00+07:00");
    expect(due("2026-03-15T10:00", 2)).toBe("2026-03-17T17:00:00+07:00");
  });

  it("skips the nine days of Tết 2026 for a dossier received the Friday before", () => {
    expect(due("2026-02-13T10:00", 1)).toBe("2026-02-23T10:00:00+07:00");
    expect(due("2026-02-13T15:30", 1)).toBe("2026-02-23T17:00:00+07:00");
  });

  it("skips the compensatory Monday after Giỗ Tổ on Sunday 26 April 2026", () => {
    expect(due("2026-04-24T14:00", 1)).toBe("2026-04-28T14:00:00+07:00");
  });

  it("counts the make-up Saturday 26 April 2025 and skips the swapped Friday 2 May", () => {
    expect(due("2025-04-25T09:00", 1)).toBe("2025-04-26T09:00:00+07:00");
    expect(due("2025-04-29T09:00", 1)).toBe("2025-05-05T09:00:00+07:00");
  });

  it("skips Vietnamese Culture Day, Tuesday 24 November 2026", () => {
    expect(due("2026-11-23T09:00", 3)).toBe("2026-11-27T09:00:00+07:00");
  });

  it("returns the counting start for a zero duration", () => {
    expect(due("2026-03-09T12:00", 0)).toBe("2026-03-09T13:30:00+07:00");
  });

  it("accepts half days", () => {
    expect(due("2026-03-09T07:30", 0.5)).toBe("2026-03-09T11:15:00+07:00");
  });
});

describe("working hours and working time", () => {
  it("adds 8 working hours across the night without the reception cutoff", () => {
    const start = at("2026-03-09T16:00");
    // 16:00–17:00 on Monday, then 4 hours in the morning and 3 in the afternoon.
    expect(formatInstant(addWorkingHours(calendar, start, 8))).toBe("2026-03-10T16:30:00+07:00");
    const computed = computeDue(calendar, start, { workingHours: 8 }, { applyCutoff: false });
    expect(formatInstant(computed.due)).toBe("2026-03-10T16:30:00+07:00");
  });

  it("measures the working time between two instants, skipping nights, lunch and weekends", () => {
    expect(workingTimeBetween(calendar, at("2026-03-13T16:00"), at("2026-03-16T08:30"))).toBe(
      2 * MS_PER_HOUR,
    );
    expect(workingTimeBetween(calendar, at("2026-03-09T11:00"), at("2026-03-09T14:00"))).toBe(
      1 * MS_PER_HOUR,
    );
    expect(workingTimeBetween(calendar, at("2026-03-16T08:30"), at("2026-03-13T16:00"))).toBe(
      -2 * MS_PER_HOUR,
    );
  });

  it("finds the next working instant", () => {
    expect(formatInstant(nextWorkingInstant(calendar, at("2026-03-09T11:45")))).toBe(
      "2026-03-09T13:30:00+07:00",
    );
    expect(formatInstant(nextWorkingInstant(calendar, at("2026-03-09T10:00")))).toBe(
      "2026-03-09T10:00:00+07:00",
    );
    expect(formatInstant(nextWorkingInstant(calendar, at("2026-03-13T17:00")))).toBe(
      "2026-03-16T07:30:00+07:00",
    );
  });

  it("adds working days from any instant", () => {
    expect(formatInstant(addWorkingDays(calendar, at("2026-03-13T17:00"), 1))).toBe(
      "2026-03-16T17:00:00+07:00",
    );
  });
});

describe("pauses and restarts", () => {
  it("moves the due instant by the working time the dossier waited", () => {
    const original = at("2026-03-20T10:00");
    // Paused Tuesday 10:00 to Thursday 10:00: two working days.
    const shifted = shiftForPause(calendar, original, at("2026-03-10T10:00"), at("2026-03-12T10:00"));
    expect(formatInstant(shifted)).toBe("2026-03-24T10:00:00+07:00");
  });

  it("leaves a deadline already missed as it was", () => {
    const original = at("2026-03-10T10:00");
    expect(shiftForPause(calendar, original, at("2026-03-11T10:00"), at("2026-03-20T10:00"))).toBe(original);
  });

  it("refuses a resumption before the pause", () => {
    expect(() =>
      shiftForPause(calendar, at("2026-03-20T10:00"), at("2026-03-12T10:00"), at("2026-03-11T10:00")),
    ).toThrow();
  });

  it("restarts the whole processing time from a completed supplement, like a new reception", () => {
    const restarted = restartAfterSupplement(calendar, at("2026-03-18T15:30"), { workingDays: 5 });
    expect(restarted.lateReception).toBe(true);
    expect(formatInstant(restarted.due)).toBe("2026-03-25T17:00:00+07:00");
  });
});

describe("step deadlines", () => {
  it("splits 5 working days 10/60/30 so the steps add up to the whole", () => {
    const start = at("2026-03-09T08:00");
    const total = 5 * calendar.dailyMs;
    const steps = splitDeadline(calendar, start, total, [10, 60, 30], { mode: "percent" });
    expect(steps.map((s) => s.durationMs / 60_000)).toEqual([225, 1350, 675]);
    expect(steps.reduce((sum, s) => sum + s.durationMs, 0)).toBe(total);
    expect(steps.at(-1)?.due).toBe(computeDue(calendar, start, { workingDays: 5 }).due);
    expect(steps.map((s) => formatInstant(s.due))).toEqual([
      "2026-03-09T13:45:00+07:00",
      "2026-03-12T13:45:00+07:00",
      "2026-03-16T08:00:00+07:00",
    ]);
  });

  it("apportions uneven weights by largest remainder", () => {
    const steps = splitDeadline(calendar, at("2026-03-09T07:30"), 10 * 60_000, [1, 1, 1]);
    expect(steps.map((s) => s.durationMs / 60_000)).toEqual([4, 3, 3]);
  });

  it.each([
    ["percentages that do not add up to 100", [50, 40], "percent"],
    ["negative shares", [120, -20], "weights"],
    ["fractional shares", [33.3, 66.7], "weights"],
    ["all-zero shares", [0, 0], "weights"],
    ["no shares", [], "weights"],
  ] as const)("rejects %s with INVALID_SHARES", (_what, shares, mode) => {
    expect(() =>
      splitDeadline(calendar, at("2026-03-09T07:30"), calendar.dailyMs, shares, { mode }),
    ).toThrowError(expect.objectContaining({ code: "INVALID_SHARES" }));
  });
});

describe("explanations", () => {
  it("names each skipped day and its source across Giỗ Tổ and 30/4–1/5/2026", () => {
    const received = at("2026-04-24T14:00");
    const result = computeDue(calendar, received, { workingDays: 5 });
    const explanation = explainDeadline(calendar, received, result.due);
    expect(explanation.due).toBe("2026-05-06T14:00:00+07:00");
    expect(explanation.skipped.map((d) => `${d.date} ${d.reason}`)).toEqual([
      "2026-04-25 weekend",
      "2026-04-26 weekend",
      "2026-04-27 compensatory",
      "2026-04-30 holiday",
      "2026-05-01 holiday",
      "2026-05-02 weekend",
      "2026-05-03 weekend",
    ]);
    expect(explanation.skipped[1]?.name).toContain("Giỗ Tổ Hùng Vương");
    expect(explanation.skipped[2]?.source).toContain("Điều 111");
  });

  it("names the decision behind the Tết days and says when the reception was late", () => {
    const received = at("2026-02-13T15:30");
    const explanation = explainDeadline(
      calendar,
      received,
      computeDue(calendar, received, { workingDays: 1 }).due,
    );
    expect(explanation.lateReception).toBe(true);
    expect(explanation.countingStart).toBe("2026-02-23T07:30:00+07:00");
    const tet = explanation.skipped.filter((d) => d.reason === "holiday");
    expect(tet).toHaveLength(5);
    expect(tet.every((d) => d.decisionId === "2026-tet" && d.source?.includes("9441/TB-BNV"))).toBe(true);
  });

  it("lists a make-up Saturday among the days counted", () => {
    const received = at("2025-04-25T09:00");
    const explanation = explainDeadline(
      calendar,
      received,
      computeDue(calendar, received, { workingDays: 2 }).due,
    );
    expect(explanation.workedWeekendDays.map((d) => d.date)).toEqual(["2025-04-26"]);
  });

  it("calls a weekday off in the unit's own schedule a rest day", () => {
    const fourDays = new WorkingCalendar({ schedule: { ...DEFAULT_SCHEDULE, weekdays: [1, 2, 3, 4] } });
    const received = at("2026-03-12T09:00");
    const explanation = explainDeadline(
      fourDays,
      received,
      computeDue(fourDays, received, { workingDays: 1 }).due,
    );
    expect(explanation.skipped[0]).toMatchObject({ date: "2026-03-13", reason: "rest-day" });
  });
});

describe("input validation", () => {
  it.each([
    ["a negative duration", { workingDays: -1 }],
    ["an absurd duration", { workingDays: 3651 }],
    ["a non-number", { workingDays: Number.NaN }],
    ["absurd hours", { workingHours: 1_000_000 }],
  ])("rejects %s with DURATION_OUT_OF_RANGE", (_what, duration) => {
    expect(() => computeDue(calendar, at("2026-03-09T09:00"), duration)).toThrowError(
      expect.objectContaining({ code: "DURATION_OUT_OF_RANGE" }),
    );
  });

  it("accepts the longest duration, 3650 working days", () => {
    expect(() => computeDue(calendar, at("2026-03-09T09:00"), { workingDays: 3650 })).not.toThrow();
  });

  it("rejects a start or due beyond the calendar's range", () => {
    expect(() => computeDue(calendar, at("2199-12-20T09:00"), { workingDays: 30 })).toThrowError(
      expect.objectContaining({ code: "DATE_OUT_OF_RANGE" }),
    );
    expect(() => computeDue(calendar, at("1990-01-02T09:00"), { workingDays: 1 })).toThrowError(
      expect.objectContaining({ code: "DATE_OUT_OF_RANGE" }),
    );
  });

  it("rejects a non-finite instant", () => {
    expect(() => computeDue(calendar, Number.NaN, { workingDays: 1 })).toThrowError(
      expect.objectContaining({ code: "INVALID_INSTANT" }),
    );
  });
});
