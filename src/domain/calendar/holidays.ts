/**
 * The days off of one year: statutory holidays (holiday-rules.ts), then the yearly decisions that apply to a
 * unit (decisions.ts), then compensatory days (nghỉ bù) for statutory holidays that fall on a weekly rest day.
 *
 * Weekly rest days are Saturday and Sunday, the civil servants' week (QĐ 188/1999/QĐ-TTg). Compensation
 * (Labour Code 2019 art. 111(3)) moves each such holiday to the next Monday–Friday that is not already off;
 * holidays placed by a decision are taken as decided, without further compensation.
 */
import type { HolidayDecision } from "./decisions.ts";
import { decisionApplies } from "./decisions.ts";
import {
  compensationSource,
  FIRST_HOLIDAY_YEAR,
  HOLIDAY_NAMES,
  type HolidayKey,
  LAST_HOLIDAY_YEAR,
  statutoryHolidays,
} from "./holiday-rules.ts";
import {
  assertYearInRange,
  civilFromDayNumber,
  type DayNumber,
  formatLocalDate,
  formatVietnameseDate,
  isoWeekday,
  isWeekend,
  parseLocalDate,
} from "./local-date.ts";
import { OFFICIAL_DECISIONS } from "./official-decisions.ts";

export type DayKind = "holiday" | "compensatory" | "swap" | "extra" | "make-up";

/** One day whose status differs from, or adds to, the plain weekly pattern. */
export interface DayEntry {
  day: DayNumber;
  date: string;
  /** true: a day off; false: a worked weekend day. */
  off: boolean;
  kind: DayKind;
  weekend: boolean;
  name: string;
  nameEn: string;
  source: string;
  holiday?: HolidayKey;
  decisionId?: string;
}

/** One item of GET /api/v1/calendar/holidays. */
export interface HolidayItem {
  date: string;
  name: string;
  nameEn: string;
  source: string;
  kind: DayKind;
  holiday?: HolidayKey;
  decisionId?: string;
  working?: true;
}

export function unitCodesOf(unit: string | readonly string[] | undefined): readonly string[] {
  if (unit === undefined) return [];
  return typeof unit === "string" ? [unit] : unit;
}

/** "Quốc khánh (2/9)" with detail "ngày liền kề sau 2/9" becomes "Quốc khánh (ngày liền kề sau 2/9)". */
function withDetail(name: string, detail: string | undefined): string {
  return detail ? `${name.replace(/ \([^)]*\)$/, "")} (${detail})` : name;
}

/**
 * Every annotated day of `year` for a unit, in date order: days off on weekdays, holidays that fall on a
 * weekend (kept so that explanations can name them), and worked weekend days.
 * `unit` is the unit's code, or its code with its ancestors' codes so that a province's decisions reach its
 * communes.
 */
