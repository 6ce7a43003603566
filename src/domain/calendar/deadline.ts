/**
 * Deadlines in working time.
 *
 * How a duration is counted — the rule motcua applies, and why:
 *
 * 1. Time runs only inside the unit's working sessions on working days (working-time.ts). One working day is
 *    one day's worth of working time (7.5 h with the default sessions); "N working days" is N times that.
 *
 * 2. The clock starts at reception. A dossier received after the late-reception cutoff (15:00), or on a day
 *    that is not a working day, counts from the start of the next working day. NĐ 61/2018 art. 18(2) — kept by
 *    NĐ 118/2025 art. 18(2) — has the desk pass a paper dossier on the same working day, or at the start of the
 *    next one when received after 15:00, so the processing body cannot begin before then.
 *
 * 3. The due instant is the earliest instant at which the requested working time has elapsed since the
 *    start. When that happens exactly at a session's end, the due instant is that end (17:00), not the next
 *    opening. This is working-time arithmetic, right for durations in hours (art. 147(1) of the Civil Code
 *    counts them from the instant itself, e.g. NĐ 118's 8 working hours to accept an online dossier) and for
 *    sharing a step's time. A dossier's legal due instant is NOT computed this way: limits in days follow the
 *    Civil Code (art. 147–148: the day of the event is not counted, the period ends at the end of its last day)
 *    and same-day limits end with the working day — see time-limit.ts (legalDue), which the dossier machine
 *    and the receipt use.
 *
 * 4. Pauses. While a dossier waits for the applicant's supplement the clock stops (shiftForPause keeps the
 *    remaining working time and restarts it at resumption). When the supplement completes a dossier after a
 *    supplement request, the processing time restarts from zero (NĐ 61/2018, kept by NĐ 118/2025 art. 19(5);
 *    restartAfterSupplement).
 *
 * Instants are epoch milliseconds; formatInstant renders them with +07:00.
 */

import { CalendarInputError } from "./errors.ts";
import {
  formatInstant,
  type Instant,
  instantAt,
  localDayOf,
  localTimeOfDay,
  MS_PER_HOUR,
} from "./instant.ts";
import { timeAtOffset, workedBefore } from "./working-schedule.ts";
import type { WorkingCalendar } from "./working-time.ts";

export type Duration = { workingDays: number } | { workingHours: number };

/** Longest duration accepted: 3,650 working days (about 14 years), or as many hours. */
export const MAX_WORKING_DAYS = 3650;

function checkInstant(value: Instant, field: string): void {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new CalendarInputError("INVALID_INSTANT", { field, value });
  }
}

/** Converts a duration to milliseconds of working time; throws DURATION_OUT_OF_RANGE. */
export function durationMs(calendar: WorkingCalendar, duration: Duration): number {
  const isDays = "workingDays" in duration;
  const amount = isDays ? duration.workingDays : duration.workingHours;
  const max = isDays ? MAX_WORKING_DAYS : (MAX_WORKING_DAYS * calendar.dailyMs) / MS_PER_HOUR;
  if (typeof amount !== "number" || !Number.isFinite(amount) || amount < 0 || amount > max) {
    throw new CalendarInputError(
      "DURATION_OUT_OF_RANGE",
      { ...duration, max },
      {
        vi: `Thời hạn phải từ 0 đến ${max} ${isDays ? "ngày" : "giờ"} làm việc.`,
        en: `The duration must be from 0 to ${max} working ${isDays ? "days" : "hours"}.`,
      },
    );
  }
  return Math.round(amount * (isDays ? calendar.dailyMs : MS_PER_HOUR));
}

/** Working time of the day containing `t` that has elapsed by `t` (0 on a day off). */
function offsetInDay(calendar: WorkingCalendar, t: Instant): number {
  const day = localDayOf(t);
  return calendar.isWorkingDay(day) ? workedBefore(calendar.schedule, localTimeOfDay(t)) : 0;
}

