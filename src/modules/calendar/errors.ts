import { type CalendarErrorCode, CalendarInputError } from "../../domain/calendar/index.ts";
import { AppError, type ErrorCode } from "../../errors.ts";

/** Every code of the calendar domain has an AppError of the same name (and a 4xx status in errors.ts). */
const CODES: Record<CalendarErrorCode, ErrorCode> = {
  INVALID_DATE: "INVALID_DATE",
  INVALID_INSTANT: "INVALID_INSTANT",
  INVALID_TIME: "INVALID_TIME",
  YEAR_OUT_OF_RANGE: "YEAR_OUT_OF_RANGE",
  DATE_OUT_OF_RANGE: "DATE_OUT_OF_RANGE",
  DURATION_OUT_OF_RANGE: "DURATION_OUT_OF_RANGE",
  INVALID_SHARES: "INVALID_SHARES",
  INVALID_SCHEDULE: "INVALID_SCHEDULE",
  INVALID_DECISION: "INVALID_DECISION",
  INVALID_LUNAR_DATE: "INVALID_LUNAR_DATE",
};

/** The calendar's bad-input error as the API's error, with the domain's own specific messages and details. */
export function calendarAppError(error: CalendarInputError): AppError {
  return new AppError(CODES[error.code], {
    vi: error.messageVi,
    en: error.message,
    ...(error.details === undefined ? {} : { details: error.details }),
  });
}

/** Rethrows a CalendarInputError as an AppError; anything else unchanged. For callers outside the routes. */
export function asAppError(error: unknown): unknown {
  return error instanceof CalendarInputError ? calendarAppError(error) : error;
}
