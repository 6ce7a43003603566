/**
 * Was the document changed after a signature? A signature covers the file up to the end of its own
 * revision. What follows is fine only if every later incremental update is sealed by a later signature
 * (its byte range ends where that update ends) and changes nothing but signature fields: new objects, the
 * signature field and widget, the AcroForm, the page's /Annots gaining signature widgets, DSS/metadata.
 * Changed content streams, resources, page entries or the page tree make the document "modified".
 */
import {
  PDF,
  PdfArray,
  PdfBool,
  PdfDict,
  PdfName,
  PdfNull,
  PdfNumber,
  type PdfObject,
  PdfRef,
  PdfStream,
  PdfString,
} from "@libpdf/core";
import { equalBytes } from "./asn1.ts";

export type LaterChanges = "none" | "signatures-only" | "other";

const MAX_LATER_REVISIONS = 100;

export interface ModificationReport {
  coversWholeDocument: boolean;
  modifiedAfter: boolean;
  laterChanges: LaterChanges;
  problems: string[];
}

function isWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09 || byte === 0x0c || byte === 0x00;
}

function onlyWhitespace(bytes: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isWhitespace(bytes[i])) return false;
  return true;
}

/** Offsets just after each "%%EOF" marker. */
export function revisionEnds(bytes: Uint8Array): number[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ends: number[] = [];
  let at = buffer.indexOf("%%EOF", 0, "latin1");
  while (at !== -1) {
    ends.push(at + 5);
    at = buffer.indexOf("%%EOF", at + 5, "latin1");
  }
  return ends;
}

/** Same point in the file up to end-of-line whitespace. */
function sameEnd(bytes: Uint8Array, a: number, b: number): boolean {
  return onlyWhitespace(bytes, Math.min(a, b), Math.max(a, b));
}

export function sameObject(a: PdfObject | undefined, b: PdfObject | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  if (a instanceof PdfStream || b instanceof PdfStream) {
    return a instanceof PdfStream && b instanceof PdfStream && sameDict(a, b) && equalBytes(a.data, b.data);
  }
  if (a instanceof PdfDict || b instanceof PdfDict)
    return a instanceof PdfDict && b instanceof PdfDict && sameDict(a, b);
  if (a instanceof PdfArray) {
    if (!(b instanceof PdfArray) || a.length !== b.length) return false;
    return a.toArray().every((item, i) => sameObject(item, b.at(i)));
  }
  if (a instanceof PdfRef)
    return b instanceof PdfRef && a.objectNumber === b.objectNumber && a.generation === b.generation;
  if (a instanceof PdfName) return b instanceof PdfName && a.value === b.value;
  if (a instanceof PdfNumber) return b instanceof PdfNumber && a.value === b.value;
  if (a instanceof PdfString) return b instanceof PdfString && equalBytes(a.bytes, b.bytes);
  if (a instanceof PdfBool) return b instanceof PdfBool && a.value === b.value;
  if (a instanceof PdfNull) return b instanceof PdfNull;
  return false;
}

function sameDict(a: PdfDict, b: PdfDict, ignore: ReadonlySet<string> = new Set()): boolean {
  const keys = new Set([...a.keys(), ...b.keys()].map((k) => k.value));
  for (const key of keys) {
    if (ignore.has(key)) continue;
    if (!sameObject(a.get(key), b.get(key))) return false;
  }
  return true;
}

/** Objects defined in an incremental section, including those packed in object streams. */
function definedObjects(pdf: PDF, section: Uint8Array): PdfRef[] {
  const text = Buffer.from(section).toString("latin1");
  const refs = new Map<string, PdfRef>();
  const add = (number: number, generation: number) =>
    refs.set(`${number} ${generation}`, PdfRef.of(number, generation));
  for (const match of text.matchAll(/(?:^|[\s>\]])(\d+)\s+(\d+)\s+obj\b/g))
    add(Number(match[1]), Number(match[2]));
  for (const ref of [...refs.values()]) {
    const object = pdf.getObject(ref);
    if (!(object instanceof PdfStream) || object.getName("Type")?.value !== "ObjStm") continue;
    const count = object.getNumber("N")?.value ?? 0;
    const header = Buffer.from(object.getDecodedData()).toString("latin1").trim().split(/\s+/).map(Number);
    for (let i = 0; i < count * 2; i += 2) add(header[i], 0);
  }
  return [...refs.values()];
}

