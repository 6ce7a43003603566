/**
 * Feedback and petitions (phản ánh, kiến nghị — NĐ 20/2008/NĐ-CP): the public form, the public lookup and rating,
 * published answers, and the staff register and handling steps. Shared by the server and the web app.
 * Instants leave the server as ISO 8601 with "+07:00"; every handling step carries the `version` last read.
 */
import { z } from "zod";
import {
  ASSESSMENTS,
  CHANNELS,
  CLASSIFICATIONS,
  CRITERIA,
  FEEDBACK_STATUSES,
  SUBJECTS,
} from "../domain/feedback/index.ts";
import { Email, IsoDate, Phone, Text, Uuid, Version } from "./common.ts";
import { Base64, UploadContentType, UploadFileName } from "./dossiers.ts";

/** Feedback attachments: at most 3 files of at most 600 KB (the JSON body limit is 1 MB). */
export const FEEDBACK_ATTACHMENT_MAX_BYTES = 600 * 1024;
export const FEEDBACK_ATTACHMENTS_MAX = 3;

const UnitCode = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9.]+$/, "unit code");
const ProcedureRef = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9.-]+$/, "procedure: uuid, national code or slug");

export const FeedbackStatus = z.enum(FEEDBACK_STATUSES);
export const Classification = z.enum(CLASSIFICATIONS);
export const Channel = z.enum(CHANNELS);
export const Subject = z.enum(SUBJECTS);
export const FeedbackDecision = z.enum(["adopted", "partly_adopted", "not_adopted", "explained"]);

export const FeedbackAttachment = z.strictObject({
  filename: UploadFileName,
  contentType: UploadContentType.optional(),
  file: Base64(FEEDBACK_ATTACHMENT_MAX_BYTES),
});

const SubmitterFields = {
  /** NĐ 20/2008 art. 9(2): in Vietnamese, with the name, address and phone number of the submitter. */
  name: Text(200),
  address: Text(500),
  phone: Phone,
  email: Email.optional(),
};

const AboutFields = {
  unit: UnitCode,
  subject: Subject,
  /** The procedure the feedback is about (subject "procedure" or "rule"). */
  procedure: ProcedureRef.optional(),
  /** The dossier's code (subject "dossier"). */
  dossierCode: z.string().trim().min(1).max(80).optional(),
  title: Text(300).optional(),
  content: Text(5000),
};

/** The public web form. `website` is a honeypot: people leave it empty, form-filling robots do not. */
export const PublicFeedbackInput = z.strictObject({
  ...SubmitterFields,
  ...AboutFields,
  locale: z.enum(["vi", "en"]).optional(),
  attachments: z.array(FeedbackAttachment).max(FEEDBACK_ATTACHMENTS_MAX).optional(),
  website: z.string().max(200).optional(),
});

/** Entered at the desk from a letter, a call on the published line, the comment box, an e-mail or a visit. */
export const DeskFeedbackInput = z.strictObject({
  ...SubmitterFields,
  ...AboutFields,
  channel: z.enum(["letter", "phone", "comment_box", "email", "in_person"]),
  /** When it arrived (a letter's postmark day); defaults to now. */
  receivedAt: z.iso.datetime({ offset: true }).optional(),
  attachments: z.array(FeedbackAttachment).max(FEEDBACK_ATTACHMENTS_MAX).optional(),
});

export const FeedbackReceipt = z.object({
  id: Uuid,
  code: z.string(),
  /** Shown once: with the code it opens the public lookup. */
  secret: z.string(),
  receivedAt: z.string(),
});

export const PublicFeedbackStatus = z.object({
  code: z.string(),
  status: FeedbackStatus,
  statusLabel: z.object({ vi: z.string(), en: z.string() }),
  unit: z.object({ code: z.string(), name: z.string() }),
  receivedAt: z.string(),
  forwardedTo: z.string().nullable(),
  answer: z.string().nullable(),
  publishedAt: z.string().nullable(),
  rating: z.number().int().nullable(),
  canRate: z.boolean(),
});

export const LookupQuery = z.strictObject({
  code: z.string().trim().min(1).max(80),
  secret: z.string().trim().min(1).max(20),
});

/** NĐ 118/2025 art. 33(1)(g): rating of the answer, on the 0/1/2 scale of TT 01/2018 art. 13. */
export const FeedbackRatingInput = z.strictObject({
  code: z.string().trim().min(1).max(80),
  secret: z.string().trim().min(1).max(20),
  score: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  comment: Text(1000).optional(),
});

