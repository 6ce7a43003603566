/**
 * An administrative document laid out as NĐ 30/2020/NĐ-CP Phụ lục I draws it (A4, Times-style face 13–14 pt,
 * margins top 20 mm, bottom 20 mm, left 30 mm, right 15 mm): the issuing body on the left and the national motto
 * on the right (ô 1–2), the number (ô 3) and the place and date (ô 4) left blank for the clerk's stamp, the kind
 * and summary (ô 5), the content (ô 6), "Nơi nhận" (ô 9a) on the left and room for the signature block (ô 7) on the
 * right of the last page. The blanks' rectangles are documentStampRects(), shared with the issuing step.
 */
import type { EmbeddedFont, PDFPage } from "@libpdf/core";
import { rgb } from "@libpdf/core";
import { createDocument, mm, nfc, saveDocument, textWidth, wrapText } from "../document.ts";

export const PAGE = { width: 595.28, height: 841.89 } as const;
const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) } as const;
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const LEFT_BOX = { x: MARGIN.left - mm(10), width: CONTENT_WIDTH * 0.42 + mm(10) };
const RIGHT_BOX = { x: MARGIN.left + CONTENT_WIDTH * 0.42, width: CONTENT_WIDTH * 0.58 };
const HEADER_LINE = 15;
/** Where the number and the date line go (page 1), below three header lines. */
const STAMP_TOP = PAGE.height - MARGIN.top - HEADER_LINE * 3 - 10;
const STAMP_HEIGHT = 18;
/** The signature block (ô 7) the signer's appearance fills: bottom right, 30 mm up, 120 pt tall (see signing). */
const SIGNATURE_TOP = mm(30) + 130;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The rectangles of the number and of the place and date line on the first page (Phụ lục I ô 3 and 4). */
export function documentStampRects(): { number: Rect; date: Rect } {
  return {
    number: { x: LEFT_BOX.x, y: STAMP_TOP - STAMP_HEIGHT, width: LEFT_BOX.width, height: STAMP_HEIGHT },
    date: { x: RIGHT_BOX.x, y: STAMP_TOP - STAMP_HEIGHT, width: RIGHT_BOX.width, height: STAMP_HEIGHT },
  };
}

export interface OfficialDocumentInput {
  /** Lines of the issuing body, top first; the last is bold (ô 2), e.g. ["ỦY BAN NHÂN DÂN", "HUYỆN BẠCH THÔNG"]. */
  issuerLines: string[];
  /** The kind's name ("Quyết định"), or null for a công văn (its summary goes under the number). */
  kindName: string | null;
  summary: string;
  body: string;
  recipients: string[];
  createdAt: Date;
}

const BLACK = rgb(0, 0, 0);

class Writer {
  page: PDFPage;
  y: number;
  constructor(
    readonly doc: Awaited<ReturnType<typeof createDocument>>["doc"],
    readonly regular: EmbeddedFont,
    readonly bold: EmbeddedFont,
  ) {
    this.page = doc.addPage({ width: PAGE.width, height: PAGE.height });
    this.y = PAGE.height - MARGIN.top;
  }
  newPage() {
    this.page = this.doc.addPage({ width: PAGE.width, height: PAGE.height });
    this.y = PAGE.height - MARGIN.top;
  }
  text(text: string, x: number, top: number, size: number, bold = false) {
    const t = nfc(text);
    if (t)
      this.page.drawText(t, { x, y: top - size, size, font: bold ? this.bold : this.regular, color: BLACK });
  }
  centered(text: string, box: { x: number; width: number }, top: number, size: number, bold = false): number {
    const font = bold ? this.bold : this.regular;
    let y = top;
    for (const line of wrapText(nfc(text), font, size, box.width)) {
      this.text(line, box.x + (box.width - textWidth(font, line, size)) / 2, y, size, bold);
      y -= size * 1.2;
    }
    return y;
  }
  rule(box: { x: number; width: number }, width: number, y: number) {
    const x = box.x + (box.width - width) / 2;
    this.page.drawLine({ start: { x, y }, end: { x: x + width, y }, thickness: 0.6, color: BLACK });
  }
  paragraph(text: string, size: number, bottom: number) {
    const lines = wrapText(nfc(text), this.regular, size, CONTENT_WIDTH - mm(10));
    lines.forEach((line, i) => {
      if (this.y - size * 1.3 < bottom) this.newPage();
      const x = MARGIN.left + (i === 0 ? mm(10) : 0);
      this.text(line, x, this.y, size);
      this.y -= size * 1.3;
    });
    this.y -= size * 0.4;
  }
}

