/**
 * Errors of the signing core, shared by the CLI and the HTTP routes. The codes are a subset of the project's
 * stable codes, and their messages and statuses are those of src/errors.ts: one table, so the CLI prints what
 * an HTTP client reads.
 */
import { ERRORS } from "../../errors.ts";

export const SIGNING_ERROR_CODES = [
  "WRONG_P12_PASSWORD",
  "P12_INVALID",
  "P12_UNSUPPORTED",
  "P12_NO_KEY",
  "KEY_UNSUPPORTED",
  "CERT_EXPIRED",
  "CERT_NOT_YET_VALID",
  "CERT_KEY_USAGE",
  "STORED_KEY_MISMATCH",
  "STORED_KEY_INVALID",
  "PDF_INVALID",
  "PDF_ENCRYPTED",
  "PDF_NOT_INCREMENTAL",
  "PAGE_OUT_OF_RANGE",
  "FIELD_EXISTS",
  "IMAGE_INVALID",
  "SIGNATURE_MISMATCH",
  "CMS_INVALID",
  "SIGNATURE_TOO_LARGE",
  "TSA_FAILED",
] as const satisfies readonly (keyof typeof ERRORS)[];

export type SigningErrorCode = (typeof SIGNING_ERROR_CODES)[number];

export class SigningError extends Error {
  readonly code: SigningErrorCode;
  readonly status: number;
  readonly messageVi: string;
  readonly messageEn: string;
  readonly details: unknown;

  constructor(code: SigningErrorCode, options: { details?: unknown; en?: string; cause?: unknown } = {}) {
    const spec = ERRORS[code];
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
