/**
 * The dossier API (hồ sơ): reception at the desk, processing by steps, transfers (liên thông), late and stopped
 * dossiers, return, registers and the public lookup. Shared by the server (route schemas) and the web app.
 *
 * Conventions: instants leave the server as ISO 8601 with the Vietnam offset ("2026-11-25T09:00:00+07:00") and
 * are accepted with any offset; every action on a dossier carries the `version` the caller last read (optimistic
 * concurrency: a stale version answers 409 CONFLICT); reasons and supplement items are required where the law asks
 * for them ("đầy đủ một lần"). Files are uploaded first (POST /dossier-files, base64) and then referenced by id.
 */
import { z } from "zod";
import { DOSSIER_STATUSES, type DossierStatus as DossierStatusType } from "../domain/dossier/state.ts";
import {
  CalendarDay,
  Email,
  InstantIn,
  InstantOut,
  LIMITS,
  Phone,
  printable,
  Slug,
  Text,
  Uuid,
  Version,
} from "./common.ts";
import { UnitCode } from "./units.ts";

// ---- vocabulary ------------------------------------------------------------------------------------------------

export const DossierStatus = z.enum(DOSSIER_STATUSES);
export type DossierStatus = DossierStatusType;

/** How the dossier reached the desk. Online filing belongs to the citizen portal. */
export const Channel = z.enum(["counter", "post", "online"]);
export const ReceptionChannel = z.enum(["counter", "post"]);
export const ReturnMethod = z.enum(["counter", "post", "online"]);
export type ReturnMethod = z.infer<typeof ReturnMethod>;
/** Bản chính, bản sao, bản sao chứng thực, bản điện tử. */
export const PaperKind = z.enum(["original", "copy", "certified_copy", "electronic"]);
export const ApplicantKind = z.enum(["person", "organisation"]);
export const StepRole = z.enum(["reception", "specialist", "leader", "clerk"]);
export const Timeliness = z.enum(["early", "on_time", "late"]);
export const FormKind = z.enum([
  "receipt",
  "supplement_request",
  "refusal",
  "apology",
  "stop_notice",
  "transfer_slip",
]);
export type FormKind = z.infer<typeof FormKind>;
export const FormSet = z.enum(["tt01-2018", "tt03-2025"]);

/** Status names as the desk and the public lookup show them. */
export const STATUS_LABELS: Record<DossierStatusType, { vi: string; en: string }> = {
  draft_online: { vi: "Hồ sơ trực tuyến đang soạn", en: "Online draft" },
  submitted_online: { vi: "Đã nộp trực tuyến, chờ tiếp nhận", en: "Submitted online, awaiting reception" },
  at_desk: { vi: "Đang kiểm tra tại Bộ phận Một cửa", en: "Being checked at the desk" },
  awaiting_supplement_before_acceptance: {
    vi: "Chờ bổ sung, hoàn thiện hồ sơ (chưa tiếp nhận)",
    en: "Awaiting supplements before acceptance",
  },
  refused: { vi: "Từ chối tiếp nhận", en: "Refused at reception" },
  received: { vi: "Đã tiếp nhận", en: "Received" },
  in_processing: { vi: "Đang giải quyết", en: "In processing" },
  awaiting_citizen_supplement: {
    vi: "Chờ công dân bổ sung hồ sơ (tạm dừng tính thời gian)",
    en: "Awaiting the applicant's supplement (clock paused)",
  },
  awaiting_other_unit: { vi: "Đang xử lý liên thông tại cơ quan khác", en: "At another agency (transfer)" },
  approved: { vi: "Đã phê duyệt, chờ ban hành kết quả", en: "Approved, result being issued" },
  rejected: { vi: "Không giải quyết (có văn bản nêu lý do)", en: "Rejected with reasons" },
  result_ready: { vi: "Có kết quả, chờ trả", en: "Result ready for return" },
  returned: { vi: "Đã trả kết quả", en: "Result returned" },
  withdrawn: { vi: "Đã rút hồ sơ", en: "Withdrawn" },
  stopped: { vi: "Dừng giải quyết", en: "Processing stopped" },
  closed_incomplete: { vi: "Kết thúc do không bổ sung hồ sơ", en: "Closed: supplement not provided" },
};

