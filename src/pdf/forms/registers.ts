/**
 * The two registers — the control sheet of one dossier and the tracking book of a unit — as columns and cells,
 * shared by the PDF and the XLSX so that both say the same thing.
 *
 * Control sheet (TT 01/2018 mẫu số 05, A5; TT 03/2025 mẫu số 06, A4 [?]): "Mã hồ sơ", "(Kèm theo hồ sơ của …)",
 * "Cơ quan (bộ phận) giải quyết hồ sơ", "Cơ quan phối hợp giải quyết hồ sơ", then a row per hand-over with the
 * body, the time given and received ("… giờ … phút, ngày … tháng … năm …"), giver and receiver, the result
 * (trước hạn / đúng hạn / quá hạn) and a note [S, per DOMAIN.md and the reproductions in one-stop systems].
 * Tracking book (TT 01/2018 mẫu số 06, TT 03/2025 mẫu số 07; A4 landscape): a row per dossier with its code, the
 * procedure, number of sets, applicant, address and phone, the processing body, then under "Ngày, tháng, năm" the
 * dates received, appointed, passed to the processing body, result received from it and returned, the applicant's
 * signature and a note [? columns recalled from the 2018 form; not re-read]. motcua prints the timeliness of each
 * dossier (trước hạn / đúng hạn / quá hạn, or overdue while open) at the head of the note.
 */
import type { Instant } from "../../domain/calendar/index.ts";
import { compareWithDue, type Timeliness } from "../../domain/dossier/index.ts";
import type { Handover, TrackingRow } from "./data.ts";
import type { Column, ColumnGroup } from "./layout.ts";
import { hourMinuteDate, shortDate, shortDateTime } from "./text.ts";

export const TIMELINESS_LABEL: Record<Timeliness, string> = {
  early: "Trước hạn",
  on_time: "Đúng hạn",
  late: "Quá hạn",
};

export const CONTROL_SHEET_COLUMNS: readonly Column[] = [
  { header: "TT", weight: 1.2, align: "center" },
  { header: "Tên cơ quan", weight: 5 },
  { header: "Thời gian giao, nhận hồ sơ", weight: 4.5 },
  { header: "Người giao, người nhận", weight: 4.5 },
  { header: "Kết quả giải quyết hồ sơ (Trước hạn/Đúng hạn/Quá hạn)", weight: 3.8, align: "center" },
  { header: "Ghi chú", weight: 3 },
];

export function controlSheetCells(h: Handover, index: number): string[] {
  return [
    String(index + 1),
    `Giao: ${h.fromBody}\nNhận: ${h.toBody}`,
    hourMinuteDate(h.at),
    `Người giao: ${h.giver}\nNgười nhận: ${h.receiver}`,
    h.result ? TIMELINESS_LABEL[h.result] : "",
    h.note ?? "",
  ];
}

export const TRACKING_COLUMNS: readonly Column[] = [
  { header: "TT", weight: 1.3, align: "center" },
  { header: "Mã hồ sơ", weight: 5.2 },
  { header: "Tên thủ tục hành chính", weight: 5 },
  { header: "Số lượng hồ sơ (bộ)", weight: 2, align: "center" },
  { header: "Tên cá nhân, tổ chức", weight: 3.6 },
  { header: "Địa chỉ, số điện thoại", weight: 4.2 },
  { header: "Cơ quan chủ trì giải quyết", weight: 3.4 },
  { header: "Nhận hồ sơ", weight: 2.6, align: "center" },
  { header: "Hẹn trả kết quả", weight: 2.6, align: "center" },
  { header: "Chuyển hồ sơ đến cơ quan giải quyết", weight: 2.6, align: "center" },
  { header: "Nhận kết quả từ cơ quan giải quyết", weight: 2.6, align: "center" },
  { header: "Trả kết quả cho cá nhân, tổ chức", weight: 2.6, align: "center" },
  { header: "Ký nhận", weight: 2.6 },
  { header: "Ghi chú", weight: 3.2 },
];

/** "Ngày, tháng, năm" over the five date columns. */
export const TRACKING_GROUPS: readonly ColumnGroup[] = [{ label: "Ngày, tháng, năm", from: 7, to: 11 }];

/**
 * How a dossier of the book stands at `at`: completed — its return against the due instant; open — overdue once
 * the due instant has passed; an apology makes it late for good (NĐ 118/2025 art. 19(6)). Null while open and due.
 */
export function trackingTimeliness(row: TrackingRow, at: Instant): Timeliness | null {
  const due = row.due ?? row.appointment;
  const done = row.returnedAt ?? row.resultReceivedAt ?? null;
  if (row.late) return "late";
  if (done !== null) return compareWithDue(done, due);
  return at > due ? "late" : null;
}

/**
 * Whether the apology was issued on time — at least one day before the due date (NĐ 118/2025 art. 19(6)) — or
 * late (after that, even after the due date); the dossier is counted late either way.
 */
export function apologyNote(row: Pick<TrackingRow, "apology">): string {
  const a = row.apology;
  if (!a) return "";
  return `${a.onTime ? "Xin lỗi đúng hạn" : "Xin lỗi muộn"} (${shortDate(a.issuedAt)})`;
}

function day(t: Instant | null | undefined): string {
  return t === null || t === undefined ? "" : shortDate(t);
}

export function trackingCells(row: TrackingRow, index: number, at: Instant): string[] {
  const t = trackingTimeliness(row, at);
  const open = (row.returnedAt ?? null) === null;
  const status = t === null ? "" : t === "late" && open ? "Quá hạn (chưa trả)" : TIMELINESS_LABEL[t];
  const note = [status, apologyNote(row), row.note ?? ""].filter((s) => s.length > 0).join(". ");
  return [
    String(index + 1),
    row.code,
    row.procedure,
    String(row.sets),
    row.applicant,
    row.addressPhone,
    row.processingBody,
    shortDateTime(row.receivedAt),
    shortDateTime(row.appointment),
    day(row.forwardedAt),
    day(row.resultReceivedAt),
    day(row.returnedAt),
    row.signedBy ?? "",
    note,
  ];
}
