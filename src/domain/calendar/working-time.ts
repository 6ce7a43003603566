/**
 * WorkingCalendar: a unit's working schedule combined with its days off (statutory holidays, yearly
 * decisions, compensatory days). It answers whether a date is a working day and, for the deadline code,
 * counts and finds working days fast: each year is compiled once into a flag per day, a prefix count of
 * working days (rank) and the list of its working days, so that "the k-th working day after d" and "working
 * days between d1 and d2" cost a few array reads per year crossed instead of a walk over every day.
 */
import type { HolidayDecision } from "./decisions.ts";
import { CalendarInputError } from "./errors.ts";
import { FIRST_HOLIDAY_YEAR, LAST_HOLIDAY_YEAR } from "./holiday-rules.ts";
import { type DayEntry, yearDayEntries } from "./holidays.ts";
import {
  civilFromDayNumber,
  type DayNumber,
  firstDayOfYear,
  formatLocalDate,
  isoWeekday,
  parseLocalDate,
} from "./local-date.ts";
import { OFFICIAL_DECISIONS } from "./official-decisions.ts";
import {
  DEFAULT_SCHEDULE,
  type NormalizedSchedule,
  normalizeSchedule,
  type WorkingSchedule,
} from "./working-schedule.ts";

export interface WorkingCalendarOptions {
  schedule?: WorkingSchedule;
  /** Yearly decisions; default: the shipped official decisions. */
  decisions?: readonly HolidayDecision[];
  /** The unit's code, or its code and its ancestors' codes, to select unit-scoped decisions. */
  unit?: string | readonly string[];
}

interface YearTable {
  year: number;
  first: DayNumber;
  length: number;
  /** rank[i]: working days among the first i days of the year. */
  rank: Int32Array;
  /** Day-of-year offsets of the working days, in order. */
  list: Int32Array;
  count: number;
  entries: Map<DayNumber, DayEntry>;
}

/** First and last day the calendar can reason about. */
export const FIRST_CALENDAR_DAY = firstDayOfYear(FIRST_HOLIDAY_YEAR);
export const LAST_CALENDAR_DAY = firstDayOfYear(LAST_HOLIDAY_YEAR + 1) - 1;

export class WorkingCalendar {
  readonly schedule: NormalizedSchedule;
  readonly decisions: readonly HolidayDecision[];
  readonly unitCodes: readonly string[];
  private readonly years: (YearTable | undefined)[] = [];

  constructor(options: WorkingCalendarOptions = {}) {
    this.schedule = normalizeSchedule(options.schedule ?? DEFAULT_SCHEDULE);
    this.decisions = options.decisions ?? OFFICIAL_DECISIONS;
    const unit = options.unit;
    this.unitCodes = unit === undefined ? [] : typeof unit === "string" ? [unit] : [...unit];
  }

  /** Working time in one working day, in milliseconds. */
  get dailyMs(): number {
    return this.schedule.dailyMs;
  }

  isWorkingDay(date: DayNumber | string): boolean {
    const day = typeof date === "string" ? parseLocalDate(date) : date;
    const table = this.tableFor(day);
    const i = day - table.first;
    return (table.rank[i + 1] as number) > (table.rank[i] as number);
  }

  /** The holiday, compensatory, swapped or make-up annotation of a day, if any. */
  dayEntry(date: DayNumber | string): DayEntry | undefined {
    const day = typeof date === "string" ? parseLocalDate(date) : date;
    return this.tableFor(day).entries.get(day);
  }

  /** Number of working days in [from, to); negative when to < from. */
  workingDaysBetween(from: DayNumber, to: DayNumber): number {
    if (to < from) return -this.workingDaysBetween(to, from);
    let table = this.tableFor(from);
    const end = this.tableFor(to);
    if (table === end)
      return (table.rank[to - table.first] as number) - (table.rank[from - table.first] as number);
    let total = table.count - (table.rank[from - table.first] as number);
    for (let y = table.year + 1; y < end.year; y++) {
      table = this.table(y);
      total += table.count;
    }
    return total + (end.rank[to - end.first] as number);
  }

  /**
   * The working day w on or after `from` with exactly k working days in [from, w): k = 0 gives `from` itself
   * when it is a working day, else the next working day.
   */
  workingDayAfter(from: DayNumber, k: number): DayNumber {
    let table = this.tableFor(from);
    let target = (table.rank[from - table.first] as number) + k;
    while (target >= table.count) {
      target -= table.count;
      if (table.year >= LAST_HOLIDAY_YEAR) this.outOfRange(from, k);
      table = this.table(table.year + 1);
    }
    return table.first + (table.list[target] as number);
  }

  /** The first working day strictly after `day`. */
  nextWorkingDay(day: DayNumber): DayNumber {
    return this.workingDayAfter(day + 1, 0);
  }

  private outOfRange(from: DayNumber, k: number): never {
    throw new CalendarInputError(
      "DATE_OUT_OF_RANGE",
      { from: formatLocalDate(from), workingDays: k, last: formatLocalDate(LAST_CALENDAR_DAY) },
      {
        vi: `Thời hạn vượt quá ngày cuối cùng của lịch (${formatLocalDate(LAST_CALENDAR_DAY)}).`,
        en: `The deadline runs past the calendar's last day (${formatLocalDate(LAST_CALENDAR_DAY)}).`,
      },
    );
  }

  private tableFor(day: DayNumber): YearTable {
    if (!(day >= FIRST_CALENDAR_DAY && day <= LAST_CALENDAR_DAY)) {
      throw new CalendarInputError(
        "DATE_OUT_OF_RANGE",
        { date: Number.isFinite(day) ? formatLocalDate(day) : day },
        {
          vi: `Lịch làm việc chỉ hỗ trợ các năm ${FIRST_HOLIDAY_YEAR}–${LAST_HOLIDAY_YEAR}.`,
          en: `The working calendar covers ${FIRST_HOLIDAY_YEAR}–${LAST_HOLIDAY_YEAR} only.`,
        },
      );
    }
    const cached = this.years[civilYearGuess(day) - FIRST_HOLIDAY_YEAR];
    if (cached && day >= cached.first && day < cached.first + cached.length) return cached;
    return this.table(civilFromDayNumber(day).year);
  }

  private table(year: number): YearTable {
    const index = year - FIRST_HOLIDAY_YEAR;
    const cached = this.years[index];
    if (cached) return cached;
    const first = firstDayOfYear(year);
    const length = firstDayOfYear(year + 1) - first;
    const entries = new Map<DayNumber, DayEntry>();
    for (const e of yearDayEntries(year, this.decisions, this.unitCodes)) entries.set(e.day, e);
    const rank = new Int32Array(length + 1);
    const list: number[] = [];
    for (let i = 0; i < length; i++) {
      const day = first + i;
      const entry = entries.get(day);
      const working = entry ? !entry.off : (this.schedule.workingWeekday[isoWeekday(day)] as boolean);
      if (working) list.push(i);
      rank[i + 1] = list.length;
    }
    const table: YearTable = {
      year,
      first,
      length,
      rank,
      list: Int32Array.from(list),
      count: list.length,
      entries,
    };
    this.years[index] = table;
    return table;
  }
}

/** A cheap year estimate that is right for all but the last day or two of a year. */
function civilYearGuess(day: DayNumber): number {
  return Math.floor((day + 0.5) / 365.2425) + 1970;
}
