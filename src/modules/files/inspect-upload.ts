import { fileTypeFromBuffer } from "file-type";
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  type PDFObject,
  PDFRawStream,
  PDFRef,
  PDFStream,
} from "pdf-lib";
import yauzl from "yauzl";
import { AppError } from "../../errors.ts";

/**
 * Strict checks on every uploaded file: the type comes from the bytes, never from the name or the declared
 * content type, and files that carry something besides their claimed content are refused.
 */
export const UPLOAD_KINDS = {
  pdf: { mime: "application/pdf", ext: "pdf" },
  jpeg: { mime: "image/jpeg", ext: "jpg" },
  png: { mime: "image/png", ext: "png" },
  xlsx: { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ext: "xlsx" },
} as const;
export type UploadKind = keyof typeof UPLOAD_KINDS;

export interface UploadPolicy {
  allowed: readonly UploadKind[];
  maxBytes: number;
}

export const DOSSIER_COMPONENT_POLICY: UploadPolicy = {
  allowed: ["pdf", "jpeg", "png"],
  maxBytes: 10 * 1024 * 1024,
};
export const SPREADSHEET_POLICY: UploadPolicy = { allowed: ["xlsx"], maxBytes: 5 * 1024 * 1024 };

export interface InspectedUpload {
  kind: UploadKind;
  mime: string;
  /** A safe display name: no directories, no control characters, the extension of the real type. */
  name: string;
  size: number;
}

// 40 MB of XML is far beyond a catalog sheet, and small enough that the reader's own copy stays bounded.
const XLSX_LIMITS = { maxEntries: 2000, maxUncompressedBytes: 40 * 1024 * 1024, maxRatio: 200 };

export async function inspectUpload(
  bytes: Uint8Array,
  declared: { name: string; contentType?: string | undefined },
  policy: UploadPolicy,
): Promise<InspectedUpload> {
  if (bytes.byteLength === 0) throw new AppError("UPLOAD_EMPTY");
  if (bytes.byteLength > policy.maxBytes) {
    throw new AppError("UPLOAD_TOO_LARGE", {
      details: { maxBytes: policy.maxBytes, size: bytes.byteLength },
    });
  }
  // Archives are measured from their central directory before anything (type detection included) inflates them.
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (isZip) await assertSaneZip(bytes);
  const kind = await detectKind(bytes);
  if (!kind || !policy.allowed.includes(kind)) {
    throw new AppError("UPLOAD_TYPE_NOT_ALLOWED", {
      details: { allowed: policy.allowed, detected: kind ?? "unknown" },
    });
  }
  const declaredKind = kindFromDeclared(declared);
  if (declaredKind && declaredKind !== kind) {
    throw new AppError("UPLOAD_TYPE_MISMATCH", { details: { declared: declaredKind, detected: kind } });
  }
  switch (kind) {
    case "pdf":
      await assertInertPdf(bytes);
      break;
    case "jpeg":
    case "png":
      assertNothingAfterImage(bytes, kind);
      break;
    case "xlsx":
      break;
  }
  return {
    kind,
    mime: UPLOAD_KINDS[kind].mime,
    name: safeFileName(declared.name, UPLOAD_KINDS[kind].ext),
    size: bytes.byteLength,
  };
}

async function detectKind(bytes: Uint8Array): Promise<UploadKind | null> {
  const type = await fileTypeFromBuffer(bytes);
  switch (type?.mime) {
    case "application/pdf":
      return "pdf";
    case "image/jpeg":
      return "jpeg";
    case "image/png":
      return "png";
    case UPLOAD_KINDS.xlsx.mime:
      return "xlsx";
    default:
      return null;
  }
}

function kindFromDeclared(declared: { name: string; contentType?: string | undefined }): UploadKind | null {
  const ext = declared.name.toLowerCase().split(".").pop() ?? "";
  const byExt: Record<string, UploadKind> = {
    pdf: "pdf",
    jpg: "jpeg",
    jpeg: "jpeg",
    png: "png",
    xlsx: "xlsx",
  };
  const fromName = byExt[ext] ?? null;
  const fromType =
    (Object.entries(UPLOAD_KINDS).find(([, v]) => v.mime === declared.contentType)?.[0] as
      | UploadKind
      | undefined) ?? null;
  if (fromName && fromType && fromName !== fromType) return fromType;
  return fromType ?? fromName;
}

