import { z } from "zod";
import {
  ASSIGNMENT_ROLES,
  CONFIDENTIALITIES,
  DOCUMENT_TYPE_CODES,
  INCOMING_STATUSES,
  OUTGOING_STATUSES,
  RECIPIENT_STATUSES,
  SIGNING_MODES,
  URGENCIES,
} from "../domain/documents/index.ts";
import { IsoDate, LIMITS, NonEmpty, OptionalText, Uuid } from "./common.ts";
import { Base64 } from "./signing.ts";

/**
 * Documents and work records (NĐ 30/2020/NĐ-CP): drafting, approval and signing, issuing, sending inside motcua,
 * receiving, registering and assigning, registers, work files. Files travel as base64 in JSON like every upload.
 */
export const DOCUMENT_LIMITS = {
  fileBytes: 20 * 1024 * 1024,
  contentChars: 100_000,
  recipients: 200,
} as const;

export const DocumentTypeCode = z.enum(DOCUMENT_TYPE_CODES);
export const Urgency = z.enum(URGENCIES);
export const Confidentiality = z.enum(CONFIDENTIALITIES);
export const DocumentSigningMode = z.enum(SIGNING_MODES);
export const DocumentStatus = z.enum([
  ...OUTGOING_STATUSES,
  ...INCOMING_STATUSES.filter((s) => s !== "recalled"),
]);
export const RecipientStatus = z.enum(RECIPIENT_STATUSES);

const Upload = z.strictObject({ file: Base64(DOCUMENT_LIMITS.fileBytes), fileName: NonEmpty(LIMITS.name) });

export const DocumentContent = z.union([
  z.strictObject({ text: NonEmpty(DOCUMENT_LIMITS.contentChars) }),
  z.strictObject({ upload: Upload }),
]);

export const RecipientInput = z.union([
  z.strictObject({ unitId: Uuid }),
  /** Every unit directly below this one (the district's 17 communes in one action). */
  z.strictObject({ childrenOf: Uuid }),
  z.strictObject({ name: NonEmpty(200), channel: z.enum(["paper", "exchange"]) }),
]);

export const CreateDocumentInput = z.strictObject({
  typeCode: DocumentTypeCode,
  summary: NonEmpty(500),
  content: DocumentContent,
  recipients: z.array(RecipientInput).max(DOCUMENT_LIMITS.recipients).default([]),
  urgency: Urgency.default("normal"),
  confidentiality: Confidentiality.default("normal"),
  replyDueOn: IsoDate.nullable().optional(),
  workFileId: Uuid.nullable().optional(),
  /** Drafting unit's abbreviation for a công văn's notation ("VP" in 15/UBND-VP). */
  draftingUnitAbbr: OptionalText(20),
  /** The incoming document this one answers ("trả lời văn bản số …"). */
  repliesToId: Uuid.nullable().optional(),
  /** People allowed to see a confidential document besides those taking part in it. */
  namedStaffIds: z.array(Uuid).max(50).default([]),
});

export const UpdateDocumentInput = z.strictObject({
  version: z.number().int().min(1),
  summary: NonEmpty(500).optional(),
  content: DocumentContent.optional(),
  note: OptionalText(LIMITS.longText),
});

export const VersionInput = z.strictObject({ version: z.number().int().min(1) });
export const ReasonInput = z.strictObject({
  version: z.number().int().min(1),
  reason: NonEmpty(LIMITS.longText),
});
export const CommentInput = z.strictObject({ body: NonEmpty(LIMITS.longText) });

export const SubmitInput = z.strictObject({
  version: z.number().int().min(1),
  /** Reviewers and the approving leader, of the drafter's unit. */
  reviewerIds: z.array(Uuid).max(20).default([]),
});

