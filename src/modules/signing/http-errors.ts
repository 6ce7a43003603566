/**
 * The boundary between the signing core and HTTP: a SigningError becomes the AppError of the same code (the
 * codes are listed one for one in src/errors.ts), so clients see the same stable code as the CLI prints.
 */
import { AppError, type ErrorCode } from "../../errors.ts";
import { isSigningError, type SigningError, type SigningErrorCode } from "./errors.ts";

const CODES: Record<SigningErrorCode, ErrorCode> = {
  WRONG_P12_PASSWORD: "WRONG_P12_PASSWORD",
  P12_INVALID: "P12_INVALID",
  P12_UNSUPPORTED: "P12_UNSUPPORTED",
  P12_NO_KEY: "P12_NO_KEY",
  KEY_UNSUPPORTED: "KEY_UNSUPPORTED",
  CERT_EXPIRED: "CERT_EXPIRED",
  CERT_NOT_YET_VALID: "CERT_NOT_YET_VALID",
  CERT_KEY_USAGE: "CERT_KEY_USAGE",
  STORED_KEY_MISMATCH: "STORED_KEY_MISMATCH",
  STORED_KEY_INVALID: "STORED_KEY_INVALID",
  PDF_INVALID: "PDF_INVALID",
  PDF_ENCRYPTED: "PDF_ENCRYPTED",
  PDF_NOT_INCREMENTAL: "PDF_NOT_INCREMENTAL",
  PAGE_OUT_OF_RANGE: "PAGE_OUT_OF_RANGE",
  FIELD_EXISTS: "FIELD_EXISTS",
  IMAGE_INVALID: "IMAGE_INVALID",
  SIGNATURE_MISMATCH: "SIGNATURE_MISMATCH",
  CMS_INVALID: "CMS_INVALID",
  SIGNATURE_TOO_LARGE: "SIGNATURE_TOO_LARGE",
  TSA_FAILED: "TSA_FAILED",
};

export function toAppError(error: SigningError): AppError {
  return new AppError(CODES[error.code], error.details === undefined ? {} : { details: error.details });
}

/** Runs `body`, turning a SigningError into its AppError. */
export async function signingCall<T>(body: () => Promise<T> | T): Promise<T> {
  try {
    return await body();
  } catch (error) {
    if (isSigningError(error)) throw toAppError(error);
    throw error;
  }
}