const Reason = Text(LIMITS.longText);
const Note = z
  .string()
  .trim()
  .max(LIMITS.longText)
  .refine(printable, "control characters")
  .nullable()
  .optional();
/** A file sent as base64 text, at most `maxBytes` once decoded. */
export const Base64 = (maxBytes: number) =>
  z
    .string()
    .max(Math.ceil(maxBytes / 3) * 4 + 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, "base64");

// ---- applicant -------------------------------------------------------------------------------------------------

/** Address down to the commune (địa chỉ đến cấp xã). */
export const AddressSchema = z.strictObject({
  /** House number, street, hamlet (số nhà, đường, thôn/xóm/tổ dân phố). */
  detail: Text(LIMITS.name),
  commune: Text(100),
  /** Absent under the two-tier government of 2025. */
  district: Text(100).nullable().optional(),
  province: Text(100),
});
export type Address = z.infer<typeof AddressSchema>;

/** Personal identification number (12 digits; 9 for old ID cards; passport) or tax code of an organisation. */
const PERSON_ID = /^(\d{12}|\d{9}|[A-Z]\d{7,8})$/;
const ORG_ID = /^\d{10}(-\d{3})?$/;
const IdentityNumber = z
  .string()
  .trim()
  .max(20)
  .regex(/^[0-9A-Z-]+$/, "identity number");

export const RepresentativeSchema = z.strictObject({
  name: Text(LIMITS.name),
  identityNumber: IdentityNumber.refine((v) => PERSON_ID.test(v), "personal identification number"),
  phone: Phone.nullable().optional(),
  /** The authorisation (giấy ủy quyền) or legal standing, e.g. "Giấy ủy quyền số 12/2026 ngày 02/3/2026". */
  authorisation: Text(LIMITS.name),
});

export const ApplicantInput = z
  .strictObject({
    kind: ApplicantKind,
    name: Text(LIMITS.name),
    identityNumber: IdentityNumber,
    address: AddressSchema,
    phone: Phone.nullable().optional(),
    email: Email.nullable().optional(),
    representative: RepresentativeSchema.nullable().optional(),
  })
  .refine((a) => (a.kind === "person" ? PERSON_ID : ORG_ID).test(a.identityNumber), {
    message: "identity number: 12 digits (person) or a 10-digit tax code (organisation)",
    path: ["identityNumber"],
  });
export type ApplicantInput = z.infer<typeof ApplicantInput>;

export const Applicant = z.object({
  kind: ApplicantKind,
  name: z.string(),
  identityNumber: z.string(),
  address: z.object({
    detail: z.string(),
    commune: z.string(),
    district: z.string().nullable(),
    province: z.string(),
  }),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  representative: z
    .object({
      name: z.string(),
      identityNumber: z.string(),
      phone: z.string().nullable(),
      authorisation: z.string(),
    })
    .nullable(),
});
export type Applicant = z.infer<typeof Applicant>;

// ---- inputs ----------------------------------------------------------------------------------------------------

export const ReceivedComponentInput = z.strictObject({
  /** The component of the procedure (catalog id), or null for a paper the procedure does not list. */
  componentId: Slug.nullable().optional(),
  name: Text(LIMITS.name),
  kind: PaperKind,
  count: z.number().int().min(1).max(99),
  /** Scans uploaded with POST /dossier-files by the same unit. */
  fileIds: z.array(Uuid).max(20).optional(),
});
export type ReceivedComponentInput = z.infer<typeof ReceivedComponentInput>;

export const SupplementItemInput = z.strictObject({
  name: Text(LIMITS.name),
  reason: Text(1000),
});
/** Everything missing, each with its reason, at once. */
export const SupplementItems = z.array(SupplementItemInput).min(1).max(50);

export const ReceptionDecision = z.discriminatedUnion("outcome", [
  /**
   * Complete: code, due instant, receipt (form 01). With `extensionReason`, the longer time the procedure allows
   * for verification applies from reception (e.g. kết hôn: Luật Hộ tịch 2014 art. 18(2)).
   */
  z.strictObject({ outcome: z.literal("accept"), extensionReason: Reason.optional() }),
  /** Incomplete: form 02 listing every missing item with its reason; no code yet. */
  z.strictObject({ outcome: z.literal("request_supplement"), items: SupplementItems }),
  /** Not acceptable: form 03 with the reason. */
  z.strictObject({ outcome: z.literal("refuse"), reason: Reason }),
]);

