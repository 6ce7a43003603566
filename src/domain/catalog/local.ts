/**
 * Local additions of one unit to a procedure it offers (niêm yết tại địa phương): the amounts a provincial
 * People's Council set for fees the national record leaves to it, the unit's own working steps, where to file
 * online and a note for citizens. The national version stays untouched; `applyLocal` derives what applies at the
 * unit, and computeFee works on that.
 */
import { z } from "zod";
import { type FeeRule, FeeRuleSchema, type Procedure, WorkflowSchema } from "./procedure-schema.ts";

export const LocalAdditionsSchema = z.strictObject({
  /**
   * Each rule replaces, wherever it appears (general fees and every case), the national rule with the same label:
   * typically a "council_resolution" rule with the amount the resolution set.
   */
  fees: z.array(FeeRuleSchema).min(1).max(50).nullable().default(null),
  /** The unit's own working steps, replacing the national workflow (shares still sum to 100). */
  workflow: WorkflowSchema.nullable().default(null),
  /** Where to file online, when the unit's online service lives elsewhere (the provincial portal). */
  onlineUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable()
    .default(null),
  /** A note for citizens: the desk, a room, a local condition. */
  note: z.string().trim().min(1).max(2000).nullable().default(null),
});
export type LocalAdditions = z.infer<typeof LocalAdditionsSchema>;
export type LocalAdditionsInput = z.input<typeof LocalAdditionsSchema>;

export const NO_LOCAL_ADDITIONS: LocalAdditions = { fees: null, workflow: null, onlineUrl: null, note: null };

/** Labels of local fee rules that match no rule of the procedure (a typo would otherwise be silently ignored). */
export function unmatchedLocalFees(procedure: Procedure, local: LocalAdditions): string[] {
  if (!local.fees) return [];
  const labels = new Set<string>(procedure.fees.map((r) => r.label));
  for (const c of procedure.cases) {
    if (c.fees.mode === "replace") for (const r of c.fees.rules) labels.add(r.label);
  }
  return local.fees.map((r) => r.label).filter((label) => !labels.has(label));
}

/** The procedure as it applies at the unit: local fee rules and working steps in place of the national ones. */
export function applyLocal(procedure: Procedure, local: LocalAdditions): Procedure {
  const fees = local.fees;
  if (!fees && !local.workflow) return procedure;
  const byLabel = new Map<string, FeeRule>((fees ?? []).map((r) => [r.label, r]));
  const swap = (rules: readonly FeeRule[]): FeeRule[] => rules.map((r) => byLabel.get(r.label) ?? r);
  return {
    ...procedure,
    fees: swap(procedure.fees),
    cases: procedure.cases.map((c) =>
      c.fees.mode === "replace" ? { ...c, fees: { mode: "replace", rules: swap(c.fees.rules) } } : c,
    ),
    workflow: local.workflow ?? procedure.workflow,
  };
}
