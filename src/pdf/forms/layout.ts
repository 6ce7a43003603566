/**
 * A small flowing layout for the one-stop forms on top of src/pdf/document.ts: a cursor that moves down the page
 * and starts a new page when the next line or table row would not fit, the header block of an administrative
 * document (issuing body | national motto), rich paragraphs (regular and bold runs), tables whose header repeats
 * on every page, and signature blocks.
 */
import { type EmbeddedFont, type PDF, type PDFPage, rgb } from "@libpdf/core";
import { createDocument, type Fonts, mm, nfc, saveDocument, textWidth } from "../document.ts";
import { drawQrCode } from "../qr.ts";
import type { FormSpec } from "./form-sets.ts";
import { type Margins, marginsFor, pageSize } from "./paper.ts";

export interface Issuer {
  /** The body above the issuing body (cơ quan chủ quản), e.g. "ỦY BAN NHÂN DÂN XÃ PHỦ THÔNG"; may be empty. */
  parentBody: string;
  /** The issuing body or desk, e.g. "BỘ PHẬN MỘT CỬA". */
  body: string;
  /** Place name for the date line (địa danh), e.g. "Phủ Thông". */
  place: string;
}

/** A piece of text in one weight. */
export interface Run {
  text: string;
  bold?: boolean;
}

export interface ParagraphOptions {
  size?: number;
  align?: "left" | "center" | "right" | "justify";
  /** First-line indent, in points. */
  indent?: number;
  /** Left inset of the whole paragraph, in points. */
  inset?: number;
  /** Space after, in points. */
  after?: number;
}

export interface Column {
  header: string;
  /** Relative width. */
  weight: number;
  align?: "left" | "center" | "right";
}

export interface ColumnGroup {
  label: string;
  /** Index of the first and last column the group spans. */
  from: number;
  to: number;
}

export interface TableOptions {
  size?: number;
  groups?: readonly ColumnGroup[];
  /** Repeat the header on each new page (default true). */
  repeatHeader?: boolean;
}

const BLACK = rgb(0, 0, 0);
const LINE = 1.22;

export class FormWriter {
  readonly doc: PDF;
  readonly fonts: Fonts;
  readonly spec: FormSpec;
  readonly margins: Margins;
  readonly width: number;
  readonly height: number;
  /** Base text size: 13 pt on A4 (NĐ 30/2020 asks 13–14), 10 pt on A5. */
  readonly size: number;
  page: PDFPage;
  y: number;
  private onNewPage: (() => void) | null = null;

  private constructor(doc: PDF, fonts: Fonts, spec: FormSpec) {
    this.doc = doc;
    this.fonts = fonts;
    this.spec = spec;
    [this.width, this.height] = pageSize(spec.paper, spec.orientation);
    this.margins = marginsFor(spec.paper, spec.orientation);
    this.size = spec.paper === "A4" ? (spec.orientation === "landscape" ? 10 : 13) : 10;
    this.page = doc.addPage({ width: this.width, height: this.height });
    this.y = this.height - this.margins.top;
  }

  static async create(spec: FormSpec, info: { title: string; createdAt: Date; subject?: string }) {
    const { doc, fonts } = await createDocument({
      title: info.title,
      subject: info.subject ?? `Mẫu số ${spec.number} — ${spec.title}`,
      author: "motcua",
      keywords: [spec.set, `mau-${spec.number}`],
      createdAt: info.createdAt,
    });
    return new FormWriter(doc, fonts, spec);
  }

  get left(): number {
    return this.margins.left;
  }

  get contentWidth(): number {
    return this.width - this.margins.left - this.margins.right;
  }

  get bottom(): number {
    return this.margins.bottom;
  }

  newPage(): void {
    this.page = this.doc.addPage({ width: this.width, height: this.height });
    this.y = this.height - this.margins.top;
    this.onNewPage?.();
  }

  /** Starts a new page unless `height` points still fit above the bottom margin. */
  ensure(height: number): void {
    if (this.y - height < this.bottom) this.newPage();
  }

  space(points: number): void {
    this.y -= points;
  }

  font(bold?: boolean): EmbeddedFont {
    return bold ? this.fonts.bold : this.fonts.regular;
  }

