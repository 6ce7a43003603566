/**
 * The document registers of NĐ 30/2020/NĐ-CP Phụ lục IV, as PDF (landscape A4, the appendix's columns) and XLSX:
 * sổ đăng ký văn bản đi, sổ đăng ký văn bản đến, sổ theo dõi giải quyết văn bản đến, sổ gửi văn bản đi bưu điện.
 */
import ExcelJS from "exceljs";
import type { FormSpec } from "../forms/form-sets.ts";
import { type Column, FormWriter } from "../forms/layout.ts";

export type RegisterKind = "outgoing" | "incoming" | "follow-up" | "postal";

export const REGISTER_TITLES: Record<RegisterKind, string> = {
  outgoing: "Sổ đăng ký văn bản đi",
  incoming: "Sổ đăng ký văn bản đến",
  "follow-up": "Sổ theo dõi giải quyết văn bản đến",
  postal: "Sổ gửi văn bản đi bưu điện",
};

/** The columns of each register, in the appendix's order (Phụ lục IV). */
export const REGISTER_COLUMNS: Record<RegisterKind, Column[]> = {
  outgoing: [
    { header: "Số, ký hiệu văn bản", weight: 1.3 },
    { header: "Ngày tháng văn bản", weight: 1 },
    { header: "Tên loại và trích yếu nội dung văn bản", weight: 3 },
    { header: "Người ký", weight: 1.3 },
    { header: "Nơi nhận văn bản", weight: 2 },
    { header: "Đơn vị, người nhận bản lưu", weight: 1.2 },
    { header: "Số lượng bản", weight: 1.05 },
    { header: "Ngày chuyển", weight: 0.9 },
    { header: "Ký nhận", weight: 0.8 },
    { header: "Ghi chú", weight: 0.9 },
  ],
  incoming: [
    { header: "Ngày đến", weight: 0.9 },
    { header: "Số đến", weight: 0.6 },
    { header: "Tác giả", weight: 1.4 },
    { header: "Số, ký hiệu", weight: 1.1 },
    { header: "Ngày tháng", weight: 0.9 },
    { header: "Tên loại và trích yếu nội dung", weight: 3 },
    { header: "Đơn vị hoặc người nhận", weight: 1.4 },
    { header: "Ngày chuyển", weight: 0.9 },
    { header: "Ký nhận", weight: 0.8 },
    { header: "Ghi chú", weight: 0.9 },
  ],
  "follow-up": [
    { header: "Số đến", weight: 0.6 },
    { header: "Tên loại, số, ký hiệu, ngày tháng văn bản và tác giả", weight: 3 },
    { header: "Đơn vị hoặc người nhận", weight: 1.5 },
    { header: "Thời hạn giải quyết", weight: 1 },
    { header: "Tiến độ giải quyết", weight: 1.3 },
    { header: "Số, ký hiệu văn bản trả lời", weight: 1.2 },
    { header: "Ghi chú", weight: 1 },
  ],
  postal: [
    { header: "Ngày chuyển", weight: 0.9 },
    { header: "Số, ký hiệu văn bản", weight: 1.3 },
    { header: "Nơi nhận văn bản", weight: 2.5 },
    { header: "Số lượng bì", weight: 1 },
    { header: "Ký nhận và dấu bưu điện", weight: 1.4 },
    { header: "Ghi chú", weight: 1 },
  ],
};

export interface RegisterData {
  kind: RegisterKind;
  unitName: string;
  year: string;
  period: { from: string; to: string };
  rows: string[][];
  printedAt: Date;
}

const SPEC = (kind: RegisterKind) =>
  ({
    set: "tt03-2025",
    kind: "tracking_book",
    number: "IV",
    title: REGISTER_TITLES[kind],
    paper: "A4",
    orientation: "landscape",
    source: "Nghị định 30/2020/NĐ-CP, Phụ lục IV",
  }) as unknown as FormSpec;

const dmy = (iso: string) => iso.split("-").reverse().join("/");

export async function renderRegisterPdf(data: RegisterData): Promise<Uint8Array> {
  const w = await FormWriter.create(SPEC(data.kind), {
    title: `${REGISTER_TITLES[data.kind]} ${data.period.from} – ${data.period.to}`,
    createdAt: data.printedAt,
    subject: `${REGISTER_TITLES[data.kind]} — Nghị định 30/2020/NĐ-CP, Phụ lục IV`,
  });
  w.paragraph([{ text: data.unitName.toLocaleUpperCase("vi-VN"), bold: true }], { align: "center" });
  w.title(REGISTER_TITLES[data.kind], [
    { text: `Từ ngày ${dmy(data.period.from)} đến ngày ${dmy(data.period.to)}` },
  ]);
  w.table(REGISTER_COLUMNS[data.kind], data.rows, { size: 8 });
  w.numberPages();
  return w.save();
}

export async function registerXlsx(data: RegisterData): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.created = data.printedAt;
  const sheet = book.addWorksheet(REGISTER_TITLES[data.kind].slice(0, 31), {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const columns = REGISTER_COLUMNS[data.kind];
  sheet.mergeCells(1, 1, 1, columns.length);
  sheet.getCell(1, 1).value =
    `${REGISTER_TITLES[data.kind].toLocaleUpperCase("vi-VN")} — ${data.unitName} — năm ${data.year}`;
  sheet.getCell(1, 1).font = { name: "Times New Roman", bold: true, size: 13 };
  const header = sheet.getRow(3);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: "Times New Roman", bold: true, size: 11 };
    cell.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
    sheet.getColumn(i + 1).width = Math.round(c.weight * 12);
  });
  data.rows.forEach((r, k) => {
    const row = sheet.getRow(4 + k);
    r.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.value = v;
      cell.font = { name: "Times New Roman", size: 11 };
      cell.alignment = { wrapText: true, vertical: "top" };
    });
  });
  sheet.views = [{ state: "frozen", ySplit: 3 }];
  return new Uint8Array(await book.xlsx.writeBuffer());
}
