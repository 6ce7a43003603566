/**
 * Why a transition was refused. The codes are stable: the HTTP layer maps each to a 4xx answer (409 for a
 * status that does not allow the event, 422 for a broken rule) and integrations branch on them.
 */
export type TransitionErrorCode =
  /** The dossier's status does not accept this event. */
  | "EVENT_NOT_ALLOWED"
  /** The event is dated before the dossier's last change. */
  | "TIME_WENT_BACKWARDS"
  /** A refusal, rejection, send-back or stop needs a reason. */
  | "REASON_REQUIRED"
  /** A supplement request must list at least one item, each with a name and a reason. */
  | "SUPPLEMENT_ITEMS_REQUIRED"
  /** A supplement request after acceptance came more than 3 working days after receipt. */
  | "SUPPLEMENT_WINDOW_CLOSED"
  /** Everything missing must be asked for at once: a second request after acceptance is refused. */
  | "SUPPLEMENT_ALREADY_REQUESTED"
  /** The 15 days for the supplement have not run out yet. */
  | "SUPPLEMENT_NOT_EXPIRED"
  /** The legal extension was already applied to this dossier. */
  | "EXTENSION_ALREADY_APPLIED"
  /** An extension is applied before the due date, not to cover a delay. */
  | "EXTENSION_TOO_LATE"
  /** The extension's total is not longer than the standard processing time. */
  | "EXTENSION_NOT_LONGER"
  /** The appointment was already moved once. */
  | "APPOINTMENT_ALREADY_MOVED"
  /** The new appointment is not after the current one. */
  | "APPOINTMENT_NOT_LATER"
  /** The current step does not allow sending the dossier back. */
  | "SEND_BACK_NOT_ALLOWED"
  /** The current step is the last one: approve, reject or record the result instead. */
  | "NO_NEXT_STEP"
  /** Only a leader's step decides (approve or reject). */
  | "NOT_A_DECISION_STEP"
  /** The receiving unit does not offer the step being transferred. */
  | "UNIT_DOES_NOT_OFFER_STEP"
  /** The dossier's step index does not exist in the workflow given. */
  | "WORKFLOW_MISMATCH"
  /** The processing time given at acceptance is not a valid duration. */
  | "INVALID_DURATION"
  /** A result needs a number, a date and a signer; a return needs its reference. */
  | "RESULT_INCOMPLETE";

const MESSAGES: Record<TransitionErrorCode, { vi: string; en: string }> = {
  EVENT_NOT_ALLOWED: {
    vi: "Trạng thái hiện tại của hồ sơ không cho phép thao tác này.",
    en: "The dossier's current status does not allow this action.",
  },
  TIME_WENT_BACKWARDS: {
    vi: "Thời điểm thao tác trước thời điểm cập nhật gần nhất của hồ sơ.",
    en: "The action is dated before the dossier's last change.",
  },
  REASON_REQUIRED: { vi: "Phải nêu rõ lý do.", en: "A reason is required." },
  SUPPLEMENT_ITEMS_REQUIRED: {
    vi: "Phải nêu đầy đủ một lần các nội dung cần bổ sung, hoàn thiện và lý do.",
    en: "Every item to add or correct must be listed at once, each with its reason.",
  },
  SUPPLEMENT_WINDOW_CLOSED: {
    vi: "Đã quá 03 ngày làm việc kể từ ngày tiếp nhận hồ sơ, không được yêu cầu bổ sung.",
    en: "More than 3 working days have passed since receipt; a supplement can no longer be requested.",
  },
  SUPPLEMENT_ALREADY_REQUESTED: {
    vi: "Hồ sơ đã được yêu cầu bổ sung; các nội dung phải được yêu cầu đầy đủ một lần.",
    en: "A supplement was already requested; everything must be asked for at once.",
  },
  SUPPLEMENT_NOT_EXPIRED: {
    vi: "Chưa hết thời hạn 15 ngày kể từ khi yêu cầu bổ sung hồ sơ.",
    en: "The 15 days since the supplement request have not run out.",
  },
  EXTENSION_ALREADY_APPLIED: {
    vi: "Hồ sơ đã được gia hạn thời hạn giải quyết theo quy định.",
    en: "The legal extension was already applied to this dossier.",
  },
  EXTENSION_TOO_LATE: {
    vi: "Chỉ được kéo dài thời hạn giải quyết trước khi hết hạn; hồ sơ đã quá hạn phải xin lỗi và hẹn lại.",
    en: "The extension must be applied before the due date; a late dossier needs an apology and a new date.",
  },
  EXTENSION_NOT_LONGER: {
    vi: "Thời hạn kéo dài phải dài hơn thời hạn giải quyết thông thường.",
    en: "The extended time must be longer than the standard processing time.",
  },
  APPOINTMENT_ALREADY_MOVED: {
    vi: "Ngày hẹn trả kết quả chỉ được điều chỉnh một lần.",
    en: "The appointment may be moved only once.",
  },
  APPOINTMENT_NOT_LATER: {
    vi: "Ngày hẹn mới phải sau ngày hẹn hiện tại.",
    en: "The new appointment must be after the current one.",
  },
  SEND_BACK_NOT_ALLOWED: {
    vi: "Bước xử lý hiện tại không cho phép trả lại bước trước.",
    en: "The current step does not allow sending the dossier back.",
  },
  NO_NEXT_STEP: { vi: "Đây là bước cuối của quy trình.", en: "This is the last step of the workflow." },
  NOT_A_DECISION_STEP: {
    vi: "Chỉ bước của lãnh đạo mới được phê duyệt hoặc từ chối.",
    en: "Only a leader's step may approve or reject.",
  },
  UNIT_DOES_NOT_OFFER_STEP: {
    vi: "Đơn vị nhận không thực hiện bước xử lý này.",
    en: "The receiving unit does not offer this step.",
  },
  WORKFLOW_MISMATCH: {
    vi: "Bước xử lý của hồ sơ không có trong quy trình.",
    en: "The dossier's step is not in the workflow.",
  },
  INVALID_DURATION: {
    vi: "Thời hạn giải quyết không hợp lệ.",
    en: "The processing time is invalid.",
  },
  RESULT_INCOMPLETE: {
    vi: "Thông tin kết quả hoặc việc trả kết quả chưa đầy đủ.",
    en: "The result or its return is missing required information.",
  },
};

export interface TransitionError {
  code: TransitionErrorCode;
  message: string;
  messageVi: string;
  details?: Readonly<Record<string, unknown>>;
}

export function transitionError(
  code: TransitionErrorCode,
  details?: Readonly<Record<string, unknown>>,
): TransitionError {
  const { vi, en } = MESSAGES[code];
  return details === undefined
    ? { code, message: en, messageVi: vi }
    : { code, message: en, messageVi: vi, details };
}
