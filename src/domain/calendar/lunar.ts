/**
 * The Vietnamese lunisolar calendar (âm lịch), 1900–2199.
 *
 * The astronomy is date-chinese's `CalendarVietnamese`: true new moons (Sóc) and major solar terms (Trung khí)
 * from VSOP87, reckoned at the meridian of UTC+7 — the rules Hồ Ngọc Đức's tables follow (month starts on the
 * day of the new moon, the winter solstice falls in month 11, the first month without a major term in a
 * 13-month year is the leap month, 105° E). Like that library, and like the calendar actually printed in
 * (North) Vietnam, dates before 1968 use UTC+8: Vietnam moved its calendar to UTC+7 with the calendar of
 * 1968 (Tết Mậu Thân fell on 29/01/1968 in the North, 30/01/1968 in the South and in China).
 *
 * One conversion through the library costs about 25–150 µs, far too slow for the deadline path, so each
 * lunar year is computed once — its month starts, month numbers and leap flag — and every later conversion
 * is a table look-up.
 */
import { CalendarVietnamese } from "date-chinese";
import { CalendarInputError } from "./errors.ts";
import {
  assertYearInRange,
  civilFromDayNumber,
  type DayNumber,
  dayNumberFromCivil,
  formatLocalDate,
  MAX_SUPPORTED_YEAR,
  MIN_SUPPORTED_YEAR,
  parseLocalDate,
} from "./local-date.ts";

export interface LunarDate {
  /** The Gregorian year in which this lunar year's Tết falls (Tết 17/02/2026 starts lunar year 2026, Bính Ngọ). */
  year: number;
  month: number;
  day: number;
  leap: boolean;
}

export interface LunarMonth {
  month: number;
  leap: boolean;
  /** Day number of the first day (mùng 1). */
  start: DayNumber;
  /** 29 (tháng thiếu) or 30 (tháng đủ). */
  length: number;
}

export interface LunarYear {
  year: number;
  /** Day number of Tết (1/1 of this lunar year). */
  newYear: DayNumber;
  months: readonly LunarMonth[];
  /** Number of the leap month, or null in a 12-month year. */
  leapMonth: number | null;
  /** Day number of the last day of the lunar year (29 or 30 of month 12, the day before the next Tết). */
  lastDay: DayNumber;
}

export const MIN_LUNAR_YEAR = MIN_SUPPORTED_YEAR;
export const MAX_LUNAR_YEAR = MAX_SUPPORTED_YEAR;

const JD_UNIX_EPOCH = 2440587.5;
/**
 * date-chinese returns local midnight as a Julian ephemeris day: (JD of UT midnight) − zone + ΔT, with zone
 * 7/24 or 8/24. Adding 7.5/24 lands within ±0.03 d of a whole day for both zones, and ΔT is minutes, so
 * rounding recovers the local date.
 */
function dayNumberFromMidnightJde(jde: number): DayNumber {
  return Math.round(jde - JD_UNIX_EPOCH + 7.5 / 24);
}

const calendar = new CalendarVietnamese();
const years = new Map<number, LunarYear>();

interface Sui {
  /** Day numbers of the month starts from month 11 of year x − 1 up to, not including, month 11 of year x. */
  starts: number[];
  months: number[];
  leaps: boolean[];
}
const suis = new Map<number, Sui>();

/** Sun's apparent longitude, in whole 30° sectors, at local midnight starting the day `jde`. */
function sector(jde: number): number {
  return Math.floor(calendar.inMajorSolarTerm(jde).lon / 30);
}

/** Month 11 of Gregorian year x: the lunar month whose days contain the December solstice. */
function month11(x: number): number {
  const dec31 = JD_UNIX_EPOCH + dayNumberFromCivil(x, 12, 31);
  let moon = calendar.previousNewMoon(dec31);
  // A month that starts after the solstice (sun already at 270° or more) is month 12: step back one.
  if (calendar.inMajorSolarTerm(moon).lon >= 270) moon = calendar.previousNewMoon(moon - 1);
  return moon;
}

/**
 * One "sui" — month 11 of year x − 1 to month 11 of year x — numbered by the rules of the Vietnamese calendar:
 * a sui of 13 lunations has one leap month, the first month after month 11 in which the sun enters no new
 * 30° sector (no major solar term, Trung khí). date-chinese's own month numbering marks a leap month whenever
 * a month lacks a major term, without this 13-lunation condition, and so misnumbers 2033; only its astronomy
 * (new moons, solar longitude) is used here.
 */
function sui(x: number): Sui {
  const cached = suis.get(x);
  if (cached) return cached;
  const first = month11(x - 1);
  const last = month11(x);
  const lastDay = dayNumberFromMidnightJde(last);
  const moons = [first];
  while (dayNumberFromMidnightJde(moons[moons.length - 1] as number) < lastDay) {
    // The next new moon is 29–30 days on; 20 days later is safely between the two.
    moons.push(calendar.nextNewMoon((moons[moons.length - 1] as number) + 20));
  }
  const lunations = moons.length - 1;
  let leapAt = -1;
  if (lunations === 13) {
    for (let i = 1; i < lunations; i++) {
      if (sector(moons[i] as number) === sector(moons[i + 1] as number)) {
        leapAt = i;
        break;
      }
    }
  } else if (lunations !== 12) {
    throw new Error(`lunar calendar: ${lunations} lunations between month 11 of ${x - 1} and of ${x}`);
  }
  const starts: number[] = [];
  const months: number[] = [];
  const leaps: boolean[] = [];
  let month = 11;
  for (let i = 0; i < lunations; i++) {
    if (i > 0 && i !== leapAt) month = (month % 12) + 1;
    starts.push(dayNumberFromMidnightJde(moons[i] as number));
    months.push(month);
    leaps.push(i === leapAt);
  }
  const result = { starts, months, leaps };
  suis.set(x, result);
  return result;
}

