import type { z } from "zod";
import type { DocumentIssue } from "../../contracts/catalog.ts";
import { STAFF_ROLES } from "../../db/tables/foundation.ts";
import { type Procedure, ProcedureSchema, RoleSchema } from "../../domain/catalog/procedure-schema.ts";

/** Roles that may act in a workflow step: staff roles (db/tables/foundation.ts) that process dossiers. */
export const WORKFLOW_ROLES = RoleSchema.options.filter((r) =>
  (STAFF_ROLES as readonly string[]).includes(r),
);

export type Validation = { ok: true; procedure: Procedure } | { ok: false; issues: DocumentIssue[] };

function pathText(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join(".");
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** English for the Vietnamese messages the domain schema writes itself. */
const DOMAIN_MESSAGES_EN: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^Tổng tỷ lệ thời gian/, () => "The step shares must add up to 100."],
  [/^Bước đầu tiên phải là tiếp nhận/, () => "The first step must be reception."],
  [
    /^Thành phần hồ sơ phải có ít nhất một bản/,
    () => "A dossier component needs at least one original or copy.",
  ],
  [/^Bậc (\d+) phải bắt đầu từ trang (\d+)/, (m) => `Tier ${m[1]} must start at page ${m[2]}.`],
  [/^Chỉ bậc cuối được để mở/, () => "Only the last tier may be open-ended."],
  [/^Bậc cuối phải để mở/, () => "The last tier must be open-ended (toPage = null)."],
  [/^toPage nhỏ hơn fromPage/, () => "toPage is smaller than fromPage."],
  [/^effectiveTo phải sau effectiveFrom/, () => "effectiveTo must come after effectiveFrom."],
  [/^Thủ tục phải có thành phần hồ sơ/, () => "The procedure needs dossier components."],
  [/^(.+) trùng: (.*)$/, (m) => `Duplicate value: ${m[2]}.`],
  [/^Mã TTHC dạng/, () => "A national code looks like 1.001193."],
  [/^Mã tổng hợp dạng/, () => "A synthetic code looks like 9.900001."],
];

function viMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined
        ? "Thiếu thông tin bắt buộc."
        : `Sai kiểu dữ liệu (cần ${issue.expected}).`;
    case "too_small":
      return issue.origin === "array"
        ? `Cần ít nhất ${String(issue.minimum)} mục.`
        : issue.origin === "string"
          ? "Không được để trống."
          : `Giá trị phải từ ${String(issue.minimum)} trở lên.`;
    case "too_big":
      return issue.origin === "array"
        ? `Nhiều nhất ${String(issue.maximum)} mục.`
        : issue.origin === "string"
          ? `Dài quá ${String(issue.maximum)} ký tự.`
          : `Giá trị không được vượt quá ${String(issue.maximum)}.`;
    case "invalid_value":
      return `Giá trị không hợp lệ; chọn một trong: ${issue.values.map(String).join(", ")}.`;
    case "invalid_format":
      return "Sai định dạng.";
    case "invalid_union":
      return "Giá trị không khớp loại nào được phép (kiểm tra trường kind/status/mode).";
    case "unrecognized_keys":
      return `Trường không được phép: ${issue.keys.join(", ")}.`;
    case "custom":
      return issue.message;
    default:
      return "Giá trị không hợp lệ.";
  }
}

function enMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_format" || issue.code === "custom") {
    for (const [pattern, render] of DOMAIN_MESSAGES_EN) {
      const m = pattern.exec(issue.message);
      if (m) return render(m);
    }
  }
  return issue.message;
}

export function issuesFromZod(error: z.ZodError, prefix: readonly PropertyKey[] = []): DocumentIssue[] {
  return error.issues.map((issue) => ({
    path: pathText([...prefix, ...issue.path]),
    message: viMessage(issue),
    messageEn: enMessage(issue),
  }));
}

