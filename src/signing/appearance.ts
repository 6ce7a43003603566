/**
 * Visible signature appearances placed as Decree 30/2020 (Phụ lục I) puts them on electronic documents:
 *  - "signer": the competent person's signature in the signature block (ô 7: authority line such as
 *    "TM. ỦY BAN NHÂN DÂN", position, signature image, full name), bottom right of the last page;
 *  - "seal": the agency's signature, the red seal image over about the left third of the signer's image,
 *    with the agency's name and the signing time (ISO 8601, Vietnam time);
 *  - "corner": the agency's signature on attachments and copies, top right of the first page, no image,
 *    Times New Roman style 10 pt: agency, number and notation, signing time.
 * The document layout module knows where ô 7 really is and can pass an explicit rectangle instead.
 */
import { PDF, type PDFPage, PdfArray, PdfDict, PdfNumber, PdfRef, PdfString, rgb } from "@libpdf/core";
import { AppError } from "../errors.ts";
import { serifFont } from "../pdf/fonts/serif.ts";

export type AppearanceKind = "signer" | "seal" | "corner";

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface AppearanceOptions {
  kind?: AppearanceKind;
  /** 0-based page; defaults to the last page (signer, seal) or the first (corner). */
  page?: number;
  /** Explicit placement in PDF points, overriding the preset. */
  rect?: Rect;
  /** Signing-mode line of ô 7a: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "TL. …". */
  authority?: string;
  /** The signer's position (chức vụ), e.g. "Chủ tịch"; defaults to the certificate's title. */
  position?: string;
  /** Defaults to the certificate's common name. */
  signerName?: string;
  /** Defaults to the certificate's organisation. */
  organization?: string;
  /** Number and notation, for the corner appearance: "49/QĐ-UBND". */
  documentNumber?: string;
  /** PNG: the signature image (signer) or the red seal with a transparent background (seal). */
  image?: Uint8Array;
}

export interface AppearanceText {
  signerName: string;
  organization: string;
  position?: string;
  authority?: string;
  documentNumber?: string;
  time: Date;
}

const MM = 72 / 25.4;
const SIGNER_SIZE = { width: 220, height: 120 };
const SEAL_SIZE = 36 * MM; // a common round seal is 35–42 mm across
const CORNER_SIZE = { width: 210, height: 48 };
const MARGIN_RIGHT = 20 * MM;
const MARGIN_TOP = 15 * MM;
const SIGNER_BOTTOM = 30 * MM;
export const FIELD_PREFIX: Record<AppearanceKind, string> = {
  signer: "motcua-signer",
  seal: "motcua-seal",
  corner: "motcua-corner",
};

/** "2026-11-28T17:15:30+07:00": the ISO 8601 form with Vietnam's offset that the decree asks for. */
export function vietnamTime(date: Date): string {
  const shifted = new Date(date.getTime() + 7 * 3600 * 1000);
  return `${shifted.toISOString().slice(0, 19)}+07:00`;
}

/** PDF date string in Vietnam time: D:20261128171530+07'00'. */
export function pdfDate(date: Date): string {
  const iso = vietnamTime(date);
  return `D:${iso.slice(0, 19).replace(/[-T:]/g, "")}+07'00'`;
}

function isPng(bytes: Uint8Array): boolean {
  const magic = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  return bytes.length > 8 && magic.every((b, i) => bytes[i] === b);
}

function rectOf(dict: PdfDict, pdf: PDF): Rect | undefined {
  const array = dict.getArray("Rect", (ref) => pdf.getObject(ref));
  if (array?.length !== 4) return undefined;
  const n = array.toArray().map((v) => (v instanceof PdfNumber ? v.value : Number.NaN));
  if (n.some(Number.isNaN)) return undefined;
  const [x1, y1, x2, y2] = n;
  const rect = {
    x: Math.min(x1, x2),
    y: Math.min(y1, y2),
    width: Math.abs(x2 - x1),
    height: Math.abs(y2 - y1),
  };
  return rect.width > 0 && rect.height > 0 ? rect : undefined;
}

/** The rectangle of the latest visible motcua signer signature on the page, if any. */
function lastSignerRect(pdf: PDF, page: PDFPage): Rect | undefined {
  const resolve = (ref: PdfRef) => pdf.getObject(ref);
  const annots = page.dict.getArray("Annots", resolve);
  let found: Rect | undefined;
  for (const item of annots?.toArray() ?? []) {
    const dict = item instanceof PdfRef ? pdf.getObject(item) : item;
    if (!(dict instanceof PdfDict)) continue;
    const title = dict.getString("T", resolve)?.asString() ?? "";
    if (title.startsWith(FIELD_PREFIX.signer)) found = rectOf(dict, pdf) ?? found;
  }
  return found;
}

