/**
 * Transfers (liên thông): the current step is handed to another unit or agency, which must offer the procedure
 * and a step with the same role (otherwise the machine refuses: UNIT_DOES_NOT_OFFER_STEP). The receiving unit
 * works it with its own steps — its workflow from after reception up to its first step of that role — sharing
 * the working time the step had at the sending unit, in its own calendar. Its last step hands the dossier back:
 * "continue" (the sending unit goes on with its next step), or, at a leader's step, "approved" / "rejected".
 */
import type { z } from "zod";
import type { ForwardInput, TransferInput, TransferReturnInput } from "../../contracts/dossiers.ts";
import type { Tx } from "../../db/database.ts";
import type { StepRecord } from "../../db/tables/dossiers.ts";
import { countingStart, workingTimeBetween } from "../../domain/calendar/index.ts";
import { applyLocal } from "../../domain/catalog/local.ts";
import { AppError } from "../../errors.ts";
import { calendarFor } from "../calendar/calendar-for.ts";
import { documentOf, findOffering } from "../catalog/queries.ts";
import { parseLocal } from "../catalog/service.ts";
import { commitTransition } from "./commit.ts";
import { type ActionContext, applyEvent, saveDossier } from "./engine.ts";
import { bodyName } from "./forms.ts";
import { dueOf, loadForAction, openResultTask, stepAt, taskForCaller } from "./load.ts";
import { type DossierRow, ms, type TaskRow, type TransferRow, workflowOf } from "./state.ts";
import { checkAssignee, closeOpenTask, lastHolder, openTask, splitDues } from "./tasks.ts";

type RemoteStep = StepRecord & { due: number };
const HOUR_MS = 3_600_000;

/** The receiving unit's own steps for a step of `role`, or null when it does not offer it. */
async function remoteSteps(
  tx: Tx,
  row: DossierRow,
  unitId: string,
  role: StepRecord["role"],
): Promise<StepRecord[] | null> {
  const offering = await findOffering(tx, unitId, row.procedure_id);
  if (!offering?.active) return null;
  const version = await tx
    .selectFrom("procedure_versions")
    .select("document")
    .where("id", "=", row.procedure_version_id)
    .executeTakeFirstOrThrow();
  const workflow = applyLocal(documentOf(version), parseLocal(offering.local)).workflow;
  const k = workflow.findIndex((s, i) => i > 0 && s.role === role);
  return k < 0 ? null : workflow.slice(1, k + 1).map((s) => ({ ...s }));
}

export async function openTransferOf(tx: Tx, dossierId: string): Promise<TransferRow | undefined> {
  return tx
    .selectFrom("dossier_transfers")
    .selectAll()
    .where("dossier_id", "=", dossierId)
    .where("status", "=", "open")
    .executeTakeFirst();
}

