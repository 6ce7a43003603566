/**
 * Typed model of one version of an administrative procedure (thủ tục hành chính) as kept in the catalog.
 *
 * Every variant that the law distinguishes is a discriminated union, so that a record cannot say two things at
 * once: a code is confirmed, reported or unverified (never "a string that might be empty"); a fee is free, fixed,
 * per page, per copy or set by a provincial People's Council resolution; a time limit is a duration or "same day"
 * with the 15:00 rule. Cases (trường hợp) override components, fees or time explicitly ("inherit" or "replace").
 */
import { z } from "zod";
import { FIELD_CODES } from "./fields.ts";

// ---------------------------------------------------------------------------------------------------------------
// Codes

/** National TTHC code as published in the national database, e.g. "1.001193". Range 9.9xxxxx is reserved. */
export const NATIONAL_CODE_PATTERN = /^[1-8]\.\d{6}$/;
/** Reserved range for generated benchmark procedures; never a real code. */
export const SYNTHETIC_CODE_PATTERN = /^9\.9\d{5}$/;

export const NationalCodeSchema = z.string().regex(NATIONAL_CODE_PATTERN, "Mã TTHC dạng 1.001193");
export const SyntheticCodeSchema = z.string().regex(SYNTHETIC_CODE_PATTERN, "Mã tổng hợp dạng 9.9xxxxx");

/**
 * - confirmed: the code was read next to this procedure on an official portal listing;
 * - reported: the code is cited by secondary sources (news, other systems) but was not seen on an official listing;
 * - unverified: no code could be established; `candidate` holds a code a single source suggested, if any;
 * - synthetic: generated for benchmarks, in the reserved 9.9xxxxx range.
 * Every branch carries `value` so that readers can use `code.value` (string or null) uniformly.
 */
export const ProcedureCodeSchema = z.discriminatedUnion("status", [
  z.object({ status: z.literal("confirmed"), value: NationalCodeSchema, evidence: z.string().min(10) }),
  z.object({ status: z.literal("reported"), value: NationalCodeSchema, evidence: z.string().min(10) }),
  z.object({
    status: z.literal("unverified"),
    value: z.null(),
    candidate: NationalCodeSchema.nullable(),
    note: z.string().min(10),
  }),
  z.object({ status: z.literal("synthetic"), value: SyntheticCodeSchema }),
]);
export type ProcedureCode = z.infer<typeof ProcedureCodeSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Small shared pieces

const Slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "kebab-case ASCII");
const IsoDate = z.iso.date();
const Text = z.string().trim().min(1);

export const LevelSchema = z.enum(["commune", "district", "province"]);
export type Level = z.infer<typeof LevelSchema>;

export const OnlineLevelSchema = z.enum(["full", "partial", "none"]);
export type OnlineLevel = z.infer<typeof OnlineLevelSchema>;

export const ApplicantSchema = z.enum(["individual", "organization"]);
export type Applicant = z.infer<typeof ApplicantSchema>;

export const PostalSchema = z.object({ receiveDossier: z.boolean(), deliverResult: z.boolean() });
export type Postal = z.infer<typeof PostalSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Dossier components (thành phần hồ sơ)

export const FormTemplateSchema = z.object({
  /** Key of the downloadable template (tờ khai) in the catalog, e.g. "to-khai-dang-ky-khai-sinh". */
  code: Slug,
  /** Name of the form as printed, e.g. "Mẫu số 01 – Đơn đề nghị xác định mức độ khuyết tật". */
  name: Text,
  /** The text that issues the form. */
  issuedBy: Text,
});
export type FormTemplate = z.infer<typeof FormTemplateSchema>;

export const RequirementSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("required") }),
  z.object({ kind: z.literal("conditional"), condition: Text }),
]);
export type Requirement = z.infer<typeof RequirementSchema>;

export const ComponentSchema = z
  .object({
    id: Slug,
    name: Text,
    /** "submit": handed in and kept; "present": shown to the officer for checking and given back. */
    handling: z.enum(["submit", "present"]),
    originals: z.int().min(0).max(20),
    copies: z.int().min(0).max(20),
    requirement: RequirementSchema,
    form: FormTemplateSchema.nullable(),
    note: Text.nullable(),
  })
  .refine((c) => c.originals + c.copies >= 1, {
    message: "Thành phần hồ sơ phải có ít nhất một bản",
    path: ["copies"],
  });
