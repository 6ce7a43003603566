/**
 * E-forms (tờ khai điện tử) as data: one definition per procedure version, made of pages (one question per page
 * where it helps), each with fields of a closed set of types, their validation and the conditions under which a
 * field is shown or required. The definition also says which of the procedure's components (thành phần hồ sơ) an
 * online filing must upload, and when a conditional one becomes required. Interpreted by validate.ts.
 */
import { z } from "zod";

const Slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "kebab-case ASCII");
/** Field ids are answer keys: camelCase ASCII. */
export const FieldId = z.string().regex(/^[a-z][A-Za-z0-9]{0,59}$/, "camelCase field id");
const Text = z.string().trim().min(1).max(1000);
const IsoDate = z.iso.date();

/** A condition on other answers (điều kiện). */
export type Condition =
  | { field: string; equals: string | number | boolean }
  | { field: string; notEquals: string | number | boolean }
  | { field: string; in: (string | number)[] }
  | { field: string; filled: boolean }
  | { all: Condition[] }
  | { any: Condition[] };

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ field: FieldId, equals: z.union([z.string(), z.number(), z.boolean()]) }),
    z.strictObject({ field: FieldId, notEquals: z.union([z.string(), z.number(), z.boolean()]) }),
    z.strictObject({ field: FieldId, in: z.array(z.union([z.string(), z.number()])).min(1) }),
    z.strictObject({ field: FieldId, filled: z.boolean() }),
    z.strictObject({ all: z.array(ConditionSchema).min(1) }),
    z.strictObject({ any: z.array(ConditionSchema).min(1) }),
  ]),
);

/** Profile values a field may be pre-filled from (the citizen's account). */
export const PREFILL_SOURCES = [
  "fullName",
  "identityNumber",
  "birthDate",
  "phone",
  "email",
  "address",
] as const;
export const PrefillSource = z.enum(PREFILL_SOURCES);
export type PrefillSource = z.infer<typeof PrefillSource>;

const fieldBase = {
  id: FieldId,
  labelVi: Text,
  labelEn: Text,
  hintVi: Text.nullable().optional(),
  hintEn: Text.nullable().optional(),
  /** Always required when shown. */
  required: z.boolean(),
  /** Required (when shown) only if this holds; ignored when `required` is true. */
  requiredIf: ConditionSchema.nullable().optional(),
  /** Shown (and validated, and kept) only if this holds. */
  showIf: ConditionSchema.nullable().optional(),
  prefill: PrefillSource.nullable().optional(),
};

export const TextField = z.strictObject({
  ...fieldBase,
  type: z.literal("text"),
  maxLength: z.int().min(1).max(5000),
  minLength: z.int().min(0).max(5000).optional(),
  multiline: z.boolean().optional(),
  pattern: z
    .strictObject({ regex: z.string().min(1).max(200), messageVi: Text, messageEn: Text })
    .nullable()
    .optional(),
});
export const NumberField = z.strictObject({
  ...fieldBase,
  type: z.literal("number"),
  integer: z.boolean(),
  min: z.number().nullable().optional(),
  max: z.number().nullable().optional(),
});
export const DateField = z.strictObject({
  ...fieldBase,
  type: z.literal("date"),
  /** "past": not after today; "future": not before today; "any". */
  range: z.enum(["past", "future", "any"]),
  /** Earliest date accepted. */
  notBefore: IsoDate.nullable().optional(),
});
export const SelectOption = z.strictObject({
  value: z.string().regex(/^[a-z0-9_-]{1,60}$/),
  labelVi: Text,
  labelEn: Text,
});
export const SelectField = z.strictObject({
  ...fieldBase,
  type: z.literal("select"),
  options: z.array(SelectOption).min(1).max(200),
});
export const CheckboxField = z.strictObject({
  ...fieldBase,
  type: z.literal("checkbox"),
  /** A declaration (cam đoan) that must be ticked. */
  mustBeTrue: z.boolean().optional(),
});
/** An address down to the commune: { detail, commune, district?, province }. */
export const AddressField = z.strictObject({ ...fieldBase, type: z.literal("address") });
/** A personal identification number: 12 digits (CCCD / số định danh cá nhân), or 9 for an old ID card. */
export const IdentityField = z.strictObject({
  ...fieldBase,
  type: z.literal("identity"),
  allowOldNineDigits: z.boolean(),
});

export const EFormField = z.discriminatedUnion("type", [
  TextField,
  NumberField,
  DateField,
  SelectField,
  CheckboxField,
  AddressField,
  IdentityField,
]);
export type EFormField = z.infer<typeof EFormField>;
export type EFormFieldType = EFormField["type"];

