/**
 * Number and notation (số, ký hiệu) of a document, NĐ 30/2020/NĐ-CP Điều 15 and Phụ lục I ô 3:
 *  - the number is written in Arabic numerals from 01 on 1 January to 31 December, so 1…9 carry a leading zero;
 *  - a document with a kind: "số/ABBR-AGENCY", e.g. "49/QĐ-UBND";
 *  - a công văn (no kind abbreviation): "số/AGENCY-DRAFTING UNIT", e.g. "15/UBND-VP".
 */
import type { DocumentType } from "./types.ts";

export function formatNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`document number ${n}`);
  return n < 10 ? `0${n}` : String(n);
}

export interface NotationParts {
  type: Pick<DocumentType, "abbreviation">;
  /** The issuing agency's abbreviation, e.g. "UBND". */
  agency: string;
  /** The drafting unit's abbreviation, e.g. "VP"; used when the kind has no abbreviation. */
  draftingUnit?: string | null | undefined;
}

/** "QĐ-UBND" or "UBND-VP" (the part after the slash). */
export function notationOf(parts: NotationParts): string {
  if (parts.type.abbreviation) return `${parts.type.abbreviation}-${parts.agency}`;
  return parts.draftingUnit ? `${parts.agency}-${parts.draftingUnit}` : parts.agency;
}

export function numberAndNotation(n: number, parts: NotationParts): string {
  return `${formatNumber(n)}/${notationOf(parts)}`;
}

/** Splits "49/QĐ-UBND" into its number and notation (null when it does not look like one). */
export function parseNumberAndNotation(text: string): { number: number; notation: string } | null {
  const m = /^\s*0*(\d{1,7})\s*\/\s*(\S.*?)\s*$/u.exec(text);
  if (!m) return null;
  return { number: Number(m[1]), notation: m[2] as string };
}

/**
 * The register a document's number is taken from. NĐ 30/2020 Điều 15(1) leaves the agency to number all its
 * documents in one sequence or per kind; motcua numbers per kind (one register per unit, kind and year), which is
 * what gives "49/QĐ-UBND" beside "15/UBND-VP" in the same year, and one incoming register per unit and year.
 */
export function outgoingSeries(typeCode: string): string {
  return `out:${typeCode}`;
}
export const INCOMING_SERIES = "in";

/** The numbering year of an instant: the calendar year in Vietnam (UTC+7). */
export function numberingYear(at: Date): number {
  return new Date(at.getTime() + 7 * 3600_000).getUTCFullYear();
}

/**
 * The place and date line of an issued document, NĐ 30/2020 Phụ lục I ô 4: "Bạch Thông, ngày 05 tháng 01 năm
 * 2027" — days below 10 and the months 1 and 2 take a leading zero, other months do not ("ngày 01 tháng 6").
 */
export function issueDateLine(place: string, isoDate: string): string {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  const day = d < 10 ? `0${d}` : String(d);
  const month = m < 3 ? `0${m}` : String(m);
  return `${place}, ngày ${day} tháng ${month} năm ${y}`;
}

/** The local (UTC+7) calendar date of an instant, "YYYY-MM-DD". */
export function vietnamDate(at: Date): string {
  return new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}
