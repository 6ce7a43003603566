/**
 * Statutory public holidays (ngày nghỉ lễ, tết) by the Labour Code in force each year, before any yearly
 * decision of the Prime Minister or the Ministry of Home Affairs. Every rule version names its legal basis;
 * the yearly decisions (decisions.ts) then fix the exact Tết and National Day days and swap working days.
 */

import { type DayNumber, dayNumberFromCivil, isoWeekday } from "./local-date.ts";
import { lunarToDayNumber, lunarYear, solarToLunar } from "./lunar.ts";

export type HolidayKey =
  | "new-year"
  | "tet"
  | "hung-kings"
  | "reunification"
  | "labour"
  | "national-day"
  | "culture-day";

export interface HolidayName {
  vi: string;
  en: string;
}

export const HOLIDAY_NAMES: Record<HolidayKey, HolidayName> = {
  "new-year": { vi: "Tết Dương lịch", en: "New Year's Day" },
  tet: { vi: "Tết Âm lịch", en: "Lunar New Year (Tết)" },
  "hung-kings": {
    vi: "Giỗ Tổ Hùng Vương (10/3 âm lịch)",
    en: "Hùng Kings' Commemoration (10th day, 3rd lunar month)",
  },
  reunification: { vi: "Ngày Chiến thắng (30/4)", en: "Reunification Day (30 April)" },
  labour: { vi: "Ngày Quốc tế Lao động (1/5)", en: "International Labour Day (1 May)" },
  "national-day": { vi: "Quốc khánh (2/9)", en: "National Day (2 September)" },
  "culture-day": { vi: "Ngày Văn hóa Việt Nam (24/11)", en: "Vietnamese Culture Day (24 November)" },
};

export interface StatutoryHoliday {
  day: DayNumber;
  key: HolidayKey;
  /** What this particular day is, e.g. "29 tháng Chạp" for a Tết day. */
  detail?: HolidayName;
  source: string;
}

export const LABOUR_CODE_2019 = "Bộ luật Lao động 2019 (45/2019/QH14), Điều 112 khoản 1";
export const LABOUR_CODE_2019_COMPENSATION = "Bộ luật Lao động 2019 (45/2019/QH14), Điều 111 khoản 3";
const LABOUR_CODE_2012 = "Bộ luật Lao động 2012 (10/2012/QH13), Điều 115";
const LABOUR_CODE_1994_2007 = "Bộ luật Lao động 1994, Điều 73, sửa đổi bởi Luật 84/2007/QH11";
const LABOUR_CODE_1994 = "Bộ luật Lao động 1994, Điều 73";
/** DOMAIN.md [S]: Nghị quyết 28/2026/QH16 (in force 01/7/2026) adds 24/11; policy set by Nghị quyết 80-NQ/TW. */
const CULTURE_DAY_SOURCE =
  "Nghị quyết 28/2026/QH16 bổ sung Điều 112 Bộ luật Lao động (Ngày Văn hóa Việt Nam 24/11)";

/** Years for which the rules below are encoded: from the Labour Code 1994 (in force 01/01/1995). */
export const FIRST_HOLIDAY_YEAR = 1995;
export const LAST_HOLIDAY_YEAR = 2199;

interface RuleVersion {
  from: number;
  source: string;
  /** The provision that moves a holiday falling on a weekly rest day to the next working day. */
  compensationSource: string;
  tetDaysBefore: number;
  tetDaysAfter: number;
  nationalDayExtra: boolean;
  hungKings: boolean;
}

/**
 * Rule versions by first year of application.
 * - 1995–2006, Labour Code 1994 art. 73: Tết 4 days (the last day of the year and the first three), one day
 *   each for 1/1, 30/4, 1/5, 2/9.
 * - 2007–2012: Law 84/2007/QH11 adds Giỗ Tổ Hùng Vương (10/3 lunar).
 * - 2013–2020, Labour Code 2012 art. 115: Tết 5 days.
 * - 2021–, Labour Code 2019 art. 112: National Day 2 days (2/9 and one adjacent day).
 * The pre-2021 versions are recorded from the codes' well-known content; only art. 112 of the 2019 code was
 * read in this session.
 */