export const EFormPage = z.strictObject({
  id: Slug,
  titleVi: Text,
  titleEn: Text,
  descriptionVi: Text.nullable().optional(),
  descriptionEn: Text.nullable().optional(),
  fields: z.array(EFormField).min(1).max(60),
});
export type EFormPage = z.infer<typeof EFormPage>;

/** Which catalog component an online filing uploads, and when. Components not listed are not asked online. */
export const EFormComponent = z.strictObject({
  componentId: Slug,
  requirement: z.enum(["required", "optional", "conditional"]),
  /** For "conditional": required when this holds (otherwise optional). */
  requiredIf: ConditionSchema.nullable().optional(),
  /** Asked only when the dossier is filed under one of these cases (trường hợp); absent: asked in every case. */
  cases: z.array(Slug).min(1).optional(),
  noteVi: Text.nullable().optional(),
  noteEn: Text.nullable().optional(),
});
export type EFormComponent = z.infer<typeof EFormComponent>;

export const EFormDefinition = z
  .strictObject({
    /** e.g. "to-khai-dang-ky-khai-sinh". */
    key: Slug,
    /** The procedure (catalog slug) and the first procedure version this revision applies to. */
    procedure: Slug,
    fromProcedureVersion: z.int().min(1),
    /** Revision of this e-form (increases when the text changes). */
    revision: z.int().min(1),
    titleVi: Text,
    titleEn: Text,
    /** The legal text of the paper form the e-form transcribes, and what else shaped it. */
    source: z.strictObject({ citation: Text, notes: z.array(Text) }),
    pages: z.array(EFormPage).min(1).max(30),
    components: z.array(EFormComponent).max(30),
    /** Answers the catalog's fee rules read: page count and copies (per-page fees of certified copies). */
    feeInputs: z.strictObject({ pages: FieldId.optional(), copies: FieldId.optional() }).optional(),
  })
  .superRefine((d, ctx) => {
    const ids = new Set<string>();
    for (const page of d.pages) {
      for (const field of page.fields) {
        if (ids.has(field.id)) ctx.addIssue({ code: "custom", message: `duplicate field ${field.id}` });
        ids.add(field.id);
      }
    }
    const refs = (c: Condition | null | undefined, where: string) => {
      for (const f of conditionFields(c)) {
        if (!ids.has(f)) ctx.addIssue({ code: "custom", message: `${where}: unknown field ${f}` });
      }
    };
    for (const page of d.pages) {
      for (const field of page.fields) {
        refs(field.requiredIf, field.id);
        refs(field.showIf, field.id);
        if (field.type === "text" && field.pattern) {
          try {
            new RegExp(field.pattern.regex, "u");
          } catch {
            ctx.addIssue({ code: "custom", message: `${field.id}: invalid pattern` });
          }
        }
      }
    }
    for (const f of Object.values(d.feeInputs ?? {})) {
      if (!ids.has(f)) ctx.addIssue({ code: "custom", message: `feeInputs: unknown field ${f}` });
    }
    const components = new Set<string>();
    for (const c of d.components) {
      if (components.has(c.componentId))
        ctx.addIssue({ code: "custom", message: `duplicate component ${c.componentId}` });
      components.add(c.componentId);
      if (c.requirement === "conditional" && !c.requiredIf)
        ctx.addIssue({ code: "custom", message: `${c.componentId}: conditional without requiredIf` });
      refs(c.requiredIf, c.componentId);
    }
  });
export type EFormDefinition = z.infer<typeof EFormDefinition>;

/** Every field a condition reads. */
export function conditionFields(condition: Condition | null | undefined): string[] {
  if (!condition) return [];
  if ("all" in condition) return condition.all.flatMap(conditionFields);
  if ("any" in condition) return condition.any.flatMap(conditionFields);
  return [condition.field];
}

/** An answer as stored: text, number, boolean, or an address. */
/** Typed text: no control characters but tab and line breaks (PostgreSQL cannot store NUL in jsonb). */
const Typed = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !/\p{Cc}/u.test(s.replace(/[\t\n\r]/g, "")), "control characters");
export const AddressAnswer = z.strictObject({
  detail: Typed(300),
  commune: Typed(100),
  district: Typed(100).nullable().optional(),
  province: Typed(100),
});
export type AddressAnswer = z.infer<typeof AddressAnswer>;
export const AnswerValue = z.union([Typed(5000), z.number(), z.boolean(), AddressAnswer, z.null()]);
export type AnswerValue = z.infer<typeof AnswerValue>;
export const Answers = z.record(FieldId, AnswerValue);
export type Answers = z.infer<typeof Answers>;