interface Revision {
  pdf: PDF;
  resolve: (ref: PdfRef) => PdfObject | null;
}

async function loadRevision(bytes: Uint8Array): Promise<Revision> {
  const pdf = await PDF.load(bytes);
  return { pdf, resolve: (ref) => pdf.getObject(ref) };
}

function refNumber(value: PdfObject | undefined): number | undefined {
  return value instanceof PdfRef ? value.objectNumber : undefined;
}

/** Object numbers whose change would alter how existing pages render. */
function renderingObjects(rev: Revision): Set<number> {
  const protectedNumbers = new Set<number>();
  const add = (value: PdfObject | undefined) => {
    const n = refNumber(value);
    if (n !== undefined) protectedNumbers.add(n);
  };
  for (const page of rev.pdf.getPages()) {
    const contents = page.dict.get("Contents");
    add(contents);
    const array = contents instanceof PdfRef ? rev.resolve(contents) : contents;
    if (array instanceof PdfArray) for (const item of array.toArray()) add(item);
    const resources = page.dict.get("Resources");
    add(resources);
    const resourceDict = resources instanceof PdfRef ? rev.resolve(resources) : resources;
    if (resourceDict instanceof PdfDict) {
      for (const [, category] of resourceDict) {
        add(category);
        const entries = category instanceof PdfRef ? rev.resolve(category) : category;
        if (entries instanceof PdfDict) for (const [, value] of entries) add(value);
      }
    }
  }
  return protectedNumbers;
}

function isSignatureField(rev: Revision, value: PdfObject | undefined): boolean {
  const dict = value instanceof PdfRef ? rev.resolve(value) : value;
  if (!(dict instanceof PdfDict)) return false;
  if (dict.getName("FT")?.value === "Sig") return true;
  const parent = dict.get("Parent");
  return parent !== undefined && isSignatureField(rev, parent);
}

function addedItems(
  before: PdfObject | undefined,
  after: PdfObject | undefined,
  rev: Revision,
  prev: Revision,
) {
  const list = (value: PdfObject | undefined, r: Revision) => {
    const array = value instanceof PdfRef ? r.resolve(value) : value;
    return array instanceof PdfArray ? array.toArray() : [];
  };
  const old = list(before, prev);
  const now = list(after, rev);
  const missing = old.filter((item) => !now.some((n) => sameObject(n, item)));
  const added = now.filter((item) => !old.some((o) => sameObject(o, item)));
  return { missing, added };
}