/** Is `t` inside a working session (start inclusive, end exclusive) of a working day? */
export function isWorkingInstant(calendar: WorkingCalendar, t: Instant): boolean {
  const day = localDayOf(t);
  if (!calendar.isWorkingDay(day)) return false;
  const tod = localTimeOfDay(t);
  const { starts, ends } = calendar.schedule;
  for (let i = 0; i < starts.length; i++)
    if (tod >= (starts[i] as number) && tod < (ends[i] as number)) return true;
  return false;
}

/** The first working instant at or after `t`: `t` itself inside a session, else the next session start. */
export function nextWorkingInstant(calendar: WorkingCalendar, t: Instant): Instant {
  checkInstant(t, "instant");
  const day = localDayOf(t);
  const { starts, ends } = calendar.schedule;
  if (calendar.isWorkingDay(day)) {
    const tod = localTimeOfDay(t);
    for (let i = 0; i < starts.length; i++) {
      if (tod < (starts[i] as number)) return instantAt(day, starts[i] as number);
      if (tod < (ends[i] as number)) return t;
    }
  }
  return instantAt(calendar.nextWorkingDay(day), starts[0] as number);
}

/** Was `receivedAt` after the unit's late-reception cutoff, or on a day that is not a working day? */
export function isLateReception(calendar: WorkingCalendar, receivedAt: Instant): boolean {
  checkInstant(receivedAt, "receivedAt");
  const day = localDayOf(receivedAt);
  if (!calendar.isWorkingDay(day)) return true;
  const cutoff = calendar.schedule.cutoffMs;
  return cutoff !== null && localTimeOfDay(receivedAt) > cutoff;
}

/** When the clock starts for a dossier received at `receivedAt` (rule 2 above). */
export function countingStart(calendar: WorkingCalendar, receivedAt: Instant): Instant {
  if (isLateReception(calendar, receivedAt)) {
    return instantAt(calendar.nextWorkingDay(localDayOf(receivedAt)), calendar.schedule.starts[0] as number);
  }
  return nextWorkingInstant(calendar, receivedAt);
}

/** The earliest instant u ≥ from with `ms` of working time in [from, u]. Adding 0 returns `from`. */
export function addWorkingTime(calendar: WorkingCalendar, from: Instant, ms: number): Instant {
  checkInstant(from, "from");
  if (!Number.isFinite(ms) || ms < 0) throw new CalendarInputError("DURATION_OUT_OF_RANGE", { ms });
  if (ms === 0) return from;
  const daily = calendar.dailyMs;
  const day = localDayOf(from);
  const target = offsetInDay(calendar, from) + ms;
  const index = Math.ceil(target / daily) - 1;
  const dueDay = calendar.workingDayAfter(day, index);
  return instantAt(dueDay, timeAtOffset(calendar.schedule, target - index * daily));
}

export function addWorkingDays(calendar: WorkingCalendar, from: Instant, days: number): Instant {
  return addWorkingTime(calendar, from, durationMs(calendar, { workingDays: days }));
}

export function addWorkingHours(calendar: WorkingCalendar, from: Instant, hours: number): Instant {
  return addWorkingTime(calendar, from, durationMs(calendar, { workingHours: hours }));
}

/** Working time in [a, b), in milliseconds; negative when b < a. */
export function workingTimeBetween(calendar: WorkingCalendar, a: Instant, b: Instant): number {
  checkInstant(a, "from");
  checkInstant(b, "to");
  if (b < a) return -workingTimeBetween(calendar, b, a);
  const days = calendar.workingDaysBetween(localDayOf(a), localDayOf(b));
  return days * calendar.dailyMs - offsetInDay(calendar, a) + offsetInDay(calendar, b);
}

export interface DueDate {
  receivedAt: Instant;
  /** Reception after the cutoff or on a day off: the clock starts on the next working day. */
  lateReception: boolean;
  countingStart: Instant;
  due: Instant;
  durationMs: number;
}

