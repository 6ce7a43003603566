/** The typed data each form prints. Instants are epoch milliseconds, printed in Vietnam time. */
import type { Instant } from "../../domain/calendar/index.ts";
import type { SupplementItem, Timeliness } from "../../domain/dossier/index.ts";
import type { FormSetId } from "./form-sets.ts";
import type { Issuer } from "./layout.ts";

export type { SupplementItem } from "../../domain/dossier/index.ts";
export type { Issuer } from "./layout.ts";

export interface Applicant {
  /** Person or organisation, e.g. "Nguyễn Thị Hồng Nhung". */
  name: string;
  /** Personal identification number (số định danh cá nhân) or tax code of an organisation. */
  identityNumber?: string | null;
  /** Address down to the commune. */
  address?: string | null;
  phone?: string | null;
  email?: string | null;
}

export type PaperKind = "original" | "copy" | "certified_copy" | "electronic";

export interface ReceivedComponent {
  name: string;
  kind: PaperKind;
  count: number;
}

export type DeliveryMethod = "counter" | "post" | "online";

/** Fields every dossier form shares. `set` defaults to the set in force on the reception date. */
export interface FormBase {
  set?: FormSetId;
  issuer: Issuer;
  /** The body that received the dossier, e.g. "Ủy ban nhân dân xã Phủ Thông". */
  receivingBody: string;
  applicant: Applicant;
  /** The procedure as published, e.g. "Đăng ký khai sinh". */
  procedure: string;
  /**
   * How the dossier was filed: decides whether the evaluation slip with forms 01–03 asks about the online
   * service (NĐ 61/2018 art. 31). Absent on forms frozen before the slip: counter.
   */
  filedVia?: "counter" | "post" | "online";
}

export interface ReceiptData extends FormBase {
  code: string;
  components: readonly ReceivedComponent[];
  /** Number of sets (bộ) of the dossier. */
  sets: number;
  /** As the procedure states it, e.g. "03 ngày làm việc". */
  processingTime: string;
  receivedAt: Instant;
  appointment: Instant;
  returnPlace: string;
  delivery: DeliveryMethod;
  /** e.g. "8.000 đồng", "Miễn lệ phí"; null when the procedure has none. */
  fee?: string | null;
  /** Tracking book entry (Quyển số, Số thứ tự). */
  register?: { book: string; number: number } | null;
  officer: string;
  lookup: { url: string; secret: string };
  /** Which copy this is, e.g. "Liên 2: Giao người nộp hồ sơ"; null for none. */
  copyLabel?: string | null;
}

export interface SupplementRequestData extends FormBase {
  /** Null when asked at the desk before acceptance (no code yet). */
  code: string | null;
  /** Set when the request follows acceptance (NĐ 118/2025 art. 19(4)–(5)). */
  receivedAt: Instant | null;
  requestedAt: Instant;
  items: readonly SupplementItem[];
  /** Who to ask when in doubt. */
  contact: { officer: string; phone: string };
}

export interface RefusalData extends FormBase {
  code: string | null;
  refusedAt: Instant;
  reasons: readonly string[];
  officer: string;
  /**
   * "reception": refused at the desk; "appraisal": refused after appraisal, within the processing time
   * (NĐ 118/2025 art. 19(3)), signed by the competent person. Absent in forms issued before it existed: reception.
   */
  stage?: "reception" | "appraisal";
}

/** Phiếu chuyển xử lý (NĐ 118/2025 art. 20(2)(a)): the dossier passes to another body for a step. */
export interface TransferSlipData extends FormBase {
  code: string;
  receivedAt: Instant;
  sentAt: Instant;
  /** The body the dossier goes to. */
  toBody: string;
  /** What the other body is asked to do. */
  request: string;
  /** When the other body's part is due. */
  due: Instant;
  /** The papers sent with it. */
  components: readonly { name: string; count: number }[];
  officer: string;
  /** Which slip of the dossier this is: 1 for its first transfer, 2 for the next… (absent on older slips). */
  sequence?: number;
}

export interface Signer {
  /** e.g. "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH" — printed in capitals, one line each. */
  position: string;
  name: string;
}

export interface ApologyData extends FormBase {
  code: string;
  /** The document number of the letter, e.g. "15/UBND-VP" (2025 set). */
  documentNumber?: string | null;
  receivedAt: Instant;
  /** The due instant promised on the receipt. */
  due: Instant;
  newAppointment: Instant;
  reason: string;
  issuedAt: Instant;
  signer: Signer;
}

export interface StopNoticeData extends FormBase {
  code: string;
  documentNumber?: string | null;
  receivedAt: Instant;
  /** When and how the stop was asked for, e.g. "Đơn đề nghị dừng giải quyết hồ sơ ngày 05/3/2026 của bà …". */
  basis: string;
  reason: string;
  /** What happens to fees paid, e.g. "Không hoàn trả lệ phí đã nộp theo quy định". */
  fees?: string | null;
  issuedAt: Instant;
  signer: Signer;
}

/** One hand-over of the dossier: a row of the control sheet. */
export interface Handover {
  fromBody: string;
  toBody: string;
  at: Instant;
  giver: string;
  receiver: string;
  /** How the giving step finished against its own due instant; null for the first hand-over from the desk. */
  result: Timeliness | null;
  note?: string | null;
}

export interface ControlSheetData extends FormBase {
  code: string;
  receivedAt: Instant;
  due: Instant;
  /** The body that decides (cơ quan giải quyết). */
  processingBody: string;
  coordinatingBodies: readonly string[];
  handovers: readonly Handover[];
  printedAt: Instant;
}

/** One dossier in the tracking book. */
export interface TrackingRow {
  code: string;
  procedure: string;
  sets: number;
  applicant: string;
  addressPhone: string;
  processingBody: string;
  receivedAt: Instant;
  /** The appointment printed on the receipt (or moved by the one apology). */
  appointment: Instant;
  /** The legal due instant, to judge lateness; defaults to the appointment. */
  due?: Instant | null;
  forwardedAt?: Instant | null;
  resultReceivedAt?: Instant | null;
  returnedAt?: Instant | null;
  /** Counted late already (an apology was issued). */
  late?: boolean;
  /**
   * The one apology with a new appointment, if any: when it was issued and whether that was at least one day
   * before the due date (NĐ 118/2025 art. 19(6)); an apology after that is still issued, and shown as late.
   */
  apology?: { issuedAt: Instant; onTime: boolean } | null;
  /** Who signed for the result. */
  signedBy?: string | null;
  note?: string | null;
}

export interface TrackingBookData {
  set?: FormSetId;
  issuer: Issuer;
  /** Quyển số. */
  book?: string | null;
  /** Local dates YYYY-MM-DD, inclusive. */
  period: { from: string; to: string };
  printedAt: Instant;
  rows: readonly TrackingRow[];
}