export function yearDayEntries(
  year: number,
  decisions: readonly HolidayDecision[] = OFFICIAL_DECISIONS,
  unit?: string | readonly string[],
): DayEntry[] {
  assertYearInRange(year, FIRST_HOLIDAY_YEAR, LAST_HOLIDAY_YEAR);
  const codes = unitCodesOf(unit);
  const applicable = decisions
    .filter((d) => decisionApplies(d, codes))
    .sort((a, b) => Number(a.scope.kind !== "national") - Number(b.scope.kind !== "national"));
  const superseded = new Set<HolidayKey>();
  for (const d of applicable) if (d.year === year) for (const key of d.supersedes) superseded.add(key);

  const entries = new Map<DayNumber, DayEntry>();
  const put = (entry: Omit<DayEntry, "date" | "weekend">) =>
    entries.set(entry.day, { ...entry, date: formatLocalDate(entry.day), weekend: isWeekend(entry.day) });

  const statutory = statutoryHolidays(year).filter((h) => !superseded.has(h.key));
  for (const h of statutory) {
    const name = HOLIDAY_NAMES[h.key];
    put({
      day: h.day,
      off: true,
      kind: "holiday",
      name: withDetail(name.vi, h.detail?.vi),
      nameEn: withDetail(name.en, h.detail?.en),
      source: h.source,
      holiday: h.key,
    });
  }

  for (const d of applicable) {
    for (const off of d.daysOff) {
      const day = parseLocalDate(off.date);
      if (civilFromDayNumber(day).year !== year) continue;
      const swapped = d.workingDays.find((w) => w.replaces === off.date);
      let name: string;
      let nameEn: string;
      if (off.kind === "holiday" && off.holiday) {
        name = off.name ?? HOLIDAY_NAMES[off.holiday].vi;
        nameEn = off.nameEn ?? HOLIDAY_NAMES[off.holiday].en;
      } else if (off.kind === "swap") {
        const when = swapped ? parseLocalDate(swapped.date) : undefined;
        name =
          off.name ??
          (when === undefined
            ? "Nghỉ hoán đổi ngày làm việc"
            : `Nghỉ hoán đổi ngày làm việc (làm bù ngày ${formatVietnameseDate(when)})`);
        nameEn =
          off.nameEn ??
          (when === undefined ? "Swapped day off" : `Swapped day off (made up on ${formatLocalDate(when)})`);
      } else {
        name = off.name ?? d.title;
        nameEn = off.nameEn ?? d.titleEn;
      }
      put({
        day,
        off: true,
        kind: off.kind,
        name,
        nameEn,
        source: d.source,
        decisionId: d.id,
        ...(off.holiday ? { holiday: off.holiday } : {}),
      });
    }
    for (const work of d.workingDays) {
      const day = parseLocalDate(work.date);
      if (civilFromDayNumber(day).year !== year) continue;
      const replaced = work.replaces ? parseLocalDate(work.replaces) : undefined;
      put({
        day,
        off: false,
        kind: "make-up",
        name:
          work.name ??
          (replaced === undefined
            ? "Ngày làm việc bù"
            : `Làm việc bù cho ngày ${formatVietnameseDate(replaced)}`),
        nameEn:
          work.nameEn ??
          (replaced === undefined
            ? "Make-up working day"
            : `Make-up working day for ${formatLocalDate(replaced)}`),
        source: d.source,
        decisionId: d.id,
      });
    }
  }

  const compensation = compensationSource(year);
  for (const h of statutory) {
    if (!isWeekend(h.day)) continue;
    let day = h.day + 1;
    while (isWeekend(day) || entries.get(day)?.off) day++;
    const name = HOLIDAY_NAMES[h.key];
    const weekday = civilWeekdayName(h.day);
    put({
      day,
      off: true,
      kind: "compensatory",
      name: `Nghỉ bù ${withDetail(name.vi, `${formatVietnameseDate(h.day)} trùng ${weekday.vi}`)}`,
      nameEn: `Compensatory day for ${withDetail(name.en, `${formatLocalDate(h.day)} fell on a ${weekday.en}`)}`,
      source: compensation,
      holiday: h.key,
    });
  }

  return [...entries.values()].sort((a, b) => a.day - b.day);
}

function civilWeekdayName(day: DayNumber): { vi: string; en: string } {
  return isoWeekday(day) === 6 ? { vi: "thứ Bảy", en: "Saturday" } : { vi: "Chủ nhật", en: "Sunday" };
}

/**
 * The contract of GET /api/v1/calendar/holidays: every day off that is not a Saturday or Sunday, plus the
 * weekend days worked (marked `working: true`), in date order.
 */
export function holidaysForYear(
  year: number,
  decisions: readonly HolidayDecision[] = OFFICIAL_DECISIONS,
  unit?: string | readonly string[],
): HolidayItem[] {
  return yearDayEntries(year, decisions, unit)
    .filter((e) => e.off !== e.weekend)
    .map((e) => {
      const item: HolidayItem = {
        date: e.date,
        name: e.name,
        nameEn: e.nameEn,
        source: e.source,
        kind: e.kind,
      };
      if (e.holiday) item.holiday = e.holiday;
      if (e.decisionId) item.decisionId = e.decisionId;
      if (!e.off) item.working = true;
      return item;
    });
}
