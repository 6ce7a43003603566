/**
 * A work file (hồ sơ công việc, NĐ 30/2020 Điều 28–31) as PDF: the file's Phụ lục VI metadata (FileCode, Title,
 * Maintenance, Rights, Creator, Language, StartDate, EndDate, DocTotal, PageTotal, Description) and the list of
 * what it holds (mục lục văn bản): its documents, then the results of one-stop dossiers filed in it.
 */
import type { FormSpec } from "../forms/form-sets.ts";
import { type Column, FormWriter } from "../forms/layout.ts";

export interface WorkFilePdfData {
  unitName: string;
  fileCode: string;
  title: string;
  maintenance: string;
  rights: string;
  startDate: string;
  endDate: string;
  docTotal: number;
  pageTotal: number;
  description: string;
  /** One row per paper, in WORK_FILE_COLUMNS' order. */
  rows: string[][];
  printedAt: Date;
}

export const WORK_FILE_COLUMNS: Column[] = [
  { header: "STT", weight: 0.45 },
  { header: "Số, ký hiệu", weight: 1.2 },
  { header: "Ngày tháng", weight: 0.9 },
  { header: "Tên loại và trích yếu nội dung", weight: 3 },
  { header: "Tác giả", weight: 1.6 },
  { header: "Ghi chú", weight: 2 },
];

const SPEC = {
  set: "tt03-2025",
  kind: "tracking_book",
  number: "VI",
  title: "Mục lục văn bản trong hồ sơ",
  paper: "A4",
  orientation: "landscape",
  source: "Nghị định 30/2020/NĐ-CP, Phụ lục VI",
} as unknown as FormSpec;

/** yyyy-mm-dd as dd/mm/yyyy; anything else as it is. */
const dmy = (iso: string) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso.split("-").reverse().join("/") : iso);

export async function renderWorkFilePdf(data: WorkFilePdfData): Promise<Uint8Array> {
  const w = await FormWriter.create(SPEC, {
    title: `Hồ sơ ${data.fileCode}`,
    createdAt: data.printedAt,
    subject: "Hồ sơ công việc — Nghị định 30/2020/NĐ-CP, Phụ lục VI",
  });
  w.paragraph([{ text: data.unitName.toLocaleUpperCase("vi-VN"), bold: true }], { align: "center" });
  w.title("MỤC LỤC VĂN BẢN TRONG HỒ SƠ", [{ text: data.title }]);
  w.field("Mã hồ sơ", data.fileCode);
  w.field("Thời hạn bảo quản", data.maintenance);
  w.field("Chế độ sử dụng", data.rights);
  w.field("Thời gian", `${dmy(data.startDate)} – ${dmy(data.endDate)}`);
  w.field("Tổng số văn bản", String(data.docTotal));
  w.field("Tổng số trang", String(data.pageTotal));
  if (data.description) w.field("Chú giải", data.description);
  w.table(
    WORK_FILE_COLUMNS,
    data.rows.map((r) => r.map(dmy)),
    { size: 8 },
  );
  w.numberPages();
  return w.save();
}
