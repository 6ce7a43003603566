/**
 * The two sets of one-stop forms and which one a dossier uses: the set in force on the day it was received.
 *
 * - TT 01/2018/TT-VPCP (guiding NĐ 61/2018/NĐ-CP), in force from 06/01/2019 [V per DOMAIN.md; the date is also
 *   quoted with art. 19 on seongay.com]: six forms; 01–05 print on A5, 06 on A4 [V per DOMAIN.md].
 * - TT 03/2025/TT-VPCP (guiding NĐ 118/2025/NĐ-CP), dated 15/9/2025 [S: hethongphapluat.com, the text's heading
 *   "Hà Nội, ngày 15 tháng 9 năm 2025"], Phụ lục I with seven forms "từ ngày 15/9/2025" [S: thuviennhadat.vn, which
 *   lists the seven titles]. Its paper sizes could not be read; A4 is used for all seven (the tracking book in
 *   landscape) until the text says otherwise [?].
 *
 * A dossier received before 15/9/2025 keeps the 2018 set for all its forms, so that one dossier never mixes sets.
 */
import { formatLocalDate, type Instant, localDayOf } from "../../domain/calendar/index.ts";
import type { Orientation, Paper } from "./paper.ts";

export type FormSetId = "tt01-2018" | "tt03-2025";

export const FORM_SET_2025_FROM = "2025-09-15";

export type FormKind =
  | "receipt"
  | "supplement_request"
  | "refusal"
  | "apology"
  | "stop_notice"
  | "transfer_slip"
  | "control_sheet"
  | "tracking_book"
  /** Biểu 06/VPCP/KSTT, the periodic report; not a form of the one-stop sets (its own spec in dossier-report.ts). */
  | "periodic_report";

export interface FormSpec {
  set: FormSetId;
  kind: FormKind;
  /** "01"…"07", as printed in "Mẫu số 01"; "" for a slip that is not a numbered form of the set. */
  number: string;
  /** The title printed on the form. */
  title: string;
  paper: Paper;
  orientation: Orientation;
  /** Where the template comes from, and how sure we are. */
  source: string;
}

const SRC_2018 =
  "TT 01/2018/TT-VPCP, Phụ lục (mẫu số 01–06); wording as reproduced in open one-stop systems (OpenCPS) [S]";
const SRC_2025 =
  "TT 03/2025/TT-VPCP, Phụ lục I (mẫu số 01–07): titles from thuviennhadat.vn's list [S]; body text not read [?]";

export const FORMS: readonly FormSpec[] = [
  { set: "tt01-2018", kind: "receipt", number: "01", title: "Giấy tiếp nhận hồ sơ và hẹn trả kết quả" },
  {
    set: "tt01-2018",
    kind: "supplement_request",
    number: "02",
    title: "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
  },
  { set: "tt01-2018", kind: "refusal", number: "03", title: "Phiếu từ chối tiếp nhận giải quyết hồ sơ" },
  { set: "tt01-2018", kind: "apology", number: "04", title: "Phiếu xin lỗi và hẹn lại ngày trả kết quả" },
  {
    set: "tt01-2018",
    kind: "control_sheet",
    number: "05",
    title: "Phiếu kiểm soát quá trình giải quyết hồ sơ",
  },
  { set: "tt01-2018", kind: "tracking_book", number: "06", title: "Sổ theo dõi hồ sơ" },
  { set: "tt03-2025", kind: "receipt", number: "01", title: "Giấy tiếp nhận hồ sơ và hẹn trả kết quả" },
  {
    set: "tt03-2025",
    kind: "supplement_request",
    number: "02",
    title: "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
  },
  { set: "tt03-2025", kind: "refusal", number: "03", title: "Phiếu từ chối tiếp nhận giải quyết hồ sơ" },
  {
    set: "tt03-2025",
    kind: "apology",
    number: "04",
    title: "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết",
  },
  { set: "tt03-2025", kind: "stop_notice", number: "05", title: "Thông báo dừng giải quyết hồ sơ" },
  {
    set: "tt03-2025",
    kind: "control_sheet",
    number: "06",
    title: "Phiếu kiểm soát quá trình giải quyết hồ sơ",
  },
  { set: "tt03-2025", kind: "tracking_book", number: "07", title: "Sổ theo dõi hồ sơ" },
  // Not a numbered form of either set: NĐ 118/2025 art. 20(2)(a) names the slip, no template was found [?]. It has
  // no "Mẫu số" (number ""): it is printed, listed and named by its title; each slip of a dossier is numbered in
  // order on the slip itself (Phiếu số 01, 02 … of the dossier code).
  { set: "tt01-2018", kind: "transfer_slip", number: "", title: "Phiếu chuyển xử lý hồ sơ" },
  { set: "tt03-2025", kind: "transfer_slip", number: "", title: "Phiếu chuyển xử lý hồ sơ" },
].map((f) => {
  const is2018 = f.set === "tt01-2018";
  const paper: Paper = is2018 && f.kind !== "tracking_book" ? "A5" : "A4";
  const orientation: Orientation = f.kind === "tracking_book" ? "landscape" : "portrait";
  return {
    ...f,
    set: f.set as FormSetId,
    kind: f.kind as FormKind,
    paper,
    orientation,
    source: is2018 ? SRC_2018 : SRC_2025,
  };
});

/** The set in force on a local reception date (YYYY-MM-DD). */
export function formSetFor(receivedOn: string): FormSetId {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(receivedOn))
    throw new RangeError(`Ngày tiếp nhận không hợp lệ: ${receivedOn}`);
  return receivedOn >= FORM_SET_2025_FROM ? "tt03-2025" : "tt01-2018";
}

/** The set in force when a dossier was received at `receivedAt` (its local date in Vietnam). */
export function formSetAt(receivedAt: Instant): FormSetId {
  return formSetFor(formatLocalDate(localDayOf(receivedAt)));
}

/** The form of a kind in a set; throws when the set has no such form (the 2018 set has no stop notice). */
export function formSpec(set: FormSetId, kind: FormKind): FormSpec {
  const spec = FORMS.find((f) => f.set === set && f.kind === kind);
  if (!spec) throw new RangeError(`Bộ biểu mẫu ${set} không có mẫu ${kind}`);
  return spec;
}

/** The desk's name in each set: NĐ 118/2025 calls it "Bộ phận Một cửa". */
export function deskName(set: FormSetId): string {
  return set === "tt01-2018" ? "Bộ phận tiếp nhận và trả kết quả" : "Bộ phận Một cửa";
}
