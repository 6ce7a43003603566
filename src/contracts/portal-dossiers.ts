/**
 * The citizen portal's dossier API (dịch vụ công trực tuyến): e-forms, online drafts with uploads, "check your
 * answers", submission, "my dossiers" with the citizen-safe timeline, answers to supplement requests, result
 * download, withdrawal and the satisfaction rating (NĐ 61/2018 art. 31). Shared by the server and the web app.
 *
 * Conventions as in dossiers.ts: instants leave the server as ISO 8601 with "+07:00"; every change to a draft or a
 * dossier carries the `version` the caller last read (a stale one answers 409 CONFLICT). Another citizen's
 * dossier answers 404. Files travel as base64 in JSON (PDF, JPEG, PNG; at most 10 MB; the type is read from the
 * bytes).
 */
import { z } from "zod";
import { Answers, AnswerValue, EFormDefinition, FieldId } from "../domain/eform/definition.ts";
import { CalendarDay, InstantOut, LIMITS, printable, Slug, Text, Uuid, Version } from "./common.ts";
import {
  AddressSchema,
  Base64,
  DossierStatus,
  ReturnMethod,
  UploadContentType,
  UploadFileName,
} from "./dossiers.ts";

export { Answers, AnswerValue, EFormDefinition };

const Bilingual = z.object({ vi: z.string(), en: z.string() });
/** Procedure id, national code ("1.001193") or slug. */
export const ProcedureRef = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9.-]+$/, "procedure: uuid, national code or slug");
export const UnitCodeRef = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9.-]+$/, "unit code");
export const PORTAL_FILE_MAX_BYTES = 10 * 1024 * 1024;

// ---- e-forms (public) ------------------------------------------------------------------------------------------

export const EFormQuery = z.strictObject({
  /** The procedure version; the one in force today by default. */
  version: z.coerce.number().int().min(1).max(100_000).optional(),
});

/** A catalog component as the e-form asks for it online. */
export const EFormComponentView = z.object({
  componentId: z.string(),
  name: z.string(),
  requirement: z.enum(["required", "optional", "conditional"]),
  /** The catalog's wording of the condition, for "conditional". */
  conditionVi: z.string().nullable(),
  noteVi: z.string().nullable(),
  noteEn: z.string().nullable(),
  /** Asked only under these cases (trường hợp); null: in every case. */
  cases: z.array(z.string()).nullable(),
});

export const EFormView = z.object({
  procedure: z.object({
    id: Uuid,
    slug: z.string(),
    code: z.string().nullable(),
    name: z.string(),
    nameEn: z.string(),
    versionId: Uuid,
    version: z.number(),
    /** toàn trình (full) or một phần (partial). */
    onlineLevel: z.enum(["full", "partial", "none"]),
    postalDelivery: z.boolean(),
    cases: z.array(z.object({ id: z.string(), name: z.string() })),
  }),
  definition: EFormDefinition,
  components: z.array(EFormComponentView),
  /** Return methods the citizen may choose at filing. */
  returnMethods: z.array(ReturnMethod),
});
export type EFormView = z.infer<typeof EFormView>;

export const OnlineProceduresQuery = z.strictObject({ unit: UnitCodeRef });
export const OnlineProcedureItem = z.object({
  procedure: z.object({ id: Uuid, slug: z.string(), code: z.string().nullable(), name: z.string() }),
  onlineLevel: z.enum(["full", "partial"]),
  unit: z.object({ id: Uuid, code: z.string(), name: z.string() }),
  hasEForm: z.boolean(),
});
export const OnlineProcedureList = z.object({ items: z.array(OnlineProcedureItem) });

// ---- drafts ----------------------------------------------------------------------------------------------------

export const StartDraftInput = z.strictObject({
  procedure: ProcedureRef,
  /** The unit that offers the procedure online and will receive the dossier. */
  unit: UnitCodeRef,
  caseId: Slug.nullable().optional(),
});

/** The place a postal return goes to (required when returnMethod is "post"). */
export const DeliveryAddress = AddressSchema;

export const SaveDraftInput = z.strictObject({
  version: Version,
  /** Merged into the saved answers; a null value clears a field. Partial answers are allowed. */
  answers: Answers.optional(),
  caseId: Slug.nullable().optional(),
  returnMethod: ReturnMethod.optional(),
  deliveryAddress: DeliveryAddress.nullable().optional(),
});