/** Chooses page and rectangle for an appearance. */
export function placeAppearance(pdf: PDF, options: AppearanceOptions): { pageIndex: number; rect: Rect } {
  const kind = options.kind ?? "signer";
  const count = pdf.getPageCount();
  const pageIndex = options.page ?? (kind === "corner" ? 0 : count - 1);
  const page = pdf.getPage(pageIndex);
  if (!page || pageIndex < 0)
    throw new AppError("PAGE_OUT_OF_RANGE", { details: { page: pageIndex, count } });
  if (options.rect) return { pageIndex, rect: options.rect };
  const box = page.getMediaBox();
  const right = box.x + box.width - MARGIN_RIGHT;
  const signerDefault = {
    x: right - SIGNER_SIZE.width,
    y: box.y + SIGNER_BOTTOM,
    width: SIGNER_SIZE.width,
    height: SIGNER_SIZE.height,
  };
  if (kind === "signer") return { pageIndex, rect: signerDefault };
  if (kind === "corner") {
    const { width, height } = CORNER_SIZE;
    return {
      pageIndex,
      rect: { x: right - width, y: box.y + box.height - MARGIN_TOP - height, width, height },
    };
  }
  const signer = lastSignerRect(pdf, page) ?? signerDefault;
  return {
    pageIndex,
    rect: {
      x: signer.x + signer.width / 6 - SEAL_SIZE / 2,
      y: signer.y + (signer.height - SEAL_SIZE) / 2,
      width: SEAL_SIZE,
      height: SEAL_SIZE,
    },
  };
}

interface Line {
  text: string;
  bold: boolean;
  size: number;
}

type Font = ReturnType<PDF["embedFont"]>;

function wrap(line: Line, font: Font, maxWidth: number): Line[] {
  const words = line.text.split(/\s+/).filter(Boolean);
  const out: Line[] = [];
  let current = "";
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && font.widthOfTextAtSize(candidate, line.size) > maxWidth) {
      out.push({ ...line, text: current });
      current = word;
    } else {
      current = candidate;
    }
  }
  if (current) out.push({ ...line, text: current });
  return out;
}

interface Canvas {
  page: PDFPage;
  regular: Font;
  bold: Font;
  width: number;
}

function drawLines(
  canvas: Canvas,
  lines: Line[],
  top: number,
  align: "center" | "left",
  color = rgb(0, 0, 0),
): number {
  let y = top;
  for (const line of lines) {
    const font = line.bold ? canvas.bold : canvas.regular;
    for (const part of wrap(line, font, canvas.width - 6)) {
      y -= part.size * 1.15;
      const width = font.widthOfTextAtSize(part.text, part.size);
      const x = align === "center" ? (canvas.width - width) / 2 : 3;
      canvas.page.drawText(part.text, { x, y: y + part.size * 0.22, font, size: part.size, color });
    }
  }
  return y;
}

function measure(canvas: Canvas, lines: Line[]): number {
  let height = 0;
  for (const line of lines) {
    const font = line.bold ? canvas.bold : canvas.regular;
    height += wrap(line, font, canvas.width - 6).length * line.size * 1.15;
  }
  return height;
}

function drawFitted(doc: PDF, page: PDFPage, png: Uint8Array, area: Rect): void {
  const image = doc.embedPng(png);
  const scale = Math.min(area.width / image.width, area.height / image.height);
  const width = image.width * scale;
  const height = image.height * scale;
  page.drawImage(image, {
    x: area.x + (area.width - width) / 2,
    y: area.y + (area.height - height) / 2,
    width,
    height,
  });
}

function drawSigner(
  doc: PDF,
  canvas: Canvas,
  text: AppearanceText,
  image: Uint8Array | undefined,
  height: number,
) {
  const top: Line[] = [];
  if (text.authority) top.push({ text: text.authority.toLocaleUpperCase("vi"), bold: true, size: 11 });
  if (text.position) top.push({ text: text.position.toLocaleUpperCase("vi"), bold: true, size: 11 });
  const bottom: Line[] = [
    { text: text.signerName, bold: true, size: 12 },
    { text: `Ký số: ${vietnamTime(text.time)}`, bold: false, size: 7.5 },
  ];
  const topEnd = drawLines(canvas, top, height - 2, "center");
  const bottomHeight = measure(canvas, bottom);
  drawLines(canvas, bottom, bottomHeight + 2, "center");
  const area = { x: 4, y: bottomHeight + 4, width: canvas.width - 8, height: topEnd - bottomHeight - 6 };
  if (image && area.height > 4) drawFitted(doc, canvas.page, image, area);
}

function drawSeal(
  doc: PDF,
  canvas: Canvas,
  text: AppearanceText,
  image: Uint8Array | undefined,
  height: number,
) {
  const size = Math.min(canvas.width, height);
  const red = rgb(0.8, 0.05, 0.05);
  if (image) {
    drawFitted(doc, canvas.page, image, { x: 0, y: 0, width: canvas.width, height });
  } else {
    const r = size / 2 - 2;
    canvas.page.drawCircle({
      x: canvas.width / 2,
      y: height / 2,
      radius: r,
      borderColor: red,
      borderWidth: 2,
    });
    canvas.page.drawCircle({
      x: canvas.width / 2,
      y: height / 2,
      radius: r - 5,
      borderColor: red,
      borderWidth: 0.7,
    });
  }
  const lines: Line[] = [
    { text: text.organization, bold: true, size: 7 },
    { text: vietnamTime(text.time), bold: false, size: 6.5 },
  ];
  const blockHeight = measure(canvas, lines);
  drawLines(canvas, lines, height / 2 + blockHeight / 2, "center", image ? rgb(0.05, 0.1, 0.55) : red);
}

