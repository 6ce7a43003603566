/**
 * The e-form interpreter: which fields are shown and required given the answers so far, whether each answer fits
 * its field, which components must be uploaded, pre-filling from the citizen's profile, and how an answer reads.
 * Pure: today's date comes from the caller. "partial" checks what was typed (a draft may be incomplete);
 * "complete" also asks for everything required (submission).
 */
import type {
  AddressAnswer,
  Answers,
  AnswerValue,
  Condition,
  EFormComponent,
  EFormDefinition,
  EFormField,
  PrefillSource,
} from "./definition.ts";

export interface FieldIssue {
  field: string;
  code: string;
  messageVi: string;
  messageEn: string;
}

export type ValidationMode = "partial" | "complete";

function issue(field: string, code: string, messageVi: string, messageEn: string): FieldIssue {
  return { field, code, messageVi, messageEn };
}

export function allFields(definition: EFormDefinition): EFormField[] {
  return definition.pages.flatMap((p) => p.fields);
}

/** Empty: absent, null, blank text. `false` is an answer. */
export function isEmpty(value: AnswerValue | undefined): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

/** Answers as the conditions see them: only fields that are shown count. */
export class AnswerScope {
  private readonly fields: Map<string, EFormField>;
  private readonly memo = new Map<string, boolean>();
  private readonly visiting = new Set<string>();

  constructor(
    definition: EFormDefinition,
    private readonly answers: Answers,
  ) {
    this.fields = new Map(allFields(definition).map((f) => [f.id, f]));
  }

  /** The answer of a shown field, or undefined. */
  value(id: string): AnswerValue | undefined {
    return this.visible(id) ? this.answers[id] : undefined;
  }

  visible(id: string): boolean {
    const field = this.fields.get(id);
    if (!field) return false;
    const known = this.memo.get(id);
    if (known !== undefined) return known;
    // A cycle of conditions hides the fields in it rather than looping.
    if (this.visiting.has(id)) return false;
    this.visiting.add(id);
    const shown = field.showIf ? this.holds(field.showIf) : true;
    this.visiting.delete(id);
    this.memo.set(id, shown);
    return shown;
  }

  holds(condition: Condition): boolean {
    if ("all" in condition) return condition.all.every((c) => this.holds(c));
    if ("any" in condition) return condition.any.some((c) => this.holds(c));
    const value = this.value(condition.field);
    if ("filled" in condition) return isEmpty(value) !== condition.filled;
    if ("equals" in condition) return !isEmpty(value) && value === condition.equals;
    if ("notEquals" in condition) return isEmpty(value) || value !== condition.notEquals;
    return !isEmpty(value) && (typeof value === "string" || typeof value === "number")
      ? condition.in.includes(value)
      : false;
  }

  required(field: EFormField): boolean {
    if (!this.visible(field.id)) return false;
    if (field.required) return true;
    return field.requiredIf ? this.holds(field.requiredIf) : false;
  }
}

const IDENTITY_12 = /^\d{12}$/;
const IDENTITY_9 = /^\d{9}$/;