/** Strips directories, control and reserved characters; keeps Vietnamese letters; forces the real extension. */
export function safeFileName(name: string, ext: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const stem = base
    .normalize("NFC")
    .replace(/\.[^.]*$/, "")
    .replace(/[\p{Cc}\p{Cf}<>:"|?*]/gu, "")
    .replace(/^\.+/, "")
    .trim()
    .slice(0, 120);
  return `${stem || "tep"}.${ext}`;
}

const ACTIVE_PDF_KEYS = [
  "JS",
  "JavaScript",
  "Launch",
  "EmbeddedFiles",
  "EmbeddedFile",
  "RichMedia",
  "XFA",
  "AA",
  "SubmitForm",
  "ImportData",
];

/**
 * PDFs may not carry scripts, launch actions, embedded files or rich media (checked in the parsed object graph).
 * The parser is pdf-lib's, kept for this check alone while @libpdf/core draws and signs: it reads the file from
 * start to end, object by object, so every revision and every object nothing points to is walked too; the lazy
 * parser of @libpdf/core loads only what the cross-reference table reaches.
 */
async function assertInertPdf(bytes: Uint8Array): Promise<void> {
  assertNoTrailingZip(bytes);
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, {
      ignoreEncryption: false,
      updateMetadata: false,
      throwOnInvalidObject: false,
    });
  } catch (error) {
    const encrypted = error instanceof Error && /encrypt/i.test(error.message);
    throw new AppError(encrypted ? "UPLOAD_PDF_ENCRYPTED" : "UPLOAD_CORRUPT");
  }
  assertNotHtml(bytes);
  if (doc.getPageCount() === 0) throw new AppError("UPLOAD_CORRUPT");
  const found = activePdfContent(doc);
  if (found.size > 0)
    throw new AppError("UPLOAD_PDF_ACTIVE_CONTENT", { details: { found: [...found].sort() } });
}

const ACTIVE_ACTION_TYPES = ["JavaScript", "Launch", "ImportData", "SubmitForm", "RichMediaExecute"];

/**
 * Walks every object of the file, whatever its type: dictionaries, arrays inside arrays, streams' dictionaries,
 * and every reference (an action may sit in an indirect array: /Annots 4 0 R → [<< /A << /S /JavaScript >> >>]).
 * Each object is visited once, so reference cycles end.
 */
export function activePdfContent(doc: PDFDocument): Set<string> {
  const found = new Set<string>();
  const seen = new Set<PDFObject>();
  const visit = (object: PDFObject | undefined): void => {
    if (object === undefined || seen.has(object)) return;
    seen.add(object);
    if (object instanceof PDFRef) {
      visit(doc.context.lookup(object));
    } else if (object instanceof PDFDict) {
      for (const [key, value] of object.entries()) {
        const name = key.decodeText();
        if (ACTIVE_PDF_KEYS.includes(name)) found.add(name);
        if (name === "S" && value instanceof PDFName && ACTIVE_ACTION_TYPES.includes(value.decodeText()))
          found.add(value.decodeText());
        visit(value);
      }
    } else if (object instanceof PDFArray) {
      for (const item of object.asArray()) visit(item);
    } else if (object instanceof PDFStream || object instanceof PDFRawStream) {
      visit(object.dict);
    }
  };
  for (const [ref, object] of doc.context.enumerateIndirectObjects()) {
    visit(ref);
    visit(object);
  }
  visit(doc.context.trailerInfo.Root);
  return found;
}

// A browser sniffing a file served or saved as HTML runs what these start; a PDF needs none of them.
const HTML_MARKERS = /<(?:!doctype|html|head|body|script|iframe|svg|object|embed|meta|form)[\s>/]/i;

