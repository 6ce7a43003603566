import { z } from "zod";
import { UNIT_KINDS } from "../db/tables/foundation.ts";
import { FIELD_CODES } from "../domain/catalog/fields.ts";
import { LocalAdditionsSchema } from "../domain/catalog/local.ts";
import {
  ExemptionCodeSchema,
  OnlineLevelSchema,
  ProcedureSchema,
  ResolutionRefSchema,
} from "../domain/catalog/procedure-schema.ts";
import { IsoDate, Uuid } from "./common.ts";
import { UnitCode, WorkingHoursSchema } from "./units.ts";

/** A procedure named by its id (uuid), its national code ("2.000815") or its stable slug ("dang-ky-khai-sinh"). */
export const ProcedureRef = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9.-]+$/, "procedure: uuid, national code or slug");

export const FieldCode = z.enum(FIELD_CODES);
export const OnlineLevel = OnlineLevelSchema;
export const PostalOption = z.enum(["receive", "deliver"]);

export const CatalogField = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  group: z.string(),
  ministry: z.string(),
  note: z.string().nullable(),
  /** Procedures in force in this field (in the unit's offering when `unit` is given). */
  procedures: z.number(),
});
export type CatalogField = z.infer<typeof CatalogField>;

export const SEARCH_MAX_LIMIT = 100;

export const ProcedureSearchQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  unit: UnitCode.optional(),
  field: FieldCode.optional(),
  online: OnlineLevel.optional(),
  postal: PostalOption.optional(),
  /** The day the catalog is read at (default: today in Vietnam). */
  at: IsoDate.optional(),
  limit: z.coerce.number().int().min(1).max(SEARCH_MAX_LIMIT).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type ProcedureSearchQuery = z.infer<typeof ProcedureSearchQuery>;

const FieldRef = z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string(), group: z.string() });
const Postal = z.object({ receiveDossier: z.boolean(), deliverResult: z.boolean() });
export const CodeStatus = z.enum(["confirmed", "reported", "unverified", "synthetic"]);

export const ProcedureListItem = z.object({
  id: Uuid,
  slug: z.string(),
  code: z.string().nullable(),
  codeStatus: CodeStatus,
  name: z.string(),
  nameEn: z.string(),
  field: FieldRef,
  levels: z.array(z.string()),
  onlineLevel: OnlineLevel,
  postal: Postal,
  timeVi: z.string(),
  timeEn: z.string(),
  feeVi: z.string(),
  feeEn: z.string(),
  versionId: Uuid,
  version: z.number(),
  effectiveFrom: z.string(),
  /** Relevance when searching with q (higher is better); null when browsing. */
  score: z.number().nullable(),
});
export type ProcedureListItem = z.infer<typeof ProcedureListItem>;

export const ProcedureList = z.object({ items: z.array(ProcedureListItem), total: z.number() });
export type ProcedureList = z.infer<typeof ProcedureList>;

