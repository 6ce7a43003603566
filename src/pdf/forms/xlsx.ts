/**
 * The tracking book and the control sheet as spreadsheets (exceljs), with the same columns and cells as the PDFs
 * (registers.ts): a title block, a frozen two-row header with "Ngày, tháng, năm" over the date columns, wrapped
 * cells, landscape A4 page setup with the header rows repeated on print.
 */
import ExcelJS from "exceljs";
import type { ControlSheetData, TrackingBookData } from "./data.ts";
import { formSetAt, formSetFor, formSpec } from "./form-sets.ts";
import type { Column, ColumnGroup } from "./layout.ts";
import {
  CONTROL_SHEET_COLUMNS,
  controlSheetCells,
  TRACKING_COLUMNS,
  TRACKING_GROUPS,
  trackingCells,
} from "./registers.ts";
import { hourMinuteDate, shortDate } from "./text.ts";

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};
const FONT = "Times New Roman";

export function titleBlock(sheet: ExcelJS.Worksheet, lines: readonly string[], width: number): number {
  lines.forEach((text, i) => {
    const row = i + 1;
    sheet.mergeCells(row, 1, row, width);
    const cell = sheet.getCell(row, 1);
    cell.value = text;
    cell.font = { name: FONT, size: i === 0 ? 14 : 12, bold: i === 0 };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  });
  return lines.length + 2;
}

/** Writes the header at `first` (one or two rows) and returns the first data row. */
export function headerRows(
  sheet: ExcelJS.Worksheet,
  first: number,
  columns: readonly Column[],
  groups: readonly ColumnGroup[],
): number {
  const twoRows = groups.length > 0;
  const style = (cell: ExcelJS.Cell) => {
    cell.font = { name: FONT, size: 11, bold: true };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.border = THIN;
  };
  columns.forEach((c, i) => {
    const col = i + 1;
    const group = groups.find((g) => i >= g.from && i <= g.to);
    if (!twoRows) {
      sheet.getCell(first, col).value = c.header;
      style(sheet.getCell(first, col));
      return;
    }
    if (group) {
      sheet.getCell(first + 1, col).value = c.header;
      style(sheet.getCell(first + 1, col));
    } else {
      sheet.mergeCells(first, col, first + 1, col);
      sheet.getCell(first, col).value = c.header;
      style(sheet.getCell(first, col));
    }
  });
  for (const g of groups) {
    sheet.mergeCells(first, g.from + 1, first, g.to + 1);
    sheet.getCell(first, g.from + 1).value = g.label;
    style(sheet.getCell(first, g.from + 1));
  }
  columns.forEach((c, i) => {
    sheet.getColumn(i + 1).width = Math.max(6, Math.round(c.weight * 4.2));
  });
  return first + (twoRows ? 2 : 1);
}

export function dataRows(
  sheet: ExcelJS.Worksheet,
  start: number,
  columns: readonly Column[],
  rows: readonly string[][],
) {
  rows.forEach((cells, r) => {
    cells.forEach((value, c) => {
      const cell = sheet.getCell(start + r, c + 1);
      cell.value = value;
      cell.font = { name: FONT, size: 11 };
      cell.alignment = { horizontal: columns[c]?.align ?? "left", vertical: "top", wrapText: true };
      cell.border = THIN;
    });
  });
}

export async function toBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

export async function trackingBookXlsx(data: TrackingBookData): Promise<Uint8Array> {
  const set = data.set ?? formSetFor(data.period.from);
  const spec = formSpec(set, "tracking_book");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "motcua";
  workbook.created = new Date(data.printedAt);
  const sheet = workbook.addWorksheet(spec.title, {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const from = shortDate(Date.parse(`${data.period.from}T12:00:00+07:00`));
  const to = shortDate(Date.parse(`${data.period.to}T12:00:00+07:00`));
  const lines = [
    spec.title.toUpperCase(),
    `${data.issuer.parentBody} — ${data.issuer.body}`.replace(/^ — /, ""),
    `Mẫu số ${spec.number} (${set === "tt01-2018" ? "TT 01/2018/TT-VPCP" : "TT 03/2025/TT-VPCP"})${
      data.book ? ` — Quyển số: ${data.book}` : ""
    } — Từ ngày ${from} đến ngày ${to}`,
  ];
  const headerAt = titleBlock(sheet, lines, TRACKING_COLUMNS.length);
  const first = headerRows(sheet, headerAt, TRACKING_COLUMNS, TRACKING_GROUPS);
  dataRows(
    sheet,
    first,
    TRACKING_COLUMNS,
    data.rows.map((r, i) => trackingCells(r, i, data.printedAt)),
  );
  sheet.views = [{ state: "frozen", ySplit: first - 1 }];
  sheet.pageSetup.printTitlesRow = `${headerAt}:${first - 1}`;
  return toBytes(workbook);
}

export async function controlSheetXlsx(data: ControlSheetData): Promise<Uint8Array> {
  const set = data.set ?? formSetAt(data.receivedAt);
  const spec = formSpec(set, "control_sheet");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "motcua";
  workbook.created = new Date(data.printedAt);
  const sheet = workbook.addWorksheet(spec.title, {
    pageSetup: { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const lines = [
    spec.title.toUpperCase(),
    `Mã hồ sơ: ${data.code}`,
    `Kèm theo hồ sơ của: ${data.applicant.name}`,
    `Nội dung yêu cầu giải quyết: ${data.procedure}`,
    `Thời gian nhận hồ sơ: ${hourMinuteDate(data.receivedAt)}; thời hạn trả kết quả: ${hourMinuteDate(data.due)}`,
    `Cơ quan (bộ phận) giải quyết hồ sơ: ${data.processingBody}`,
    `Cơ quan phối hợp giải quyết hồ sơ: ${data.coordinatingBodies.join("; ") || "Không"}`,
  ];
  const headerAt = titleBlock(sheet, lines, CONTROL_SHEET_COLUMNS.length);
  const first = headerRows(sheet, headerAt, CONTROL_SHEET_COLUMNS, []);
  dataRows(
    sheet,
    first,
    CONTROL_SHEET_COLUMNS,
    data.handovers.map((h, i) => controlSheetCells(h, i)),
  );
  sheet.views = [{ state: "frozen", ySplit: first - 1 }];
  return toBytes(workbook);
}