export const SignDocumentInput = z.strictObject({
  version: z.number().int().min(1),
  mode: DocumentSigningMode,
  /** Whom the signer signs for: "Chủ tịch" for KT., "Ủy ban nhân dân" for TM.; not for cấp trưởng. */
  signingFor: OptionalText(100),
  credentialId: Uuid.optional(),
  password: z.string().min(1).max(LIMITS.password),
});

export const IssueDocumentInput = z.strictObject({
  version: z.number().int().min(1),
  credentialId: Uuid.optional(),
  password: z.string().min(1).max(LIMITS.password),
  copies: z.number().int().min(1).max(999).optional(),
});

export const ReceiveOutsideInput = z.strictObject({
  upload: Upload,
  origin: z.enum(["outside", "paper"]),
  typeCode: DocumentTypeCode,
  summary: NonEmpty(500),
  issuerName: NonEmpty(200),
  originalNumber: NonEmpty(41),
  originalDate: IsoDate,
  urgency: Urgency.default("normal"),
  confidentiality: Confidentiality.default("normal"),
  namedStaffIds: z.array(Uuid).max(50).default([]),
});

export const AssignInput = z.strictObject({
  version: z.number().int().min(1),
  assignments: z
    .array(
      z.strictObject({
        staffId: Uuid,
        role: z.enum(ASSIGNMENT_ROLES),
        dueOn: IsoDate.nullable().optional(),
        note: OptionalText(LIMITS.longText),
      }),
    )
    .min(1)
    .max(30),
});

export const DoneInput = z.strictObject({
  version: z.number().int().min(1),
  note: OptionalText(LIMITS.longText),
  replyDocumentId: Uuid.nullable().optional(),
});

/** Opening a work file (NĐ 30/2020 Điều 28–29): its number in the year's list ("01.VP"), title, retention. */
export const WorkFileInput = z.strictObject({
  year: z.number().int().min(2000).max(2199),
  notation: NonEmpty(20),
  heading: OptionalText(200),
  title: NonEmpty(500),
  /** Null: kept permanently (vĩnh viễn). */
  retentionYears: z.number().int().min(1).max(100).nullable(),
  /** In the approved list (danh mục hồ sơ) or opened ad hoc. */
  inCatalog: z.boolean().default(true),
  note: OptionalText(LIMITS.longText),
});

export const WorkFileList = z.object({
  items: z.array(
    z.object({
      id: Uuid,
      year: z.number(),
      notation: z.string(),
      heading: z.string().nullable(),
      title: z.string(),
      retentionYears: z.number().nullable(),
      inCatalog: z.boolean(),
      status: z.enum(["planned", "open", "closed", "archived"]),
      documents: z.number(),
      /** Dossier results (hồ sơ TTHC) filed in the file. */
      dossiers: z.number(),
      catalogApproved: z.boolean(),
      archiveDueOn: z.string().nullable(),
      archiveWarning: z.enum(["due", "overdue"]).nullable(),
      version: z.number(),
    }),
  ),
});

/** Filing a document into a work file of its unit, or taking it out (null). */
export const FileDocumentInput = z.strictObject({
  version: z.number().int().min(1),
  workFileId: Uuid.nullable(),
});

/**
 * Filing a dossier's result into a work file of the unit that resolved it: the dossier by id, or by its code as
 * printed on the receipt; exactly one of the two.
 */
export const FileDossierInput = z
  .strictObject({
    dossierId: Uuid.optional(),
    code: NonEmpty(40).optional(),
  })
  .refine((v) => (v.dossierId === undefined) !== (v.code === undefined), "give dossierId or code, not both");

export const FiledDossierResult = z.object({ dossierId: Uuid, code: z.string().nullable() });

/** A dossier result as a work file lists it (the applicant's name only: no identity number, address or contact). */
export const FiledDossier = z.object({
  id: Uuid,
  code: z.string().nullable(),
  procedureName: z.string(),
  applicantKind: z.enum(["person", "organisation"]),
  applicantName: z.string(),
  resultNumber: z.string().nullable(),
  resultDate: z.string().nullable(),
  resultSigner: z.string().nullable(),
  status: z.string(),
  filedAt: z.string(),
});

