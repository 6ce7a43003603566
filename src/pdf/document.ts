/**
 * Shared helpers for the PDFs the system prints (public boards, forms, registers): an A4 document with the
 * embedded serif face, text measuring and wrapping, and simple drawing. Text goes in NFC so that every
 * Vietnamese letter is one precomposed glyph of the font, which keeps it extractable (pdftotext) and searchable.
 */
import { type EmbeddedFont, PDF, type PDFPage, PdfArray, PdfRef, PdfStream, rgb } from "@libpdf/core";
import { serifFont } from "./fonts/serif.ts";

/** A4 portrait in PDF points. */
export const A4 = { width: 595.28, height: 841.89 } as const;

/** Millimetres to points. */
export function mm(value: number): number {
  return (value * 72) / 25.4;
}

export interface Fonts {
  regular: EmbeddedFont;
  bold: EmbeddedFont;
}

export interface DocumentInfo {
  title: string;
  subject?: string;
  author?: string;
  keywords?: string[];
  /** Creation date written in the file (fixed dates make the output reproducible). */
  createdAt: Date;
  /** BCP 47 language tag of the text. */
  language?: string;
}

/** A new PDF with Liberation Serif regular and bold embedded (subset) and its metadata set. */
export async function createDocument(info: DocumentInfo): Promise<{ doc: PDF; fonts: Fonts }> {
  const doc = PDF.create();
  // Subset when saved (`save({ subsetFonts: true })`): only the glyphs drawn are written.
  const regular = doc.embedFont(serifFont("regular"));
  const bold = doc.embedFont(serifFont("bold"));
  FACE_OF.set(regular, "regular");
  FACE_OF.set(bold, "bold");
  doc.setTitle(nfc(info.title), { showInWindowTitleBar: true });
  if (info.subject) doc.setSubject(nfc(info.subject));
  if (info.author) doc.setAuthor(nfc(info.author));
  if (info.keywords) doc.setKeywords(info.keywords.map(nfc));
  doc.setLanguage(info.language ?? "vi-VN");
  doc.setProducer("motcua (@libpdf/core)");
  doc.setCreator("motcua");
  doc.setCreationDate(info.createdAt);
  doc.setModificationDate(info.createdAt);
  return { doc, fonts: { regular, bold } };
}

/**
 * The file's bytes, fonts subset to the glyphs drawn. @libpdf/core writes each drawing call as a content stream
 * of its own (a form has hundreds); each page's streams are joined into one first, which the PDF format allows
 * (ISO 32000-1 §7.8.2: an array of streams is read as their concatenation) and which keeps the file about a third
 * the size.
 */
export function saveDocument(doc: PDF): Promise<Uint8Array> {
  for (const page of doc.getPages()) {
    const contents = page.dict.get("Contents");
    if (!(contents instanceof PdfArray) || contents.length < 2) continue;
    const refs = contents.toArray();
    const first = refs[0];
    const streams = refs.map((ref) => (ref instanceof PdfRef ? doc.getObject(ref) : ref));
    if (!(first instanceof PdfRef) || !streams.every((s) => s instanceof PdfStream)) continue;
    const parts = (streams as PdfStream[]).flatMap((s) => [s.getDecodedData(), NEWLINE]);
    (streams[0] as PdfStream).setData(Buffer.concat(parts));
    page.dict.set("Contents", first);
  }
  return doc.save({ subsetFonts: true });
}

const NEWLINE = new Uint8Array([10]);

export function nfc(text: string): string {
  return text.normalize("NFC");
}

/**
 * Text widths at size 1 of the serif faces, shared by every document: each embedded copy of a face measures alike,
 * and laying out a string (shaping, kerning) is most of the time a form takes to draw. Widths scale linearly with
 * the size. Bounded: cleared when it grows past MAX_CACHED_WIDTHS strings.
 */
const FACE_OF = new WeakMap<EmbeddedFont, "regular" | "bold">();
const UNIT_WIDTHS = { regular: new Map<string, number>(), bold: new Map<string, number>() };
const MAX_CACHED_WIDTHS = 50_000;