  /** Draws one line of text at the cursor's baseline position `y` (top of line at the cursor). */
  textAt(text: string, x: number, top: number, size: number, bold = false): void {
    const t = nfc(text);
    if (t) this.page.drawText(t, { x, y: top - size, size, font: this.font(bold), color: BLACK });
  }

  /** Largest size ≤ `size` at which `text` fits in `width`. */
  fit(text: string, size: number, width: number, bold = false): number {
    const w = textWidth(this.font(bold), text, size);
    return w <= width ? size : Math.max(6, (size * width) / w);
  }

  /** Centered line in a box; shrinks the text when it would overflow. */
  centered(text: string, box: { x: number; width: number }, top: number, size: number, bold = false): number {
    const s = this.fit(text, size, box.width, bold);
    const w = textWidth(this.font(bold), text, s);
    this.textAt(text, box.x + (box.width - w) / 2, top, s, bold);
    return top - s * LINE;
  }

  rule(x1: number, x2: number, y: number, thickness = 0.6): void {
    this.page.drawLine({ start: { x: x1, y }, end: { x: x2, y }, thickness, color: BLACK });
  }

  /**
   * The header of an administrative document: the form number at the top right, then the issuing body on the left
   * and the national motto on the right, each with a short rule; under the motto the place and date line, under the
   * body the document number when there is one ("Số: …").
   */
  header(issuer: Issuer, placeDate: string | null, documentNumber: string | null = null): void {
    const s = this.size;
    // A slip that is not a numbered form of the set (the transfer slip) prints no "Mẫu số".
    const label = /^\d+$/.test(this.spec.number) ? `Mẫu số ${this.spec.number}` : "";
    const labelSize = s * 0.85;
    if (label) {
      const lw = textWidth(this.fonts.bold, label, labelSize);
      this.textAt(label, this.left + this.contentWidth - lw, this.y, labelSize, true);
    }
    this.y -= labelSize * 1.6;
    const top = this.y;
    const shift = this.spec.paper === "A4" ? mm(8) : 0;
    const leftBox = { x: this.left - shift, width: this.contentWidth * 0.4 + shift };
    const rightBox = { x: this.left + this.contentWidth * 0.41, width: this.contentWidth * 0.59 };
    let yl = top;
    if (issuer.parentBody.trim()) yl = this.centered(issuer.parentBody.toUpperCase(), leftBox, yl, s * 0.9);
    yl = this.centered(issuer.body.toUpperCase(), leftBox, yl, s * 0.9, true);
    const ruleL = leftBox.width * 0.35;
    this.rule(
      leftBox.x + (leftBox.width - ruleL) / 2,
      leftBox.x + (leftBox.width + ruleL) / 2,
      yl - s * 0.12,
    );
    yl -= s * 0.45;
    if (documentNumber !== null) yl = this.centered(documentNumber, leftBox, yl - s * 0.2, s * 0.9);
    let yr = this.centered("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", rightBox, top, s * 0.9, true);
    const motto = "Độc lập - Tự do - Hạnh phúc";
    const mottoSize = this.fit(motto, s, rightBox.width, true);
    yr = this.centered(motto, rightBox, yr, mottoSize, true);
    const mw = textWidth(this.fonts.bold, motto, mottoSize);
    this.rule(rightBox.x + (rightBox.width - mw) / 2, rightBox.x + (rightBox.width + mw) / 2, yr - s * 0.12);
    yr -= s * 0.45;
    if (placeDate !== null) yr = this.centered(placeDate, rightBox, yr - s * 0.2, s * 0.95);
    this.y = Math.min(yl, yr) - s * 0.8;
  }

  /** The form's title in bold capitals, and optional centered lines under it. */
  title(text: string, ...subtitles: Run[][]): void {
    const s = this.size * 1.08;
    this.ensure(s * 3);
    const box = { x: this.left, width: this.contentWidth };
    for (const line of wrapRuns([{ text: text.toUpperCase(), bold: true }], this.fonts, s, box.width)) {
      this.drawLine(line, box.x, box.width, this.y, s, "center");
      this.y -= s * LINE;
    }
    for (const sub of subtitles) this.paragraph(sub, { align: "center", size: this.size });
    this.y -= this.size * 0.5;
  }

