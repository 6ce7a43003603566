/**
 * A unit's working schedule: which weekdays it works, its daily sessions, and the time after which a dossier
 * received at the desk counts from the next working day. Default: the civil servants' week, Monday–Friday
 * (QĐ 188/1999/QĐ-TTg), 07:30–11:30 and 13:30–17:00, late-reception cutoff 15:00 (NĐ 61/2018 art. 18(2), kept by
 * NĐ 118/2025 art. 18(2)). Every working day has the same sessions, so one working day is always the same
 * amount of working time (7.5 hours by default).
 */
import { CalendarInputError } from "./errors.ts";
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from "./instant.ts";

export interface WorkingSession {
  /** "HH:MM", local time. */
  start: string;
  /** "HH:MM", local time; "24:00" is allowed. */
  end: string;
}

export interface WorkingSchedule {
  /** ISO weekdays worked: 1 = Monday … 7 = Sunday. */
  weekdays: readonly number[];
  sessions: readonly WorkingSession[];
  /** Dossiers received after this local time ("HH:MM") count from the next working day; null: no cutoff. */
  lateCutoff: string | null;
}

export const DEFAULT_SCHEDULE: WorkingSchedule = {
  weekdays: [1, 2, 3, 4, 5],
  sessions: [
    { start: "07:30", end: "11:30" },
    { start: "13:30", end: "17:00" },
  ],
  lateCutoff: "15:00",
};

/** A schedule turned into milliseconds of the local day, checked. */
export interface NormalizedSchedule {
  source: WorkingSchedule;
  workingWeekday: readonly boolean[];
  starts: readonly number[];
  ends: readonly number[];
  /** Working time before each session starts. */
  before: readonly number[];
  /** Working time in one working day. */
  dailyMs: number;
  cutoffMs: number | null;
}

const TIME_PATTERN = /^(\d{2}):(\d{2})$/;

/** "HH:MM" → milliseconds since midnight; "24:00" allowed. Throws INVALID_TIME. */
export function parseTimeOfDay(text: string): number {
  const match = typeof text === "string" ? TIME_PATTERN.exec(text) : null;
  const h = match ? Number(match[1]) : Number.NaN;
  const m = match ? Number(match[2]) : Number.NaN;
  if (!match || m > 59 || h > 24 || (h === 24 && m !== 0)) {
    throw new CalendarInputError("INVALID_TIME", { value: text });
  }
  return h * MS_PER_HOUR + m * MS_PER_MINUTE;
}

function invalid(problem: string): never {
  throw new CalendarInputError(
    "INVALID_SCHEDULE",
    { problem },
    {
      vi: `Lịch làm việc không hợp lệ: ${problem}`,
      en: `The working schedule is invalid: ${problem}`,
    },
  );
}

export function normalizeSchedule(schedule: WorkingSchedule): NormalizedSchedule {
  const weekdays = schedule.weekdays;
  if (!Array.isArray(weekdays) || weekdays.length === 0) invalid("no working weekday");
  const workingWeekday = Array.from({ length: 8 }, () => false);
  for (const d of weekdays) {
    if (!Number.isInteger(d) || d < 1 || d > 7)
      invalid(`weekday ${String(d)} is not 1 (Monday) to 7 (Sunday)`);
    if (workingWeekday[d]) invalid(`weekday ${d} is listed twice`);
    workingWeekday[d] = true;
  }
  if (!Array.isArray(schedule.sessions) || schedule.sessions.length === 0) invalid("no working session");
  const starts: number[] = [];
  const ends: number[] = [];
  const before: number[] = [];
  let total = 0;
  let previousEnd = -1;
  for (const s of schedule.sessions) {
    const start = parseTimeOfDay(s.start);
    const end = parseTimeOfDay(s.end);
    if (end <= start) invalid(`session ${s.start}–${s.end} ends before it starts`);
    if (start < previousEnd) invalid(`session ${s.start}–${s.end} overlaps or precedes the previous one`);
    if (end > MS_PER_DAY) invalid(`session ${s.start}–${s.end} ends after midnight`);
    starts.push(start);
    ends.push(end);
    before.push(total);
    total += end - start;
    previousEnd = end;
  }
  const cutoffMs = schedule.lateCutoff === null ? null : parseTimeOfDay(schedule.lateCutoff);
  return { source: schedule, workingWeekday, starts, ends, before, dailyMs: total, cutoffMs };
}

/** Working time elapsed in a working day at local time `tod` (0 … dailyMs). */
export function workedBefore(schedule: NormalizedSchedule, tod: number): number {
  const { starts, ends, before } = schedule;
  for (let i = starts.length - 1; i >= 0; i--) {
    const start = starts[i] as number;
    if (tod >= start) return (before[i] as number) + Math.min(tod, ends[i] as number) - start;
  }
  return 0;
}

/**
 * The earliest local time at which `offset` of the day's working time has elapsed, for 0 < offset ≤ dailyMs:
 * an offset that completes a session gives that session's end, not the next session's start.
 */
export function timeAtOffset(schedule: NormalizedSchedule, offset: number): number {
  const { starts, ends, before } = schedule;
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i] as number;
    const length = (ends[i] as number) - start;
    const cum = before[i] as number;
    if (offset <= cum + length) return start + (offset - cum);
  }
  return ends[ends.length - 1] as number;
}
