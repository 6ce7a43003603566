/**
 * Deadlines of feedback handling, in working days on the unit's calendar (public holidays and decisions included),
 * counted as the Civil Code counts days (BLDS 2015 art. 147–148, as every day-counted window in motcua): the day of
 * receipt is not counted and the window ends at the close of its last working day.
 *
 * - Forwarding: a feedback outside the body's competence (or about a specific official's conduct) is forwarded to
 *   the competent body within 5 working days of its receipt (NĐ 20/2008/NĐ-CP art. 14(2)).
 * - Answer: NĐ 20/2008 sets no general deadline for the answer. motcua makes it a unit setting (working days
 *   from acceptance); the default of 10 working days is our choice, stated here, a unit changes it as data.
 */
import {
  closeOfDay,
  endOfWorkingDays,
  type Instant,
  localDayOf,
  parseLocalDate,
  type WorkingCalendar,
} from "../calendar/index.ts";

export const FORWARD_WORKING_DAYS = 5;
export const DEFAULT_ANSWER_WORKING_DAYS = 10;

export function forwardDue(calendar: WorkingCalendar, receivedAt: Instant): Instant {
  return endOfWorkingDays(calendar, receivedAt, FORWARD_WORKING_DAYS);
}

export function answerDue(calendar: WorkingCalendar, acceptedAt: Instant, workingDays: number): Instant {
  return endOfWorkingDays(calendar, acceptedAt, workingDays);
}

/**
 * The answer due at the close of the working day `date` ("YYYY-MM-DD"), when whoever assigns the handler sets the
 * date by hand instead of the unit's default. Null when the date is not a working day of the unit's calendar or is
 * before `now`'s day: a due date in the past or on a day off is refused.
 */
export function answerDueOn(calendar: WorkingCalendar, date: string, now: Instant): Instant | null {
  const day = parseLocalDate(date);
  if (day < localDayOf(now) || !calendar.isWorkingDay(day)) return null;
  return closeOfDay(calendar, day);
}

/**
 * Late when the step was done after its due instant, or is still not done and the due instant has passed.
 * Null when there is no deadline for this record.
 */
export function isLate(due: Instant | null, doneAt: Instant | null, now: Instant): boolean | null {
  if (due === null) return null;
  return (doneAt ?? now) > due;
}
