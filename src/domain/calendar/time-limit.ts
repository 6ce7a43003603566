/**
 * Legal time limits as the law counts them — the due instant of a dossier, and the end of a window counted in
 * days. deadline.ts measures working time (hours, shares of a step); this file applies the counting rules of the
 * texts, which are not working-time arithmetic:
 *
 * - **Same day** ("trong ngày", "ngay trong ngày"): the result is due by the end of the reception's working day,
 *   or by the end of the next working day when the dossier is received after 15:00 (Luật Hộ tịch 2014 art. 5(3);
 *   NĐ 23/2015/NĐ-CP art. 7(1) for chứng thực). A reception on a day that is not a working day counts as after
 *   the cutoff. 15:00 sharp is not "after 15:00".
 *
 * - **Days** ("N ngày làm việc", and windows like the 3 working days for a supplement request): Bộ luật Dân sự
 *   2015 art. 147(2)–(3): the day of the event is not counted, the period starts on the next day; art. 148(1): it
 *   ends at the end of its last day. Counted in working days, the last day is the N-th working day after the
 *   event's day. The hour of reception and the 15:00 cutoff change nothing: a dossier received Monday 08:00 or
 *   Monday 16:00 with 3 working days is due at the end of Thursday.
 *
 * - **Hours** ("N giờ làm việc"): art. 147(1) counts from the instant itself — working-time arithmetic
 *   (deadline.ts), with the reception cutoff when counted from a reception.
 *
 * Choice made where the texts leave it open: "the end of a working day" is the end of the unit's last working
 * session that day (17:00 with the default hours), when the office closes, not 24:00 (art. 148(3)). Results are
 * handed over in office hours, and a due instant at closing time is never later than the legal limit.
 */
import { computeDue, countingStart, durationMs, isLateReception, workingTimeBetween } from "./deadline.ts";
import { CalendarInputError } from "./errors.ts";
import { type Instant, instantAt, localDayOf } from "./instant.ts";
import type { DayNumber } from "./local-date.ts";
import type { WorkingCalendar } from "./working-time.ts";

/** The instant a working day ends: the end of its last session. */
export function closeOfDay(calendar: WorkingCalendar, day: DayNumber): Instant {
  const ends = calendar.schedule.ends;
  return instantAt(day, ends[ends.length - 1] as number);
}

/** The N-th working day after `day` (the day itself is not counted, BLDS 2015 art. 147). */
export function nthWorkingDayAfter(calendar: WorkingCalendar, day: DayNumber, n: number): DayNumber {
  if (!Number.isInteger(n) || n < 1) {
    throw new CalendarInputError("DURATION_OUT_OF_RANGE", { workingDays: n });
  }
  return calendar.workingDayAfter(day + 1, n - 1);
}

/**
 * The end of a window of `n` working days from the event at `at` (BLDS 2015 art. 147–148): the end of the N-th
 * working day after the event's day. E.g. 3 working days from Monday 09:00 end at the close of Thursday.
 */
export function endOfWorkingDays(calendar: WorkingCalendar, at: Instant, n: number): Instant {
  return closeOfDay(calendar, nthWorkingDayAfter(calendar, localDayOf(at), n));
}

/**
 * The end of a window of `n` calendar days ("ngày") from the event at `at` (BLDS 2015 art. 147–148): the day of
 * the event is not counted; the period ends at 24:00 of its last day (art. 148(3)), or, when that day is not a
 * working day, at the end of the next working day (art. 148(2)). Choice: for a window that protects the applicant
 * (e.g. the 15 days to complete a dossier) the latest reading is taken, so it ends at 24:00, not at closing time.
 */
export function endOfCalendarDays(calendar: WorkingCalendar, at: Instant, n: number): Instant {
  if (!Number.isInteger(n) || n < 1) throw new CalendarInputError("DURATION_OUT_OF_RANGE", { days: n });
  let last = localDayOf(at) + n;
  if (!calendar.isWorkingDay(last)) last = calendar.nextWorkingDay(last);
  return instantAt(last + 1, 0);
}

/**
 * The due instant of a same-day limit (Luật Hộ tịch 2014 art. 5(3); NĐ 23/2015 art. 7(1); the 15:00 rule also
 * NĐ 61/2018 art. 18(2), kept by NĐ 118/2025 art. 18(2)): the end of the reception's working day, or of the next
 * working day when received after the cutoff or on a day off.
 */
export function sameDayDue(calendar: WorkingCalendar, receivedAt: Instant): Instant {
  if (!Number.isFinite(receivedAt)) throw new CalendarInputError("INVALID_INSTANT", { field: "receivedAt" });
  const day = localDayOf(receivedAt);
  return closeOfDay(calendar, isLateReception(calendar, receivedAt) ? calendar.nextWorkingDay(day) : day);
}

/**
 * A dossier's processing time as the machine stores it: a same-day limit, working days (counted by the Civil Code)
 * or working hours (working time from the reception, with the 15:00 cutoff).
 */
export type LegalDuration = { sameDay: true } | { workingDays: number } | { workingHours: number };

export interface LegalDue {
  /** When the processing body can start: the reception, or the next working morning after the cutoff. */
  countingStart: Instant;
  due: Instant;
  /** Working time from countingStart to due, for splitting it between the steps of the workflow. */
  workingMs: number;
}

/**
 * The due instant of a dossier received at `receivedAt` with the limit `duration` (rules at the top of this file).
 * Whole working days follow the Civil Code; a fraction of a day is not a period in days, so it is counted as
 * working time like hours.
 */
export function legalDue(calendar: WorkingCalendar, receivedAt: Instant, duration: LegalDuration): LegalDue {
  const start = countingStart(calendar, receivedAt);
  let due: Instant;
  if ("sameDay" in duration) due = sameDayDue(calendar, receivedAt);
  else if ("workingDays" in duration && Number.isInteger(duration.workingDays) && duration.workingDays >= 1) {
    durationMs(calendar, duration);
    due = endOfWorkingDays(calendar, receivedAt, duration.workingDays);
  } else due = computeDue(calendar, receivedAt, duration).due;
  return { countingStart: start, due, workingMs: Math.max(0, workingTimeBetween(calendar, start, due)) };
}
