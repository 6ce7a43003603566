/**
 * The actions the caller may try on a dossier now, for the UI's buttons. A hint only: every action checks
 * again (the machine, the role, the version) when it is sent.
 */
import type { DossierAction } from "../../contracts/dossiers.ts";
import type { StepRecord } from "../../db/tables/dossiers.ts";
import { MAX_RESCHEDULES, MAX_SUPPLEMENT_REQUESTS_AFTER_ACCEPTANCE } from "../../domain/dossier/index.ts";
import { can } from "../auth/policy.ts";
import type { StaffPrincipal } from "../auth/principal.ts";
import { acts, type UnitInfo } from "./access.ts";
import type { DossierRow, TaskRow, TransferRow } from "./state.ts";

const PRE_RESULT = new Set([
  "submitted_online",
  "at_desk",
  "awaiting_supplement_before_acceptance",
  "received",
  "in_processing",
  "awaiting_citizen_supplement",
  "awaiting_other_unit",
]);
/** Filed online and not yet taken in by the desk: no form 01–03, so no slip, yet. */
const NOT_AT_DESK_YET = new Set(["draft_online", "submitted_online"]);
const PROCESSING = new Set(["received", "in_processing", "awaiting_other_unit", "approved"]);
const STOPPABLE = new Set([
  "received",
  "in_processing",
  "awaiting_citizen_supplement",
  "awaiting_other_unit",
]);

export function availableActions(input: {
  principal: StaffPrincipal;
  row: DossierRow;
  workflow: readonly StepRecord[];
  task: TaskRow | null;
  transfer: TransferRow | null;
  units: Map<string, UnitInfo>;
  /** The procedure allows a legal extension (its catalog `extension`). */
  extensionAllowed?: boolean;
  /** The dossier has its one rating already (online, tablet or paper slip). */
  rated?: boolean;
}): DossierAction[] {
  const { principal, row, workflow, task, transfer, units } = input;
  const extensionAllowed = input.extensionAllowed ?? false;
  const out = new Set<DossierAction>();
  const received = units.get(row.received_unit_id) as UnitInfo;
  const current = units.get(row.current_unit_id) as UnitInfo;
  const status = row.status;
  if (acts(principal, "reception", received)) {
    if (status === "at_desk" || status === "submitted_online") {
      for (const a of ["accept", "refuse", "request_supplement"] as const) out.add(a);
    }
    if (status === "awaiting_supplement_before_acceptance") {
      for (const a of ["supplement_received", "refuse", "close_incomplete"] as const) out.add(a);
    }
    if (status === "awaiting_citizen_supplement") {
      out.add("supplement_received");
      out.add("close_incomplete");
    }
    if ((status === "result_ready" || status === "rejected") && can(principal, "dossier.return", received)) {
      out.add("return");
    }
    if (PRE_RESULT.has(status)) out.add("withdraw");
    // The evaluation slip goes with forms 01–03 (TT 01/2018 art. 12): the desk types it in once handed back.
    if (!NOT_AT_DESK_YET.has(status) && !input.rated) out.add("rate_paper");
  }
  const taskUnit = task ? units.get(task.unit_id) : undefined;
  if (task && taskUnit && acts(principal, task.role, taskUnit)) {
    if (task.assignee_id === null) out.add("claim");
    const mine = task.assignee_id === null || task.assignee_id === principal.staffId;
    if (mine || acts(principal, "leader", taskUnit)) {
      const i = row.step_index ?? 0;
      if (status === "received" || status === "in_processing") {
        const next = workflow[i + 1];
        if (next && next.role !== "clerk") out.add("forward");
        if (status === "in_processing" && workflow[i]?.canSendBack) out.add("send_back");
        if (status === "in_processing") out.add("transfer");
        if (row.extension === null && extensionAllowed) out.add("extend");
        if (row.supplement_requests < MAX_SUPPLEMENT_REQUESTS_AFTER_ACCEPTANCE) out.add("request_supplement");
        if (status === "in_processing" && workflow[i]?.role === "leader") {
          out.add("approve");
          out.add("reject");
        }
      }
      if (status === "approved") out.add("record_result");
      if (status === "awaiting_other_unit" && transfer && task.sub_index !== null) {
        const steps = transfer.steps as StepRecord[];
        const j = task.sub_index;
        if (j + 1 < steps.length) out.add("forward");
        if (j > 0 && steps[j]?.canSendBack) out.add("send_back");
        if (j === steps.length - 1) out.add("transfer_return");
      }
    }
  }
  if (task && taskUnit && acts(principal, "leader", taskUnit)) out.add("assign");
  if (
    PROCESSING.has(status) &&
    row.reschedules < MAX_RESCHEDULES &&
    (acts(principal, "leader", received) || acts(principal, "leader", current))
  ) {
    out.add("apologise");
  }
  if (STOPPABLE.has(status) && acts(principal, "leader", received)) out.add("stop");
  if ([...units.values()].some((u) => u.id === principal.unitId)) out.add("note");
  return [...out];
}
