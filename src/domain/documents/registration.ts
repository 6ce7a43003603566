/**
 * When an incoming document must be registered: "trong ngày, chậm nhất là trong ngày làm việc tiếp theo"
 * (NĐ 30/2020/NĐ-CP Điều 22(1)): by the end of the working day after the day it arrived; urgent documents
 * at once. Days are the unit's working days (holidays and make-up days from the calendar).
 */
export interface WorkingDays {
  isWorkingDay(day: number): boolean;
  nextWorkingDay(day: number): number;
}

/** The last local day (DayNumber) on which a document that arrived on `arrivalDay` may still be registered. */
export function registrationDeadlineDay(calendar: WorkingDays, arrivalDay: number): number {
  // Arriving on a day off counts from the next working day; the deadline is the working day after that.
  const first = calendar.isWorkingDay(arrivalDay) ? arrivalDay : calendar.nextWorkingDay(arrivalDay);
  return calendar.nextWorkingDay(first);
}

/** Whether a registration on `registeredDay` kept the rule. */
export function registeredInTime(calendar: WorkingDays, arrivalDay: number, registeredDay: number): boolean {
  return registeredDay <= registrationDeadlineDay(calendar, arrivalDay);
}

/**
 * Work files go to the agency archive within one year after the work ends (NĐ 30/2020 Điều 31(1)(b) for files of
 * the work; Luật Lưu trữ 2011 Điều 11). motcua warns 30 days before (Phụ lục VI).
 */
export const ARCHIVE_WARNING_DAYS = 30;
export function archiveDueDate(closedOn: string): string {
  const [y, m, d] = closedOn.split("-").map(Number) as [number, number, number];
  const due = new Date(Date.UTC(y + 1, m - 1, d));
  return due.toISOString().slice(0, 10);
}