export const ReceiveInput = z
  .strictObject({
    /** Procedure id, national code ("1.001193") or slug; the version in force at reception is kept. */
    procedure: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .regex(/^[A-Za-z0-9.-]+$/, "procedure: uuid, national code or slug"),
    caseId: Slug.nullable().optional(),
    channel: ReceptionChannel.optional(),
    applicant: ApplicantInput,
    components: z.array(ReceivedComponentInput).min(1).max(50),
    /** Number of sets (bộ). */
    sets: z.number().int().min(1).max(20).optional(),
    /** Where the applicant wants the result: at the desk, by post, online. */
    returnMethod: ReturnMethod.optional(),
    deliveryAddress: Text(LIMITS.name).nullable().optional(),
    /** For per-page fees (certified copies). */
    pages: z.number().int().min(1).max(10_000).optional(),
    copies: z.number().int().min(1).max(1000).optional(),
    note: Note,
    decision: ReceptionDecision,
  })
  .refine((r) => r.returnMethod !== "post" || Boolean(r.deliveryAddress), {
    message: "deliveryAddress is required for return by post",
    path: ["deliveryAddress"],
  });
export type ReceiveInput = z.infer<typeof ReceiveInput>;

export const VersionInput = z.strictObject({ version: Version });
export const AcceptInput = z.strictObject({
  version: Version,
  /** The full list of papers now held, when it changed since the dossier was first checked. */
  components: z.array(ReceivedComponentInput).min(1).max(50).optional(),
});
export const ReasonInput = z.strictObject({ version: Version, reason: Reason });
export const RequestSupplementInput = z.strictObject({ version: Version, items: SupplementItems });
export const SupplementReceivedInput = z.strictObject({
  version: Version,
  /** The papers the applicant brought. */
  components: z.array(ReceivedComponentInput).min(1).max(50),
  note: Note,
});
export const ForwardInput = z.strictObject({
  version: Version,
  /** Hand the next step to a person; otherwise it waits in the role's inbox. */
  assigneeId: Uuid.nullable().optional(),
  note: Note,
  /** To the leader's step: the drafted result (a PDF, POST /dossier-files) the leader signs on the dossier page. */
  resultDraftFileId: Uuid.nullable().optional(),
});
export const ApproveInput = z.strictObject({ version: Version, note: Note });
/** The leader approves by signing the drafted result with a personal signing credential (PAdES). */
export const SignResultInput = z.strictObject({
  version: Version,
  note: Note,
  /** One of the leader's own credentials; the newest one when absent. */
  credentialId: Uuid.optional(),
  password: z.string().min(1).max(LIMITS.password),
});
export const ResultInput = z.strictObject({
  version: Version,
  /** Số, ký hiệu of the result document, e.g. "125/TP-HT". */
  number: Text(60),
  signedOn: CalendarDay,
  signer: Text(LIMITS.name),
  /** The scanned or signed result (POST /dossier-files). */
  fileId: Uuid.nullable().optional(),
});
export const TransferInput = z.strictObject({ version: Version, unitCode: UnitCode, reason: Reason });
export const TransferReturnInput = z
  .strictObject({
    version: Version,
    /** continue: our step is done, the sending unit goes on; approved/rejected: our leader decided. */
    outcome: z.enum(["continue", "approved", "rejected"]),
    reason: Text(LIMITS.longText).nullable().optional(),
    note: Note,
  })
  .refine((t) => t.outcome !== "rejected" || Boolean(t.reason), {
    message: "a rejection needs its reason",
    path: ["reason"],
  });