/** Forgets every cached width (memory pressure, or a benchmark's cold baseline). */
export function clearTextWidthCache(): void {
  UNIT_WIDTHS.regular.clear();
  UNIT_WIDTHS.bold.clear();
}

export function textWidth(font: EmbeddedFont, text: string, size: number): number {
  const face = FACE_OF.get(font);
  if (face === undefined) return font.widthOfTextAtSize(nfc(text), size);
  const widths = UNIT_WIDTHS[face];
  let unit = widths.get(text);
  if (unit === undefined) {
    unit = font.widthOfTextAtSize(nfc(text), 1);
    if (widths.size >= MAX_CACHED_WIDTHS) widths.clear();
    widths.set(text, unit);
  }
  return unit * size;
}

/**
 * Splits text into lines no wider than maxWidth: at spaces where possible, inside a word only when the word alone
 * is too wide. Newlines in the text start new lines.
 */
export function wrapText(text: string, font: EmbeddedFont, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  for (const paragraph of nfc(text).split(/\r?\n/)) {
    const words = paragraph.split(/\s+/).filter((w) => w.length > 0);
    if (words.length === 0) {
      lines.push("");
      continue;
    }
    let line = "";
    for (const word of words) {
      const candidate = line ? `${line} ${word}` : word;
      if (textWidth(font, candidate, size) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      if (textWidth(font, word, size) <= maxWidth) {
        line = word;
        continue;
      }
      // A word wider than the column: break it by characters.
      let piece = "";
      for (const ch of word) {
        if (piece && font.widthOfTextAtSize(piece + ch, size) > maxWidth) {
          lines.push(piece);
          piece = ch;
        } else {
          piece += ch;
        }
      }
      line = piece;
    }
    lines.push(line);
  }
  return lines;
}

export type Align = "left" | "center" | "right";

export interface TextStyle {
  font: EmbeddedFont;
  size: number;
  /** Distance between baselines; default 1.25 × size. */
  lineHeight?: number;
  color?: { r: number; g: number; b: number };
  align?: Align;
}

/**
 * Draws lines of text with the first baseline at `top - size` (so `top` is the top of the text block) inside a box
 * of `width` starting at `x`; returns the y below the last line.
 */
export function drawLines(
  page: PDFPage,
  lines: readonly string[],
  box: { x: number; top: number; width: number },
  style: TextStyle,
): number {
  const lineHeight = style.lineHeight ?? style.size * 1.25;
  const color = style.color ? rgb(style.color.r, style.color.g, style.color.b) : rgb(0, 0, 0);
  let y = box.top - style.size;
  for (const line of lines) {
    const w = style.font.widthOfTextAtSize(line, style.size);
    const x =
      style.align === "center"
        ? box.x + (box.width - w) / 2
        : style.align === "right"
          ? box.x + box.width - w
          : box.x;
    if (line) page.drawText(line, { x, y, size: style.size, font: style.font, color });
    y -= lineHeight;
  }
  return box.top - blockHeight(lines.length, style);
}

/** Height of a block of `count` lines drawn with drawLines. */
export function blockHeight(count: number, style: Pick<TextStyle, "size" | "lineHeight">): number {
  const lineHeight = style.lineHeight ?? style.size * 1.25;
  return count === 0 ? 0 : (count - 1) * lineHeight + style.size * 1.25;
}

/** Wraps and draws a paragraph; returns the y below it. */
export function drawParagraph(
  page: PDFPage,
  text: string,
  box: { x: number; top: number; width: number },
  style: TextStyle,
): number {
  const lines = wrapText(text, style.font, style.size, box.width);
  drawLines(page, lines, box, style);
  return box.top - blockHeight(lines.length, style);
}

/** Vietnamese long date: "ngày 24 tháng 11 năm 2026". */
export function vietnameseLongDate(isoDate: string): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  return `ngày ${String(d).padStart(2, "0")} tháng ${String(m).padStart(2, "0")} năm ${y}`;
}
