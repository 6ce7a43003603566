/**
 * The six criteria a feedback on an administrative rule is studied against (NĐ 20/2008/NĐ-CP art. 16(2)):
 * necessity, reasonableness and legality, simplicity, feasibility, consistency, conformity with treaties.
 */
export const CRITERIA = [
  "necessity",
  "reasonableness_legality",
  "simplicity",
  "feasibility",
  "consistency",
  "treaty_conformity",
] as const;
export type Criterion = (typeof CRITERIA)[number];

export const CRITERION_LABELS: Record<Criterion, { vi: string; en: string }> = {
  necessity: { vi: "Sự cần thiết", en: "Necessity" },
  reasonableness_legality: { vi: "Tính hợp lý, hợp pháp", en: "Reasonableness and legality" },
  simplicity: { vi: "Tính đơn giản", en: "Simplicity" },
  feasibility: { vi: "Tính khả thi", en: "Feasibility" },
  consistency: { vi: "Tính thống nhất, đồng bộ", en: "Consistency" },
  treaty_conformity: { vi: "Sự phù hợp với điều ước quốc tế", en: "Conformity with treaties" },
};

export const ASSESSMENTS = ["met", "not_met", "not_applicable"] as const;
export type Assessment = (typeof ASSESSMENTS)[number];

export type Study = Partial<Record<Criterion, { assessment: Assessment; note: string | null }>>;

/** The criteria not yet assessed; the decision may only be taken once this is empty. */
export function missingCriteria(study: Study | null | undefined): Criterion[] {
  return CRITERIA.filter((c) => !study?.[c]);
}