export const ApologyInput = z.strictObject({
  version: Version,
  reason: Reason,
  /** The new appointment (giờ, ngày), after the current one. */
  newAppointment: InstantIn,
  /** Số, ký hiệu of the letter (2025 set), e.g. "15/UBND-VP". */
  documentNumber: Text(60).nullable().optional(),
});
/** The legal extension during processing: the procedure's longer time for verification, with the reason. */
export const ExtendInput = z.strictObject({
  version: Version,
  reason: Reason,
});
export const StopInput = z.strictObject({
  version: Version,
  reason: Reason,
  /** What the stop rests on, e.g. "Đơn đề nghị dừng giải quyết hồ sơ ngày 05/3/2026 của bà …". */
  basis: Text(LIMITS.longText),
  fees: Text(LIMITS.name).nullable().optional(),
  documentNumber: Text(60).nullable().optional(),
});
export const WithdrawInput = z.strictObject({
  version: Version,
  reason: Text(LIMITS.longText).nullable().optional(),
});
export const ReturnInput = z.discriminatedUnion("method", [
  z.strictObject({
    method: z.literal("counter"),
    version: Version,
    /** Who signed for the result at the counter (the applicant or the representative). */
    signedBy: Text(LIMITS.name),
    /** The signature captured on a pad, or the signed slip scanned (POST /dossier-files). */
    signatureFileId: Uuid.nullable().optional(),
  }),
  z.strictObject({
    method: z.literal("post"),
    version: Version,
    trackingNumber: Text(60),
  }),
  z.strictObject({ method: z.literal("online"), version: Version }),
]);
export const AssignInput = z.strictObject({ version: Version, assigneeId: Uuid });
export const NoteInput = z.strictObject({
  text: Text(LIMITS.longText),
  fileIds: z.array(Uuid).max(10).optional(),
});
/** The applicant's copy of the receipt is printed from the secret the desk holds (never stored in clear). */
export const CitizenCopyInput = z.strictObject({
  secret: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .regex(/^[0-9A-Za-z -]+$/, "lookup secret"),
});

export const DOSSIER_FILE_MAX_BYTES = 10 * 1024 * 1024;
/** An uploaded file's name as the sender gave it: no path separators. */
export const UploadFileName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[^/\\\0]+$/);
/** The media type the sender claims (the bytes decide: src/modules/files/inspect-upload.ts). */
export const UploadContentType = z
  .string()
  .trim()
  .max(100)
  .regex(/^[\w.+/-]*$/, "media type");
export const FileUploadInput = z.strictObject({
  filename: UploadFileName,
  contentType: UploadContentType.optional(),
  file: Base64(DOSSIER_FILE_MAX_BYTES),
});

// ---- outputs ---------------------------------------------------------------------------------------------------

export const UnitBrief = z.object({ id: Uuid, code: z.string(), name: z.string() });
export type UnitBrief = z.infer<typeof UnitBrief>;
export const StaffBrief = z.object({ id: Uuid, fullName: z.string() });
export const FileBrief = z.object({
  id: Uuid,
  name: z.string(),
  mime: z.string(),
  size: z.number(),
  /** GET this (same session) to download. */
  url: z.string(),
});
export type FileBrief = z.infer<typeof FileBrief>;
export const StepView = z.object({
  index: z.number(),
  role: StepRole,
  nameVi: z.string(),
  share: z.number(),
  canSendBack: z.boolean(),
});

export const Flags = z.object({
  /** The legal due instant has passed while open, or the dossier is counted late (apology). */
  overdue: z.boolean(),
  /** Due within the next 24 hours and not late. */
  dueSoon: z.boolean(),
  /** The current step's own due instant has passed. */
  stepOverdue: z.boolean(),
  stepDueSoon: z.boolean(),
  /** Counted late for good (apology issued, or completed after due). */
  late: z.boolean(),
  /** The clock stands still (waiting for the applicant). */
  paused: z.boolean(),
  /** Filed online and still waiting at the desk 2 hours after submission (NĐ 118/2025: staff are alerted). */
  onlineAlert: z.boolean(),
  /** Filed online and not accepted or returned within 8 working hours (NĐ 118/2025). */
  onlineAcceptanceOverdue: z.boolean(),
});
export type Flags = z.infer<typeof Flags>;

export const TaskView = z.object({
  id: Uuid,
  seq: z.number(),
  unit: UnitBrief,
  /** The step of the procedure's workflow (at the unit that received the dossier). */
  stepIndex: z.number(),
  /** Within a transfer: the receiving unit's own step. */
  subIndex: z.number().nullable(),
  role: StepRole,
  name: z.string(),
  assignee: StaffBrief.nullable(),
  dueAt: InstantOut,
  startedAt: InstantOut,
  finishedAt: InstantOut.nullable(),
  outcome: z.string().nullable(),
  transferId: Uuid.nullable(),
  /** How the finished step compared with its own due instant. */
  timeliness: Timeliness.nullable(),
});
export type TaskView = z.infer<typeof TaskView>;

