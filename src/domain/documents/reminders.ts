/**
 * Reminders of the due date of an assignment of an incoming document.
 *
 * NĐ 30/2020/NĐ-CP Điều 24 (giải quyết và theo dõi, đôn đốc việc giải quyết văn bản đến): the head of the agency
 * directs the timely handling of incoming documents and has their handling followed up; units and persons handle
 * them within the time limit set by law or by the agency. Phụ lục VI asks the electronic system to track and
 * remind ("theo dõi, đôn đốc"). The decree sets no lead time for a reminder, so motcua chooses one:
 * - due soon: from the working day before the due date (DUE_SOON_WORKING_DAYS = 1 working day, counted on the
 *   unit's working calendar, so weekends, holidays and make-up days are taken into account);
 * - overdue: from the day after the due date.
 * Reminders are sent on working days only, so the overdue one goes out on the first working day after the due
 * date (a document due on a Friday is reminded on Monday, not on Saturday).
 */
import type { WorkingDays } from "./registration.ts";

export const DUE_SOON_WORKING_DAYS = 1;

export type AssignmentTiming = "due_soon" | "overdue";

/** The first local day (DayNumber) on which an assignment due on `dueDay` counts as due soon. */
export function dueSoonFrom(calendar: Pick<WorkingDays, "isWorkingDay">, dueDay: number): number {
  let day = dueDay;
  for (let left = DUE_SOON_WORKING_DAYS; left > 0; ) {
    day--;
    if (calendar.isWorkingDay(day)) left--;
  }
  return day;
}

/** Where an open assignment due on `dueDay` stands on `today`: due soon, overdue, or neither (null). */
export function assignmentTiming(
  calendar: Pick<WorkingDays, "isWorkingDay">,
  dueDay: number,
  today: number,
): AssignmentTiming | null {
  if (today > dueDay) return "overdue";
  if (today >= dueSoonFrom(calendar, dueDay)) return "due_soon";
  return null;
}

/** The reminder to send on `today` (a working day only), before checking whether it was already sent. */
export function reminderDue(
  calendar: Pick<WorkingDays, "isWorkingDay">,
  dueDay: number,
  today: number,
): AssignmentTiming | null {
  return calendar.isWorkingDay(today) ? assignmentTiming(calendar, dueDay, today) : null;
}
