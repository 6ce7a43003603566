/**
 * The printable duty roster (lịch trực) of a desk for one week, A4 portrait: one row per day, the morning and
 * afternoon duties side by side; a day off names the holiday and lists under it only the duties dated for it (on
 * call during Tết, for instance), each with its hours. No national template exists
 * (DOMAIN.md "The desk itself" [?]); the heading follows the layout of administrative documents of NĐ 30/2020.
 */
import { rgb } from "@libpdf/core";
import { A4, createDocument, drawLines, drawParagraph, mm, saveDocument, wrapText } from "./document.ts";

export interface RosterPdfInput {
  unitName: string;
  deskName: string;
  weekStart: string;
  days: {
    date: string;
    weekday: number;
    working: boolean;
    note: { name: string } | null;
    slots: {
      session: "morning" | "afternoon";
      counter: number;
      memberName: string;
      title: string;
      fields: readonly string[];
      standsInFor: { memberName: string } | null;
    }[];
    holidayDuties: {
      counter: number;
      memberName: string;
      title: string;
      field: string | null;
      startsAt: string;
      endsAt: string;
    }[];
    uncoveredFields: string[];
  }[];
  /** Field code → its name; a code not listed prints as itself. */
  fieldNames: Readonly<Record<string, string>>;
  openingHours: string;
  feedback: string;
  printedAt: Date;
}

const WEEKDAYS = ["", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"];
const dmy = (iso: string) => iso.split("-").reverse().join("/");

export async function renderRosterPdf(input: RosterPdfInput): Promise<Uint8Array> {
  const weekEnd = input.days[input.days.length - 1]?.date ?? input.weekStart;
  const { doc, fonts } = await createDocument({
    title: `Lịch trực ${input.deskName} tuần ${dmy(input.weekStart)}–${dmy(weekEnd)}`,
    subject: "Lịch trực Bộ phận Một cửa",
    author: input.unitName,
    createdAt: input.printedAt,
  });
  const margin = { left: mm(20), right: mm(15), top: mm(20), bottom: mm(20) };
  const width = A4.width - margin.left - margin.right;
  let page = doc.addPage({ width: A4.width, height: A4.height });
  let y = A4.height - margin.top;
  y = drawLines(
    page,
    [input.unitName.toUpperCase()],
    { x: margin.left, top: y, width },
    { font: fonts.regular, size: 12, align: "center" },
  );
  y = drawLines(
    page,
    [input.deskName.toUpperCase()],
    { x: margin.left, top: y, width },
    { font: fonts.bold, size: 12, align: "center" },
  );
  y -= mm(6);
  y = drawLines(
    page,
    ["LỊCH TRỰC"],
    { x: margin.left, top: y, width },
    { font: fonts.bold, size: 14, align: "center" },
  );
  y = drawLines(
    page,
    [`Tuần từ ngày ${dmy(input.weekStart)} đến ngày ${dmy(weekEnd)}`],
    { x: margin.left, top: y, width },
    { font: fonts.regular, size: 12, align: "center" },
  );
  y -= mm(5);

  const col = [mm(32), (width - mm(32)) / 2, (width - mm(32)) / 2];
  const size = 10.5;
  const style = { font: fonts.regular, size };
  const cellLines = (slots: RosterPdfInput["days"][number]["slots"], session: "morning" | "afternoon") =>
    slots
      .filter((s) => s.session === session)
      .flatMap((s) =>
        wrapText(
          `Quầy ${s.counter}: ${s.memberName} (${s.title})${s.standsInFor ? `, trực thay ${s.standsInFor.memberName}` : ""}` +
            (s.fields.length
              ? ` – ${s.fields.map((code) => input.fieldNames[code] ?? code).join(", ")}`
              : ""),
          fonts.regular,
          size,
          (col[1] as number) - mm(3),
        ),
      );
  const line = (x1: number, y1: number, x2: number, y2: number) =>
    page.drawLine({ start: { x: x1, y: y1 }, end: { x: x2, y: y2 }, thickness: 0.6, color: rgb(0, 0, 0) });

  const drawRow = (cells: string[][], bold: boolean) => {
    const height = Math.max(...cells.map((c) => Math.max(1, c.length))) * size * 1.25 + mm(3);
    if (y - height < margin.bottom + mm(25)) {
      page = doc.addPage({ width: A4.width, height: A4.height });
      y = A4.height - margin.top;
    }
    let x = margin.left;
    line(margin.left, y, margin.left + width, y);
    cells.forEach((c, i) => {
      drawLines(
        page,
        c,
        { x: x + mm(1.5), top: y - mm(1.5), width: (col[i] as number) - mm(3) },
        { ...style, font: bold ? fonts.bold : fonts.regular },
      );
      line(x, y, x, y - height);
      x += col[i] as number;
    });
    line(x, y, x, y - height);
    y -= height;
    line(margin.left, y, margin.left + width, y);
  };

  drawRow([["Ngày"], ["Buổi sáng"], ["Buổi chiều"]], true);
  for (const day of input.days) {
    const label = [WEEKDAYS[day.weekday] as string, dmy(day.date)];
    if (!day.working) {
      const why = day.note ? `Nghỉ: ${day.note.name}` : "Nghỉ";
      const span = (col[1] as number) * 2 - mm(3);
      const lines = [
        ...wrapText(why, fonts.regular, size, span),
        ...day.holidayDuties.flatMap((d) =>
          wrapText(
            `Trực ${d.startsAt}–${d.endsAt}, Quầy ${d.counter}: ${d.memberName} (${d.title})` +
              (d.field ? ` – ${input.fieldNames[d.field] ?? d.field}` : ""),
            fonts.regular,
            size,
            span,
          ),
        ),
      ];
      // A day off spans both sessions: drawn as one cell.
      const saved = col.slice();
      col.splice(1, 2, (saved[1] as number) + (saved[2] as number));
      drawRow([label, lines], false);
      col.splice(0, col.length, ...saved);
      continue;
    }
    const morning = cellLines(day.slots, "morning");
    const afternoon = cellLines(day.slots, "afternoon");
    drawRow([label, morning.length ? morning : ["—"], afternoon.length ? afternoon : ["—"]], false);
  }
  y -= mm(4);
  y = drawParagraph(
    page,
    `Thời gian làm việc: ${input.openingHours}`,
    { x: margin.left, top: y, width },
    style,
  );
  drawParagraph(page, `Phản ánh, kiến nghị: ${input.feedback}`, { x: margin.left, top: y, width }, style);
  return saveDocument(doc);
}