export type Component = z.infer<typeof ComponentSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Processing time (thời hạn giải quyết)

export const DurationSchema = z.object({
  kind: z.literal("duration"),
  value: z.int().min(1).max(365),
  /** The law mostly counts working days; some texts count calendar days ("ngày") and are kept as such. */
  unit: z.enum(["working_days", "working_hours", "calendar_days"]),
});
export type Duration = z.infer<typeof DurationSchema>;

/**
 * "Ngay trong ngày" / "giải quyết ngay": done within the working day, expressed as a budget of working hours;
 * a request received after the cut-off (15:00) is returned on the next working day.
 */
export const SameDaySchema = z.object({
  kind: z.literal("same_day"),
  variant: z.enum(["same_day", "on_the_spot"]),
  workingHours: z.int().min(1).max(8),
  cutoff: z.literal("15:00"),
  afterCutoff: z.literal("next_working_day"),
});
export type SameDay = z.infer<typeof SameDaySchema>;

export const TimeLimitSchema = z.discriminatedUnion("kind", [DurationSchema, SameDaySchema]);
export type TimeLimit = z.infer<typeof TimeLimitSchema>;

export const ProcessingTimeSchema = z.object({
  standard: TimeLimitSchema,
  /** A different limit for online filing where the law sets one; null when it is the same. */
  online: TimeLimitSchema.nullable(),
  /** Total limit allowed when the law permits an extension (verification, many pages…); null when none. */
  extension: z.object({ total: DurationSchema, when: Text }).nullable(),
});
export type ProcessingTime = z.infer<typeof ProcessingTimeSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Fees (phí, lệ phí) as rules

export const EXEMPTION_CODES = [
  "on_time_registration",
  "domestic_citizen_exempt_event",
  "revolution_contributor_family",
  "poor_household",
  "disabled_person",
  "child",
  "elderly",
  "ethnic_minority_hardship_area",
  "online_submission",
] as const;
export const ExemptionCodeSchema = z.enum(EXEMPTION_CODES);
export type ExemptionCode = z.infer<typeof ExemptionCodeSchema>;

export const ExemptionSchema = z.object({ code: ExemptionCodeSchema, label: Text, basis: Text });
export type Exemption = z.infer<typeof ExemptionSchema>;

export const ResolutionRefSchema = z.object({
  /** e.g. "09/2020/NQ-HĐND" */
  number: Text,
  date: IsoDate,
  province: Text,
  title: Text,
});
export type ResolutionRef = z.infer<typeof ResolutionRefSchema>;

export const PageTierSchema = z.object({
  fromPage: z.int().min(1),
  /** Inclusive; null means "and every page after". */
  toPage: z.int().min(1).nullable(),
  vndPerPage: z.int().min(0),
});
export type PageTier = z.infer<typeof PageTierSchema>;

const feeBase = {
  /** Short description shown to citizens, e.g. "Lệ phí đăng ký khai sinh không đúng hạn". */
  label: Text,
  /** phí (charge for a service) or lệ phí (state levy). */
  feeType: z.enum(["phi", "le_phi"]),
  /** Text that sets the rule. */
  basis: Text,
};

const Vnd = z.int().min(0).max(100_000_000);

export const FreeFeeSchema = z.object({ kind: z.literal("free"), ...feeBase });

export const FixedFeeSchema = z.object({
  kind: z.literal("fixed"),
  ...feeBase,
  amountVnd: Vnd,
  per: z.enum(["dossier", "case", "contract"]),
  exemptions: z.array(ExemptionSchema),
});

export const PerPageFeeSchema = z
  .object({
    kind: z.literal("per_page"),
    ...feeBase,
    tiers: z.array(PageTierSchema).min(1),
    capPerCopyVnd: Vnd.nullable(),
    exemptions: z.array(ExemptionSchema),
  })
  .superRefine((rule, ctx) => {
    // Tiers must start at page 1, be contiguous, and only the last may be open-ended.
    let expected = 1;
    rule.tiers.forEach((tier, i) => {
      const last = i === rule.tiers.length - 1;
      if (tier.fromPage !== expected) {
        ctx.addIssue({
          code: "custom",
          message: `Bậc ${i + 1} phải bắt đầu từ trang ${expected}`,
          path: ["tiers", i],
        });
      }
      if (tier.toPage === null) {
        if (!last) ctx.addIssue({ code: "custom", message: "Chỉ bậc cuối được để mở", path: ["tiers", i] });
        return;
      }
      if (tier.toPage < tier.fromPage) {
        ctx.addIssue({ code: "custom", message: "toPage nhỏ hơn fromPage", path: ["tiers", i] });
      }
      expected = tier.toPage + 1;
      if (last)
        ctx.addIssue({ code: "custom", message: "Bậc cuối phải để mở (toPage = null)", path: ["tiers", i] });
    });
  });

