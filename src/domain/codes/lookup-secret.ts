/**
 * The lookup secret printed on the receipt (form 01): with the dossier code it opens the public status page
 * (DESIGN.md: `GET /api/v1/dossiers/lookup?code=CODE&secret=S`), so that a code alone, which is guessable from
 * the agency, the date and a daily sequence, reveals nothing.
 *
 * Spec: 8 characters from a 31-character alphabet without the look-alikes 0/O, 1/I/L — about 39.6 bits, read
 * aloud or typed from paper without confusion. Randomness is injected (the caller passes node:crypto's
 * randomFillSync or a seeded source in tests); bytes are drawn by rejection sampling so every character is equally
 * likely. Comparison of a typed secret should be constant-time on the caller's side after normalisation.
 */
import { CodeError } from "./errors.ts";

export const LOOKUP_SECRET_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const LOOKUP_SECRET_LENGTH = 8;

/** Fills `bytes` with random values and returns it (node:crypto's randomFillSync has this shape). */
export type RandomFill = (bytes: Uint8Array) => Uint8Array;

/** Largest multiple of the alphabet size below 256: bytes at or above it are redrawn. */
const LIMIT = 256 - (256 % LOOKUP_SECRET_ALPHABET.length);

export function generateLookupSecret(random: RandomFill, length: number = LOOKUP_SECRET_LENGTH): string {
  if (!Number.isInteger(length) || length < 6 || length > 32) {
    throw new CodeError("INVALID_SECRET_LENGTH", { length });
  }
  let out = "";
  const buffer = new Uint8Array(length * 2);
  while (out.length < length) {
    random(buffer);
    for (const byte of buffer) {
      if (byte >= LIMIT) continue;
      out += LOOKUP_SECRET_ALPHABET[byte % LOOKUP_SECRET_ALPHABET.length];
      if (out.length === length) break;
    }
  }
  return out;
}

/** What a citizen typed, made comparable: upper case, without spaces or dashes. */
export function normalizeLookupSecret(input: string): string {
  return typeof input === "string" ? input.toUpperCase().replace(/[\s-]/g, "") : "";
}

export function isLookupSecret(input: string, length: number = LOOKUP_SECRET_LENGTH): boolean {
  const s = normalizeLookupSecret(input);
  if (s.length !== length) return false;
  for (const ch of s) if (!LOOKUP_SECRET_ALPHABET.includes(ch)) return false;
  return true;
}

/** The secret as printed: two groups of four, e.g. "K7QM-2WXA", easier to copy by hand. */
export function displayLookupSecret(secret: string): string {
  return secret.length === 8 ? `${secret.slice(0, 4)}-${secret.slice(4)}` : secret;
}
