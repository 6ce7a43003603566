/**
 * Loading a dossier for an action: locked, visible to the caller, the action authorized, at the version the caller
 * read — in that order. A caller who may see the dossier but not take the action gets 403 whatever version it
 * sent, so a refusal never tells whether the version was current (issue 15 item 3); only an authorized caller
 * learns of a stale version (409).
 */
import type { StepRecord } from "../../db/tables/dossiers.ts";
import { AppError } from "../../errors.ts";
import { acts, assertActs, assertCanRead, type UnitInfo, unitInfo } from "./access.ts";
import { type ActionContext, assertVersion, lockDossier } from "./engine.ts";
import { type DossierRow, type TaskRow, workflowOf } from "./state.ts";
import { openTask, openTaskOf, resultStepAfter } from "./tasks.ts";

/** Who may take the action on the locked row: throws the refusal (403), or returns what the action goes on with. */
export type Authorize<A> = (row: DossierRow) => A | Promise<A>;

/** The answers that refuse the caller itself (not the dossier's state): they never depend on the version. */
const REFUSALS: ReadonlySet<string> = new Set(["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND"]);

/**
 * Locks the dossier, checks that the caller sees it (404), runs the action's own authorization (403), and only
 * then compares the version (409). The authorization is a required argument, so no action can skip it or run it
 * after the version check. The authorization reads the dossier as it is now (its open step): when it fails on
 * that state rather than on the caller (no open step: EVENT_NOT_ALLOWED; the step taken by someone else:
 * TASK_TAKEN) and the caller's version is stale, the caller is told of the conflict first — it acted on a state
 * that has moved on (two officers at once: the loser gets CONFLICT). A refusal is thrown whatever the version.
 */
export async function loadForAction<A>(
  ctx: ActionContext,
  id: string,
  version: number,
  authorize: Authorize<A>,
): Promise<{ row: DossierRow; auth: A }> {
  const row = await lockDossier(ctx.tx, id);
  await assertCanRead(ctx.tx, ctx.principal, row);
  let auth: A;
  try {
    auth = await authorize(row);
  } catch (error) {
    if (!(error instanceof AppError) || REFUSALS.has(error.code)) throw error;
    assertVersion(row, version);
    throw error;
  }
  assertVersion(row, version);
  return { row, auth };
}

/** The caller holds `role` at the unit that received the dossier (the desk's actions, the leader's stop). */
export function actsAtReceivingUnit(ctx: ActionContext, role: "reception" | "leader"): Authorize<UnitInfo> {
  return async (row) => {
    const unit = await unitInfo(ctx.tx, row.received_unit_id);
    assertActs(ctx.principal, role, unit);
    return unit;
  };
}

/**
 * The open task, which the caller must be able to work: they hold its role in its unit, and it is theirs or
 * nobody's (a leader of the unit may act on a step assigned to someone else).
 */
export async function taskForCaller(
  ctx: ActionContext,
  row: DossierRow,
): Promise<{ task: TaskRow; unit: UnitInfo }> {
  const task = await openTaskOf(ctx.tx, row.id);
  if (!task) throw new AppError("EVENT_NOT_ALLOWED", { details: { status: row.status } });
  const unit = await unitInfo(ctx.tx, task.unit_id);
  assertActs(ctx.principal, task.role, unit);
  const mine = task.assignee_id === null || task.assignee_id === ctx.principal.staffId;
  if (!mine && !acts(ctx.principal, "leader", unit)) {
    throw new AppError("TASK_TAKEN", { details: { assigneeId: task.assignee_id } });
  }
  return { task, unit };
}

/** The leader's decisions (approve, reject, sign): the caller works the open step and is a leader of its unit. */
export async function leaderAtTask(
  ctx: ActionContext,
  row: DossierRow,
): Promise<{ task: TaskRow; unit: UnitInfo }> {
  const at = await taskForCaller(ctx, row);
  assertActs(ctx.principal, "leader", at.unit);
  return at;
}

export function stepAt(workflow: readonly StepRecord[], index: number): StepRecord {
  const step = workflow[index];
  if (!step)
    throw new AppError("WORKFLOW_MISMATCH", { details: { stepIndex: index, steps: workflow.length } });
  return step;
}

export function dueOf(row: DossierRow, index: number): number {
  const dues = row.step_dues as number[];
  return dues[index] ?? dues[dues.length - 1] ?? new Date(row.due_at ?? row.state_at).getTime();
}

/** After a decision to approve: the result is recorded at the first clerk step after it, or at the same step. */
export async function openResultTask(
  ctx: ActionContext,
  row: DossierRow,
  decidedAt: number,
  unitId: string,
  decidedBy: string | null,
) {
  const workflow = workflowOf(row);
  const r = resultStepAfter(workflow, decidedAt);
  const step = stepAt(workflow, r);
  await openTask(ctx.tx, {
    dossierId: row.id,
    unitId,
    stepIndex: r,
    role: step.role,
    name: r === decidedAt ? "Ban hành kết quả" : step.nameVi,
    dueAt: dueOf(row, r),
    assigneeId: r === decidedAt ? decidedBy : null,
    now: ctx.now,
  });
}