export const PerCopyFeeSchema = z.object({
  kind: z.literal("per_copy"),
  ...feeBase,
  vndPerCopy: Vnd,
  exemptions: z.array(ExemptionSchema),
});

/** The amount a resolution sets: confirmed from the text or a listing quoting it, or not yet read. */
export const CouncilAmountSchema = z.discriminatedUnion("status", [
  z.object({ status: z.literal("confirmed"), vnd: Vnd, per: z.enum(["case", "copy"]), evidence: Text }),
  z.object({ status: z.literal("unverified"), note: Text }),
]);
export type CouncilAmount = z.infer<typeof CouncilAmountSchema>;

export const CouncilFeeSchema = z.object({
  kind: z.literal("council_resolution"),
  ...feeBase,
  resolution: ResolutionRefSchema,
  amount: CouncilAmountSchema,
  exemptions: z.array(ExemptionSchema),
});

export const FeeRuleSchema = z.discriminatedUnion("kind", [
  FreeFeeSchema,
  FixedFeeSchema,
  PerPageFeeSchema,
  PerCopyFeeSchema,
  CouncilFeeSchema,
]);
export type FeeRule = z.infer<typeof FeeRuleSchema>;
export type PerPageFeeRule = z.infer<typeof PerPageFeeSchema>;
export type CouncilFeeRule = z.infer<typeof CouncilFeeSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Cases (trường hợp)

export const ComponentsOverrideSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("inherit") }),
  /** The case needs the base components plus these. */
  z.object({ mode: z.literal("add"), items: z.array(ComponentSchema).min(1) }),
  z.object({ mode: z.literal("replace"), items: z.array(ComponentSchema).min(1) }),
]);
export const FeesOverrideSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("inherit") }),
  z.object({ mode: z.literal("replace"), rules: z.array(FeeRuleSchema).min(1) }),
]);
export const TimeOverrideSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("inherit") }),
  z.object({ mode: z.literal("replace"), value: ProcessingTimeSchema }),
]);

export const ProcedureCaseSchema = z.object({
  id: Slug,
  name: Text,
  components: ComponentsOverrideSchema,
  fees: FeesOverrideSchema,
  processingTime: TimeOverrideSchema,
});
export type ProcedureCase = z.infer<typeof ProcedureCaseSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Workflow (quy trình nội bộ)

export const RoleSchema = z.enum(["reception", "specialist", "leader", "clerk"]);
export type Role = z.infer<typeof RoleSchema>;

export const WorkflowStepSchema = z.object({
  role: RoleSchema,
  nameVi: Text,
  /** Integer percent of the processing time; the shares of a workflow sum to 100. */
  share: z.int().min(1).max(100),
  canSendBack: z.boolean(),
});
export type WorkflowStep = z.infer<typeof WorkflowStepSchema>;

export const WorkflowSchema = z
  .array(WorkflowStepSchema)
  .min(2)
  .refine((steps) => steps.reduce((sum, s) => sum + s.share, 0) === 100, {
    message: "Tổng tỷ lệ thời gian các bước phải bằng 100",
  })
  .refine((steps) => steps[0]?.role === "reception", { message: "Bước đầu tiên phải là tiếp nhận" });

// ---------------------------------------------------------------------------------------------------------------
// Result, source, procedure

export const ResultSchema = z.object({
  kind: z.enum([
    "certificate",
    "extract",
    "certified_copy",
    "decision",
    "written_reply",
    "confirmation",
    "registration",
    "commendation",
  ]),
  name: Text,
});
export type ProcedureResult = z.infer<typeof ResultSchema>;

export const SourceSchema = z.object({
  /** URL-free citation of the text that publishes the procedure (quyết định công bố TTHC) or of its legal basis. */
  citation: Text,
  /** Name of the listing in the national public-service portal / national TTHC database. */
  portalListing: Text,
  /** Public listings and texts actually read for this record (names, no links). */
  consulted: z.array(Text),
});
export type Source = z.infer<typeof SourceSchema>;