  /** A paragraph of runs, wrapped to the content width, breaking pages between lines. */
  paragraph(runs: Run[], options: ParagraphOptions = {}): void {
    const s = options.size ?? this.size;
    const inset = options.inset ?? 0;
    const indent = options.indent ?? 0;
    const width = this.contentWidth - inset;
    const lines = wrapRuns(runs, this.fonts, s, width, indent);
    lines.forEach((line, i) => {
      this.ensure(s * LINE);
      const x = this.left + inset + (i === 0 ? indent : 0);
      const w = width - (i === 0 ? indent : 0);
      const align =
        options.align === "justify" ? (i === lines.length - 1 ? "left" : "justify") : options.align;
      this.drawLine(line, x, w, this.y, s, align ?? "left");
      this.y -= s * LINE;
    });
    this.y -= options.after ?? this.size * 0.25;
  }

  /** "Label: value" with the value in bold. */
  field(label: string, value: string, options: ParagraphOptions = {}): void {
    this.paragraph([{ text: `${label}: ` }, { text: value || "……………………", bold: true }], options);
  }

  private drawLine(
    line: Run[],
    x: number,
    width: number,
    top: number,
    size: number,
    align: "left" | "center" | "right" | "justify",
  ): void {
    const widths = line.map((r) => textWidth(this.font(r.bold), r.text, size));
    const total = widths.reduce((a, b) => a + b, 0);
    let cx = x;
    let extra = 0;
    if (align === "center") cx = x + (width - total) / 2;
    else if (align === "right") cx = x + width - total;
    else if (align === "justify") {
      const spaces = line.reduce((n, r) => n + (r.text.match(/ /g)?.length ?? 0), 0);
      extra = spaces > 0 && total < width ? (width - total) / spaces : 0;
      if (extra > size * 0.5) extra = 0;
    }
    line.forEach((r, i) => {
      if (r.text) {
        this.page.drawText(r.text, {
          x: cx,
          y: top - size,
          size,
          font: this.font(r.bold),
          color: BLACK,
        });
      }
      cx += (widths[i] as number) + extra * (r.text.match(/ /g)?.length ?? 0);
    });
  }

