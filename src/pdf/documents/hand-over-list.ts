/**
 * The hand-over list of a unit's work files for a year (mục lục hồ sơ, tài liệu nộp lưu): the list that goes with
 * the files handed to the agency's archive within one year after the work ends, with the hand-over record
 * (NĐ 30/2020/NĐ-CP Điều 28–31). Landscape A4.
 *
 * Columns: one row per file, in the order of its number, with the file's metadata that NĐ 30/2020 Phụ lục VI lists
 * (docs: DOMAIN "Documents", work files: FileCode, Title, StartDate–EndDate, Maintenance, DocTotal, PageTotal,
 * Description), under the headings of the form of the list as published with the decree [?: the form's exact
 * wording was not checked against the gazette; the headings follow the fields above]. Signatures of who made the
 * list and of the head approving the hand-over close it.
 */
import type { FormSpec } from "../forms/form-sets.ts";
import { type Column, FormWriter } from "../forms/layout.ts";

export const HAND_OVER_LIST_TITLE = "Mục lục hồ sơ, tài liệu nộp lưu";

export const HAND_OVER_LIST_COLUMNS: readonly Column[] = [
  { header: "Số TT", weight: 0.5, align: "center" },
  { header: "Số, ký hiệu hồ sơ", weight: 1.1 },
  { header: "Tiêu đề hồ sơ", weight: 3.4 },
  { header: "Thời gian tài liệu", weight: 1.5, align: "center" },
  { header: "Thời hạn bảo quản", weight: 1, align: "center" },
  { header: "Số lượng văn bản", weight: 0.9, align: "center" },
  { header: "Số tờ (trang)", weight: 0.8, align: "center" },
  { header: "Ghi chú", weight: 1.1 },
];

export interface HandOverListItem {
  ordinal: number;
  notation: string;
  title: string;
  /** YYYY-MM-DD, the first and last day of the file's documents (opening and end of the work). */
  startDate: string | null;
  endDate: string | null;
  /** "Vĩnh viễn" or "N năm". */
  retention: string;
  documents: number;
  pages: number;
  handedOver: boolean;
}

export interface HandOverListData {
  unitName: string;
  year: number;
  items: readonly HandOverListItem[];
  printedAt: Date;
}

const SPEC = {
  set: "tt03-2025",
  kind: "tracking_book",
  number: "",
  title: HAND_OVER_LIST_TITLE,
  paper: "A4",
  orientation: "landscape",
  source: "Nghị định 30/2020/NĐ-CP, Điều 28–31",
} as unknown as FormSpec;

const dmy = (iso: string | null) => (iso ? iso.split("-").reverse().join("/") : "");

/** The row of one file, in the columns' order. */
export function handOverListRow(item: HandOverListItem): string[] {
  const span = item.startDate || item.endDate ? `${dmy(item.startDate)} – ${dmy(item.endDate)}` : "";
  return [
    String(item.ordinal),
    item.notation,
    item.title,
    span,
    item.retention,
    String(item.documents),
    String(item.pages),
    item.handedOver ? "Đã nộp lưu" : "",
  ];
}

export async function renderHandOverListPdf(data: HandOverListData): Promise<Uint8Array> {
  const w = await FormWriter.create(SPEC, {
    title: `${HAND_OVER_LIST_TITLE} năm ${data.year}`,
    createdAt: data.printedAt,
    subject: `${HAND_OVER_LIST_TITLE} — Nghị định 30/2020/NĐ-CP, Điều 28–31`,
  });
  w.paragraph([{ text: data.unitName.toLocaleUpperCase("vi-VN"), bold: true }], { align: "center" });
  w.title(HAND_OVER_LIST_TITLE.toLocaleUpperCase("vi-VN"), [{ text: `Năm ${data.year}` }]);
  w.table(HAND_OVER_LIST_COLUMNS, data.items.map(handOverListRow), { size: 9 });
  const documents = data.items.reduce((n, i) => n + i.documents, 0);
  const pages = data.items.reduce((n, i) => n + i.pages, 0);
  w.paragraph(
    [
      {
        text: `Mục lục này gồm ${data.items.length} hồ sơ, ${documents} văn bản, ${pages} tờ (trang).`,
      },
    ],
    { after: 8 },
  );
  w.signatures([
    { title: "Người lập mục lục", note: "(Ký, ghi rõ họ tên)" },
    { title: "Thủ trưởng cơ quan, đơn vị", note: "(Ký, ghi rõ họ tên, đóng dấu)" },
  ]);
  w.numberPages();
  return w.save();
}