/**
 * The due instant for `ms` of working time from a reception at `receivedAt` — the allocation-free kernel of
 * computeDue, for bulk use (reports, recomputation). Same result as
 * addWorkingTime(countingStart(receivedAt), ms), with two calendar look-ups instead of five.
 */
export function dueInstant(
  calendar: WorkingCalendar,
  receivedAt: Instant,
  ms: number,
  applyCutoff = true,
): Instant {
  checkInstant(receivedAt, "receivedAt");
  if (!(ms >= 0 && ms <= MAX_WORKING_DAYS * calendar.dailyMs)) {
    throw new CalendarInputError("DURATION_OUT_OF_RANGE", { ms });
  }
  const schedule = calendar.schedule;
  const day = localDayOf(receivedAt);
  const tod = localTimeOfDay(receivedAt);
  let baseDay = day;
  let offset = 0;
  if (calendar.isWorkingDay(day)) {
    if (applyCutoff && schedule.cutoffMs !== null && tod > schedule.cutoffMs) baseDay = day + 1;
    else offset = workedBefore(schedule, tod);
  } else if (applyCutoff) baseDay = day + 1;
  if (ms === 0) return applyCutoff ? countingStart(calendar, receivedAt) : receivedAt;
  const daily = calendar.dailyMs;
  const target = offset + ms;
  const index = Math.ceil(target / daily) - 1;
  return instantAt(calendar.workingDayAfter(baseDay, index), timeAtOffset(schedule, target - index * daily));
}

/**
 * The due instant of a dossier received at `receivedAt` with `duration` to process. `applyCutoff: false`
 * starts the clock at the instant itself (for durations in hours counted from an event, not a reception).
 */
export function computeDue(
  calendar: WorkingCalendar,
  receivedAt: Instant,
  duration: Duration,
  options: { applyCutoff?: boolean } = {},
): DueDate {
  checkInstant(receivedAt, "receivedAt");
  const ms = durationMs(calendar, duration);
  const applyCutoff = options.applyCutoff ?? true;
  const lateReception = applyCutoff && isLateReception(calendar, receivedAt);
  const start = !applyCutoff
    ? receivedAt
    : lateReception
      ? instantAt(calendar.nextWorkingDay(localDayOf(receivedAt)), calendar.schedule.starts[0] as number)
      : nextWorkingInstant(calendar, receivedAt);
  const due = dueInstant(calendar, receivedAt, ms, applyCutoff);
  return { receivedAt, lateReception, countingStart: start, due, durationMs: ms };
}

/**
 * The due instant after the clock stood still from `pausedAt` to `resumedAt` (waiting for the applicant):
 * the working time that remained at the pause is counted again from the resumption, so the due instant moves
 * by exactly the working time of the pause. A pause that starts after the due instant changes nothing — a
 * deadline already missed stays missed.
 */
export function shiftForPause(
  calendar: WorkingCalendar,
  due: Instant,
  pausedAt: Instant,
  resumedAt: Instant,
): Instant {
  checkInstant(due, "due");
  checkInstant(pausedAt, "pausedAt");
  checkInstant(resumedAt, "resumedAt");
  if (resumedAt < pausedAt) {
    throw new CalendarInputError("INVALID_INSTANT", {
      pausedAt: formatInstant(pausedAt),
      resumedAt: formatInstant(resumedAt),
      problem: "resumed before paused",
    });
  }
  if (pausedAt >= due) return due;
  return addWorkingTime(calendar, resumedAt, workingTimeBetween(calendar, pausedAt, due));
}

/**
 * The new due instant when a supplemented dossier is complete again: the processing time restarts from zero
 * (NĐ 61/2018, kept by NĐ 118/2025 art. 19(5)), counted like a new reception at `completedAt`.
 */
export function restartAfterSupplement(
  calendar: WorkingCalendar,
  completedAt: Instant,
  duration: Duration,
  options: { applyCutoff?: boolean } = {},
): DueDate {
  return computeDue(calendar, completedAt, duration, options);
}
