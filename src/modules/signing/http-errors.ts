/**
 * The boundary between the signing core and HTTP: a SigningError becomes the AppError of the same code, so
 * clients see the same stable code and message as the CLI prints.
 */
import { AppError } from "../../errors.ts";
import { isSigningError, type SigningError } from "./errors.ts";

export function toAppError(error: SigningError): AppError {
  return new AppError(error.code, error.details === undefined ? {} : { details: error.details });
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
