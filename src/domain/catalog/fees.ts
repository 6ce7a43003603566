/**
 * The one fee calculation of the catalog: given a procedure (and optionally one of its cases) and what the
 * applicant asks for, it returns the amount in đồng with a line per fee rule explaining how it was reached.
 *
 * Inputs:
 * - `pages`: pages of the original document (per-page rules; required when such a rule applies);
 * - `copies`: copies requested (per-page and per-copy rules; default 1);
 * - `exemptions`: exemption grounds the applicant has shown (e.g. on-time registration, poor household).
 *
 * A People's Council resolution whose amount has not been read yet cannot be priced: the result then says so
 * (`needs_local_amount`) instead of inventing a figure.
 */
import {
  type ExemptionCode,
  type FeeRule,
  feeRulesFor,
  type PerPageFeeRule,
  type Procedure,
  type ResolutionRef,
} from "./procedure-schema.ts";

export interface FeeInput {
  readonly caseId?: string | null;
  readonly pages?: number;
  readonly copies?: number;
  readonly exemptions?: readonly ExemptionCode[];
}

export interface FeeLine {
  readonly label: string;
  readonly feeType: FeeRule["feeType"];
  readonly kind: FeeRule["kind"];
  /** Amount for this rule in đồng; null when the local amount is not known. */
  readonly amountVnd: number | null;
  /** How the amount was reached, in Vietnamese. */
  readonly detail: string;
  readonly exemptedBy: ExemptionCode | null;
}

export type FeeResult =
  | { readonly status: "computed"; readonly totalVnd: number; readonly lines: readonly FeeLine[] }
  | {
      readonly status: "needs_local_amount";
      /** Sum of the lines whose amount is known. */
      readonly knownVnd: number;
      readonly lines: readonly FeeLine[];
      readonly resolutions: readonly ResolutionRef[];
    };

export function computeFee(procedure: Procedure, input: FeeInput = {}): FeeResult {
  const copies = input.copies ?? 1;
  if (!Number.isInteger(copies) || copies < 0) throw new RangeError(`Số bản không hợp lệ: ${copies}`);
  if (input.pages !== undefined && (!Number.isInteger(input.pages) || input.pages < 1)) {
    throw new RangeError(`Số trang không hợp lệ: ${input.pages}`);
  }
  const shown = new Set(input.exemptions ?? []);
  const lines: FeeLine[] = [];
  const missing: ResolutionRef[] = [];

  for (const rule of feeRulesFor(procedure, input.caseId ?? null)) {
    const base = { label: rule.label, feeType: rule.feeType, kind: rule.kind };
    if (rule.kind === "free") {
      lines.push({ ...base, amountVnd: 0, detail: `Miễn thu (${rule.basis})`, exemptedBy: null });
      continue;
    }
    const exemption = rule.exemptions.find((e) => shown.has(e.code));
    if (exemption) {
      lines.push({
        ...base,
        amountVnd: 0,
        detail: `Miễn: ${exemption.label} (${exemption.basis})`,
        exemptedBy: exemption.code,
      });
      continue;
    }
    switch (rule.kind) {
      case "fixed":
        lines.push({
          ...base,
          amountVnd: rule.amountVnd,
          detail: `${vnd(rule.amountVnd)}/${PER[rule.per]}`,
          exemptedBy: null,
        });
        break;
      case "per_copy": {
        const amount = rule.vndPerCopy * copies;
        lines.push({
          ...base,
          amountVnd: amount,
          detail: `${copies} bản × ${vnd(rule.vndPerCopy)} = ${vnd(amount)}`,
          exemptedBy: null,
        });
        break;
      }
      case "per_page": {
        if (input.pages === undefined) throw new RangeError(`Cần số trang để tính "${rule.label}"`);
        const { perCopy, detail } = perPageAmount(rule, input.pages);
        const amount = perCopy * copies;
        lines.push({
          ...base,
          amountVnd: amount,
          detail: `${detail}; × ${copies} bản = ${vnd(amount)}`,
          exemptedBy: null,
        });
        break;
      }
      case "council_resolution": {
        const ref = `Nghị quyết ${rule.resolution.number} của HĐND ${rule.resolution.province}`;
        if (rule.amount.status === "unverified") {
          missing.push(rule.resolution);
          lines.push({
            ...base,
            amountVnd: null,
            detail: `Mức thu theo ${ref}: chưa xác minh`,
            exemptedBy: null,
          });
          break;
        }
        const units = rule.amount.per === "copy" ? copies : 1;
        const amount = rule.amount.vnd * units;
        const unitText =
          rule.amount.per === "copy"
            ? `${units} bản × ${vnd(rule.amount.vnd)}`
            : `${vnd(rule.amount.vnd)}/trường hợp`;
        lines.push({ ...base, amountVnd: amount, detail: `${unitText} theo ${ref}`, exemptedBy: null });
        break;
      }
    }
  }

  const knownVnd = lines.reduce((sum, l) => sum + (l.amountVnd ?? 0), 0);
  return missing.length === 0
    ? { status: "computed", totalVnd: knownVnd, lines }
    : { status: "needs_local_amount", knownVnd, lines, resolutions: missing };
}

const PER = { dossier: "hồ sơ", case: "trường hợp", contract: "hợp đồng, giao dịch" } as const;

/** Amount for one copy under tiered per-page pricing, capped per copy. */
function perPageAmount(rule: PerPageFeeRule, pages: number): { perCopy: number; detail: string } {
  let sum = 0;
  const parts: string[] = [];
  for (const tier of rule.tiers) {
    if (pages < tier.fromPage) break;
    const last = tier.toPage === null ? pages : Math.min(pages, tier.toPage);
    const count = last - tier.fromPage + 1;
    sum += count * tier.vndPerPage;
    parts.push(`${count} trang × ${vnd(tier.vndPerPage)}`);
  }
  const capped = rule.capPerCopyVnd !== null && sum > rule.capPerCopyVnd;
  const perCopy = capped && rule.capPerCopyVnd !== null ? rule.capPerCopyVnd : sum;
  const capText = capped ? ` (vượt mức tối đa, thu ${vnd(perCopy)})` : "";
  return { perCopy, detail: `${pages} trang: ${parts.join(" + ")} = ${vnd(sum)}/bản${capText}` };
}

/** 12000 → "12.000 đ" (Vietnamese digit grouping, independent of the runtime's locale data). */
function vnd(amount: number): string {
  return `${String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, ".")} đ`;
}