/** Lists disallowed changes between two consecutive revisions. */
async function disallowedChanges(prevBytes: Uint8Array, nextBytes: Uint8Array): Promise<string[]> {
  let prev: Revision;
  let next: Revision;
  try {
    prev = await loadRevision(prevBytes);
    next = await loadRevision(nextBytes);
  } catch {
    return ["A revision cannot be parsed"];
  }
  const problems: string[] = [];
  const rendering = renderingObjects(prev);
  for (const ref of definedObjects(next.pdf, nextBytes.subarray(prevBytes.length))) {
    const number = ref.objectNumber;
    const before = prev.resolve(ref) ?? undefined;
    const after = next.resolve(ref) ?? undefined;
    if (!before || before instanceof PdfNull || sameObject(before, after)) continue;
    const label = `object ${number}`;
    if (rendering.has(number)) {
      problems.push(`${label} (page content or resources) changed`);
      continue;
    }
    if (after instanceof PdfStream) {
      if (after.getName("Type")?.value !== "Metadata") problems.push(`${label} (a stream) changed`);
      continue;
    }
    if (after instanceof PdfDict && before instanceof PdfDict) {
      const type = after.getName("Type")?.value;
      if (type === "Page") {
        if (!sameDict(before, after, new Set(["Annots"]))) problems.push(`${label} (a page) changed`);
        const { missing, added } = addedItems(before.get("Annots"), after.get("Annots"), next, prev);
        if (missing.length > 0) problems.push(`${label}: annotations removed`);
        if (added.some((item) => !isSignatureField(next, item))) problems.push(`${label}: annotations added`);
      } else if (type === "Pages") {
        problems.push(`${label} (the page tree) changed`);
      } else if (type === "Catalog") {
        const allowed = new Set(["AcroForm", "DSS", "Perms", "Extensions", "Metadata"]);
        if (!sameDict(before, after, allowed)) problems.push(`${label} (the catalog) changed`);
      } else if (after.has("Fields")) {
        const { missing, added } = addedItems(before.get("Fields"), after.get("Fields"), next, prev);
        if (missing.length > 0 || added.some((item) => !isSignatureField(next, item))) {
          problems.push(`${label}: form fields other than signatures changed`);
        }
      } else if (!isSignatureField(next, after) && after.getName("Subtype")?.value === "Widget") {
        problems.push(`${label}: a form field changed`);
      } else if (!isSignatureField(next, after) && type === "Annot") {
        problems.push(`${label}: an annotation changed`);
      }
      continue;
    }
    if (after instanceof PdfArray && before instanceof PdfArray) {
      const { missing, added } = addedItems(before, after, next, prev);
      if (
        missing.length > 0 ||
        added.some((item) => !isSignatureField(next, item) && !(item instanceof PdfRef))
      ) {
        problems.push(`${label} (an array) changed`);
      }
      continue;
    }
    problems.push(`${label} changed`);
  }
  return problems;
}

/**
 * Reports, for a signature whose byte range ends at `coveredEnd`, whether the document changed after it.
 * `signatureEnds` are the coverage ends of all signatures in the file.
 */
export async function analyseModification(
  bytes: Uint8Array,
  coveredEnd: number,
  signatureEnds: number[],
): Promise<ModificationReport> {
  if (coveredEnd >= bytes.length || onlyWhitespace(bytes, coveredEnd, bytes.length)) {
    return { coversWholeDocument: true, modifiedAfter: false, laterChanges: "none", problems: [] };
  }
  const problems: string[] = [];
  const ends = revisionEnds(bytes).filter((end) => end > coveredEnd && !sameEnd(bytes, end, coveredEnd));
  if (ends.length > MAX_LATER_REVISIONS) {
    // Each revision is parsed, so an endless chain of tiny updates would make verification quadratic.
    return {
      coversWholeDocument: false,
      modifiedAfter: true,
      laterChanges: "other",
      problems: [`${ends.length} later revisions: more than ${MAX_LATER_REVISIONS} are not analysed`],
    };
  }
  let previous = coveredEnd;
  for (const end of ends) {
    const sealed = signatureEnds.some((e) => sameEnd(bytes, e, end));
    if (!sealed) {
      problems.push(`The update ending at byte ${end} is not covered by a later signature`);
    } else {
      const changes = await disallowedChanges(bytes.subarray(0, previous), bytes.subarray(0, end));
      problems.push(...changes.map((c) => `Update ending at byte ${end}: ${c}`));
    }
    previous = end;
  }
  const lastEnd = ends.at(-1) ?? coveredEnd;
  if (!onlyWhitespace(bytes, lastEnd, bytes.length)) problems.push("Bytes after the last revision");
  return {
    coversWholeDocument: false,
    modifiedAfter: problems.length > 0,
    laterChanges: problems.length > 0 ? "other" : "signatures-only",
    problems,
  };
}