const VERSIONS: readonly RuleVersion[] = [
  {
    from: 2021,
    source: LABOUR_CODE_2019,
    compensationSource: LABOUR_CODE_2019_COMPENSATION,
    tetDaysBefore: 1,
    tetDaysAfter: 4,
    nationalDayExtra: true,
    hungKings: true,
  },
  {
    from: 2013,
    source: LABOUR_CODE_2012,
    compensationSource: "Bộ luật Lao động 2012 (10/2012/QH13), Điều 115 khoản 3",
    tetDaysBefore: 1,
    tetDaysAfter: 4,
    nationalDayExtra: false,
    hungKings: true,
  },
  {
    from: 2007,
    source: LABOUR_CODE_1994_2007,
    compensationSource: LABOUR_CODE_1994,
    tetDaysBefore: 1,
    tetDaysAfter: 3,
    nationalDayExtra: false,
    hungKings: true,
  },
  {
    from: 1995,
    source: LABOUR_CODE_1994,
    compensationSource: LABOUR_CODE_1994,
    tetDaysBefore: 1,
    tetDaysAfter: 3,
    nationalDayExtra: false,
    hungKings: false,
  },
];

export const CULTURE_DAY_FIRST_YEAR = 2026;

/** The legal basis for compensatory days (nghỉ bù) in `year`. */
export function compensationSource(year: number): string {
  return versionFor(year).compensationSource;
}

function versionFor(year: number): RuleVersion {
  const version = VERSIONS.find((v) => year >= v.from);
  if (!version) throw new Error(`no holiday rules for ${year}`);
  return version;
}

const TET_DAY_NAMES = ["Mùng 1", "Mùng 2", "Mùng 3", "Mùng 4", "Mùng 5", "Mùng 6"];

/**
 * The extra National Day day. Art. 112 lets the Prime Minister pick the day before or after 2/9. Default: the
 * day before (1/9), as decided in 2022, 2023, 2025 and 2026 — except when 2/9 is a Thursday, where the day
 * after (Friday 3/9) joins the weekend, as decided in 2021. (In 2024, 2/9 was a Monday and 3/9 was chosen;
 * the day before was a Sunday, which art. 111 would compensate on 3/9 anyway, so the days off are the same.)
 */
export function nationalDayExtra(year: number): DayNumber {
  const second = dayNumberFromCivil(year, 9, 2);
  return isoWeekday(second) === 4 ? second + 1 : second - 1;
}

/** The statutory holidays of `year`, in date order, before compensation for weekly rest days. */
export function statutoryHolidays(year: number): StatutoryHoliday[] {
  const v = versionFor(year);
  const days: StatutoryHoliday[] = [];
  const add = (day: DayNumber, key: HolidayKey, source: string, detail?: HolidayName) =>
    days.push(detail ? { day, key, source, detail } : { day, key, source });

  add(dayNumberFromCivil(year, 1, 1), "new-year", v.source);

  const tet = lunarYear(year);
  for (let i = v.tetDaysBefore; i >= 1; i--) {
    const day = tet.newYear - i;
    const lunarDay = solarToLunar(day).day;
    add(day, "tet", v.source, {
      vi: `${lunarDay} tháng Chạp${i === 1 ? ", ngày cuối năm âm lịch" : ""}`,
      en: `${lunarDay}th day of the 12th lunar month${i === 1 ? ", the last day of the lunar year" : ""}`,
    });
  }
  for (let i = 0; i < v.tetDaysAfter; i++) {
    add(tet.newYear + i, "tet", v.source, {
      vi: `${TET_DAY_NAMES[i]} tháng Giêng`,
      en: `Day ${i + 1} of the 1st lunar month`,
    });
  }
  if (v.hungKings) add(lunarToDayNumber({ year, month: 3, day: 10, leap: false }), "hung-kings", v.source);
  add(dayNumberFromCivil(year, 4, 30), "reunification", v.source);
  add(dayNumberFromCivil(year, 5, 1), "labour", v.source);
  const second = dayNumberFromCivil(year, 9, 2);
  add(second, "national-day", v.source);
  if (v.nationalDayExtra) {
    const extra = nationalDayExtra(year);
    add(extra, "national-day", v.source, {
      vi: extra < second ? "ngày liền kề trước 2/9" : "ngày liền kề sau 2/9",
      en: extra < second ? "the day before 2 September" : "the day after 2 September",
    });
  }
  if (year >= CULTURE_DAY_FIRST_YEAR)
    add(dayNumberFromCivil(year, 11, 24), "culture-day", CULTURE_DAY_SOURCE);
  return days.sort((a, b) => a.day - b.day);
}
