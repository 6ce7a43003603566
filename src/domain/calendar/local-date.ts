/**
 * Calendar dates as day numbers: whole days since 1970-01-01 in the proleptic Gregorian calendar. A day number
 * names a date, not an instant; which instants belong to it is the business of instant.ts (Asia/Ho_Chi_Minh).
 * Pure arithmetic (H. Hinnant's civil-date algorithms), no Date object, so the machine's TZ never matters.
 */
import { CalendarInputError } from "./errors.ts";

export type DayNumber = number;

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** Years any calendar function accepts as a plain date. The lunar tables cover 1900–2199. */
export const MIN_SUPPORTED_YEAR = 1900;
export const MAX_SUPPORTED_YEAR = 2199;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function dayNumberFromCivil(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDayNumber(dayNumber: DayNumber): CivilDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(dayNumber: DayNumber): number {
  // 1970-01-01 was a Thursday (4).
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

export function isWeekend(dayNumber: DayNumber): boolean {
  return isoWeekday(dayNumber) >= 6;
}

export function firstDayOfYear(year: number): DayNumber {
  return dayNumberFromCivil(year, 1, 1);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

export function formatLocalDate(dayNumber: DayNumber): string {
  const { year, month, day } = civilFromDayNumber(dayNumber);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** "dd/mm/yyyy", the way Vietnamese documents write a date. */
export function formatVietnameseDate(dayNumber: DayNumber): string {
  const { year, month, day } = civilFromDayNumber(dayNumber);
  return `${pad(day, 2)}/${pad(month, 2)}/${year}`;
}

export function assertYearInRange(year: number, min = MIN_SUPPORTED_YEAR, max = MAX_SUPPORTED_YEAR): void {
  if (!Number.isInteger(year) || year < min || year > max) {
    throw new CalendarInputError(
      "YEAR_OUT_OF_RANGE",
      { year, min, max },
      {
        vi: `Năm phải là số nguyên từ ${min} đến ${max}.`,
        en: `The year must be an integer from ${min} to ${max}.`,
      },
    );
  }
}

/** Checks that year-month-day names a real date (2026-02-30 does not) within the supported years. */
export function checkedDayNumber(year: number, month: number, day: number): DayNumber {
  if (![year, month, day].every(Number.isInteger) || month < 1 || month > 12) {
    throw new CalendarInputError("INVALID_DATE", { year, month, day });
  }
  if (day < 1 || day > daysInMonth(year, month)) {
    throw new CalendarInputError(
      "INVALID_DATE",
      { year, month, day },
      {
        vi: `Tháng ${month}/${year} không có ngày ${day}.`,
        en: `${year}-${pad(month, 2)} has no day ${day}.`,
      },
    );
  }
  assertYearInRange(year);
  return dayNumberFromCivil(year, month, day);
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses "YYYY-MM-DD" strictly; throws INVALID_DATE for anything else, including impossible dates. */
export function parseLocalDate(text: string): DayNumber {
  const match = typeof text === "string" ? DATE_PATTERN.exec(text) : null;
  if (!match) {
    throw new CalendarInputError(
      "INVALID_DATE",
      { value: text },
      {
        vi: "Ngày phải có dạng YYYY-MM-DD.",
        en: "The date must look like YYYY-MM-DD.",
      },
    );
  }
  return checkedDayNumber(Number(match[1]), Number(match[2]), Number(match[3]));
}