/** Checks one non-empty value against its field. */
export function checkValue(field: EFormField, value: AnswerValue, today: string): FieldIssue[] {
  const id = field.id;
  const wrongType = () => [
    issue(id, "type", "Giá trị không đúng loại của trường này.", "The value is not of this field's type."),
  ];
  switch (field.type) {
    case "text": {
      if (typeof value !== "string") return wrongType();
      const text = value.trim();
      const out: FieldIssue[] = [];
      if (text.length > field.maxLength) {
        out.push(
          issue(
            id,
            "too_long",
            `Không quá ${field.maxLength} ký tự.`,
            `At most ${field.maxLength} characters.`,
          ),
        );
      }
      if (field.minLength !== undefined && text.length < field.minLength) {
        out.push(
          issue(
            id,
            "too_short",
            `Ít nhất ${field.minLength} ký tự.`,
            `At least ${field.minLength} characters.`,
          ),
        );
      }
      if (/\p{Cc}/u.test(text.replace(/[\t\n\r]/g, "")) || (!field.multiline && /[\n\r]/.test(text))) {
        out.push(issue(id, "type", "Có ký tự không được phép.", "Contains characters that are not allowed."));
      }
      if (field.pattern && !new RegExp(`^(?:${field.pattern.regex})$`, "u").test(text)) {
        out.push(issue(id, "pattern", field.pattern.messageVi, field.pattern.messageEn));
      }
      return out;
    }
    case "number": {
      if (typeof value !== "number" || !Number.isFinite(value)) return wrongType();
      if (field.integer && !Number.isInteger(value)) {
        return [issue(id, "integer", "Nhập một số nguyên.", "Enter a whole number.")];
      }
      if (field.min !== null && field.min !== undefined && value < field.min) {
        return [issue(id, "min", `Không nhỏ hơn ${field.min}.`, `Not less than ${field.min}.`)];
      }
      if (field.max !== null && field.max !== undefined && value > field.max) {
        return [issue(id, "max", `Không lớn hơn ${field.max}.`, `Not more than ${field.max}.`)];
      }
      return [];
    }
    case "date": {
      if (typeof value !== "string" || !isIsoDate(value)) {
        return [
          issue(
            id,
            "type",
            "Nhập ngày theo dạng ngày/tháng/năm hợp lệ.",
            "Enter a real date (day, month, year).",
          ),
        ];
      }
      if (field.range === "past" && value > today) {
        return [
          issue(id, "date_in_future", "Ngày không được sau hôm nay.", "The date cannot be after today."),
        ];
      }
      if (field.range === "future" && value < today) {
        return [
          issue(id, "date_in_past", "Ngày không được trước hôm nay.", "The date cannot be before today."),
        ];
      }
      if (field.notBefore && value < field.notBefore) {
        return [
          issue(
            id,
            "date_too_early",
            `Ngày không được trước ${displayDate(field.notBefore)}.`,
            `The date cannot be before ${field.notBefore}.`,
          ),
        ];
      }
      return [];
    }
    case "select": {
      if (typeof value !== "string") return wrongType();
      return field.options.some((o) => o.value === value)
        ? []
        : [issue(id, "not_option", "Chọn một trong các lựa chọn.", "Choose one of the options.")];
    }
    case "checkbox":
      return typeof value === "boolean" ? [] : wrongType();
    case "address": {
      if (typeof value !== "object" || value === null) return wrongType();
      const a = value as AddressAnswer;
      const blank = [a.detail, a.commune, a.province].some((p) => typeof p !== "string" || p.trim() === "");
      return blank
        ? [
            issue(
              id,
              "address",
              "Nhập đủ địa chỉ: số nhà, thôn/tổ, xã/phường, tỉnh/thành phố.",
              "Enter the whole address: house, hamlet, commune, province.",
            ),
          ]
        : [];
    }
    case "identity": {
      if (typeof value !== "string") return wrongType();
      const v = value.trim();
      const ok = IDENTITY_12.test(v) || (field.allowOldNineDigits && IDENTITY_9.test(v));
      return ok
        ? []
        : [
            issue(
              id,
              "identity",
              field.allowOldNineDigits
                ? "Số định danh cá nhân gồm 12 chữ số (hoặc 9 chữ số của chứng minh nhân dân cũ)."
                : "Số định danh cá nhân gồm 12 chữ số.",
              field.allowOldNineDigits
                ? "A personal identification number has 12 digits (or 9 on an old ID card)."
                : "A personal identification number has 12 digits.",
            ),
          ];
    }
  }
}