export async function transferDossier(ctx: ActionContext, id: string, input: z.infer<typeof TransferInput>) {
  const { row, auth } = await loadForAction(ctx, id, input.version, (r) => taskForCaller(ctx, r));
  const { tx, now, principal } = ctx;
  const { task } = auth;
  const target = await tx
    .selectFrom("units")
    .select(["id", "code", "name", "active"])
    .where("code", "=", input.unitCode)
    .executeTakeFirst();
  if (!target) throw new AppError("UNKNOWN_UNIT", { details: { code: input.unitCode } });
  const workflow = workflowOf(row);
  const i = row.step_index ?? 0;
  const step = stepAt(workflow, i);
  const steps =
    target.active && target.id !== row.current_unit_id
      ? await remoteSteps(tx, row, target.id, step.role)
      : null;
  const calendar = await calendarFor(tx, row.current_unit_id);
  const transition = applyEvent(
    row,
    { type: "transfer", unitCode: target.code },
    now,
    calendar,
    () => steps !== null,
  );
  const remote = steps as StepRecord[];
  // The receiving unit shares the working time the step had here (at least one working hour).
  const stepStart = i > 0 ? dueOf(row, i - 1) : countingStart(calendar, ms(row.received_at) ?? now.getTime());
  const allotted = Math.max(HOUR_MS, workingTimeBetween(calendar, stepStart, dueOf(row, i)));
  const remoteCalendar = await calendarFor(tx, target.id);
  const dues = splitDues(remoteCalendar, now.getTime(), allotted, remote);
  const withDues: RemoteStep[] = remote.map((s, j) => ({ ...s, due: dues[j] as number }));
  const transfer = await tx
    .insertInto("dossier_transfers")
    .values({
      dossier_id: row.id,
      from_unit_id: row.current_unit_id,
      to_unit_id: target.id,
      step_index: i,
      reason: input.reason,
      steps: JSON.stringify(withDues),
      status: "open",
      sent_at: now,
      sent_by: principal.staffId,
      due_at: new Date(dues[dues.length - 1] as number),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const { row: saved, forms } = await commitTransition(
    ctx,
    row,
    transition,
    { current_unit_id: target.id },
    {
      action: "transfer",
      fromStatus: row.status,
      detail: { transferId: transfer.id, to: target.code, toName: target.name, reason: input.reason },
    },
    {
      forms: {
        transfer_slip: {
          transfer: {
            toBody: bodyName(target.name),
            request: input.reason,
            due: dues[dues.length - 1] as number,
          },
        },
      },
    },
  );
  await closeOpenTask(tx, row.id, { now, by: principal.staffId, outcome: "transferred" });
  const first = withDues[0] as RemoteStep;
  await openTask(tx, {
    dossierId: row.id,
    unitId: target.id,
    stepIndex: task.step_index,
    subIndex: 0,
    role: first.role,
    name: first.nameVi,
    dueAt: first.due,
    transferId: transfer.id,
    now,
  });
  return { row: saved, formId: forms.transfer_slip ?? null };
}

/** The open transfer the caller's task (authorized by taskForCaller) belongs to. */
async function remoteContext(ctx: ActionContext, row: DossierRow, task: TaskRow) {
  const transfer = await openTransferOf(ctx.tx, row.id);
  if (!transfer || task.transfer_id !== transfer.id || task.sub_index === null) {
    throw new AppError("WORKFLOW_MISMATCH", { details: { status: row.status } });
  }
  return { transfer, steps: transfer.steps as RemoteStep[], j: task.sub_index };
}

/** Within the receiving unit: to its next own step. */
export async function remoteForward(
  ctx: ActionContext,
  row: DossierRow,
  task: TaskRow,
  input: z.infer<typeof ForwardInput>,
) {
  const { tx, now, principal } = ctx;
  const { transfer, steps, j } = await remoteContext(ctx, row, task);
  const next = steps[j + 1];
  if (!next) throw new AppError("NO_NEXT_STEP", { details: { transferStep: j } });
  if (input.assigneeId) await checkAssignee(tx, input.assigneeId, transfer.to_unit_id, next.role);
  const saved = await saveDossier(
    ctx,
    row,
    {},
    {
      action: "forward",
      fromStatus: row.status,
      unitId: transfer.to_unit_id,
      detail: { transferId: transfer.id, from: j, to: j + 1, note: input.note ?? null },
    },
  );
  await closeOpenTask(tx, row.id, { now, by: principal.staffId, outcome: "forwarded" });
  await openTask(tx, {
    dossierId: row.id,
    unitId: transfer.to_unit_id,
    stepIndex: task.step_index,
    subIndex: j + 1,
    role: next.role,
    name: next.nameVi,
    dueAt: next.due,
    assigneeId: input.assigneeId ?? null,
    transferId: transfer.id,
    now,
  });
  return saved;
}

/** Within the receiving unit: back to its previous own step, where the step allows it. */
export async function remoteSendBack(ctx: ActionContext, row: DossierRow, task: TaskRow, reason: string) {
  const { tx, now, principal } = ctx;
  const { transfer, steps, j } = await remoteContext(ctx, row, task);
  const prev = steps[j - 1];
  if (!prev || !steps[j]?.canSendBack)
    throw new AppError("SEND_BACK_NOT_ALLOWED", { details: { transferStep: j } });
  const saved = await saveDossier(
    ctx,
    row,
    {},
    {
      action: "send_back",
      fromStatus: row.status,
      unitId: transfer.to_unit_id,
      detail: { transferId: transfer.id, from: j, to: j - 1, reason },
    },
  );
  await closeOpenTask(tx, row.id, { now, by: principal.staffId, outcome: "sent_back" });
  await openTask(tx, {
    dossierId: row.id,
    unitId: transfer.to_unit_id,
    stepIndex: task.step_index,
    subIndex: j - 1,
    role: prev.role,
    name: prev.nameVi,
    dueAt: prev.due,
    assigneeId: await lastHolder(tx, row.id, transfer.to_unit_id, task.step_index, j - 1),
    transferId: transfer.id,
    now,
  });
  return saved;
}

/** The receiving unit's last step hands the dossier back to the unit that sent it. */
export async function transferReturn(
  ctx: ActionContext,
  id: string,
  input: z.infer<typeof TransferReturnInput>,
) {
  // Whoever works the open step (at the receiving unit) hands it back; the dossier's state is checked after.
  const { row, auth } = await loadForAction(ctx, id, input.version, (r) => taskForCaller(ctx, r));
  const { tx, now, principal } = ctx;
  if (row.status !== "awaiting_other_unit") {
    throw new AppError("EVENT_NOT_ALLOWED", { details: { status: row.status, event: "transfer_return" } });
  }
  const { task } = auth;
  const { transfer, steps, j } = await remoteContext(ctx, row, task);
  if (j !== steps.length - 1) throw new AppError("TRANSFER_STEP_NOT_LAST", { details: { transferStep: j } });
  if (input.outcome !== "continue" && task.role !== "leader") {
    throw new AppError("NOT_A_DECISION_STEP", { details: { role: task.role } });
  }
  const workflow = workflowOf(row);
  const i = transfer.step_index;
  if (input.outcome === "continue" && workflow[i + 1]?.role === "clerk") throw new AppError("DECIDE_FIRST");
  const calendar = await calendarFor(tx, transfer.from_unit_id);
  const reason = input.reason ?? undefined;
  const transition = applyEvent(
    row,
    { type: "transfer_return", outcome: input.outcome, ...(reason ? { reason } : {}) },
    now,
    calendar,
  );
  const { row: saved, forms } = await commitTransition(
    ctx,
    row,
    transition,
    {
      current_unit_id: transfer.from_unit_id,
      ...(input.outcome === "rejected" ? { reason: reason ?? null } : {}),
      // The other body decided the matter: it is the resolving authority (NĐ 118/2025 art. 28). The dossier
      // keeps the code it was given at reception; the resolving authority is recorded beside it.
      ...(input.outcome !== "continue"
        ? { resolving_agency_code: await unitCode(ctx, transfer.to_unit_id) }
        : {}),
    },
    {
      action: "transfer_return",
      fromStatus: row.status,
      unitId: transfer.to_unit_id,
      stepIndex: i,
      detail: {
        transferId: transfer.id,
        outcome: input.outcome,
        reason: reason ?? null,
        note: input.note ?? null,
      },
    },
  );
  await tx
    .updateTable("dossier_transfers")
    .set({
      status: "returned",
      outcome: input.outcome,
      return_reason: reason ?? null,
      returned_at: now,
      returned_by: principal.staffId,
    })
    .where("id", "=", transfer.id)
    .execute();
  await closeOpenTask(tx, row.id, { now, by: principal.staffId, outcome: `returned_${input.outcome}` });
  if (input.outcome === "continue") {
    const next = stepAt(workflow, i + 1);
    await openTask(tx, {
      dossierId: row.id,
      unitId: transfer.from_unit_id,
      stepIndex: i + 1,
      role: next.role,
      name: next.nameVi,
      dueAt: dueOf(row, i + 1),
      assigneeId: await lastHolder(tx, row.id, transfer.from_unit_id, i + 1, null),
      now,
    });
  } else if (input.outcome === "approved") {
    await openResultTask(ctx, saved, i, transfer.from_unit_id, null);
  }
  return { row: saved, formId: forms.refusal ?? null };
}

/** A dossier stopped or withdrawn while at another unit: the transfer ends without an outcome. */
async function unitCode(ctx: ActionContext, unitId: string): Promise<string> {
  const unit = await ctx.tx
    .selectFrom("units")
    .select("code")
    .where("id", "=", unitId)
    .executeTakeFirstOrThrow();
  return unit.code;
}

export async function endOpenTransfer(ctx: ActionContext, dossierId: string): Promise<void> {
  await ctx.tx
    .updateTable("dossier_transfers")
    .set({ status: "returned", returned_at: ctx.now, returned_by: ctx.principal.staffId })
    .where("dossier_id", "=", dossierId)
    .where("status", "=", "open")
    .execute();
}
