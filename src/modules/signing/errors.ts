/**
 * Errors of the signing module. Codes are stable: the HTTP layer maps them to statuses and clients branch on
 * them. Messages are Vietnamese first, English second, like the project's AppError; the body shape matches
 * `ErrorBody` in src/errors.ts so a route can send `error.toBody()` as is.
 */
export const SIGNING_ERRORS = {
  WRONG_P12_PASSWORD: {
    status: 422,
    vi: "Mật khẩu của tệp chứng thư số (PKCS#12) không đúng.",
    en: "The PKCS#12 password is wrong.",
  },
  P12_INVALID: {
    status: 400,
    vi: "Tệp không phải chứng thư số PKCS#12 hợp lệ.",
    en: "The file is not a valid PKCS#12 keystore.",
  },
  P12_UNSUPPORTED: {
    status: 422,
    vi: "Tệp PKCS#12 dùng thuật toán mã hóa cũ không được hỗ trợ. Hãy xuất lại với AES-256.",
    en: "The PKCS#12 file uses an unsupported legacy cipher. Export it again with AES-256.",
  },
  P12_NO_KEY: {
    status: 422,
    vi: "Tệp PKCS#12 không chứa khóa bí mật cùng chứng thư tương ứng.",
    en: "The PKCS#12 file has no private key with a matching certificate.",
  },
  KEY_UNSUPPORTED: {
    status: 422,
    vi: "Loại khóa không được hỗ trợ (chỉ RSA và ECDSA).",
    en: "The key type is not supported (RSA and ECDSA only).",
  },
  CERT_EXPIRED: { status: 422, vi: "Chứng thư số đã hết hạn.", en: "The certificate has expired." },
  CERT_NOT_YET_VALID: {
    status: 422,
    vi: "Chứng thư số chưa đến thời điểm có hiệu lực.",
    en: "The certificate is not valid yet.",
  },
  CERT_KEY_USAGE: {
    status: 422,
    vi: "Chứng thư số không được phép dùng để ký số (thiếu digitalSignature/nonRepudiation).",
    en: "The certificate may not be used for signing (no digitalSignature/nonRepudiation key usage).",
  },
  STORED_KEY_MISMATCH: {
    status: 500,
    vi: "Khóa bảo vệ của máy chủ không khớp với khóa đã dùng để lưu chứng thư số.",
    en: "The server secret does not match the one the stored keystore was sealed with.",
  },
  STORED_KEY_INVALID: {
    status: 422,
    vi: "Dữ liệu chứng thư số đã lưu bị hỏng.",
    en: "The stored keystore blob is malformed.",
  },
  PDF_INVALID: { status: 400, vi: "Tệp không phải PDF hợp lệ.", en: "The file is not a valid PDF." },
  PDF_ENCRYPTED: {
    status: 422,
    vi: "Không ký được tệp PDF đã mã hóa.",
    en: "Encrypted PDFs cannot be signed.",
  },
  PDF_NOT_INCREMENTAL: {
    status: 500,
    vi: "Không thể ghi bổ sung vào tệp PDF mà không làm hỏng chữ ký trước.",
    en: "The PDF could not be updated incrementally without breaking earlier signatures.",
  },
  PAGE_OUT_OF_RANGE: {
    status: 422,
    vi: "Trang đặt chữ ký không tồn tại.",
    en: "The page for the signature does not exist.",
  },
  FIELD_EXISTS: {
    status: 409,
    vi: "Đã có trường chữ ký cùng tên.",
    en: "A signature field with this name already exists.",
  },
  IMAGE_INVALID: {
    status: 400,
    vi: "Ảnh con dấu/chữ ký phải là tệp PNG hợp lệ.",
    en: "The seal or signature image must be a valid PNG file.",
  },
  SIGNATURE_MISMATCH: {
    status: 422,
    vi: "Chữ ký trả về không khớp với chứng thư số hoặc dữ liệu cần ký.",
    en: "The returned signature does not match the certificate or the data to be signed.",
  },
  CMS_INVALID: {
    status: 422,
    vi: "Gói chữ ký CMS trả về không hợp lệ hoặc không khớp với tài liệu.",
    en: "The returned CMS signature is malformed or does not match the document.",
  },
  SIGNATURE_TOO_LARGE: {
    status: 500,
    vi: "Chữ ký lớn hơn chỗ dành sẵn trong tệp PDF.",
    en: "The signature is larger than the space reserved for it in the PDF.",
  },
  TSA_FAILED: {
    status: 502,
    vi: "Không lấy được dấu thời gian từ máy chủ cấp dấu thời gian.",
    en: "The timestamp authority did not return a usable timestamp.",
  },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;

export type SigningErrorCode = keyof typeof SIGNING_ERRORS;

export class SigningError extends Error {
  readonly code: SigningErrorCode;
  readonly status: number;
  readonly messageVi: string;
  readonly messageEn: string;
  readonly details: unknown;

  constructor(code: SigningErrorCode, options: { details?: unknown; en?: string; cause?: unknown } = {}) {
    const spec = SIGNING_ERRORS[code];
    super(options.en ?? spec.en, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "SigningError";
    this.code = code;
    this.status = spec.status;
    this.messageVi = spec.vi;
    this.messageEn = options.en ?? spec.en;
    this.details = options.details;
  }

  toBody(): { error: { code: string; message: string; messageEn: string; details?: unknown } } {
    return {
      error: {
        code: this.code,
        message: this.messageVi,
        messageEn: this.messageEn,
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}

export function isSigningError(error: unknown, code?: SigningErrorCode): error is SigningError {
  return error instanceof SigningError && (code === undefined || error.code === code);
}