function drawCorner(canvas: Canvas, text: AppearanceText, height: number) {
  const lines: Line[] = [{ text: text.organization, bold: false, size: 10 }];
  if (text.documentNumber) lines.push({ text: `Số: ${text.documentNumber}`, bold: false, size: 10 });
  lines.push({ text: `Thời gian ký: ${vietnamTime(text.time)}`, bold: false, size: 10 });
  drawLines(canvas, lines, height - 1, "left");
}

/** One line of a text stamp. */
export interface StampLine {
  text: string;
  size?: number;
  bold?: boolean;
}

/** Text drawn with a signature's appearance, elsewhere on the same page (page coordinates). */
export interface AppearanceStamp {
  rect: Rect;
  lines: StampLine[];
}

/** The smallest rectangle holding all of them. */
export function unionRect(rects: Rect[]): Rect {
  const x = Math.min(...rects.map((r) => r.x));
  const y = Math.min(...rects.map((r) => r.y));
  const right = Math.max(...rects.map((r) => r.x + r.width));
  const top = Math.max(...rects.map((r) => r.y + r.height));
  return { x, y, width: right - x, height: top - y };
}

async function drawPart(
  width: number,
  height: number,
  draw: (doc: PDF, canvas: Canvas) => void,
): Promise<PDF> {
  const scratch = PDF.create();
  const page = scratch.addPage({ width, height });
  const canvas: Canvas = {
    page,
    regular: scratch.embedFont(serifFont("regular")),
    bold: scratch.embedFont(serifFont("bold")),
    width,
  };
  draw(scratch, canvas);
  return PDF.load(await scratch.save({ subsetFonts: true }));
}

/**
 * Draws the appearance in a scratch document with the Vietnamese serif face (subset), then embeds it in
 * `pdf` as a form XObject of exactly rect.width × rect.height, ready for a widget's /AP /N.
 * With stamps (the number and date the clerk writes before sealing, NĐ 30/2020 Điều 18), the widget grows to
 * the rectangle holding the appearance and the stamps, so that they are one annotation of the signature field:
 * covered by the signature, and no change to the page that would void an earlier signature.
 */
export async function buildAppearance(
  pdf: PDF,
  kind: AppearanceKind,
  rect: Rect,
  text: AppearanceText,
  image?: Uint8Array,
  stamps: AppearanceStamp[] = [],
): Promise<{ ref: PdfRef; rect: Rect }> {
  if (image && !isPng(image)) throw new AppError("IMAGE_INVALID");
  let drawn: PDF;
  try {
    drawn = await drawPart(rect.width, rect.height, (scratch, canvas) => {
      if (kind === "signer") drawSigner(scratch, canvas, text, image, rect.height);
      else if (kind === "seal") drawSeal(scratch, canvas, text, image, rect.height);
      else drawCorner(canvas, text, rect.height);
    });
  } catch (cause) {
    if (image) throw new AppError("IMAGE_INVALID", { cause });
    throw cause;
  }
  if (stamps.length === 0) return { ref: (await pdf.embedPage(drawn, 0)).ref, rect };
  const whole = unionRect([rect, ...stamps.map((s) => s.rect)]);
  const composite = PDF.create();
  const page = composite.addPage({ width: whole.width, height: whole.height });
  page.drawPage(await composite.embedPage(drawn, 0), { x: rect.x - whole.x, y: rect.y - whole.y });
  for (const stamp of stamps) {
    const part = await drawPart(stamp.rect.width, stamp.rect.height, (_doc, canvas) => {
      drawLines(
        canvas,
        stamp.lines.map((l) => ({
          text: l.text.normalize("NFC"),
          bold: l.bold ?? false,
          size: l.size ?? 13,
        })),
        stamp.rect.height - 1,
        "left",
      );
    });
    page.drawPage(await composite.embedPage(part, 0), {
      x: stamp.rect.x - whole.x,
      y: stamp.rect.y - whole.y,
    });
  }
  const saved = await PDF.load(await composite.save());
  return { ref: (await pdf.embedPage(saved, 0)).ref, rect: whole };
}

/** The widget's Rect entry. */
export function rectArray(rect: Rect): PdfArray {
  const r = (n: number) => PdfNumber.of(Math.round(n * 100) / 100);
  return new PdfArray([r(rect.x), r(rect.y), r(rect.x + rect.width), r(rect.y + rect.height)]);
}

export function appearanceDict(ref: PdfRef): PdfDict {
  return PdfDict.of({ N: ref });
}

export function textString(text: string): PdfString {
  return PdfString.fromString(text);
}