export const UploadInput = z.strictObject({
  version: Version,
  /** The catalog component this file is for (drafts); or, answering a supplement request, the item it answers. */
  componentId: Slug.nullable().optional(),
  supplementItem: Text(LIMITS.name).nullable().optional(),
  filename: UploadFileName,
  contentType: UploadContentType.optional(),
  file: Base64(PORTAL_FILE_MAX_BYTES),
});
export const VersionQuery = z.strictObject({ version: z.coerce.number().int().min(1).max(2_147_483_647) });
export const VersionBody = z.strictObject({ version: Version });

export const UploadView = z.object({
  id: Uuid,
  componentId: z.string().nullable(),
  supplementItem: z.string().nullable(),
  /** 0: filed with the dossier; n: the answer to the n-th supplement request. */
  round: z.number(),
  name: z.string(),
  mime: z.string(),
  size: z.number(),
  uploadedAt: InstantOut,
  url: z.string(),
});
export type UploadView = z.infer<typeof UploadView>;

export const FieldError = z.object({
  field: z.string(),
  /** required | type | too_short | too_long | pattern | min | max | integer | not_option | must_be_true |
   *  date_in_future | date_in_past | date_too_early | identity | address | unknown_field */
  code: z.string(),
  message: z.string(),
  messageEn: z.string(),
});
export type FieldError = z.infer<typeof FieldError>;

export const ComponentStatus = z.object({
  componentId: z.string(),
  name: z.string(),
  /** Required for this filing, given the answers. */
  required: z.boolean(),
  uploads: z.array(UploadView),
  missing: z.boolean(),
});

export const DraftView = z.object({
  id: Uuid,
  status: DossierStatus,
  version: z.number(),
  procedure: z.object({ id: Uuid, versionId: Uuid, version: z.number(), slug: z.string(), name: z.string() }),
  unit: z.object({ id: Uuid, code: z.string(), name: z.string() }),
  caseId: z.string().nullable(),
  eformKey: z.string(),
  eformRevision: z.number(),
  answers: Answers,
  returnMethod: ReturnMethod,
  deliveryAddress: DeliveryAddress.nullable(),
  components: z.array(ComponentStatus),
  createdAt: InstantOut,
  updatedAt: InstantOut,
});
export type DraftView = z.infer<typeof DraftView>;

/** "Check your answers": every question with its answer, and everything still wrong. */
export const ReviewView = z.object({
  draft: DraftView,
  pages: z.array(
    z.object({
      id: z.string(),
      titleVi: z.string(),
      titleEn: z.string(),
      fields: z.array(
        z.object({
          id: FieldId,
          labelVi: z.string(),
          labelEn: z.string(),
          type: z.string(),
          required: z.boolean(),
          value: AnswerValue,
          /** The value as a person reads it (option label, dd/mm/yyyy, address on one line). */
          display: z.string().nullable(),
          errors: z.array(FieldError),
        }),
      ),
    }),
  ),
  errors: z.array(FieldError),
  missingComponents: z.array(z.object({ componentId: z.string(), name: z.string() })),
  returnMethodError: FieldError.nullable(),
  ready: z.boolean(),
});
export type ReviewView = z.infer<typeof ReviewView>;

export const SubmitResult = z.object({
  /** The submission reference shown on the confirmation page (the dossier code follows at acceptance). */
  reference: z.string(),
  submittedAt: InstantOut,
  dossierId: Uuid,
  version: z.number(),
  /** NĐ 118/2025: staff are alerted within 2 hours and accept or return it within 8 working hours. */
  acceptanceDueAt: InstantOut,
  unit: z.object({ id: Uuid, code: z.string(), name: z.string() }),
});
export type SubmitResult = z.infer<typeof SubmitResult>;

// ---- my dossiers -----------------------------------------------------------------------------------------------

