/**
 * Finding the signatures of a PDF: the signed signature fields of its form, plus any /ByteRange found by
 * scanning the bytes (signatures a later revision dropped from the form, or files @libpdf/core cannot
 * parse), and reading the CMS out of the gap each byte range leaves.
 */
import {
  PDF,
  PdfArray,
  PdfDict,
  PdfName,
  PdfNumber,
  type PdfObject,
  type PdfRef,
  PdfString,
} from "@libpdf/core";
import { firstElementLength } from "./asn1.ts";

export interface FoundSignature {
  byteRange: number[];
  fieldName?: string;
  subFilter?: string;
  type?: string;
  m?: string;
  reason?: string;
  location?: string;
}

function text(value: PdfObject | undefined): string | undefined {
  if (value instanceof PdfString) return value.asString();
  if (value instanceof PdfName) return value.value;
  return undefined;
}

function numbers(value: PdfObject | undefined): number[] | undefined {
  if (!(value instanceof PdfArray)) return undefined;
  const list = value.toArray().map((v) => (v instanceof PdfNumber ? v.value : Number.NaN));
  return list.length % 2 === 0 && list.every(Number.isInteger) ? list : undefined;
}

async function signaturesFromFields(bytes: Uint8Array): Promise<FoundSignature[]> {
  const pdf = await PDF.load(bytes);
  const found: FoundSignature[] = [];
  for (const field of pdf.getForm()?.getSignatureFields() ?? []) {
    if (!field.isSigned()) continue;
    const raw = field.getSignatureDict();
    const dict = raw instanceof PdfDict ? raw : undefined;
    const resolve = (ref: PdfRef) => pdf.getObject(ref);
    const range = numbers(dict?.get("ByteRange", resolve));
    if (!dict || !range) continue;
    found.push({
      byteRange: range,
      fieldName: field.name,
      subFilter: text(dict.get("SubFilter", resolve)),
      type: text(dict.get("Type", resolve)),
      m: text(dict.get("M", resolve)),
      reason: text(dict.get("Reason", resolve)),
      location: text(dict.get("Location", resolve)),
    });
  }
  return found;
}

/** Byte ranges found by scanning the file: catches signatures the form no longer lists, or unparsable files. */
function signaturesFromScan(bytes: Uint8Array): FoundSignature[] {
  const source = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  const found: FoundSignature[] = [];
  for (const match of source.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)) {
    const range = match.slice(1, 5).map(Number);
    const window = source.slice(Math.max(0, (match.index ?? 0) - 2000), range[1]);
    const subFilter = /\/SubFilter\s*\/([A-Za-z0-9.#_-]+)[^/]*$/.exec(
      window.slice(window.lastIndexOf("<<")),
    )?.[1];
    found.push({ byteRange: range, subFilter });
  }
  return found;
}

export async function findSignatures(
  bytes: Uint8Array,
): Promise<{ found: FoundSignature[]; problems: string[] }> {
  const problems: string[] = [];
  let fromFields: FoundSignature[] = [];
  try {
    fromFields = await signaturesFromFields(bytes);
  } catch (error) {
    problems.push(
      `The PDF structure could not be read (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const key = (s: FoundSignature) => s.byteRange.join(" ");
  const known = new Set(fromFields.map(key));
  const extra = signaturesFromScan(bytes).filter((s) => !known.has(key(s)));
  for (const s of extra) known.add(key(s));
  const all = [
    ...fromFields,
    ...extra.filter((s, i, list) => list.findIndex((o) => key(o) === key(s)) === i),
  ];
  return { found: all.sort((a, b) => coverageEnd(a.byteRange) - coverageEnd(b.byteRange)), problems };
}

export function coverageEnd(range: number[]): number {
  return range.length >= 4 ? range[range.length - 2] + range[range.length - 1] : 0;
}

export function checkByteRange(bytes: Uint8Array, range: number[]): string | undefined {
  if (range.length !== 4) return "Byte range does not have exactly two parts";
  const [start, length1, offset2, length2] = range;
  if (start !== 0) return "Byte range does not start at the beginning of the file";
  if (length1 < 1 || offset2 <= length1 + 1 || length2 < 0 || offset2 + length2 > bytes.length) {
    return "Byte range is outside the file or malformed";
  }
  if (bytes[length1] !== 0x3c || bytes[offset2 - 1] !== 0x3e)
    return "Byte range gap is not the /Contents string";
  return undefined;
}

export function contentsOf(bytes: Uint8Array, range: number[]): Uint8Array {
  const hex = Buffer.from(bytes.subarray(range[1] + 1, range[2] - 1))
    .toString("latin1")
    .replace(/\s+/g, "");
  const der = new Uint8Array(Buffer.from(hex.length % 2 ? `${hex}0` : hex, "hex"));
  const length = firstElementLength(der);
  return length && length <= der.length ? der.subarray(0, length) : der;
}
