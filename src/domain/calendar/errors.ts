/**
 * The one error the calendar domain throws on bad input. The HTTP layer maps every code to a 4xx answer; the
 * codes are stable, so integrations can branch on them.
 */
export type CalendarErrorCode =
  | "INVALID_DATE"
  | "INVALID_INSTANT"
  | "INVALID_TIME"
  | "YEAR_OUT_OF_RANGE"
  | "DATE_OUT_OF_RANGE"
  | "DURATION_OUT_OF_RANGE"
  | "INVALID_SHARES"
  | "INVALID_SCHEDULE"
  | "INVALID_DECISION"
  | "INVALID_LUNAR_DATE";

const MESSAGES: Record<CalendarErrorCode, { vi: string; en: string }> = {
  INVALID_DATE: { vi: "Ngày không hợp lệ.", en: "The date is invalid." },
  INVALID_INSTANT: { vi: "Thời điểm không hợp lệ.", en: "The instant is invalid." },
  INVALID_TIME: { vi: "Giờ không hợp lệ.", en: "The time of day is invalid." },
  YEAR_OUT_OF_RANGE: { vi: "Năm nằm ngoài phạm vi hỗ trợ.", en: "The year is outside the supported range." },
  DATE_OUT_OF_RANGE: { vi: "Ngày nằm ngoài phạm vi hỗ trợ.", en: "The date is outside the supported range." },
  DURATION_OUT_OF_RANGE: {
    vi: "Thời hạn phải là số không âm và không quá lớn.",
    en: "The duration must be non-negative and not absurdly large.",
  },
  INVALID_SHARES: { vi: "Tỷ lệ phân chia thời hạn không hợp lệ.", en: "The deadline shares are invalid." },
  INVALID_SCHEDULE: { vi: "Lịch làm việc không hợp lệ.", en: "The working schedule is invalid." },
  INVALID_DECISION: {
    vi: "Quyết định về ngày nghỉ không hợp lệ.",
    en: "The holiday decision is invalid.",
  },
  INVALID_LUNAR_DATE: { vi: "Ngày âm lịch không tồn tại.", en: "No such lunar date." },
};

export class CalendarInputError extends Error {
  readonly code: CalendarErrorCode;
  readonly messageVi: string;
  readonly details: unknown;

  constructor(code: CalendarErrorCode, details?: unknown, message?: { vi?: string; en?: string }) {
    const spec = MESSAGES[code];
    super(message?.en ?? spec.en);
    this.name = "CalendarInputError";
    this.code = code;
    this.messageVi = message?.vi ?? spec.vi;
    this.details = details;
  }
}