/** "%PDF-1.4" followed by HTML is a polyglot: refused wherever the markup sits outside compressed streams. */
function assertNotHtml(bytes: Uint8Array): void {
  // Stream contents (compressed page content, images) are left out: their bytes are not read as markup.
  const text = Buffer.from(bytes)
    .toString("latin1")
    .replace(/stream\r?\n[\s\S]*?endstream/g, "");
  if (HTML_MARKERS.test(text)) throw new AppError("UPLOAD_POLYGLOT");
}

/** A ZIP's end-of-central-directory record near the end of a PDF or image makes it a polyglot. */
function assertNoTrailingZip(bytes: Uint8Array): void {
  const tail = bytes.subarray(Math.max(0, bytes.byteLength - 65_557));
  for (let i = tail.byteLength - 22; i >= 0; i--) {
    if (tail[i] === 0x50 && tail[i + 1] === 0x4b && tail[i + 2] === 0x05 && tail[i + 3] === 0x06) {
      throw new AppError("UPLOAD_POLYGLOT");
    }
  }
}

/** Bytes after the image's end marker are how image polyglots hide a second file. */
function assertNothingAfterImage(bytes: Uint8Array, kind: "jpeg" | "png"): void {
  assertNoTrailingZip(bytes);
  let end = -1;
  if (kind === "png") {
    // IEND chunk: length 0, type "IEND", CRC AE 42 60 82.
    const iend = Buffer.from(bytes).lastIndexOf(
      Buffer.from([0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]),
    );
    end = iend < 0 ? -1 : iend + 8;
  } else {
    const eoi = Buffer.from(bytes).lastIndexOf(Buffer.from([0xff, 0xd9]));
    end = eoi < 0 ? -1 : eoi + 2;
  }
  if (end < 0) throw new AppError("UPLOAD_CORRUPT");
  const trailing = bytes.subarray(end);
  if (trailing.some((b) => b !== 0x00 && b !== 0x0a && b !== 0x0d)) throw new AppError("UPLOAD_POLYGLOT");
}

/**
 * Refuses archives that claim (central directory) or really (inflated while streaming) expand beyond sane limits.
 */
async function assertSaneZip(bytes: Uint8Array): Promise<void> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(Buffer.from(bytes), { lazyEntries: true, validateEntrySizes: true }, (err, z) =>
      err || !z ? reject(new AppError("UPLOAD_CORRUPT")) : resolve(z),
    ),
  );
  let entries = 0;
  let total = 0;
  let inflated = 0;
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (entry: yauzl.Entry) => {
      entries++;
      total += entry.uncompressedSize;
      const ratio =
        entry.compressedSize > 0 ? entry.uncompressedSize / entry.compressedSize : entry.uncompressedSize;
      if (
        entries > XLSX_LIMITS.maxEntries ||
        total > XLSX_LIMITS.maxUncompressedBytes ||
        (entry.uncompressedSize > 1024 * 1024 && ratio > XLSX_LIMITS.maxRatio) ||
        entry.fileName.includes("..") ||
        entry.fileName.startsWith("/")
      ) {
        zip.close();
        reject(new AppError("UPLOAD_ARCHIVE_REFUSED", { details: { entries, uncompressedBytes: total } }));
        return;
      }
      // The sizes above are the archive's claims. Inflating each entry counts the bytes really produced, with a
      // running cap, and keeps none of them: an entry that inflates beyond its claim (yauzl's
      // validateEntrySizes) or past the cap stops the reading there.
      zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) {
          zip.close();
          reject(new AppError("UPLOAD_CORRUPT"));
          return;
        }
        const refuse = () => {
          stream.destroy();
          zip.close();
          reject(new AppError("UPLOAD_ARCHIVE_REFUSED", { details: { entries, inflatedBytes: inflated } }));
        };
        stream.on("data", (chunk: Buffer) => {
          inflated += chunk.length;
          if (inflated > XLSX_LIMITS.maxUncompressedBytes) refuse();
        });
        stream.on("error", refuse);
        stream.on("end", () => zip.readEntry());
      });
    });
    zip.on("end", () => resolve());
    zip.on("error", () => reject(new AppError("UPLOAD_CORRUPT")));
    zip.readEntry();
  });
}