/** Every problem with the answers. Hidden fields' answers are ignored; answers to unknown fields are errors. */
export function validateAnswers(
  definition: EFormDefinition,
  answers: Answers,
  options: { today: string; mode: ValidationMode },
): FieldIssue[] {
  const scope = new AnswerScope(definition, answers);
  const out: FieldIssue[] = [];
  const known = new Set(allFields(definition).map((f) => f.id));
  for (const key of Object.keys(answers)) {
    if (!known.has(key)) {
      out.push(
        issue(key, "unknown_field", "Trường này không có trong tờ khai.", "This form has no such field."),
      );
    }
  }
  for (const field of allFields(definition)) {
    if (!scope.visible(field.id)) continue;
    const value = answers[field.id];
    if (isEmpty(value)) {
      if (options.mode === "complete" && scope.required(field)) out.push(requiredIssue(field));
      continue;
    }
    const problems = checkValue(field, value as AnswerValue, options.today);
    out.push(...problems);
    if (
      problems.length === 0 &&
      options.mode === "complete" &&
      field.type === "checkbox" &&
      field.mustBeTrue &&
      value !== true
    ) {
      out.push(
        issue(
          field.id,
          "must_be_true",
          "Bạn cần đánh dấu xác nhận này.",
          "You need to tick this declaration.",
        ),
      );
    }
  }
  return out;
}

function requiredIssue(field: EFormField): FieldIssue {
  if (field.type === "checkbox" && field.mustBeTrue) {
    return issue(
      field.id,
      "must_be_true",
      "Bạn cần đánh dấu xác nhận này.",
      "You need to tick this declaration.",
    );
  }
  return issue(field.id, "required", `Chưa nhập «${field.labelVi}».`, `Enter «${field.labelEn}».`);
}

/** Is this component required for a filing with these answers? */
export function componentRequired(component: EFormComponent, scope: AnswerScope): boolean {
  switch (component.requirement) {
    case "required":
      return true;
    case "optional":
      return false;
    case "conditional":
      return component.requiredIf ? scope.holds(component.requiredIf) : false;
  }
}

/** The components asked for a filing under this case (null: the procedure's general case), and which are required. */
export function componentRequirements(
  definition: EFormDefinition,
  answers: Answers,
  caseId: string | null = null,
): { componentId: string; required: boolean }[] {
  const scope = new AnswerScope(definition, answers);
  const asked = definition.components.filter(
    (c) => !c.cases || (caseId !== null && c.cases.includes(caseId)),
  );
  return asked.map((c) => ({
    componentId: c.componentId,
    required: componentRequired(c, scope),
  }));
}

/** The answers kept for a submission: shown fields only, text trimmed. */
export function keptAnswers(definition: EFormDefinition, answers: Answers): Answers {
  const scope = new AnswerScope(definition, answers);
  const out: Answers = {};
  for (const field of allFields(definition)) {
    const value = answers[field.id];
    if (!scope.visible(field.id) || isEmpty(value)) continue;
    out[field.id] = typeof value === "string" ? value.trim() : (value as AnswerValue);
  }
  return out;
}

export type Profile = Partial<Record<PrefillSource, AnswerValue>>;

/** Answers pre-filled from the citizen's profile, for fields that name a source and fit its value. */
export function prefillAnswers(definition: EFormDefinition, profile: Profile, today: string): Answers {
  const out: Answers = {};
  for (const field of allFields(definition)) {
    if (!field.prefill) continue;
    const value = profile[field.prefill];
    if (value === undefined || isEmpty(value)) continue;
    if (checkValue(field, value, today).length === 0) out[field.id] = value;
  }
  return out;
}

/** How an answer reads on "check your answers". */
export function displayValue(field: EFormField, value: AnswerValue | undefined): string | null {
  if (isEmpty(value)) return null;
  switch (field.type) {
    case "select":
      return field.options.find((o) => o.value === value)?.labelVi ?? String(value);
    case "checkbox":
      return value === true ? "Có" : "Không";
    case "date":
      return typeof value === "string" ? displayDate(value) : null;
    case "address": {
      const a = value as AddressAnswer;
      return [a.detail, a.commune, a.district, a.province].filter((p) => p && p.trim() !== "").join(", ");
    }
    default:
      return String(value);
  }
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split("-").map(Number) as [number, number, number];
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1) return false;
  const days = [
    31,
    y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ];
  return d <= (days[m - 1] as number);
}

function displayDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}
