/**
 * The periodic report "Tình hình, kết quả giải quyết thủ tục hành chính" (Biểu 06/VPCP/KSTT of TT 01/2020/TT-VPCP
 * [S]) as PDF and XLSX, A4 landscape: the form's title, the unit and period, then the 13 columns — (1) STT,
 * (2) the field or unit, (3)–(6) received: total, online, at the desk or by post, carried over; (7)–(10) resolved:
 * total, early, on time, late; (11)–(13) pending: total, within time, overdue — a block by field and one by unit,
 * each with its total row.
 */
import ExcelJS from "exceljs";
import { REPORT_COLUMNS, REPORT_TITLE } from "../../domain/reports/dossier-figures.ts";
import type { FormSpec } from "./form-sets.ts";
import { type Column, type ColumnGroup, FormWriter, type Issuer } from "./layout.ts";
import { placeAndDate, shortDate } from "./text.ts";
import { dataRows, headerRows, titleBlock, toBytes } from "./xlsx.ts";

export interface DossierReportLine {
  name: string;
  /** The 11 figures, columns (3)–(13). */
  cells: readonly number[];
}

export interface DossierReportData {
  issuer: Issuer;
  /** e.g. "UBND xã Quang Thuận" or "UBND huyện Bạch Thông và các đơn vị trực thuộc". */
  scope: string;
  period: { label: string; from: string; to: string };
  generatedAt: number;
  byField: readonly DossierReportLine[];
  byUnit: readonly DossierReportLine[];
  total: readonly number[];
}

const SPEC: FormSpec = {
  set: "tt03-2025",
  kind: "periodic_report",
  number: "06/VPCP/KSTT",
  title: REPORT_TITLE,
  paper: "A4",
  orientation: "landscape",
  source: "Biểu 06/VPCP/KSTT, TT 01/2020/TT-VPCP [S]; columns as DOMAIN.md gives them",
};

/** The 13 columns; (3)–(13) under their three groups. */
export const REPORT_TABLE_COLUMNS: readonly Column[] = REPORT_COLUMNS.map((c, i) => ({
  header: c.vi.replace(/^Số hồ sơ [^:]*: /, ""),
  weight: i === 0 ? 1.3 : i === 1 ? 7 : 2.3,
  align: i === 1 ? "left" : "center",
}));

export const REPORT_GROUPS: readonly ColumnGroup[] = [
  { label: "Số hồ sơ nhận giải quyết", from: 2, to: 5 },
  { label: "Số hồ sơ đã giải quyết", from: 6, to: 9 },
  { label: "Số hồ sơ đang giải quyết", from: 10, to: 12 },
];

const num = (cells: readonly number[]) => cells.map((n) => n.toLocaleString("vi-VN"));

function tableRows(data: DossierReportData): string[][] {
  const rows: string[][] = [];
  rows.push(["I", "Theo lĩnh vực", ...data.total.map(() => "")]);
  data.byField.forEach((l, i) => {
    rows.push([String(i + 1), l.name, ...num(l.cells)]);
  });
  rows.push(["II", "Theo đơn vị", ...data.total.map(() => "")]);
  data.byUnit.forEach((l, i) => {
    rows.push([String(i + 1), l.name, ...num(l.cells)]);
  });
  rows.push(["", "Tổng cộng", ...num(data.total)]);
  return rows;
}

function periodLine(data: DossierReportData): string {
  const day = (d: string) => shortDate(Date.parse(`${d}T12:00:00+07:00`));
  return `Kỳ báo cáo: ${data.period.label} (từ ngày ${day(data.period.from)} đến ngày ${day(data.period.to)})`;
}

export async function renderDossierReport(data: DossierReportData): Promise<Uint8Array> {
  const w = await FormWriter.create(SPEC, {
    title: `${REPORT_TITLE} — ${data.scope} — ${data.period.label}`,
    createdAt: new Date(data.generatedAt),
    subject: `Biểu ${SPEC.number}`,
  });
  w.header(data.issuer, placeAndDate(data.issuer.place, data.generatedAt));
  w.title(REPORT_TITLE, [{ text: data.scope, bold: true }], [{ text: periodLine(data) }]);
  w.paragraph([{ text: "Đơn vị tính: hồ sơ" }], { align: "right", size: w.size * 0.9 });
  w.table(REPORT_TABLE_COLUMNS, tableRows(data), { size: 8.5, groups: REPORT_GROUPS });
  w.numberPages();
  return w.save();
}

export async function dossierReportXlsx(data: DossierReportData): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "motcua";
  workbook.created = new Date(data.generatedAt);
  const sheet = workbook.addWorksheet("Biểu 06", {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const headerAt = titleBlock(
    sheet,
    [REPORT_TITLE, data.scope, periodLine(data), `Biểu ${SPEC.number} — Đơn vị tính: hồ sơ`],
    REPORT_TABLE_COLUMNS.length,
  );
  const first = headerRows(sheet, headerAt, REPORT_TABLE_COLUMNS, REPORT_GROUPS);
  const rows = tableRows(data);
  dataRows(sheet, first, REPORT_TABLE_COLUMNS, rows);
  // Figures as numbers, so that the sheet adds them up.
  rows.forEach((cells, r) => {
    cells.forEach((v, c) => {
      if (c >= 2 && v !== "") sheet.getCell(first + r, c + 1).value = Number(v.replace(/\./g, ""));
    });
  });
  sheet.views = [{ state: "frozen", ySplit: first - 1 }];
  sheet.pageSetup.printTitlesRow = `${headerAt}:${first - 1}`;
  return toBytes(workbook);
}
