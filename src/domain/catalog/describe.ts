/**
 * Short texts that say, in Vietnamese and English, how long a procedure takes and what it costs: the columns of
 * the public board (bảng niêm yết), of search results and of the officers' spreadsheet. Pure; the numbers come
 * from the same rules computeFee uses.
 */
import type { FeeRule, Procedure, ProcessingTime, TimeLimit } from "./procedure-schema.ts";

export type Lang = "vi" | "en";

/** 12000 → "12.000 đ" (vi) or "12,000 VND" (en), independent of the runtime's locale data. */
export function formatVnd(amount: number, lang: Lang): string {
  const sep = lang === "vi" ? "." : ",";
  const digits = String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  return lang === "vi" ? `${digits} đ` : `${digits} VND`;
}

export function describeTimeLimit(limit: TimeLimit, lang: Lang): string {
  if (limit.kind === "same_day") {
    if (limit.variant === "on_the_spot") return lang === "vi" ? "Giải quyết ngay" : "On the spot";
    return lang === "vi"
      ? `Trong ngày (nhận sau ${limit.cutoff} thì trả trong ngày làm việc tiếp theo)`
      : `Same day (received after ${limit.cutoff}: next working day)`;
  }
  const n = limit.value;
  switch (limit.unit) {
    case "working_days":
      return lang === "vi" ? `${n} ngày làm việc` : `${n} working day${n === 1 ? "" : "s"}`;
    case "working_hours":
      return lang === "vi" ? `${n} giờ làm việc` : `${n} working hour${n === 1 ? "" : "s"}`;
    case "calendar_days":
      return lang === "vi" ? `${n} ngày` : `${n} day${n === 1 ? "" : "s"}`;
  }
}

export function describeProcessingTime(time: ProcessingTime, lang: Lang): string {
  const parts = [describeTimeLimit(time.standard, lang)];
  if (time.online) {
    parts.push(
      lang === "vi"
        ? `nộp trực tuyến: ${describeTimeLimit(time.online, lang)}`
        : `filed online: ${describeTimeLimit(time.online, lang)}`,
    );
  }
  if (time.extension) {
    parts.push(
      lang === "vi"
        ? `có thể kéo dài đến ${describeTimeLimit(time.extension.total, lang)}`
        : `may extend to ${describeTimeLimit(time.extension.total, lang)}`,
    );
  }
  return parts.join("; ");
}

const PER_VI = {
  dossier: "hồ sơ",
  case: "trường hợp",
  contract: "hợp đồng, giao dịch",
  copy: "bản",
} as const;
const PER_EN = { dossier: "dossier", case: "case", contract: "contract", copy: "copy" } as const;

/** One fee rule in a line, e.g. "2.000 đ/trang (trang 1–2); 1.000 đ/trang (từ trang 3); tối đa 200.000 đ/bản". */
export function describeFeeRule(rule: FeeRule, lang: Lang): string {
  const vi = lang === "vi";
  switch (rule.kind) {
    case "free":
      return vi ? "Không thu" : "Free";
    case "fixed":
      return `${formatVnd(rule.amountVnd, lang)}/${(vi ? PER_VI : PER_EN)[rule.per]}`;
    case "per_copy":
      return `${formatVnd(rule.vndPerCopy, lang)}/${vi ? "bản" : "copy"}`;
    case "per_page": {
      const tiers = rule.tiers.map((t) => {
        const price = `${formatVnd(t.vndPerPage, lang)}/${vi ? "trang" : "page"}`;
        const range =
          t.toPage === null
            ? vi
              ? `từ trang ${t.fromPage}`
              : `from page ${t.fromPage}`
            : t.toPage === t.fromPage
              ? vi
                ? `trang ${t.fromPage}`
                : `page ${t.fromPage}`
              : vi
                ? `trang ${t.fromPage}–${t.toPage}`
                : `pages ${t.fromPage}–${t.toPage}`;
        return `${price} (${range})`;
      });
      if (rule.capPerCopyVnd !== null) {
        tiers.push(
          vi
            ? `tối đa ${formatVnd(rule.capPerCopyVnd, lang)}/bản`
            : `at most ${formatVnd(rule.capPerCopyVnd, lang)} a copy`,
        );
      }
      return tiers.join("; ");
    }
    case "council_resolution": {
      const ref = vi
        ? `Nghị quyết ${rule.resolution.number} của HĐND ${rule.resolution.province}`
        : `resolution ${rule.resolution.number} of the People's Council of ${rule.resolution.province}`;
      if (rule.amount.status === "unverified") return vi ? `Theo ${ref}` : `As set by ${ref}`;
      const per = (vi ? PER_VI : PER_EN)[rule.amount.per];
      return `${formatVnd(rule.amount.vnd, lang)}/${per} (${vi ? "theo " : ""}${ref})`;
    }
  }
}

function describeRules(rules: readonly FeeRule[], lang: Lang): string {
  if (rules.length === 1 && rules[0]) return describeFeeRule(rules[0], lang);
  return rules.map((r) => `${r.label}: ${describeFeeRule(r, lang)}`).join("; ");
}

/** The procedure's fees in a line; cases that set their own fees are named after the general rule. */
export function describeFees(procedure: Procedure, lang: Lang): string {
  const parts = [describeRules(procedure.fees, lang)];
  for (const c of procedure.cases) {
    if (c.fees.mode === "replace") parts.push(`${c.name}: ${describeRules(c.fees.rules, lang)}`);
  }
  const exempt = procedure.fees.some((r) => r.kind !== "free" && r.exemptions.length > 0);
  if (exempt) parts.push(lang === "vi" ? "Có trường hợp được miễn" : "Exemptions apply");
  return parts.join(". ");
}

export interface ProcedureSummary {
  timeVi: string;
  timeEn: string;
  feeVi: string;
  feeEn: string;
}

export function summarize(procedure: Procedure): ProcedureSummary {
  return {
    timeVi: describeProcessingTime(procedure.processingTime, "vi"),
    timeEn: describeProcessingTime(procedure.processingTime, "en"),
    feeVi: describeFees(procedure, "vi"),
    feeEn: describeFees(procedure, "en"),
  };
}
