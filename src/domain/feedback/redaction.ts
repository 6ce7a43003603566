import { withoutDiacritics } from "../text/vietnamese.ts";
/**
 * Removing personal data from a feedback and its answer before they are published (NĐ 20/2008/NĐ-CP art. 19
 * publishes the result; the submitter's personal data is protected under NĐ 13/2023/NĐ-CP on personal data).
 * The machine proposes; the officer reads the proposal, edits it and approves it — `findPersonalData` then refuses
 * an approved text that still shows what the record knows about the submitter, or anything shaped like an identity
 * number, a phone number, an e-mail address or a lookup secret.
 *
 * What is removed:
 *   - the submitter's name, address, phone and e-mail as recorded, matched without regard to case, diacritics and
 *     spacing; the name also word by word from the given name (the last word, how Vietnamese people are addressed);
 *   - names after a form of address (ông, bà, anh, chị, cô, chú, em, cháu, bác) — two to four capitalised words;
 *   - 9- and 12-digit identity numbers (CMND, CCCD), Vietnamese phone numbers, e-mail addresses;
 *   - lookup secrets as printed (XXXX-XXXX from the secret alphabet) and the record's own secret.
 */

export const REDACTED = "[đã ẩn]";

export interface KnownPersonalData {
  name?: string | null;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
  secrets?: readonly string[];
}

export type Finding = "name" | "address" | "phone" | "email" | "identity_number" | "secret";

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// +84 or 0, then 9–10 digits in groups separated by spaces, dots or dashes.
const PHONE = /(?<![\p{N}])(?:\+?84|0)(?:[\s.-]?\d){8,10}(?![\p{N}])/gu;
const IDENTITY = /(?<![\p{N}])(?:\d{12}|\d{9})(?![\p{N}])/gu;
const SECRET = /(?<![\p{L}\p{N}])[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}(?![\p{L}\p{N}])/gu;
const HONORIFIC =
  /(?<![\p{L}])(ông|bà|anh|chị|cô|chú|em|cháu|bác|Ông|Bà|Anh|Chị|Cô|Chú|Em|Cháu|Bác)\s+(\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,3})/gu;

/** Lower case, without diacritics (đ → d), single spaces: what two spellings of one name share. */
export function fold(text: string): string {
  return withoutDiacritics(text).toLowerCase().replace(/\s+/g, " ");
}

/**
 * Replaces every occurrence of `needle` in `text`, compared folded; a folded character maps to one original
 * character (NFC text), so positions carry over.
 */
function replaceFolded(text: string, needle: string): string {
  const n = fold(needle.trim());
  if (n.length < 2) return text;
  const nfc = text.normalize("NFC");
  const chars = [...nfc];
  const folded = chars.map((c) => fold(c) || c);
  let out = "";
  let i = 0;
  while (i < chars.length) {
    let j = i;
    let k = 0;
    // Match the needle against folded characters, letting runs of whitespace stand for one space.
    while (j < chars.length && k < n.length) {
      const f = folded[j] as string;
      if (/\s/.test(f) && n[k] === " ") {
        while (j < chars.length && /\s/.test(folded[j] as string)) j++;
        k++;
        continue;
      }
      if (f !== n.slice(k, k + f.length)) break;
      k += f.length;
      j++;
    }
    const boundaryBefore = i === 0 || !/[\p{L}\p{N}]/u.test(chars[i - 1] as string);
    const boundaryAfter = j >= chars.length || !/[\p{L}\p{N}]/u.test(chars[j] as string);
    if (k === n.length && j > i && boundaryBefore && boundaryAfter) {
      out += REDACTED;
      i = j;
    } else {
      out += chars[i];
      i++;
    }
  }
  return out;
}

function digitsOnly(s: string): string {
  return s.replace(/\D/g, "");
}

/** The proposed public text: personal data replaced by "[đã ẩn]". */
export function redact(text: string, known: KnownPersonalData): string {
  let out = text.normalize("NFC");
  for (const secret of known.secrets ?? []) {
    if (secret) out = replaceFolded(out, secret);
  }
  if (known.email) out = replaceFolded(out, known.email);
  out = out.replace(EMAIL, REDACTED);
  if (known.address) out = replaceFolded(out, known.address);
  out = out.replace(PHONE, REDACTED);
  out = out.replace(IDENTITY, REDACTED);
  out = out.replace(SECRET, REDACTED);
  if (known.name) {
    out = replaceFolded(out, known.name);
    const words = known.name.trim().split(/\s+/);
    // "anh Minh", "chị Lan": the given name alone, after a form of address, is caught below; standing alone, the
    // given name is replaced only when it is not the whole name (a one-word name is caught above).
    const given = words.at(-1);
    if (given && words.length > 1 && given.length >= 2) out = replaceFolded(out, given);
  }
  out = out.replace(HONORIFIC, (_m, title: string) => `${title} ${REDACTED}`);
  return out;
}

/** What personal data a text still shows; empty when it may be published. */
export function findPersonalData(text: string, known: KnownPersonalData): Finding[] {
  const found = new Set<Finding>();
  const folded = fold(text);
  const has = (value: string | null | undefined) => {
    if (!value) return false;
    const v = fold(value.trim());
    return (
      v.length >= 2 && new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(v)}(?![\\p{L}\\p{N}])`, "u").test(folded)
    );
  };
  if (has(known.name)) found.add("name");
  if (has(known.address)) found.add("address");
  if (has(known.email) || new RegExp(EMAIL.source, "u").test(text)) found.add("email");
  const phoneDigits = known.phone ? digitsOnly(known.phone).replace(/^84/, "0") : "";
  if (
    new RegExp(PHONE.source, "u").test(text) ||
    (phoneDigits.length >= 9 && digitsOnly(text).includes(phoneDigits.slice(1)))
  )
    found.add("phone");
  if (new RegExp(IDENTITY.source, "u").test(text)) found.add("identity_number");
  if (new RegExp(SECRET.source, "u").test(text) || (known.secrets ?? []).some((s) => has(s)))
    found.add("secret");
  return [...found];
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
