/**
 * Invariants every reachable dossier state satisfies. The property tests drive random event sequences and check
 * them after each step; the database layer can check a row read back before trusting it.
 */
import type { WorkflowStepSpec } from "./machine.ts";
import { MAX_RESCHEDULES, MAX_SUPPLEMENT_REQUESTS_AFTER_ACCEPTANCE } from "./rules.ts";
import { type ClockState, type DossierState, type DossierStatus, PRE_ACCEPTANCE_STATUSES } from "./state.ts";

const RUNNING: readonly DossierStatus[] = ["received", "in_processing", "awaiting_other_unit", "approved"];
const COMPLETED: readonly DossierStatus[] = ["rejected", "result_ready"];

/** The clock states a status allows. */
export function allowedClocks(state: DossierState): readonly ClockState[] {
  const status = state.status;
  if ((PRE_ACCEPTANCE_STATUSES as readonly DossierStatus[]).includes(status)) return ["not_started"];
  if (RUNNING.includes(status)) return ["running"];
  if (status === "awaiting_citizen_supplement") return ["paused"];
  if (COMPLETED.includes(status)) return ["stopped"];
  if (status === "returned" || status === "stopped") return ["stopped"];
  if (status === "refused") return ["not_started"];
  // withdrawn, closed_incomplete: before acceptance the clock never started; after it, it stopped.
  return state.receivedAt === null ? ["not_started"] : ["stopped"];
}

/** The broken invariants of `state`, as sentences; empty when the state is sound. */
export function invariantViolations(state: DossierState, workflow: readonly WorkflowStepSpec[]): string[] {
  const problems: string[] = [];
  const accepted = state.receivedAt !== null;
  if (!allowedClocks(state).includes(state.clock)) {
    problems.push(`clock ${state.clock} in status ${state.status}`);
  }
  if (accepted !== (state.due !== null) || accepted !== (state.duration !== null)) {
    problems.push("receivedAt, duration and due are set together");
  }
  if (accepted !== (state.appointment !== null)) problems.push("appointment is set with due");
  if ((PRE_ACCEPTANCE_STATUSES as readonly DossierStatus[]).includes(state.status) && accepted) {
    problems.push(`status ${state.status} after acceptance`);
  }
  if (state.status === "refused" && accepted) problems.push("a refused dossier was never accepted");
  if (state.due !== null && state.appointment !== null && state.appointment < state.due) {
    problems.push("appointment before due");
  }
  if (state.reschedules < 0 || state.reschedules > MAX_RESCHEDULES) problems.push("too many reschedules");
  if (state.reschedules > 0 && !state.late) problems.push("a rescheduled dossier counts as late");
  if (state.supplementRequests < 0 || state.supplementRequests > MAX_SUPPLEMENT_REQUESTS_AFTER_ACCEPTANCE) {
    problems.push("too many supplement requests after acceptance");
  }
  if (state.status === "awaiting_citizen_supplement" && state.supplementRequests === 0) {
    problems.push("waiting for a supplement that was never requested");
  }
  const completed = COMPLETED.includes(state.status) || state.status === "returned";
  if (completed !== (state.completedAt !== null)) problems.push("completedAt is set exactly once completed");
  if (state.completedAt !== null && state.due !== null && state.completedAt > state.due && !state.late) {
    problems.push("completed after due but not late");
  }
  if ("stepIndex" in state && (state.stepIndex < 0 || state.stepIndex >= workflow.length)) {
    problems.push(`step ${state.stepIndex} outside the workflow`);
  }
  if (state.status === "in_processing" && state.stepIndex === 0)
    problems.push("step 0 is the received status");
  return problems;
}
