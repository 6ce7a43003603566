/**
 * Why a deadline falls where it does: the days between the start of the count and the due instant that were
 * not counted (weekend, which holiday, which compensatory day, which decision with its legal source), and the
 * weekend days that were counted because a decision made them working days.
 */
import { countingStart, isLateReception } from "./deadline.ts";
import type { DayKind } from "./holidays.ts";
import { formatInstant, type Instant, localDayOf } from "./instant.ts";
import { formatLocalDate, isoWeekday, isWeekend } from "./local-date.ts";
import type { WorkingCalendar } from "./working-time.ts";

export type SkipReason = "weekend" | "rest-day" | Exclude<DayKind, "make-up">;

export interface ExplainedDay {
  date: string;
  reason: SkipReason | "make-up";
  name: string;
  nameEn: string;
  source?: string;
  decisionId?: string;
}

export interface DeadlineExplanation {
  receivedAt: string;
  lateReception: boolean;
  countingStart: string;
  due: string;
  /** Days not counted, in date order. */
  skipped: ExplainedDay[];
  /** Weekend days counted as working days by a decision. */
  workedWeekendDays: ExplainedDay[];
}

const WEEKDAY_NAMES: Record<number, { vi: string; en: string }> = {
  1: { vi: "Thứ Hai", en: "Monday" },
  2: { vi: "Thứ Ba", en: "Tuesday" },
  3: { vi: "Thứ Tư", en: "Wednesday" },
  4: { vi: "Thứ Năm", en: "Thursday" },
  5: { vi: "Thứ Sáu", en: "Friday" },
  6: { vi: "Thứ Bảy", en: "Saturday" },
  7: { vi: "Chủ nhật", en: "Sunday" },
};

/**
 * Explains the deadline from `receivedAt` to `due`. With `applyCutoff` (default true) the count starts as
 * computeDue starts it; the explanation then also says whether the reception was late.
 */
export function explainDeadline(
  calendar: WorkingCalendar,
  receivedAt: Instant,
  due: Instant,
  options: { applyCutoff?: boolean } = {},
): DeadlineExplanation {
  const applyCutoff = options.applyCutoff ?? true;
  const start = applyCutoff ? countingStart(calendar, receivedAt) : receivedAt;
  const skipped: ExplainedDay[] = [];
  const workedWeekendDays: ExplainedDay[] = [];
  const first = localDayOf(Math.min(receivedAt, start));
  const last = localDayOf(due);
  for (let day = first; day <= last; day++) {
    const entry = calendar.dayEntry(day);
    const date = formatLocalDate(day);
    const weekday = WEEKDAY_NAMES[isoWeekday(day)] as { vi: string; en: string };
    if (calendar.isWorkingDay(day)) {
      if (isWeekend(day) && entry) {
        workedWeekendDays.push({
          date,
          reason: "make-up",
          name: `${weekday.vi}: ${entry.name}`,
          nameEn: `${weekday.en}: ${entry.nameEn}`,
          source: entry.source,
          ...(entry.decisionId ? { decisionId: entry.decisionId } : {}),
        });
      }
      continue;
    }
    if (entry?.off && !entry.weekend) {
      skipped.push({
        date,
        reason: entry.kind as SkipReason,
        name: entry.name,
        nameEn: entry.nameEn,
        source: entry.source,
        ...(entry.decisionId ? { decisionId: entry.decisionId } : {}),
      });
    } else if (isWeekend(day)) {
      skipped.push({
        date,
        reason: "weekend",
        name: entry ? `${weekday.vi}, trùng ${entry.name}` : weekday.vi,
        nameEn: entry ? `${weekday.en}, also ${entry.nameEn}` : weekday.en,
        ...(entry ? { source: entry.source } : {}),
      });
    } else {
      skipped.push({
        date,
        reason: "rest-day",
        name: `${weekday.vi}: ngày nghỉ theo lịch làm việc của đơn vị`,
        nameEn: `${weekday.en}: not a working day in the unit's schedule`,
      });
    }
  }
  return {
    receivedAt: formatInstant(receivedAt),
    lateReception: applyCutoff && isLateReception(calendar, receivedAt),
    countingStart: formatInstant(start),
    due: formatInstant(due),
    skipped,
    workedWeekendDays,
  };
}