export const CurrentTask = TaskView.pick({
  id: true,
  unit: true,
  stepIndex: true,
  subIndex: true,
  role: true,
  name: true,
  assignee: true,
  dueAt: true,
  startedAt: true,
  transferId: true,
});

export const DossierSummary = z.object({
  id: Uuid,
  /** Null before acceptance. */
  code: z.string().nullable(),
  status: DossierStatus,
  statusLabel: z.object({ vi: z.string(), en: z.string() }),
  procedure: z.object({
    id: Uuid,
    versionId: Uuid,
    version: z.number(),
    name: z.string(),
    code: z.string().nullable(),
  }),
  caseId: z.string().nullable(),
  applicantName: z.string(),
  channel: Channel,
  receivedUnit: UnitBrief,
  currentUnit: UnitBrief,
  createdAt: InstantOut,
  receivedAt: InstantOut.nullable(),
  dueAt: InstantOut.nullable(),
  appointmentAt: InstantOut.nullable(),
  completedAt: InstantOut.nullable(),
  task: CurrentTask.nullable(),
  /** An online dossier: its reference (DVC-…) and, while it waits for the desk, the 8-working-hour acceptance deadline. */
  onlineReference: z.string().nullable(),
  acceptanceDueAt: InstantOut.nullable(),
  flags: Flags,
  version: z.number(),
});
export type DossierSummary = z.infer<typeof DossierSummary>;

export const ComponentView = z.object({
  id: Uuid,
  componentId: z.string().nullable(),
  name: z.string(),
  kind: PaperKind,
  count: z.number(),
  files: z.array(FileBrief),
  /** Brought later, as a supplement. */
  supplement: z.boolean(),
  addedAt: InstantOut,
});

export const TransferView = z.object({
  id: Uuid,
  fromUnit: UnitBrief,
  toUnit: UnitBrief,
  stepIndex: z.number(),
  reason: z.string(),
  status: z.enum(["open", "returned"]),
  outcome: z.enum(["continue", "approved", "rejected"]).nullable(),
  sentAt: InstantOut,
  returnedAt: InstantOut.nullable(),
  /** The receiving unit's share of the time. */
  dueAt: InstantOut,
  /** The receiving unit's own steps. */
  steps: z.array(StepView),
});

export const FormView = z.object({
  id: Uuid,
  kind: FormKind,
  set: FormSet,
  /** "01" … "05" as printed ("Mẫu số 01"). */
  number: z.string(),
  title: z.string(),
  issuedAt: InstantOut,
  /** PDF download. */
  url: z.string(),
});
export type FormView = z.infer<typeof FormView>;

export const NoteView = z.object({
  id: Uuid,
  at: InstantOut,
  unit: UnitBrief,
  author: StaffBrief.nullable(),
  text: z.string(),
  files: z.array(FileBrief),
});

export const EventView = z.object({
  seq: z.number(),
  at: InstantOut,
  /** e.g. "receive", "forward", "transfer", "apologise", "return". */
  action: z.string(),
  unit: UnitBrief.nullable(),
  actor: StaffBrief.nullable(),
  fromStatus: DossierStatus.nullable(),
  toStatus: DossierStatus,
  stepIndex: z.number().nullable(),
  detail: z.record(z.string(), z.unknown()),
});

/** Actions the caller may try now (the UI shows these buttons). The server checks again. */
export const DossierAction = z.enum([
  "accept",
  "refuse",
  "request_supplement",
  "supplement_received",
  "claim",
  "assign",
  "forward",
  "send_back",
  "transfer",
  "transfer_return",
  "approve",
  "reject",
  "record_result",
  "apologise",
  "extend",
  "stop",
  "withdraw",
  "return",
  "close_incomplete",
  "note",
  /** Type in the paper evaluation slip the applicant handed back (POST /dossiers/{id}/ratings/paper). */
  "rate_paper",
]);
export type DossierAction = z.infer<typeof DossierAction>;