/** Renders the draft; the number, the date and the signatures are added when it is signed and issued. */
export async function renderOfficialDocument(input: OfficialDocumentInput): Promise<Uint8Array> {
  const { doc, fonts } = await createDocument({
    title: input.summary,
    subject: input.kindName ?? "Công văn",
    author: input.issuerLines.join(" "),
    createdAt: input.createdAt,
  });
  const w = new Writer(doc, fonts.regular, fonts.bold);
  const top = w.y;
  let yl = top;
  input.issuerLines.forEach((line, i) => {
    const last = i === input.issuerLines.length - 1;
    yl = w.centered(line.toLocaleUpperCase("vi-VN"), LEFT_BOX, yl, 12.5, last);
  });
  w.rule(LEFT_BOX, LEFT_BOX.width * 0.3, yl + 2);
  let yr = w.centered("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", RIGHT_BOX, top, 12.5, true);
  yr = w.centered("Độc lập - Tự do - Hạnh phúc", RIGHT_BOX, yr, 13.5, true);
  w.rule(RIGHT_BOX, textWidth(fonts.bold, "Độc lập - Tự do - Hạnh phúc", 13.5), yr + 2);
  w.y = STAMP_TOP - STAMP_HEIGHT - 6;
  if (input.kindName === null) {
    // Công văn: "V/v …" under the number (Phụ lục I ô 5b).
    w.y = w.centered(`V/v ${input.summary}`, LEFT_BOX, w.y, 12) - 10;
  } else {
    w.y -= 8;
    w.y = w.centered(
      input.kindName.toLocaleUpperCase("vi-VN"),
      { x: MARGIN.left, width: CONTENT_WIDTH },
      w.y,
      14,
      true,
    );
    w.y = w.centered(
      input.summary,
      { x: MARGIN.left + mm(15), width: CONTENT_WIDTH - mm(30) },
      w.y,
      14,
      true,
    );
    w.rule({ x: MARGIN.left, width: CONTENT_WIDTH }, mm(40), w.y + 4);
    w.y -= 12;
  }
  for (const para of input.body
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    w.paragraph(para, 14, MARGIN.bottom);
  }
  // Room for "Nơi nhận" and the signature block on the last page.
  if (w.y < SIGNATURE_TOP + 10) w.newPage();
  let y = SIGNATURE_TOP;
  w.text("Nơi nhận:", MARGIN.left - mm(10), y, 12, true);
  y -= 14;
  for (const r of input.recipients.slice(0, 10)) {
    for (const line of wrapText(nfc(`- ${r};`), fonts.regular, 11, CONTENT_WIDTH * 0.45)) {
      w.text(line, MARGIN.left - mm(10), y, 11);
      y -= 12.5;
    }
  }
  if (input.recipients.length > 10)
    w.text(`- … (${input.recipients.length - 10} nơi khác);`, MARGIN.left - mm(10), y, 11);
  w.text("- Lưu: VT.", MARGIN.left - mm(10), y - (input.recipients.length > 10 ? 12.5 : 0), 11);
  return saveDocument(doc);
}

/** Issuer lines of a unit's name: "UBND huyện Bạch Thông" → ["ỦY BAN NHÂN DÂN", "HUYỆN BẠCH THÔNG"]. */
export function issuerLinesOf(unitName: string, parentName: string | null): string[] {
  const m = /^(UBND|Ủy ban nhân dân)\s+(.+)$/iu.exec(unitName.trim());
  if (m) return ["ỦY BAN NHÂN DÂN", m[2] as string];
  return parentName ? [parentName, unitName] : [unitName];
}
