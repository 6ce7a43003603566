/**
 * What a dossier takes from its procedure version: the processing time as the machine counts it, the text the
 * receipt prints, and the fee.
 */
import type { Instant, LegalDuration, WorkingCalendar } from "../../domain/calendar/index.ts";
import { localDayOf } from "../../domain/calendar/index.ts";
import { computeFee } from "../../domain/catalog/fees.ts";
import type { Procedure, ProcessingTime, TimeLimit } from "../../domain/catalog/procedure-schema.ts";
import type { ExtensionRequest } from "../../domain/dossier/index.ts";
import { AppError } from "../../errors.ts";

function two(n: number): string {
  return String(n).padStart(2, "0");
}

/** "03 ngày làm việc", "Trong ngày làm việc", … as the receipt prints it. */
export function processingTimeText(limit: TimeLimit): string {
  if (limit.kind === "same_day") {
    return limit.variant === "on_the_spot"
      ? "Giải quyết ngay trong ngày làm việc"
      : "Trong ngày làm việc (tiếp nhận sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo)";
  }
  switch (limit.unit) {
    case "working_days":
      return `${two(limit.value)} ngày làm việc`;
    case "working_hours":
      return `${two(limit.value)} giờ làm việc`;
    case "calendar_days":
      return `${two(limit.value)} ngày`;
  }
}

/**
 * The machine's duration for a time limit. "Same day" is its own kind of limit (the end of the reception's
 * working day, or of the next one after 15:00: Luật Hộ tịch 2014 art. 5(3), NĐ 23/2015 art. 7(1); the catalog's
 * budget of working hours is not used to count it). Working days and hours map one for one. Calendar days ("ngày")
 * count the working days in the period after the reception day, plus one when the period ends on a day off
 * (Civil Code 2015 art. 148: it then ends on the next working day).
 */
export function durationFor(limit: TimeLimit, calendar: WorkingCalendar, receivedAt: Instant): LegalDuration {
  if (limit.kind === "same_day") return { sameDay: true };
  switch (limit.unit) {
    case "working_days":
      return { workingDays: limit.value };
    case "working_hours":
      return { workingHours: limit.value };
    case "calendar_days": {
      const start = localDayOf(receivedAt);
      const end = start + limit.value;
      const n = calendar.workingDaysBetween(start + 1, end + 1) + (calendar.isWorkingDay(end) ? 0 : 1);
      return { workingDays: Math.max(1, n) };
    }
  }
}

/** The fee in đồng when the rules give one amount; null when it depends on facts not entered (or on a resolution). */
export function feeFor(
  procedure: Procedure,
  input: { caseId: string | null; pages?: number | undefined; copies?: number | undefined },
): number | null {
  try {
    const result = computeFee(procedure, {
      caseId: input.caseId,
      ...(input.pages !== undefined ? { pages: input.pages } : {}),
      ...(input.copies !== undefined ? { copies: input.copies } : {}),
    });
    return result.status === "computed" ? result.totalVnd : null;
  } catch {
    return null;
  }
}

/**
 * The legal extension the procedure allows (its catalog `extension`: the total time when verification is needed,
 * e.g. kết hôn 5 working days, Luật Hộ tịch 2014 art. 18(2); chứng thực 2 more working days, NĐ 23/2015
 * art. 7(2)), as the machine's request with the officer's reason. EXTENSION_NOT_AVAILABLE when there is none.
 * The catalog's total counts from the reception like the standard time.
 */
export function extensionOf(
  processing: ProcessingTime,
  calendar: WorkingCalendar,
  receivedAt: Date,
  reason: string,
): ExtensionRequest {
  if (processing.extension === null) throw new AppError("EXTENSION_NOT_AVAILABLE");
  return { total: durationFor(processing.extension.total, calendar, receivedAt.getTime()), reason };
}