export const DossierDetail = DossierSummary.extend({
  caseName: z.string().nullable(),
  applicant: Applicant,
  components: z.array(ComponentView),
  sets: z.number(),
  returnMethod: ReturnMethod,
  deliveryAddress: z.string().nullable(),
  feeVnd: z.number().nullable(),
  /** As the procedure states it, e.g. "03 ngày làm việc". */
  processingTime: z.string(),
  note: z.string().nullable(),
  /** Pending supplement items (before or after acceptance). */
  supplementItems: z.array(z.object({ name: z.string(), reason: z.string() })),
  /** Refusal, rejection, stop or withdrawal reason. */
  reason: z.string().nullable(),
  pausedIntervals: z.array(z.object({ from: InstantOut, to: InstantOut.nullable() })),
  apology: z
    .object({
      reason: z.string(),
      issuedAt: InstantOut,
      newAppointment: InstantOut,
      formId: Uuid.nullable(),
      /** Issued at least one day before the due date (NĐ 118/2025 art. 19(6)); false: issued late. */
      onTime: z.boolean().nullable(),
    })
    .nullable(),
  /** The legal extension applied (not a delay): when, why, and the standard time it replaced. */
  extension: z.object({ at: InstantOut, reason: z.string(), standardDueText: z.string() }).nullable(),
  /** The authority that resolves the dossier (NĐ 118/2025 art. 28), when it is known. */
  resolvingAgencyCode: z.string().nullable(),
  /** The procedure allows a legal extension for verification, and it has not been applied. */
  extensionAvailable: z.boolean(),
  result: z
    .object({
      number: z.string(),
      signedOn: z.string(),
      signer: z.string(),
      file: FileBrief.nullable(),
      recordedAt: InstantOut,
    })
    .nullable(),
  /** The drafted result put before the leader, unsigned. */
  resultDraft: FileBrief.nullable(),
  /** The result as the leader signed it on the dossier page (before its number is recorded). */
  signedResult: z.object({ file: FileBrief, signer: z.string(), signedAt: InstantOut }).nullable(),
  returned: z
    .object({
      method: ReturnMethod,
      at: InstantOut,
      outcome: z.enum(["approved", "rejected"]),
      /** Counter: who signed; post: the tracking number. */
      reference: z.string().nullable(),
      signature: FileBrief.nullable(),
    })
    .nullable(),
  workflow: z.array(StepView),
  tasks: z.array(TaskView),
  transfers: z.array(TransferView),
  notes: z.array(NoteView),
  forms: z.array(FormView),
  events: z.array(EventView),
  actions: z.array(DossierAction),
});
export type DossierDetail = z.infer<typeof DossierDetail>;

export const ReceptionResult = z.object({
  dossier: DossierDetail,
  /** Accepted: the lookup secret, shown this once (only its hash is kept), and how to print the receipt. */
  receipt: z
    .object({
      secret: z.string(),
      lookupUrl: z.string(),
      /** The desk's copy (stored; carries no secret). */
      form: FormView.nullable(),
      /** POST {secret} here for the applicant's copy with the QR code and secret. */
      citizenCopyUrl: z.string(),
    })
    .nullable(),
  /** Supplement request (form 02) or refusal (form 03). */
  form: FormView.nullable(),
});
export type ReceptionResult = z.infer<typeof ReceptionResult>;

/** Any action answers with the dossier as it now is, and the form it issued, if any. */
export const ActionResult = z.object({ dossier: DossierDetail, form: FormView.nullable() });
export type ActionResult = z.infer<typeof ActionResult>;

// ---- lists -----------------------------------------------------------------------------------------------------

export const INBOXES = ["todo", "mine", "role", "unit", "desk", "transferred_in", "transferred_out"] as const;
export const InboxQuery = z.strictObject({
  /**
   * todo: assigned to me or unassigned in my roles (default); mine: assigned to me; role: every open step of my
   * roles in my unit; unit: every open dossier of my unit; desk: dossiers waiting at my desk (to accept, to
   * supplement, to return); transferred_in / transferred_out: open transfers to and from my unit.
   */
  box: z.enum(INBOXES).optional(),
  overdue: z.enum(["true", "false"]).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
});
export const DossierList = z.object({
  items: z.array(DossierSummary),
  total: z.number(),
  /** The instant the flags were computed at. */
  now: InstantOut,
});
export type DossierList = z.infer<typeof DossierList>;