/** Closing a work file (kết thúc hồ sơ): the day the work ended, by default today. */
export const CloseWorkFileInput = z.strictObject({
  version: z.number().int().min(1),
  workEndedOn: IsoDate.optional(),
});

/** Handing a closed file to the unit's archive with the hand-over record (biên bản giao nhận). */
export const HandOverWorkFileInput = z.strictObject({
  version: z.number().int().min(1),
  record: NonEmpty(200),
});

export const WorkFileDetail = z.object({
  id: Uuid,
  unitId: Uuid,
  year: z.number(),
  notation: z.string(),
  heading: z.string().nullable(),
  title: z.string(),
  retentionYears: z.number().nullable(),
  inCatalog: z.boolean(),
  catalogApproved: z.boolean(),
  status: z.enum(["planned", "open", "closed", "archived"]),
  keeperId: z.string().nullable(),
  note: z.string().nullable(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  workEndedOn: z.string().nullable(),
  archiveDueOn: z.string().nullable(),
  archiveWarning: z.enum(["due", "overdue"]).nullable(),
  handedOverAt: z.string().nullable(),
  handoverRecord: z.string().nullable(),
  version: z.number(),
  hiddenDocuments: z.number(),
  documents: z.array(
    z.object({
      id: Uuid,
      direction: z.string(),
      typeCode: z.string(),
      code: z.string().nullable(),
      summary: z.string(),
      status: z.string(),
    }),
  ),
  dossiers: z.array(FiledDossier),
});

export const HandOverList = z.object({
  unitName: z.string(),
  year: z.number(),
  items: z.array(
    z.object({
      ordinal: z.number(),
      id: Uuid,
      notation: z.string(),
      title: z.string(),
      startDate: z.string().nullable(),
      endDate: z.string().nullable(),
      retention: z.string(),
      documents: z.number(),
      pages: z.number(),
      handedOver: z.boolean(),
    }),
  ),
});

export const DocumentSummary = z.object({
  id: Uuid,
  unitId: Uuid,
  unitName: z.string(),
  direction: z.enum(["outgoing", "incoming"]),
  status: DocumentStatus,
  typeCode: z.string(),
  typeName: z.string(),
  summary: z.string(),
  urgency: Urgency,
  confidentiality: Confidentiality,
  numberAndNotation: z.string().nullable(),
  issuedOn: z.string().nullable(),
  issuerName: z.string().nullable(),
  arrivalNumber: z.number().nullable(),
  arrivedAt: z.string().nullable(),
  registerDueOn: z.string().nullable(),
  replyDueOn: z.string().nullable(),
  duplicateOf: Uuid.nullable(),
  createdAt: z.string(),
  version: z.number(),
  /**
   * In the "tasks" box: the caller's own assignment, its due date and where it stands today on the unit's working
   * calendar (due soon from the working day before, overdue after the due date; NĐ 30/2020 Điều 24).
   */
  task: z
    .object({
      role: z.enum(ASSIGNMENT_ROLES),
      dueOn: z.string().nullable(),
      timing: z.enum(["due_soon", "overdue"]).nullable(),
    })
    .nullable()
    .optional(),
});

export const RecipientView = z.object({
  id: Uuid,
  unitId: Uuid.nullable(),
  name: z.string(),
  channel: z.enum(["motcua", "paper", "exchange"]),
  status: RecipientStatus.nullable(),
  incomingNumber: z.number().nullable(),
  reason: z.string().nullable(),
  statusAt: z.string().nullable(),
});

export const DocumentDetail = DocumentSummary.extend({
  contentText: z.string().nullable(),
  signingMode: DocumentSigningMode.nullable(),
  signingFor: z.string().nullable(),
  signerName: z.string().nullable(),
  signerPosition: z.string().nullable(),
  signedAt: z.string().nullable(),
  issuedAt: z.string().nullable(),
  originalNumber: z.string().nullable(),
  originalDate: z.string().nullable(),
  origin: z.enum(["motcua", "outside", "paper"]).nullable(),
  registeredAt: z.string().nullable(),
  signatureCheck: z
    .object({
      checkedAt: z.string(),
      valid: z.boolean(),
      /** Every signature's certificate chain reaches a root the system trusts. */
      trusted: z.boolean().optional(),
      signatures: z.array(
        z.object({
          signer: z.string().nullable(),
          status: z.string(),
          signingTime: z.string().nullable(),
          /** trusted, unknown-issuer, invalid or not-checked. */
          chain: z.string().optional(),
        }),
      ),
    })
    .nullable(),
  repliesToId: Uuid.nullable(),
  sourceDocumentId: Uuid.nullable(),
  workFileId: Uuid.nullable(),
  ocrStatus: z.enum(["none", "pending", "running", "done", "failed"]),
  fileUrl: z.string().nullable(),
  versions: z.array(
    z.object({
      seq: z.number(),
      note: z.string().nullable(),
      createdAt: z.string(),
      by: z.string().nullable(),
    }),
  ),
  comments: z.array(z.object({ kind: z.string(), body: z.string(), by: z.string(), createdAt: z.string() })),
  recipients: z.array(RecipientView),
  assignments: z.array(
    z.object({
      staffId: Uuid,
      name: z.string(),
      role: z.enum(ASSIGNMENT_ROLES),
      dueOn: z.string().nullable(),
      doneAt: z.string().nullable(),
    }),
  ),
  /** The "ĐẾN" stamp of a registered incoming document (NĐ 30/2020 Phụ lục IV): agency, number, day, to whom, file. */
  arrivalStamp: z
    .object({
      agency: z.string(),
      number: z.number(),
      date: z.iso.date(),
      time: z.string(),
      passedTo: z.array(z.string()),
      workFile: z.string().nullable(),
    })
    .nullable(),
  /** What the caller may do now. */
  actions: z.array(z.string()),
});

export const DocumentList = z.object({ items: z.array(DocumentSummary), total: z.number() });

export const DocumentBox = z.enum(["all", "drafts", "approval", "issuing", "outgoing", "incoming", "tasks"]);
export const DocumentListQuery = z.strictObject({
  box: DocumentBox.default("all"),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export type DocumentSummary = z.infer<typeof DocumentSummary>;
export type DocumentDetail = z.infer<typeof DocumentDetail>;
export type RecipientView = z.infer<typeof RecipientView>;

/** A unit's document figures for a period (GET /units/:id/document-stats): counts only, never content. */
export const DocumentFigures = z.object({
  sent: z.object({ electronic: z.number(), paper: z.number() }),
  received: z.object({ electronic: z.number(), paper: z.number() }),
  signedDigitally: z.number(),
  handled: z.object({ onTime: z.number(), late: z.number(), openOverdue: z.number() }),
});

export const DocumentStats = DocumentFigures.extend({
  unitId: Uuid,
  unitName: z.string(),
  period: z.object({ from: z.string(), to: z.string() }),
  /** The unit's own row, then one per unit directly below it that the caller may read (with the units under it). */
  rows: z.array(
    DocumentFigures.extend({ unitId: Uuid, unitName: z.string(), unitCode: z.string(), below: z.boolean() }),
  ),
  total: DocumentFigures,
});

/** A print of the year's hand-over list (PDF), rendered in the background: its state and, once done, its file. */
export const HandOverListExport = z.object({
  id: Uuid,
  year: z.number(),
  status: z.enum(["pending", "running", "done", "failed"]),
  filename: z.string().nullable(),
  error: z.string().nullable(),
  requestedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Where to download the file once done. */
  fileUrl: z.string().nullable(),
});