function computeLunarYear(year: number): LunarYear {
  const all: LunarMonth[] = [];
  const pieces = [sui(year), sui(year + 1)];
  const nextEnd = dayNumberFromMidnightJde(month11(year + 1));
  const flat: { start: number; month: number; leap: boolean }[] = [];
  for (const piece of pieces) {
    for (let i = 0; i < piece.starts.length; i++) {
      flat.push({
        start: piece.starts[i] as number,
        month: piece.months[i] as number,
        leap: piece.leaps[i] as boolean,
      });
    }
  }
  const firstIndex = flat.findIndex((m) => m.month === 1 && !m.leap);
  const nextIndex = flat.findIndex((m, i) => i > firstIndex && m.month === 1 && !m.leap);
  if (firstIndex < 0 || nextIndex < 0) throw new Error(`lunar calendar: no Tết found for ${year}`);
  for (let i = firstIndex; i < nextIndex; i++) {
    const m = flat[i] as { start: number; month: number; leap: boolean };
    const end = i + 1 < flat.length ? (flat[i + 1] as { start: number }).start : nextEnd;
    all.push({ month: m.month, leap: m.leap, start: m.start, length: end - m.start });
  }
  checkLunarYear(year, all);
  const leap = all.find((m) => m.leap);
  const newYear = (flat[firstIndex] as { start: number }).start;
  const lastDay = (flat[nextIndex] as { start: number }).start - 1;
  return { year, newYear, months: all, leapMonth: leap ? leap.month : null, lastDay };
}

/** Guards against a library regression: months must run 1..12 with at most one leap, 29 or 30 days each. */
function checkLunarYear(year: number, months: readonly LunarMonth[]): void {
  let expected = 1;
  let leaps = 0;
  for (const m of months) {
    if (m.leap) {
      leaps++;
      if (m.month !== expected - 1) throw new Error(`lunar year ${year}: leap month ${m.month} out of order`);
    } else {
      if (m.month !== expected) throw new Error(`lunar year ${year}: month ${m.month}, expected ${expected}`);
      expected++;
    }
    if (m.length !== 29 && m.length !== 30) throw new Error(`lunar year ${year}: month of ${m.length} days`);
  }
  if (expected !== 13 || leaps > 1 || months.length !== 12 + leaps) {
    throw new Error(`lunar year ${year}: ${months.length} months with ${leaps} leap`);
  }
}

/** The table of one lunar year, computed once and cached. */
export function lunarYear(year: number): LunarYear {
  assertYearInRange(year, MIN_LUNAR_YEAR, MAX_LUNAR_YEAR);
  let table = years.get(year);
  if (!table) {
    table = computeLunarYear(year);
    years.set(year, table);
  }
  return table;
}

/** Day number of Tết Nguyên đán of `year`. */
export function lunarNewYear(year: number): DayNumber {
  return lunarYear(year).newYear;
}

/** Converts a solar date (day number or "YYYY-MM-DD") to the Vietnamese lunar date. */
export function solarToLunar(date: DayNumber | string): LunarDate {
  const day = typeof date === "string" ? parseLocalDate(date) : date;
  const { year } = civilFromDayNumber(day);
  // Tết is never before 21 January, so the date belongs to lunar year `year` or `year - 1`.
  let table: LunarYear;
  if (year === MIN_LUNAR_YEAR) {
    table = lunarYear(year);
    if (day < table.newYear) {
      throw new CalendarInputError("DATE_OUT_OF_RANGE", {
        date: formatLocalDate(day),
        first: formatLocalDate(table.newYear),
      });
    }
  } else {
    table = year > MAX_LUNAR_YEAR ? lunarYear(MAX_LUNAR_YEAR) : lunarYear(year);
    if (day < table.newYear) table = lunarYear(year - 1);
    else if (day > table.lastDay) {
      throw new CalendarInputError("DATE_OUT_OF_RANGE", {
        date: formatLocalDate(day),
        last: formatLocalDate(table.lastDay),
      });
    }
  }
  const months = table.months;
  let lo = 0;
  let hi = months.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((months[mid] as LunarMonth).start <= day) lo = mid;
    else hi = mid - 1;
  }
  const month = months[lo] as LunarMonth;
  return { year: table.year, month: month.month, day: day - month.start + 1, leap: month.leap };
}

/** Converts a Vietnamese lunar date to its solar day number; throws INVALID_LUNAR_DATE if it does not exist. */
export function lunarToDayNumber(date: LunarDate): DayNumber {
  const table = lunarYear(date.year);
  const month = table.months.find((m) => m.month === date.month && m.leap === Boolean(date.leap));
  if (!month || !Number.isInteger(date.day) || date.day < 1 || date.day > month.length) {
    throw new CalendarInputError("INVALID_LUNAR_DATE", { ...date, leapMonth: table.leapMonth });
  }
  return month.start + date.day - 1;
}

/** Converts a Vietnamese lunar date to "YYYY-MM-DD". */
export function lunarToSolar(date: LunarDate): string {
  return formatLocalDate(lunarToDayNumber(date));
}
