import {
  dayNumberFromCivil,
  daysInMonth,
  formatLocalDate,
  isoWeekday,
  parseLocalDate,
} from "../../../../src/domain/calendar/local-date.ts";
import type { HolidayItem, LunarMonthT } from "../../api.ts";

/** One day of the year as the calendar page draws it. */
export interface DayCell {
  date: string;
  dayOfMonth: number;
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  lunar: { day: number; month: number; leap: boolean } | null;
  /** The day off or worked weekend day listed for this date, if any. */
  holiday: HolidayItem | undefined;
}

export interface MonthModel {
  month: number;
  /** Weeks from Monday to Sunday; null pads the days of the neighbouring months. */
  weeks: (DayCell | null)[][];
}

/**
 * The twelve month grids of a solar year, each day with its lunar date (from the lunar months that overlap
 * the year, as GET /calendar/lunar-months gives them) and its holiday entry. Pure day arithmetic.
 */
export function yearModel(
  year: number,
  lunarMonths: readonly LunarMonthT[],
  holidays: readonly HolidayItem[],
): MonthModel[] {
  const byDate = new Map(holidays.map((h) => [h.date, h]));
  const starts = lunarMonths.map((m) => ({ ...m, first: parseLocalDate(m.start) }));
  const lunarOf = (day: number): DayCell["lunar"] => {
    for (let i = starts.length - 1; i >= 0; i--) {
      const m = starts[i];
      if (m && day >= m.first) {
        return day - m.first < m.length ? { day: day - m.first + 1, month: m.month, leap: m.leap } : null;
      }
    }
    return null;
  };
  const months: MonthModel[] = [];
  for (let month = 1; month <= 12; month++) {
    const first = dayNumberFromCivil(year, month, 1);
    const length = daysInMonth(year, month);
    const weeks: (DayCell | null)[][] = [];
    let week: (DayCell | null)[] = Array.from({ length: isoWeekday(first) - 1 }, () => null);
    for (let i = 0; i < length; i++) {
      const day = first + i;
      const date = formatLocalDate(day);
      week.push({
        date,
        dayOfMonth: i + 1,
        weekday: isoWeekday(day),
        lunar: lunarOf(day),
        holiday: byDate.get(date),
      });
      if (week.length === 7) {
        weeks.push(week);
        week = [];
      }
    }
    if (week.length > 0) weeks.push([...week, ...Array.from({ length: 7 - week.length }, () => null)]);
    months.push({ month, weeks });
  }
  return months;
}

/** Today's date in Vietnam (UTC+7), whatever the browser's zone. */
export function todayInVietnam(now: number = Date.now()): string {
  return formatLocalDate(Math.floor((now + 7 * 3_600_000) / 86_400_000));
}

/** "16/02/2026" */
export function vietnameseDate(date: string): string {
  const [y, m, d] = date.split("-");
  return `${d}/${m}/${y}`;
}

export const FIRST_YEAR = 1995;
export const LAST_YEAR = 2199;