/** What waits for the caller (their to-do list, by their roles) and their unit, for the staff home page. */
export const Workload = z.object({
  /** Open items of the to-do list ("Việc cần làm"). */
  todo: z.number(),
  /** Of them: online dossiers waiting for acceptance (reception). */
  waitingAcceptance: z.number(),
  dueSoon: z.number(),
  overdue: z.number(),
  /** Dossiers of the unit waiting for the applicant's supplement. */
  awaitingSupplement: z.number(),
});
export type Workload = z.infer<typeof Workload>;

export const DossierSearchQuery = z.strictObject({
  /**
   * Dossier code (or its start), online reference (DVC-…), part of the applicant's name, their identity number or
   * their phone number.
   */
  q: Text(100).optional(),
  status: DossierStatus.optional(),
  /** A unit in the caller's scope (supervisors); default: every unit the caller may read. */
  unit: UnitCode.optional(),
  /** Reception dates, local, inclusive. */
  from: CalendarDay.optional(),
  to: CalendarDay.optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
});

// ---- registers -------------------------------------------------------------------------------------------------

export const RegisterFormat = z.enum(["json", "pdf", "xlsx"]);
export const TrackingBookQuery = z
  .strictObject({
    unit: UnitCode,
    from: CalendarDay,
    to: CalendarDay,
    format: RegisterFormat.optional(),
  })
  .refine((q) => q.from <= q.to, { message: "from after to", path: ["from"] });

export const TrackingRowView = z.object({
  dossierId: Uuid,
  code: z.string(),
  procedure: z.string(),
  sets: z.number(),
  applicant: z.string(),
  addressPhone: z.string(),
  processingBody: z.string(),
  receivedAt: InstantOut,
  appointmentAt: InstantOut,
  dueAt: InstantOut,
  forwardedAt: InstantOut.nullable(),
  resultReceivedAt: InstantOut.nullable(),
  returnedAt: InstantOut.nullable(),
  signedBy: z.string().nullable(),
  status: DossierStatus,
  /** Early/on time/late once completed; late while open once overdue; null while open and in time. */
  timeliness: Timeliness.nullable(),
  /**
   * The one apology with a new appointment: issued on time (at least one day before the due date, NĐ 118/2025
   * art. 19(6)) or late; null without one. Either way the dossier counts late.
   */
  apology: z.object({ issuedAt: InstantOut, onTime: z.boolean() }).nullable(),
  note: z.string().nullable(),
});
export const TrackingBook = z.object({
  unit: UnitBrief,
  from: z.string(),
  to: z.string(),
  printedAt: InstantOut,
  rows: z.array(TrackingRowView),
});
export type TrackingBook = z.infer<typeof TrackingBook>;

export const ControlSheetQuery = z.strictObject({ format: RegisterFormat.optional() });
export const ControlSheet = z.object({
  code: z.string(),
  processingBody: z.string(),
  coordinatingBodies: z.array(z.string()),
  receivedAt: InstantOut,
  dueAt: InstantOut,
  handovers: z.array(
    z.object({
      fromBody: z.string(),
      toBody: z.string(),
      at: InstantOut,
      giver: z.string(),
      receiver: z.string(),
      result: Timeliness.nullable(),
      note: z.string().nullable(),
    }),
  ),
});
export type ControlSheet = z.infer<typeof ControlSheet>;

// ---- public lookup ---------------------------------------------------------------------------------------------

export const LookupQuery = z.strictObject({
  code: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .regex(/^[0-9A-Za-z.-]+$/, "dossier code"),
  secret: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .regex(/^[0-9A-Za-z -]+$/, "lookup secret"),
});

/** What anyone holding the receipt may read: no personal data beyond the receipt (here: none at all). */
export const LookupResult = z.object({
  code: z.string(),
  procedure: z.string(),
  status: DossierStatus,
  statusLabel: z.object({ vi: z.string(), en: z.string() }),
  receivingBody: z.string(),
  receivedAt: InstantOut,
  appointmentAt: InstantOut,
  completedAt: InstantOut.nullable(),
  returnedAt: InstantOut.nullable(),
  late: z.boolean(),
  currentStep: z.object({ name: z.string(), body: z.string() }).nullable(),
  stepsDone: z.array(
    z.object({ name: z.string(), body: z.string(), finishedAt: InstantOut, outcome: z.string().nullable() }),
  ),
});
export type LookupResult = z.infer<typeof LookupResult>;

export const UploadedFile = FileBrief;
