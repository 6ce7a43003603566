/**
 * Duplicate detection: the same text from the same contact within a day is one feedback sent twice (a double
 * click, a client retrying). Text is compared folded (case, diacritics, spacing, punctuation) so that a copy
 * retyped on a phone still matches; the contact is the phone number's digits, or the e-mail in lower case.
 */
import { fold } from "./redaction.ts";

export const DUPLICATE_WINDOW_MS = 24 * 60 * 60 * 1000;

export function textKey(text: string): string {
  return fold(text)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** "p:0912345678" or "e:name@example.vn"; phone numbers as +84… and 0… are one contact. */
export function contactKey(contact: { phone?: string | null; email?: string | null }): string | null {
  const digits = contact.phone?.replace(/\D/g, "") ?? "";
  if (digits.length >= 8) return `p:${digits.replace(/^84(?=\d{9,10}$)/, "0")}`;
  const email = contact.email?.trim().toLowerCase();
  return email ? `e:${email}` : null;
}