export const MyDossiersQuery = z.strictObject({
  /** drafts: draft_online only; open: submitted and not finished; closed: finished. */
  filter: z.enum(["all", "drafts", "open", "closed"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
});

export const MyDossierSummary = z.object({
  id: Uuid,
  reference: z.string().nullable(),
  code: z.string().nullable(),
  status: DossierStatus,
  statusLabel: Bilingual,
  procedureName: z.string(),
  unit: z.object({ id: Uuid, code: z.string(), name: z.string() }),
  createdAt: InstantOut,
  submittedAt: InstantOut.nullable(),
  appointmentAt: InstantOut.nullable(),
  /** The desk is waiting for the citizen (supplement), or the result can be rated. */
  needsAction: z.enum(["continue_draft", "answer_supplement", "rate"]).nullable(),
  version: z.number(),
});
export const MyDossierList = z.object({ items: z.array(MyDossierSummary), total: z.number() });

/** One entry of the citizen-safe timeline: what happened, never who at the desk or their internal notes. */
export const TimelineEntry = z.object({
  at: InstantOut,
  kind: z.string(),
  label: Bilingual,
  status: DossierStatus,
});

export const DeskMessage = z.object({
  at: InstantOut,
  kind: z.enum(["supplement_request", "refusal", "rejection", "apology", "stop", "acceptance"]),
  title: Bilingual,
  /** Supplement items, each with its reason. */
  items: z.array(z.object({ name: z.string(), reason: z.string() })),
  reason: z.string().nullable(),
  newAppointment: InstantOut.nullable(),
  /** The issued paper (form 01–05) as PDF, when there is one. */
  formUrl: z.string().nullable(),
});

export const CRITERIA = [
  "processing_time",
  "agencies_contacted",
  "contacts_to_complete",
  "information_accuracy",
  "staff_attitude",
  "result_legality_and_costs",
  "feedback_answers",
  "online_service_quality",
] as const;
export const Criterion = z.enum(CRITERIA);
export type Criterion = z.infer<typeof Criterion>;
/** 2 rất hài lòng, 1 hài lòng, 0 không hài lòng (the 0/1/2 scale of TT 01/2018 art. 13); null: not applicable. */
export const Score = z.union([z.literal(0), z.literal(1), z.literal(2)]);

export const RatingInput = z.strictObject({
  scores: z.strictObject({
    processing_time: Score,
    agencies_contacted: Score,
    contacts_to_complete: Score,
    information_accuracy: Score,
    staff_attitude: Score,
    result_legality_and_costs: Score,
    /** Only when the citizen sent feedback (phản ánh, kiến nghị) on this matter. */
    feedback_answers: Score.nullable(),
    online_service_quality: Score,
  }),
  comment: Text(LIMITS.longText).nullable().optional(),
});
/**
 * The criteria asked of a dossier (NĐ 61/2018 art. 31): "online service quality" only of a dossier filed online;
 * a dossier filed at the counter or by post is not asked it, on the tablet, on the paper slip or by the API.
 */
export function criteriaAsked(channel: "counter" | "post" | "online"): readonly Criterion[] {
  return channel === "online" ? CRITERIA : CRITERIA.filter((c) => c !== "online_service_quality");
}

/**
 * An officer types in the paper evaluation slip (phiếu đánh giá) the applicant filled in at the counter: the
 * rating is recorded as coming from paper, with the officer who entered it. `online_service_quality` may be given
 * only for a dossier filed online (422 CRITERION_NOT_APPLICABLE otherwise).
 */
export const PaperRatingInput = z.strictObject({
  scores: z.strictObject({
    processing_time: Score,
    agencies_contacted: Score,
    contacts_to_complete: Score,
    information_accuracy: Score,
    staff_attitude: Score,
    result_legality_and_costs: Score,
    feedback_answers: Score.nullable(),
    online_service_quality: Score.nullable().optional(),
  }),
  comment: Text(LIMITS.longText).nullable().optional(),
});
export const PaperRatingView = z.object({
  ratedAt: InstantOut,
  channel: z.literal("paper"),
  enteredBy: z.object({ id: z.string(), name: z.string() }),
  scores: z.record(Criterion, Score.nullable()),
  comment: z.string().nullable(),
});

export const RatingView = z.object({
  ratedAt: InstantOut,
  scores: z.record(Criterion, Score.nullable()),
  comment: z.string().nullable(),
});

export const MyDossierDetail = MyDossierSummary.extend({
  procedure: z.object({ id: Uuid, versionId: Uuid, version: z.number(), name: z.string() }),
  caseId: z.string().nullable(),
  receivedAt: InstantOut.nullable(),
  dueAt: InstantOut.nullable(),
  completedAt: InstantOut.nullable(),
  returnMethod: ReturnMethod,
  deliveryAddress: z.string().nullable(),
  processingTime: z.string(),
  fee: z.object({
    amountVnd: z.number().nullable(),
    /** From the payments module when it records one; null when nothing is known. */
    paymentStatus: z.string().nullable(),
  }),
  /** Answers and uploads as filed (and any supplement uploads). */
  answers: Answers,
  uploads: z.array(UploadView),
  timeline: z.array(TimelineEntry),
  messages: z.array(DeskMessage),
  /** Open supplement request the citizen must answer, with the uploads made for it so far. */
  pendingSupplement: z
    .object({
      requestedAt: InstantOut,
      items: z.array(z.object({ name: z.string(), reason: z.string() })),
      /** The dossier is closed if not completed by then (15 days, NĐ 118/2025). */
      expiresAt: InstantOut,
      uploads: z.array(UploadView),
    })
    .nullable(),
  result: z
    .object({
      number: z.string(),
      signedOn: z.string(),
      outcome: z.enum(["approved", "rejected"]).nullable(),
      /** Download (returned online): the signed PDF when the result is electronic. */
      fileUrl: z.string().nullable(),
      /** How the result comes back: online, by post (tracking number), at the counter. */
      delivery: z.object({
        method: ReturnMethod,
        returnedAt: InstantOut.nullable(),
        trackingNumber: z.string().nullable(),
      }),
    })
    .nullable(),
  rating: RatingView.nullable(),
  canWithdraw: z.boolean(),
  canRate: z.boolean(),
});
export type MyDossierDetail = z.infer<typeof MyDossierDetail>;

export const AnswerSupplementInput = z.strictObject({
  version: Version,
  note: z.string().trim().max(LIMITS.longText).refine(printable, "control characters").nullable().optional(),
});
export const CitizenWithdrawInput = z.strictObject({
  version: Version,
  reason: Text(LIMITS.longText).nullable().optional(),
});

// ---- desk side -------------------------------------------------------------------------------------------------

/** What the citizen filed, for the officer who checks an online dossier. */
export const FilingView = z.object({
  dossierId: Uuid,
  reference: z.string().nullable(),
  submittedAt: InstantOut.nullable(),
  alertAt: InstantOut.nullable(),
  acceptanceDueAt: InstantOut.nullable(),
  eformKey: z.string(),
  eformRevision: z.number(),
  review: ReviewView.shape.pages,
  uploads: z.array(UploadView),
  returnMethod: ReturnMethod,
  deliveryAddress: z.string().nullable(),
});

// ---- satisfaction reports --------------------------------------------------------------------------------------

export const SatisfactionQuery = z
  .strictObject({
    unit: UnitCodeRef,
    from: CalendarDay,
    to: CalendarDay,
    /** Include the units below (supervisors, leaders with a subtree scope). */
    subtree: z.enum(["true", "false"]).optional(),
  })
  .refine((q) => q.from <= q.to, { message: "from must not be after to", path: ["to"] });
export const SatisfactionReport = z.object({
  unit: z.object({ id: Uuid, code: z.string(), name: z.string() }),
  from: z.string(),
  to: z.string(),
  ratings: z.number(),
  criteria: z.array(
    z.object({
      criterion: Criterion,
      labelVi: z.string(),
      labelEn: z.string(),
      /** Ratings that scored this criterion (not "not applicable"). */
      count: z.number(),
      /** Mean on the 0–2 scale; null without ratings. */
      mean: z.number().nullable(),
      /** Share of "hài lòng" or "rất hài lòng" (1 or 2), 0–1. */
      satisfiedShare: z.number().nullable(),
      distribution: z.object({ "0": z.number(), "1": z.number(), "2": z.number() }),
    }),
  ),
});
export type SatisfactionReport = z.infer<typeof SatisfactionReport>;

export const CRITERION_LABELS: Record<Criterion, { vi: string; en: string }> = {
  processing_time: { vi: "Thời gian giải quyết so với quy định", en: "Time taken against the rule" },
  agencies_contacted: { vi: "Số cơ quan, đơn vị phải liên hệ", en: "Agencies contacted" },
  contacts_to_complete: {
    vi: "Số lần phải liên hệ để hoàn thiện hồ sơ",
    en: "Contacts needed to complete the dossier",
  },
  information_accuracy: {
    vi: "Tính chính xác của thông tin công khai về thủ tục",
    en: "Accuracy of the published information",
  },
  staff_attitude: { vi: "Thái độ của cán bộ, công chức", en: "Staff attitude" },
  result_legality_and_costs: {
    vi: "Kết quả đúng quy định, không phát sinh chi phí ngoài quy định",
    en: "A lawful result without costs outside the rules",
  },
  feedback_answers: {
    vi: "Chất lượng trả lời phản ánh, kiến nghị",
    en: "Quality of answers to feedback",
  },
  online_service_quality: { vi: "Chất lượng dịch vụ công trực tuyến", en: "Online service quality" },
};

/** An upload's answer: the file as stored and the dossier's new version. */
export const UploadResult = z.object({ upload: UploadView, version: z.number() });
