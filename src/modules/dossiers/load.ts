/** Loading a dossier for an action: locked, at the version the caller read, visible to the caller. */
import type { StepRecord } from "../../db/tables/dossiers.ts";
import { AppError } from "../../errors.ts";
import { acts, assertActs, assertCanRead, type UnitInfo, unitInfo } from "./access.ts";
import { type ActionContext, assertVersion, lockDossier } from "./engine.ts";
import { type DossierRow, type TaskRow, workflowOf } from "./state.ts";
import { openTask, openTaskOf, resultStepAfter } from "./tasks.ts";

export async function loadForAction(ctx: ActionContext, id: string, version: number): Promise<DossierRow> {
  const row = await lockDossier(ctx.tx, id);
  await assertCanRead(ctx.tx, ctx.principal, row);
  assertVersion(row, version);
  return row;
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