export const VersionMeta = z.object({
  id: Uuid,
  version: z.number(),
  effectiveFrom: z.string(),
  /** The day the next version took over; null while this is the latest. */
  supersededFrom: z.string().nullable(),
  inForce: z.boolean(),
  name: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type VersionMeta = z.infer<typeof VersionMeta>;

export const FeeLine = z.object({
  label: z.string(),
  feeType: z.enum(["phi", "le_phi"]),
  kind: z.enum(["free", "fixed", "per_page", "per_copy", "council_resolution"]),
  amountVnd: z.number().nullable(),
  detail: z.string(),
  exemptedBy: z.string().nullable(),
});
export const FeeResult = z.discriminatedUnion("status", [
  z.object({ status: z.literal("computed"), totalVnd: z.number(), lines: z.array(FeeLine) }),
  z.object({
    status: z.literal("needs_local_amount"),
    knownVnd: z.number(),
    lines: z.array(FeeLine),
    resolutions: z.array(ResolutionRefSchema),
  }),
]);
export type FeeResult = z.infer<typeof FeeResult>;

export const FeeExample = z.object({
  caseId: z.string().nullable(),
  caseName: z.string().nullable(),
  pages: z.number().nullable(),
  copies: z.number(),
  result: FeeResult,
});
export type FeeExample = z.infer<typeof FeeExample>;

export const LocalAdditions = LocalAdditionsSchema;

const UnitBrief = z.object({ id: Uuid, code: z.string(), name: z.string(), kind: z.enum(UNIT_KINDS) });

export const FilingPlace = UnitBrief.extend({
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  workingHours: WorkingHoursSchema,
  /** Whether the unit offers the procedure (its catalog lists it). */
  offered: z.boolean(),
  local: LocalAdditionsSchema,
});

export const FormRef = z.object({
  code: z.string(),
  name: z.string(),
  issuedBy: z.string(),
  /** Components that use the form. */
  components: z.array(z.string()),
  /** Where to download the template, when one was uploaded. */
  downloadUrl: z.string().nullable(),
});

export const ProcedureDetail = z.object({
  id: Uuid,
  slug: z.string(),
  code: z.string().nullable(),
  codeStatus: CodeStatus,
  owner: UnitBrief.nullable(),
  field: FieldRef.extend({ ministry: z.string() }),
  version: VersionMeta,
  latestVersion: z.number(),
  /** The version's document; with `unit`, the unit's local fees and steps are applied. */
  document: ProcedureSchema,
  summary: z.object({ timeVi: z.string(), timeEn: z.string(), feeVi: z.string(), feeEn: z.string() }),
  feeExamples: z.array(FeeExample),
  /** The unit asked for with `unit`: where and when to file, and its local additions. */
  unit: FilingPlace.nullable(),
  /** Units that offer the procedure (first 300, by name). */
  offeredBy: z.array(
    UnitBrief.extend({
      /** The units above it, nearest first ("Huyện Cẩm Giàng, Tỉnh Hải Dương"), to tell two same-named units apart. */
      place: z.string().nullable(),
    }),
  ),
  offeredByTotal: z.number(),
  online: z.object({ level: OnlineLevel, url: z.string().nullable() }),
  forms: z.array(FormRef),
});
export type ProcedureDetail = z.infer<typeof ProcedureDetail>;

export const DetailQuery = z.strictObject({ unit: UnitCode.optional(), at: IsoDate.optional() });

export const FeeQuoteQuery = z.strictObject({
  pages: z.coerce.number().int().min(1).max(100_000).optional(),
  copies: z.coerce.number().int().min(0).max(1000).optional(),
  case: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
    .max(100)
    .optional(),
  /** Comma-separated exemption codes the applicant has shown. */
  exemptions: z.string().max(500).optional(),
  unit: UnitCode.optional(),
  at: IsoDate.optional(),
});

export const FeeQuote = z.object({
  procedure: z.object({ id: Uuid, slug: z.string(), code: z.string().nullable(), name: z.string() }),
  version: z.number(),
  unit: z.string().nullable(),
  input: z.object({
    caseId: z.string().nullable(),
    pages: z.number().nullable(),
    copies: z.number(),
    exemptions: z.array(ExemptionCodeSchema),
  }),
  result: FeeResult,
});
export type FeeQuote = z.infer<typeof FeeQuote>;

/**
 * A procedure document as written by an officer: the shape of `document` in ProcedureDetail. `version`,
 * `effectiveFrom` and `effectiveTo` may be left out: the server numbers versions and dates them. Validated in
 * full by the server, which answers 422 PROCEDURE_INVALID with one issue per problem.
 */
export const ProcedureDocumentInput = z
  .looseObject({})
  .describe("ProcedureSchema document (see `document` in GET /procedures/{idOrCode}); checked by the server");

export const ProcedureCreate = z.strictObject({
  document: ProcedureDocumentInput,
  /** The unit whose admins manage the procedure; null or absent: the national catalog (system admins). */
  owner: UnitCode.nullable().optional(),
  effectiveFrom: IsoDate.optional(),
});

export const ProcedureNewVersion = z.strictObject({
  document: ProcedureDocumentInput,
  effectiveFrom: IsoDate.optional(),
  /** The latest version number the edit was based on (optimistic concurrency). */
  baseVersion: z.number().int().min(1),
});

export const ProcedureWrite = z.object({ id: Uuid, slug: z.string(), version: VersionMeta });

export const DocumentIssue = z.object({
  path: z.string(),
  message: z.string(),
  messageEn: z.string(),
});
export type DocumentIssue = z.infer<typeof DocumentIssue>;

export const VersionDetail = z.object({
  procedure: z.object({ id: Uuid, slug: z.string(), code: z.string().nullable() }),
  version: VersionMeta,
  document: ProcedureSchema,
});

// ---- offerings -------------------------------------------------------------------------------------------------

export const Offering = z.object({
  id: Uuid,
  unit: UnitBrief,
  procedure: z.object({
    id: Uuid,
    slug: z.string(),
    code: z.string().nullable(),
    name: z.string(),
    fieldCode: z.string(),
  }),
  local: LocalAdditionsSchema,
  pushedFrom: z.object({ code: z.string(), name: z.string() }).nullable(),
  active: z.boolean(),
  version: z.number(),
  updatedAt: z.string(),
});
export type Offering = z.infer<typeof Offering>;

export const OfferingListQuery = z.strictObject({
  unit: UnitCode,
  includeInactive: z.enum(["true", "false"]).optional(),
});

export const OfferingInput = z.strictObject({
  unit: UnitCode,
  procedure: ProcedureRef,
  local: LocalAdditionsSchema.optional(),
});

export const OfferingUpdate = z.strictObject({
  version: z.number().int().min(1),
  local: LocalAdditionsSchema.optional(),
  active: z.boolean().optional(),
});

export const PushInput = z.strictObject({
  /** The district or province that offers the procedures to every unit below it. */
  unit: UnitCode,
  procedures: z.array(ProcedureRef).min(1).max(500),
  /** Kinds of units that receive it; default: those of the procedures' levels (commune level: xã, phường, thị trấn, đặc khu). */
  kinds: z.array(z.enum(UNIT_KINDS)).min(1).optional(),
});

export const PushResult = z.object({
  units: z.number(),
  procedures: z.number(),
  created: z.number(),
  reactivated: z.number(),
  unchanged: z.number(),
});

// ---- import / export -------------------------------------------------------------------------------------------

/** Largest file accepted for import, in bytes (before base64). */
export const IMPORT_MAX_BYTES = 8 * 1024 * 1024;

export const ImportInput = z.strictObject({
  format: z.enum(["json", "xlsx"]),
  /** The file, base64-encoded. */
  file: z
    .string()
    .max(Math.ceil(IMPORT_MAX_BYTES / 3) * 4 + 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, "base64"),
  owner: UnitCode.nullable().optional(),
  /** Check everything and report, but write nothing. */
  dryRun: z.boolean().optional(),
});

export const ImportIssue = z.object({
  sheet: z.string().nullable(),
  /** 1-based spreadsheet row, or 1-based position in the JSON list. */
  row: z.number().nullable(),
  column: z.string().nullable(),
  path: z.string(),
  message: z.string(),
  messageEn: z.string(),
});
export type ImportIssue = z.infer<typeof ImportIssue>;

export const ImportResult = z.object({
  dryRun: z.boolean(),
  created: z.number(),
  versioned: z.number(),
  unchanged: z.number(),
  procedures: z.array(
    z.object({
      slug: z.string(),
      action: z.enum(["created", "versioned", "unchanged"]),
      version: z.number(),
    }),
  ),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const ExportQuery = z.strictObject({
  format: z.enum(["json", "xlsx"]).default("json"),
  owner: UnitCode.optional(),
});

/** An export run as a job: its progress while it runs, the file's address once done. */
export const ExportJobInput = z.strictObject({
  format: z.enum(["json", "xlsx"]).default("json"),
  owner: UnitCode.optional(),
});
export const ExportJob = z.object({
  id: z.string(),
  format: z.enum(["json", "xlsx"]),
  status: z.enum(["running", "done", "failed"]),
  done: z.number(),
  total: z.number(),
  filename: z.string().nullable(),
  /** GET it to download, once done. */
  fileUrl: z.string().nullable(),
  errorCode: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ExportJob = z.infer<typeof ExportJob>;

export const BoardQuery = z.strictObject({ unit: UnitCode, at: IsoDate.optional() });

export const FormUpload = z.strictObject({
  filename: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[^/\\\0]+$/),
  file: z
    .string()
    .max(Math.ceil((4 * 1024 * 1024) / 3) * 4 + 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, "base64"),
});
export const FORM_MAX_BYTES = 4 * 1024 * 1024;

/**
 * An import run as a job: how many procedures are written (done of total) while it runs; once finished, the same
 * result the synchronous import answers, or its error code and the bad rows (for IMPORT_INVALID).
 */
export const ImportJob = z.object({
  id: z.string(),
  status: z.enum(["pending", "running", "done", "failed"]),
  dryRun: z.boolean(),
  done: z.number(),
  total: z.number(),
  result: ImportResult.nullable(),
  errorCode: z.string().nullable(),
  issues: z.array(ImportIssue),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJob = z.infer<typeof ImportJob>;