  /**
   * A table with wrapped cells. Rows never split; a row that does not fit starts a new page, and the header (with
   * its column groups) is drawn again on top of it.
   */
  table(columns: readonly Column[], rows: readonly (readonly string[])[], options: TableOptions = {}): void {
    const s = options.size ?? this.size * 0.85;
    const pad = s * 0.3;
    const totalWeight = columns.reduce((a, c) => a + c.weight, 0);
    const widths = columns.map((c) => (this.contentWidth * c.weight) / totalWeight);
    const xs = widths.map((_, i) => this.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
    const cellLines = (text: string, i: number, bold: boolean) =>
      wrapRuns([{ text, bold }], this.fonts, s, (widths[i] as number) - 2 * pad).map((l) => l);
    const rowHeight = (lines: number) => lines * s * LINE + 2 * pad;

    const drawRow = (cells: readonly string[], bold: boolean, align?: "center") => {
      const wrapped = cells.map((c, i) => cellLines(c, i, bold));
      const h = rowHeight(Math.max(1, ...wrapped.map((w) => w.length)));
      const top = this.y;
      wrapped.forEach((lines, i) => {
        let ly = top - pad;
        const colAlign = align ?? columns[i]?.align ?? "left";
        for (const line of lines) {
          this.drawLine(line, (xs[i] as number) + pad, (widths[i] as number) - 2 * pad, ly, s, colAlign);
          ly -= s * LINE;
        }
        this.page.drawRectangle({
          x: xs[i] as number,
          y: top - h,
          width: widths[i] as number,
          height: h,
          borderColor: BLACK,
          borderWidth: 0.6,
        });
      });
      this.y = top - h;
    };

    const drawHeader = () => {
      const groups = options.groups ?? [];
      if (groups.length === 0) {
        drawRow(
          columns.map((c) => c.header),
          true,
          "center",
        );
        return;
      }
      // Two header rows: grouped columns get the group label above their own header; others span both rows.
      const groupOf = (i: number) => groups.find((g) => i >= g.from && i <= g.to);
      const subLines = columns.map((c, i) => cellLines(c.header, i, true).length);
      const groupLines = groups.map((g) => {
        const w = widths.slice(g.from, g.to + 1).reduce((a, b) => a + b, 0);
        return wrapRuns([{ text: g.label, bold: true }], this.fonts, s, w - 2 * pad).length;
      });
      const h1 = rowHeight(Math.max(1, ...groupLines));
      const h2 = rowHeight(Math.max(1, ...columns.map((_, i) => (groupOf(i) ? (subLines[i] as number) : 1))));
      const top = this.y;
      columns.forEach((c, i) => {
        const g = groupOf(i);
        const x = xs[i] as number;
        const w = widths[i] as number;
        const cellTop = g ? top - h1 : top;
        const cellH = g ? h2 : h1 + h2;
        const lines = cellLines(c.header, i, true);
        let ly = cellTop - (cellH - lines.length * s * LINE) / 2;
        for (const line of lines) {
          this.drawLine(line, x + pad, w - 2 * pad, ly, s, "center");
          ly -= s * LINE;
        }
        this.page.drawRectangle({
          x,
          y: cellTop - cellH,
          width: w,
          height: cellH,
          borderColor: BLACK,
          borderWidth: 0.6,
        });
      });
      for (const g of groups) {
        const x = xs[g.from] as number;
        const w = widths.slice(g.from, g.to + 1).reduce((a, b) => a + b, 0);
        const lines = wrapRuns([{ text: g.label, bold: true }], this.fonts, s, w - 2 * pad);
        let ly = top - pad;
        for (const line of lines) {
          this.drawLine(line, x + pad, w - 2 * pad, ly, s, "center");
          ly -= s * LINE;
        }
        this.page.drawRectangle({
          x,
          y: top - h1,
          width: w,
          height: h1,
          borderColor: BLACK,
          borderWidth: 0.6,
        });
      }
      this.y = top - h1 - h2;
    };

    const headerHeight = () => {
      const lines = Math.max(1, ...columns.map((c, i) => cellLines(c.header, i, true).length));
      return rowHeight(lines) * ((options.groups?.length ?? 0) > 0 ? 2 : 1);
    };

    const firstRowHeight =
      rows.length > 0
        ? rowHeight(Math.max(1, ...(rows[0] as string[]).map((c, i) => cellLines(c, i, false).length)))
        : 0;
    this.ensure(headerHeight() + firstRowHeight);
    drawHeader();
    const previous = this.onNewPage;
    if (options.repeatHeader ?? true) {
      this.onNewPage = () => {
        previous?.();
        drawHeader();
      };
    }
    for (const row of rows) {
      const h = rowHeight(Math.max(1, ...row.map((c, i) => cellLines(c, i, false).length)));
      this.ensure(h);
      drawRow(row, false);
    }
    this.onNewPage = previous;
    this.y -= this.size * 0.5;
  }

  /**
   * Signature blocks side by side: a bold capitalised title, an italic-style note in brackets, room to sign, and the
   * name. Kept together on one page.
   */
  signatures(
    blocks: readonly { title: string; note: string; name?: string | null }[],
    signSpace?: number,
  ): void {
    const s = this.size;
    const room = signSpace ?? (this.spec.paper === "A4" ? mm(22) : mm(12));
    // One signer signs on the right half (NĐ 30/2020 Phụ lục I); several share the width.
    const single = blocks.length === 1;
    const colW = single ? this.contentWidth * 0.55 : this.contentWidth / blocks.length;
    const x0 = single ? this.left + this.contentWidth - colW : this.left;
    const titleLines = blocks.map(
      (b) => wrapRuns([{ text: b.title.toUpperCase(), bold: true }], this.fonts, s * 0.95, colW - 8).length,
    );
    const h = (Math.max(...titleLines) + 2) * s * LINE + room;
    this.ensure(h);
    const top = this.y;
    let lowest = top;
    blocks.forEach((b, i) => {
      const box = { x: x0 + i * colW, width: colW };
      let y = top;
      for (const line of wrapRuns(
        [{ text: b.title.toUpperCase(), bold: true }],
        this.fonts,
        s * 0.95,
        colW - 8,
      )) {
        this.drawLine(line, box.x, box.width, y, s * 0.95, "center");
        y -= s * 0.95 * LINE;
      }
      y = this.centered(b.note, box, y, s * 0.85);
      y -= room;
      if (b.name) y = this.centered(b.name, box, y, s, true);
      lowest = Math.min(lowest, y);
    });
    this.y = lowest - s * 0.5;
  }

  /** A QR code of side `size` with its top at `top`, at `x` (default: the right edge); returns its left x. */
  qr(
    text: string,
    size: number,
    top: number = this.y,
    x: number = this.left + this.contentWidth - size,
  ): number {
    drawQrCode(this.page, text, x, top - size, size);
    return x;
  }

  /** Numbers the pages "Trang i/n" at the bottom right (for multi-page registers). */
  numberPages(): void {
    const pages = this.doc.getPages();
    const s = this.size * 0.8;
    pages.forEach((p, i) => {
      const label = `Trang ${i + 1}/${pages.length}`;
      const w = textWidth(this.fonts.regular, label, s);
      p.drawText(label, {
        x: this.width - this.margins.right - w,
        y: this.margins.bottom / 2,
        size: s,
        font: this.fonts.regular,
        color: BLACK,
      });
    });
  }

  async save(): Promise<Uint8Array> {
    return saveDocument(this.doc);
  }
}

/**
 * Greedy line breaking over runs of two weights: words stay whole unless a word alone is wider than the line, the
 * first line may be shorter by `indent`, newlines in a run force a break. Returns lines of merged runs.
 */
export function wrapRuns(
  runs: readonly Run[],
  fonts: Fonts,
  size: number,
  width: number,
  indent = 0,
): Run[][] {
  type Word = { text: string; bold: boolean; space: boolean; newline: boolean };
  const words: Word[] = [];
  for (const run of runs) {
    const bold = run.bold ?? false;
    const text = nfc(run.text);
    const paragraphs = text.split(/\r?\n/);
    paragraphs.forEach((para, pi) => {
      if (pi > 0) words.push({ text: "", bold, space: false, newline: true });
      const tokens = para.split(/( +)/);
      let pendingSpace = false;
      for (const tok of tokens) {
        if (tok === "") continue;
        if (/^ +$/.test(tok)) {
          pendingSpace = true;
          continue;
        }
        words.push({ text: tok, bold, space: pendingSpace, newline: false });
        pendingSpace = false;
      }
      if (pendingSpace) words.push({ text: "", bold, space: true, newline: false });
    });
  }
  const font = (b: boolean) => (b ? fonts.bold : fonts.regular);
  const measure = (t: string, b: boolean) => textWidth(font(b), t, size);
  const lines: Run[][] = [];
  let line: Run[] = [];
  let lineWidth = 0;
  let limit = width - indent;
  const push = () => {
    lines.push(line);
    line = [];
    lineWidth = 0;
    limit = width;
  };
  const append = (text: string, bold: boolean) => {
    const last = line[line.length - 1];
    if (last && (last.bold ?? false) === bold) last.text += text;
    else line.push({ text, bold });
    lineWidth += measure(text, bold);
  };
  for (const w of words) {
    if (w.newline) {
      push();
      continue;
    }
    const sep = w.space && line.length > 0 ? " " : "";
    if (line.length > 0 && lineWidth + measure(sep + w.text, w.bold) > limit) push();
    if (line.length > 0) {
      append(sep + w.text, w.bold);
      continue;
    }
    // At the start of a line; a word wider than the line is broken by characters.
    let piece = "";
    for (const ch of w.text) {
      if (piece && measure(piece + ch, w.bold) > limit) {
        append(piece, w.bold);
        push();
        piece = ch;
      } else piece += ch;
    }
    if (piece) append(piece, w.bold);
  }
  if (line.length > 0 || lines.length === 0) lines.push(line);
  return lines;
}
