import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addWorkingDays,
  addWorkingTime,
  computeDue,
  countingStart,
  dueInstant,
  isWorkingInstant,
  shiftForPause,
  workingTimeBetween,
} from "./deadline.ts";
import { type Instant, instantAt, localDayOf, localTimeOfDay, MS_PER_MINUTE } from "./instant.ts";
import { dayNumberFromCivil } from "./local-date.ts";
import { NaiveCalendar } from "./naive-deadline.ts";
import { splitDeadline } from "./split.ts";
import { WorkingCalendar } from "./working-time.ts";

const calendar = new WorkingCalendar();
const naive = new NaiveCalendar(calendar.schedule, 2000, 2110);
const daily = calendar.dailyMs;

const FIRST = instantAt(dayNumberFromCivil(2000, 1, 1), 0);
const LAST = instantAt(dayNumberFromCivil(2099, 12, 31), 0);
/** Any instant of 2000–2099, to the minute (so that times often hit session boundaries exactly). */
const instant = fc
  .integer({ min: FIRST / MS_PER_MINUTE, max: LAST / MS_PER_MINUTE })
  .map((m) => m * MS_PER_MINUTE);
/** Instants of 2024–2027, where the shipped decisions add swaps and make-up Saturdays. */
const recentInstant = fc
  .integer({
    min: instantAt(dayNumberFromCivil(2024, 1, 1), 0) / MS_PER_MINUTE,
    max: instantAt(dayNumberFromCivil(2027, 12, 31), 0) / MS_PER_MINUTE,
  })
  .map((m) => m * MS_PER_MINUTE);
const anyInstant = fc.oneof(instant, recentInstant);
const days = fc.integer({ min: 1, max: 60 });
/** Working time in whole minutes, up to 60 working days. */
const workingMs = fc.integer({ min: 1, max: (60 * daily) / MS_PER_MINUTE }).map((m) => m * MS_PER_MINUTE);

/** Inside a session of a working day, or exactly at a session's end. */
function inWorkingTimeOrAtSessionEnd(t: Instant): boolean {
  if (isWorkingInstant(calendar, t)) return true;
  if (!calendar.isWorkingDay(localDayOf(t))) return false;
  return calendar.schedule.ends.includes(localTimeOfDay(t));
}

describe("deadline properties", () => {
  it("puts the due instant inside working time or at a session's end", () => {
    fc.assert(
      fc.property(anyInstant, days, (received, n) => {
        const { due } = computeDue(calendar, received, { workingDays: n });
        return inWorkingTimeOrAtSessionEnd(due);
      }),
      { numRuns: 500 },
    );
  });

  it("adds N then M working days as it adds N + M", () => {
    fc.assert(
      fc.property(anyInstant, days, days, (start, n, m) => {
        const stepwise = addWorkingDays(calendar, addWorkingDays(calendar, start, n), m);
        return stepwise === addWorkingDays(calendar, start, n + m);
      }),
      { numRuns: 500 },
    );
  });

  it("adds any two amounts of working time associatively", () => {
    fc.assert(
      fc.property(anyInstant, workingMs, workingMs, (start, a, b) => {
        return (
          addWorkingTime(calendar, addWorkingTime(calendar, start, a), b) ===
          addWorkingTime(calendar, start, a + b)
        );
      }),
      { numRuns: 500 },
    );
  });

  it("measures exactly the requested duration between the start of the count and the due instant", () => {
    fc.assert(
      fc.property(anyInstant, days, (received, n) => {
        const result = computeDue(calendar, received, { workingDays: n });
        return workingTimeBetween(calendar, result.countingStart, result.due) === n * daily;
      }),
      { numRuns: 500 },
    );
  });

  it("measures exactly the working time added, from any instant", () => {
    fc.assert(
      fc.property(anyInstant, workingMs, (start, ms) => {
        return workingTimeBetween(calendar, start, addWorkingTime(calendar, start, ms)) === ms;
      }),
      { numRuns: 500 },
    );
  });

  it("shifts the due instant by exactly the working time of a pause", () => {
    fc.assert(
      fc.property(
        anyInstant,
        days,
        fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        fc.integer({ min: 0, max: 45 * 24 * 60 }),
        (received, n, where, pauseMinutes) => {
          const { countingStart, due } = computeDue(calendar, received, { workingDays: n });
          const pausedAt = countingStart + Math.floor((due - countingStart) * where);
          const resumedAt = pausedAt + pauseMinutes * MS_PER_MINUTE;
          const shifted = shiftForPause(calendar, due, pausedAt, resumedAt);
          expect(workingTimeBetween(calendar, due, shifted)).toBe(
            workingTimeBetween(calendar, pausedAt, resumedAt),
          );
          expect(workingTimeBetween(calendar, resumedAt, shifted)).toBe(
            workingTimeBetween(calendar, pausedAt, due),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it("never moves the due instant earlier when the reception is later", () => {
    fc.assert(
      fc.property(anyInstant, fc.integer({ min: 0, max: 10 * 24 * 60 }), days, (received, laterBy, n) => {
        const early = computeDue(calendar, received, { workingDays: n }).due;
        const late = computeDue(calendar, received + laterBy * MS_PER_MINUTE, { workingDays: n }).due;
        return late >= early;
      }),
      { numRuns: 300 },
    );
  });

  it("computes the same due instant in the bulk kernel as by adding working time to the counting start", () => {
    fc.assert(
      fc.property(anyInstant, workingMs, fc.boolean(), (received, ms, applyCutoff) => {
        const start = applyCutoff ? countingStart(calendar, received) : received;
        return dueInstant(calendar, received, ms, applyCutoff) === addWorkingTime(calendar, start, ms);
      }),
      { numRuns: 500 },
    );
  });

  it("agrees with a day-by-day walk over weekends and holidays", () => {
    fc.assert(
      fc.property(anyInstant, days, (received, n) => {
        return computeDue(calendar, received, { workingDays: n }).due === naive.due(received, n * daily);
      }),
      { numRuns: 1000 },
    );
  });

  it("splits a deadline into steps that add up to the whole and end at the overall due instant", () => {
    fc.assert(
      fc.property(
        anyInstant,
        days,
        fc
          .array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 8 })
          .filter((s) => s.some((x) => x > 0)),
        (received, n, shares) => {
          const { countingStart, due, durationMs } = computeDue(calendar, received, { workingDays: n });
          const steps = splitDeadline(calendar, countingStart, durationMs, shares);
          expect(steps.reduce((sum, s) => sum + s.durationMs, 0)).toBe(durationMs);
          expect(steps.at(-1)?.due).toBe(due);
          for (let i = 1; i < steps.length; i++)
            expect(steps[i]?.due).toBeGreaterThanOrEqual(steps[i - 1]?.due ?? 0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
