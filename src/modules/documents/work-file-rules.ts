/**
 * The time rules of a work file (NĐ 30/2020 Điều 28–31; Luật Lưu trữ 2011 Điều 11(1)(a)): a closed file goes to the
 * agency archive within 1 year from the day its work ended, and the system warns 30 days before that day
 * (NĐ 30/2020 Phụ lục VI).
 */

export const ARCHIVE_WARNING_DAYS = 30;

/**
 * The last day to hand a file over: the same calendar day one year after the work ended. Our choice where the law
 * is open: a file whose work ended on 29 February is due on 28 February of the next year.
 */
export function archiveDueOn(workEndedOn: string): string {
  const [y, m, d] = workEndedOn.split("-").map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y + 1, m, 0)).getUTCDate();
  return `${y + 1}-${String(m).padStart(2, "0")}-${String(Math.min(d, lastDay)).padStart(2, "0")}`;
}

const dayNumber = (isoDay: string): number => Date.parse(`${isoDay}T00:00:00Z`) / 86_400_000;

/** "due" when the last day is at most 30 days away (or passed), "overdue" after it, else null. */
export function archiveWarning(dueOn: string | null, today: string): "due" | "overdue" | null {
  if (!dueOn) return null;
  const left = dayNumber(dueOn) - dayNumber(today);
  if (left < 0) return "overdue";
  return left <= ARCHIVE_WARNING_DAYS ? "due" : null;
}