/** Keys the input carries that the parsed value dropped: the schema does not know them. */
export function unknownKeys(input: unknown, parsed: unknown, path: PropertyKey[] = []): DocumentIssue[] {
  if (Array.isArray(input) && Array.isArray(parsed)) {
    return input.flatMap((item, i) => unknownKeys(item, parsed[i], [...path, i]));
  }
  if (!isRecord(input) || !isRecord(parsed)) return [];
  const out: DocumentIssue[] = [];
  for (const key of Object.keys(input)) {
    if (!(key in parsed)) {
      out.push({
        path: pathText([...path, key]),
        message: `Trường không được phép: ${key}.`,
        messageEn: `Unknown field: ${key}.`,
      });
    } else {
      out.push(...unknownKeys(input[key], parsed[key], [...path, key]));
    }
  }
  return out;
}

/**
 * The workflow rules stated in words an officer can act on: every step's role must be a staff role that acts on
 * dossiers, and the shares must cover the whole processing time. Checked before the schema so that both show
 * even when other parts of the step are wrong.
 */
export function workflowIssues(workflow: unknown, prefix = "workflow"): DocumentIssue[] {
  if (!Array.isArray(workflow)) return [];
  const out: DocumentIssue[] = [];
  let sum = 0;
  let sharesKnown = true;
  workflow.forEach((step: unknown, i) => {
    if (!isRecord(step)) return;
    const role = step.role;
    if (typeof role !== "string" || !(WORKFLOW_ROLES as readonly string[]).includes(role)) {
      out.push({
        path: `${prefix}.${i}.role`,
        message: `Bước ${i + 1}: vai trò «${String(role)}» không tồn tại; chọn một trong: ${WORKFLOW_ROLES.join(", ")}.`,
        messageEn: `Step ${i + 1}: role «${String(role)}» does not exist; choose one of: ${WORKFLOW_ROLES.join(", ")}.`,
      });
    }
    if (typeof step.share === "number" && Number.isInteger(step.share)) sum += step.share;
    else sharesKnown = false;
  });
  if (sharesKnown && workflow.length > 0 && sum !== 100) {
    out.push({
      path: prefix,
      message: `Tổng tỷ lệ thời gian các bước là ${sum}%, phải bằng 100%.`,
      messageEn: `The step shares add up to ${sum}%; they must add up to 100%.`,
    });
  }
  return out;
}

function dedupe(issues: DocumentIssue[]): DocumentIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.path}\u0000${i.messageEn}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Checks a procedure document as an officer or a file wrote it. `fill` sets what the server decides (version
 * number and effective date); everything else must be right in the document. Unknown fields are refused.
 */
export function validateDocument(
  raw: unknown,
  fill: { version: number; effectiveFrom: string; effectiveTo?: string | null },
): Validation {
  if (!isRecord(raw)) {
    return {
      ok: false,
      issues: [
        {
          path: "",
          message: "Thủ tục phải là một đối tượng JSON.",
          messageEn: "A procedure must be a JSON object.",
        },
      ],
    };
  }
  const input: Record<string, unknown> = {
    ...raw,
    version: fill.version,
    effectiveFrom: fill.effectiveFrom,
    effectiveTo: fill.effectiveTo !== undefined ? fill.effectiveTo : (raw.effectiveTo ?? null),
  };
  const own = workflowIssues(input.workflow);
  const parsed = ProcedureSchema.safeParse(input);
  if (!parsed.success) {
    const fromZod = issuesFromZod(parsed.error).filter(
      // The explicit workflow checks say the same as the schema's refinements, with the numbers.
      (i) => !(own.length > 0 && i.path === "workflow" && /100/.test(i.messageEn)),
    );
    const roleCovered = new Set(own.map((i) => i.path));
    return { ok: false, issues: dedupe([...own, ...fromZod.filter((i) => !roleCovered.has(i.path))]) };
  }
  const extra = [...own, ...unknownKeys(input, parsed.data)];
  if (extra.length > 0) return { ok: false, issues: dedupe(extra) };
  return { ok: true, procedure: parsed.data };
}
