/** The /ByteRange and /Contents placeholders of a signature dictionary, and patching them in place. */
import { PdfArray, PdfNumber, PdfString } from "@libpdf/core";
import { AppError } from "../errors.ts";

const WIDE = 9_999_999_999;
const BYTE_RANGE_TEXT = `[0 ${WIDE} ${WIDE} ${WIDE}]`;

export function byteRangePlaceholder(): PdfArray {
  return new PdfArray([PdfNumber.of(0), PdfNumber.of(WIDE), PdfNumber.of(WIDE), PdfNumber.of(WIDE)]);
}

export function contentsPlaceholder(size: number): PdfString {
  return PdfString.fromBytes(new Uint8Array(size));
}

export interface Placeholders {
  byteRangeOffset: number;
  /** Offset of the first hex digit (after "<"). */
  contentsOffset: number;
  /** Number of hex digits between "<" and ">". */
  contentsLength: number;
}

function indexOfOnce(haystack: Buffer, needle: string, from: number): number {
  const first = haystack.indexOf(needle, from, "latin1");
  if (first === -1)
    throw new AppError("PDF_NOT_INCREMENTAL", { en: `Placeholder not found: ${needle.slice(0, 20)}` });
  if (haystack.indexOf(needle, first + 1, "latin1") !== -1) {
    throw new AppError("PDF_NOT_INCREMENTAL", { en: "Placeholder found twice" });
  }
  return first;
}

/** Finds the placeholders in the bytes written from `from` on (the new incremental section). */
export function findPlaceholders(pdf: Uint8Array, from: number, size: number): Placeholders {
  const buffer = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const byteRangeOffset = indexOfOnce(buffer, BYTE_RANGE_TEXT, from);
  const contents = indexOfOnce(buffer, `<${"0".repeat(size * 2)}>`, from);
  return { byteRangeOffset, contentsOffset: contents + 1, contentsLength: size * 2 };
}

/** Writes the real byte range over the placeholder (same length, space-padded) and returns it. */
export function patchByteRange(pdf: Uint8Array, at: Placeholders): [number, number, number, number] {
  const length1 = at.contentsOffset - 1;
  const offset2 = at.contentsOffset + at.contentsLength + 1;
  const range: [number, number, number, number] = [0, length1, offset2, pdf.length - offset2];
  const text = `[${range.join(" ")}`;
  const padded = `${text}${" ".repeat(BYTE_RANGE_TEXT.length - text.length - 1)}]`;
  Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).write(padded, at.byteRangeOffset, "latin1");
  return range;
}

export function patchContents(pdf: Uint8Array, at: Placeholders, der: Uint8Array): void {
  const hex = Buffer.from(der).toString("hex");
  if (hex.length > at.contentsLength) {
    throw new AppError("SIGNATURE_TOO_LARGE", {
      details: { needed: der.length, reserved: at.contentsLength / 2 },
    });
  }
  Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).write(hex, at.contentsOffset, "latin1");
}

/** Hashes the two signed ranges without copying them together. */
export function rangesOf(pdf: Uint8Array, range: readonly number[]): Uint8Array[] {
  return [pdf.subarray(range[0], range[0] + range[1]), pdf.subarray(range[2], range[2] + range[3])];
}