export const ProcedureSchema = z
  .object({
    /** Stable identifier across versions. */
    id: Slug,
    version: z.int().min(1),
    effectiveFrom: IsoDate,
    effectiveTo: IsoDate.nullable(),
    code: ProcedureCodeSchema,
    name: Text,
    nameEn: Text,
    fieldCode: z.enum(FIELD_CODES),
    levels: z.array(LevelSchema).min(1),
    applicants: z.array(ApplicantSchema).min(1),
    conditions: z.array(Text),
    components: z.array(ComponentSchema),
    processingTime: ProcessingTimeSchema,
    fees: z.array(FeeRuleSchema).min(1),
    cases: z.array(ProcedureCaseSchema),
    result: ResultSchema,
    legalBasis: z.array(Text).min(1),
    onlineLevel: OnlineLevelSchema,
    postal: PostalSchema,
    workflow: WorkflowSchema,
    source: SourceSchema,
    /** Uncertainties and caveats, stated rather than guessed. */
    notes: z.array(Text),
  })
  .superRefine((p, ctx) => {
    const unique = <T>(values: readonly T[], path: string, what: string) => {
      const seen = new Set<T>();
      for (const v of values) {
        if (seen.has(v))
          ctx.addIssue({ code: "custom", message: `${what} trùng: ${String(v)}`, path: [path] });
        seen.add(v);
      }
    };
    unique(p.levels, "levels", "Cấp thực hiện");
    unique(p.applicants, "applicants", "Đối tượng");
    unique(
      p.cases.map((c) => c.id),
      "cases",
      "Mã trường hợp",
    );
    unique(
      p.components.map((c) => c.id),
      "components",
      "Mã thành phần",
    );
    if (p.effectiveTo !== null && p.effectiveTo <= p.effectiveFrom) {
      ctx.addIssue({ code: "custom", message: "effectiveTo phải sau effectiveFrom", path: ["effectiveTo"] });
    }
    if (p.components.length === 0 && p.cases.every((c) => c.components.mode !== "replace")) {
      ctx.addIssue({ code: "custom", message: "Thủ tục phải có thành phần hồ sơ", path: ["components"] });
    }
  });
export type Procedure = z.infer<typeof ProcedureSchema>;
/** Input shape (before parsing); identical to the output here since the schema has no transforms. */
export type ProcedureInput = z.input<typeof ProcedureSchema>;

export const CatalogSchema = z.array(ProcedureSchema).superRefine((list, ctx) => {
  const ids = new Set<string>();
  const codes = new Set<string>();
  list.forEach((p, i) => {
    const key = `${p.id}@${p.version}`;
    if (ids.has(key)) ctx.addIssue({ code: "custom", message: `Thủ tục trùng: ${key}`, path: [i, "id"] });
    ids.add(key);
    if (p.code.value !== null) {
      const codeKey = `${p.code.value}@${p.version}`;
      if (codes.has(codeKey))
        ctx.addIssue({ code: "custom", message: `Mã trùng: ${p.code.value}`, path: [i, "code"] });
      codes.add(codeKey);
    }
  });
});

/** Components that apply to a case: the base list, extended or replaced by the case. */
export function componentsFor(procedure: Procedure, caseId: string | null): readonly Component[] {
  const c = findCase(procedure, caseId);
  if (!c || c.components.mode === "inherit") return procedure.components;
  return c.components.mode === "add" ? [...procedure.components, ...c.components.items] : c.components.items;
}

/** Processing time that applies to a case. */
export function processingTimeFor(procedure: Procedure, caseId: string | null): ProcessingTime {
  const c = findCase(procedure, caseId);
  return !c || c.processingTime.mode === "inherit" ? procedure.processingTime : c.processingTime.value;
}

/** Fee rules that apply to a case. */
export function feeRulesFor(procedure: Procedure, caseId: string | null): readonly FeeRule[] {
  const c = findCase(procedure, caseId);
  return !c || c.fees.mode === "inherit" ? procedure.fees : c.fees.rules;
}

function findCase(procedure: Procedure, caseId: string | null): ProcedureCase | null {
  if (caseId === null) return null;
  const found = procedure.cases.find((c) => c.id === caseId);
  if (!found) throw new RangeError(`Thủ tục ${procedure.id} không có trường hợp ${caseId}`);
  return found;
}