export const PublishedFeedback = z.object({
  code: z.string(),
  unit: z.object({ code: z.string(), name: z.string() }),
  procedure: z.object({ slug: z.string(), name: z.string() }).nullable(),
  subject: Subject,
  question: z.string(),
  answer: z.string(),
  receivedAt: z.string(),
  publishedAt: z.string(),
});
export const PublishedQuery = z.strictObject({
  unit: UnitCode.optional(),
  procedure: ProcedureRef.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const StudyEntry = z.strictObject({
  assessment: z.enum(ASSESSMENTS),
  note: Text(2000).nullable().optional(),
});

export const FeedbackRecord = z.object({
  id: Uuid,
  code: z.string(),
  requestNumber: z.string(),
  unit: z.object({ id: Uuid, code: z.string(), name: z.string() }),
  receivedUnit: z.object({ id: Uuid, code: z.string(), name: z.string() }),
  channel: Channel,
  subject: Subject,
  procedure: z.object({ id: Uuid, slug: z.string(), name: z.string() }).nullable(),
  dossierCode: z.string().nullable(),
  title: z.string().nullable(),
  content: z.string(),
  submitter: z.object({
    name: z.string(),
    address: z.string(),
    phone: z.string(),
    email: z.string().nullable(),
  }),
  status: FeedbackStatus,
  classification: Classification.nullable(),
  notAcceptedReason: z.string().nullable(),
  receivedAt: z.string(),
  registeredAt: z.string(),
  forwardDueAt: z.string().nullable(),
  forwardedAt: z.string().nullable(),
  forwardLate: z.boolean().nullable(),
  forwardedTo: z.string().nullable(),
  handler: z.object({ id: Uuid, name: z.string() }).nullable(),
  answerDueAt: z.string().nullable(),
  answerLate: z.boolean().nullable(),
  study: z.record(z.string(), z.object({ assessment: z.string(), note: z.string().nullable() })).nullable(),
  decision: FeedbackDecision.nullable(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  publishedQuestion: z.string().nullable(),
  publishedAnswer: z.string().nullable(),
  publishedAt: z.string().nullable(),
  spam: z.boolean(),
  rating: z.number().int().nullable(),
  ratingComment: z.string().nullable(),
  attachments: z.array(z.object({ id: Uuid, name: z.string(), mime: z.string(), size: z.number() })),
  history: z.array(
    z.object({
      at: z.string(),
      action: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string().nullable(),
      actor: z.string().nullable(),
    }),
  ),
  version: z.number().int(),
});

export const FeedbackSummary = FeedbackRecord.pick({
  id: true,
  code: true,
  subject: true,
  title: true,
  channel: true,
  status: true,
  receivedAt: true,
  forwardDueAt: true,
  forwardLate: true,
  answerDueAt: true,
  answerLate: true,
  spam: true,
  version: true,
}).extend({ submitterName: z.string(), excerpt: z.string() });

export const RegisterQuery = z.strictObject({
  unit: UnitCode,
  status: FeedbackStatus.optional(),
  late: z.enum(["true"]).optional(),
  spam: z.enum(["true", "false"]).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const ClassifyInput = z.discriminatedUnion("classification", [
  z.strictObject({ version: Version, classification: z.literal("not_accepted"), reason: Text(2000) }),
  z.strictObject({
    version: Version,
    classification: z.enum(["conduct", "outside_competence", "within_competence"]),
  }),
]);
export const ForwardInput = z.union([
  z.strictObject({ version: Version, toUnit: UnitCode, note: Text(2000).optional() }),
  z.strictObject({ version: Version, toExternal: Text(300), note: Text(2000).optional() }),
]);
export const AssignInput = z.strictObject({
  version: Version,
  handlerId: Uuid,
  /**
   * The answer's due date, a working day from today on; the answer is then due at the close of that day. Without
   * it the due date set at acceptance from the unit's setting stays.
   */
  answerDueDate: IsoDate.optional(),
});
export const StudyInput = z.strictObject({
  version: Version,
  study: z.partialRecord(z.enum(CRITERIA), StudyEntry),
});
export const AnswerInput = z.strictObject({
  version: Version,
  decision: FeedbackDecision,
  answer: Text(5000),
});
export const RedactionProposal = z.object({
  question: z.string(),
  answer: z.string(),
  version: z.number().int(),
});
export const PublishInput = z.strictObject({ version: Version, question: Text(5000), answer: Text(5000) });
export const SpamInput = z.strictObject({ version: Version });

export const FeedbackSettings = z.object({
  unit: z.string(),
  answerWorkingDays: z.number().int(),
  /** "default" until the unit sets it. */
  source: z.enum(["unit", "default"]),
  version: z.number().int(),
});
export const FeedbackSettingsInput = z.strictObject({
  unit: UnitCode,
  answerWorkingDays: z.number().int().min(1).max(120),
  version: z.number().int().min(0),
});

export const FiguresQuery = z.strictObject({
  unit: UnitCode,
  from: IsoDate,
  to: IsoDate,
});
/** QĐ 766/QĐ-TTg indicators 5.2 (feedback handled on time) and 5.3 (satisfaction with the handling). */
export const FeedbackFigures = z.object({
  unit: z.object({ code: z.string(), name: z.string() }),
  from: z.string(),
  to: z.string(),
  received: z.number().int(),
  spam: z.number().int(),
  forwarded: z.number().int(),
  forwardedOnTime: z.number().int(),
  answered: z.number().int(),
  answeredOnTime: z.number().int(),
  ratings: z.number().int(),
  satisfied: z.number().int(),
  /** Ratings of 1 or 2 over all ratings; null without ratings. */
  satisfactionShare: z.number().nullable(),
});

export const Open311ClientInput = z.strictObject({ unit: UnitCode, name: Text(200) });
export const Open311Client = z.object({
  id: Uuid,
  unit: z.string(),
  name: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
});
export const Open311ClientCreated = Open311Client.extend({ apiKey: z.string() });
