/** The working-day calendar: Vietnamese lunar calendar, public holidays, working time and legal deadlines. */

export type { DueDate, Duration } from "./deadline.ts";
export {
  addWorkingDays,
  addWorkingHours,
  addWorkingTime,
  computeDue,
  countingStart,
  dueInstant,
  durationMs,
  isLateReception,
  isWorkingInstant,
  MAX_WORKING_DAYS,
  nextWorkingInstant,
  restartAfterSupplement,
  shiftForPause,
  workingTimeBetween,
} from "./deadline.ts";
export type {
  DecisionDayOff,
  DecisionScope,
  DecisionWorkingDay,
  Evidence,
  HolidayDecision,
} from "./decisions.ts";
export { decisionApplies, parseHolidayDecisions } from "./decisions.ts";
export type { CalendarErrorCode } from "./errors.ts";
export { CalendarInputError } from "./errors.ts";
export type { DeadlineExplanation, ExplainedDay, SkipReason } from "./explain.ts";
export { explainDeadline } from "./explain.ts";
export type { HolidayKey, HolidayName } from "./holiday-rules.ts";
export {
  FIRST_HOLIDAY_YEAR,
  HOLIDAY_NAMES,
  LAST_HOLIDAY_YEAR,
  nationalDayExtra,
  statutoryHolidays,
} from "./holiday-rules.ts";
export type { DayEntry, DayKind, HolidayItem } from "./holidays.ts";
export { holidaysForYear, yearDayEntries } from "./holidays.ts";
export type { Instant } from "./instant.ts";
export { formatInstant, localDayOf, parseInstant } from "./instant.ts";
export type { DayNumber } from "./local-date.ts";
export { formatLocalDate, parseLocalDate } from "./local-date.ts";
export type { LunarDate, LunarMonth, LunarYear } from "./lunar.ts";
export { lunarNewYear, lunarToDayNumber, lunarToSolar, lunarYear, solarToLunar } from "./lunar.ts";
export { OFFICIAL_DECISIONS } from "./official-decisions.ts";
export type { SplitOptions, StepDeadline } from "./split.ts";
export { apportion, splitDeadline } from "./split.ts";
export type { LegalDue, LegalDuration } from "./time-limit.ts";
export {
  closeOfDay,
  endOfCalendarDays,
  endOfWorkingDays,
  legalDue,
  nthWorkingDayAfter,
  sameDayDue,
} from "./time-limit.ts";
export type { WorkingSchedule, WorkingSession } from "./working-schedule.ts";
export { DEFAULT_SCHEDULE, parseTimeOfDay } from "./working-schedule.ts";
export type { WorkingCalendarOptions } from "./working-time.ts";
export { WorkingCalendar } from "./working-time.ts";
