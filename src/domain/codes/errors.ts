/** The one error the codes domain throws on bad input; codes are stable and map to 4xx answers. */
export type CodeErrorCode =
  | "INVALID_AGENCY_CODE"
  | "INVALID_DATE"
  | "SEQUENCE_OUT_OF_RANGE"
  | "INVALID_SERIES"
  | "INVALID_DOSSIER_CODE"
  | "FORMAT_NOT_IN_FORCE"
  | "AGENCY_STYLE_MISMATCH"
  | "INVALID_SECRET_LENGTH";

const MESSAGES: Record<CodeErrorCode, { vi: string; en: string }> = {
  INVALID_AGENCY_CODE: { vi: "Mã định danh cơ quan không hợp lệ.", en: "The agency identifier is invalid." },
  INVALID_DATE: { vi: "Ngày tiếp nhận không hợp lệ.", en: "The reception date is invalid." },
  SEQUENCE_OUT_OF_RANGE: {
    vi: "Số thứ tự hồ sơ trong ngày phải từ 1 đến 9999.",
    en: "The daily sequence must be from 1 to 9999.",
  },
  INVALID_SERIES: {
    vi: "Ký hiệu AA phải gồm 2 ký tự chữ in hoa hoặc số.",
    en: "The AA series must be two uppercase letters or digits.",
  },
  INVALID_DOSSIER_CODE: { vi: "Mã số hồ sơ không đúng cấu trúc.", en: "The dossier code is malformed." },
  FORMAT_NOT_IN_FORCE: {
    vi: "Cấu trúc mã số hồ sơ không áp dụng cho ngày tiếp nhận này.",
    en: "This dossier code format was not in force on the reception date.",
  },
  AGENCY_STYLE_MISMATCH: {
    vi: "Kiểu mã định danh cơ quan không phù hợp với cấu trúc mã số hồ sơ.",
    en: "The agency identifier's style does not fit this dossier code format.",
  },
  INVALID_SECRET_LENGTH: {
    vi: "Độ dài mã tra cứu không hợp lệ.",
    en: "The lookup secret length is invalid.",
  },
};

export class CodeError extends Error {
  readonly code: CodeErrorCode;
  readonly messageVi: string;
  readonly details: unknown;

  constructor(code: CodeErrorCode, details?: unknown) {
    const spec = MESSAGES[code];
    super(spec.en);
    this.name = "CodeError";
    this.code = code;
    this.messageVi = spec.vi;
    this.details = details;
  }
}
