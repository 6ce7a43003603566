/**
 * Report periods and their cut-off dates. Figures of a period run from the 15th to the 14th (NĐ 09/2019/NĐ-CP
 * art. 12, "thời gian chốt số liệu", as provinces apply it to Biểu 06/VPCP/KSTT of TT 01/2020/TT-VPCP; DOMAIN.md
 * marks it [S]): a month from the 15th of the month before to its 14th; a quarter from the 15th of the month before
 * its first month to the 14th of its last month; the first half-year 15/12 → 14/6, the second 15/6 → 14/12; the
 * year 15/12 of the year before → 14/12. Dates are local (UTC+7) and both ends are included.
 */

export type PeriodKind = "month" | "quarter" | "half" | "year" | "range";

export interface ReportPeriod {
  kind: PeriodKind;
  /** The period as asked: "2026-11", "2026-Q4", "2026-H2", "2026", or "2026-11-01..2026-11-30". */
  label: string;
  /** First local day, YYYY-MM-DD, included. */
  from: string;
  /** Last local day, YYYY-MM-DD, included. */
  to: string;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The 15th of the month before `month` (1–12) of `year`. */
function fifteenthBefore(year: number, month: number): string {
  return month === 1 ? `${year - 1}-12-15` : `${year}-${pad(month - 1)}-15`;
}

const fourteenth = (year: number, month: number) => `${year}-${pad(month)}-14`;

/** A legal period by its label, or null when the label is not one. Years 2000–2099. */
export function legalPeriod(label: string): ReportPeriod | null {
  let m = /^(20\d\d)-(0[1-9]|1[0-2])$/.exec(label);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    return { kind: "month", label, from: fifteenthBefore(y, mo), to: fourteenth(y, mo) };
  }
  m = /^(20\d\d)-Q([1-4])$/.exec(label);
  if (m) {
    const [y, q] = [Number(m[1]), Number(m[2])];
    return { kind: "quarter", label, from: fifteenthBefore(y, 3 * q - 2), to: fourteenth(y, 3 * q) };
  }
  m = /^(20\d\d)-H([12])$/.exec(label);
  if (m) {
    const [y, h] = [Number(m[1]), Number(m[2])];
    return h === 1
      ? { kind: "half", label, from: `${y - 1}-12-15`, to: fourteenth(y, 6) }
      : { kind: "half", label, from: `${y}-06-15`, to: fourteenth(y, 12) };
  }
  m = /^(20\d\d)$/.exec(label);
  if (m) {
    const y = Number(m[1]);
    return { kind: "year", label, from: `${y - 1}-12-15`, to: fourteenth(y, 12) };
  }
  return null;
}

/** Longest free range, in days: a report is at most a few years of figures. */
export const MAX_RANGE_DAYS = 5 * 366;

function isRealDate(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
}

/** Any range of local days, both included; null when a date is not a date, `to` precedes `from`, or it is too long. */
export function rangePeriod(from: string, to: string): ReportPeriod | null {
  if (!isRealDate(from) || !isRealDate(to) || to < from) return null;
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  if (days > MAX_RANGE_DAYS) return null;
  return { kind: "range", label: `${from}..${to}`, from, to };
}

/** Vietnam keeps UTC+7 all year. */
const OFFSET_MS = 7 * 3_600_000;

/** The instant a local day starts (00:00 in Vietnam). */
export function localDayStart(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) - OFFSET_MS;
}

/** The period as instants: [start, end), end being the start of the day after `to`. */
export function periodInstants(period: ReportPeriod): { start: number; end: number } {
  return { start: localDayStart(period.from), end: localDayStart(period.to) + 86_400_000 };
}
