/**
 * Processing by the steps of the workflow the dossier was filed under: forward to the next step, send back where
 * the step allows it, approve or reject at the leader's step, record the result, and the inbox moves (claim,
 * assign, reassign). While the dossier is at another unit (transfer) forward and send back move between that
 * unit's own steps (transfer-dossier.ts).
 */
import type { z } from "zod";
import type {
  ApproveInput,
  AssignInput,
  ForwardInput,
  ReasonInput,
  ResultInput,
  VersionInput,
} from "../../contracts/dossiers.ts";
import { AppError } from "../../errors.ts";
import { calendarFor } from "../calendar/calendar-for.ts";
import { assertActs, unitInfo } from "./access.ts";
import { commitTransition } from "./commit.ts";
import { type ActionContext, applyEvent, saveDossier } from "./engine.ts";
import { dueOf, leaderAtTask, loadForAction, openResultTask, stepAt, taskForCaller } from "./load.ts";
import { checkUploads, linkFiles } from "./papers.ts";
import { workflowOf } from "./state.ts";
import { checkAssignee, closeOpenTask, lastHolder, openTask, openTaskOf } from "./tasks.ts";
import { remoteForward, remoteSendBack } from "./transfer-dossier.ts";

export async function forward(ctx: ActionContext, id: string, input: z.infer<typeof ForwardInput>) {
  // At another unit (transfer) the same check: the caller works the open step there.
  const { row, auth } = await loadForAction(ctx, id, input.version, (r) => taskForCaller(ctx, r));
  if (row.status === "awaiting_other_unit") return remoteForward(ctx, row, auth.task, input);
  const { tx, now, principal } = ctx;
  const { task } = auth;
  const workflow = workflowOf(row);
  const from = row.step_index ?? 0;
  const next = workflow[from + 1];
  if (next?.role === "clerk") throw new AppError("DECIDE_FIRST");
  const calendar = await calendarFor(tx, row.current_unit_id);
  const transition = applyEvent(row, { type: "forward" }, now, calendar);
  const to = stepAt(workflow, from + 1);
  if (input.assigneeId) await checkAssignee(tx, input.assigneeId, row.current_unit_id, to.role);
  const draft = input.resultDraftFileId ?? null;
  if (draft) await checkDraft(ctx, task.unit_id, draft);
  const { row: saved } = await commitTransition(
    ctx,
    row,
    transition,
    {
      ...(from === 0 && row.forwarded_at === null ? { forwarded_at: now } : {}),
      ...(draft ? { result_draft_file_id: draft } : {}),
    },
    {
      action: "forward",
      fromStatus: row.status,
      detail: {
        from,
        to: from + 1,
        note: input.note ?? null,
        ...(draft ? { resultDraftFileId: draft } : {}),
      },
    },
  );
  if (draft) await linkFiles(tx, row.id, [draft], "result_draft");
  await closeOpenTask(tx, row.id, { now, by: principal.staffId, outcome: "forwarded" });
  await openTask(tx, {
    dossierId: row.id,
    unitId: task.unit_id,
    stepIndex: from + 1,
    role: to.role,
    name: to.nameVi,
    dueAt: dueOf(row, from + 1),
    assigneeId: input.assigneeId ?? null,
    now,
  });
  return saved;
}

/** The drafted result is a PDF uploaded by the unit (the leader signs it with PAdES, which only takes PDFs). */
async function checkDraft(ctx: ActionContext, unitId: string, fileId: string): Promise<void> {
  await checkUploads(ctx.tx, unitId, [fileId]);
  const file = await ctx.tx
    .selectFrom("files")
    .select("mime")
    .where("id", "=", fileId)
    .executeTakeFirstOrThrow();
  if (file.mime !== "application/pdf") {
    throw new AppError("DOSSIER_FILE_INVALID", { details: { fileIds: [fileId], reason: "not_pdf" } });
  }
}

export async function sendBack(ctx: ActionContext, id: string, input: z.infer<typeof ReasonInput>) {
  const { row, auth } = await loadForAction(ctx, id, input.version, (r) => taskForCaller(ctx, r));
  if (row.status === "awaiting_other_unit") return remoteSendBack(ctx, row, auth.task, input.reason);
  const { tx, now, principal } = ctx;
  const { task } = auth;
  const calendar = await calendarFor(tx, row.current_unit_id);
  const transition = applyEvent(row, { type: "send_back", reason: input.reason }, now, calendar);
  const from = row.step_index ?? 0;
  const to = stepAt(workflowOf(row), from - 1);
  const { row: saved } = await commitTransition(
    ctx,
    row,
    transition,
    {},
    {
      action: "send_back",
      fromStatus: row.status,
      detail: { from, to: from - 1, reason: input.reason },
    },
  );
  await closeOpenTask(tx, row.id, { now, by: principal.staffId, outcome: "sent_back" });
  await openTask(tx, {
    dossierId: row.id,
    unitId: task.unit_id,
    stepIndex: from - 1,
    role: to.role,
    name: to.nameVi,
    dueAt: dueOf(row, from - 1),
    assigneeId: await lastHolder(tx, row.id, task.unit_id, from - 1, null),
    now,
  });
  return saved;
}

/** What signing the drafted result adds to the approval (sign-result.ts): the signed file and who signed. */
export interface SignedApproval {
  fileId: string;
  signer: string;
  signedOn: string;
  audit: Record<string, unknown>;
}

export async function approve(
  ctx: ActionContext,
  id: string,
  input: z.infer<typeof ApproveInput>,
  signed?: SignedApproval,
) {
  const { row, auth } = await loadForAction(ctx, id, input.version, (r) => leaderAtTask(ctx, r));
  const { tx, now, principal } = ctx;
  const { task } = auth;
  const calendar = await calendarFor(tx, row.current_unit_id);
  const transition = applyEvent(row, { type: "approve" }, now, calendar);
  const { row: saved } = await commitTransition(
    ctx,
    row,
    transition,
    signed
      ? {
          result_file_id: signed.fileId,
          result_signer: signed.signer,
          result_signed_on: signed.signedOn,
          result_signed_at: now,
        }
      : {},
    {
      action: "approve",
      fromStatus: row.status,
      detail: { note: input.note ?? null, ...(signed ? { signed: signed.audit } : {}) },
    },
  );
  if (signed) await linkFiles(tx, row.id, [signed.fileId], "result");
  await closeOpenTask(tx, row.id, { now, by: principal.staffId, outcome: "approved" });
  await openResultTask(ctx, saved, row.step_index ?? 0, task.unit_id, principal.staffId);
  return saved;
}

export async function reject(ctx: ActionContext, id: string, input: z.infer<typeof ReasonInput>) {
  const { row } = await loadForAction(ctx, id, input.version, (r) => leaderAtTask(ctx, r));
  const { tx, now, principal } = ctx;
  const calendar = await calendarFor(tx, row.current_unit_id);
  const transition = applyEvent(row, { type: "reject", reason: input.reason }, now, calendar);
  const { row: saved, forms } = await commitTransition(
    ctx,
    row,
    transition,
    { reason: input.reason },
    { action: "reject", fromStatus: row.status, detail: { reason: input.reason } },
  );
  await closeOpenTask(tx, row.id, { now, by: principal.staffId, outcome: "rejected" });
  // The written refusal (form 03, NĐ 118/2025 art. 19(3)) is the action's form.
  return { row: saved, formId: forms.refusal ?? null };
}

export async function recordResult(ctx: ActionContext, id: string, input: z.infer<typeof ResultInput>) {
  const { row, auth } = await loadForAction(ctx, id, input.version, (r) => taskForCaller(ctx, r));
  const { tx, now, principal } = ctx;
  const { unit } = auth;
  const fileId = input.fileId ?? row.result_file_id;
  if (input.fileId) await checkUploads(tx, unit.id, [input.fileId]);
  const calendar = await calendarFor(tx, row.current_unit_id);
  const result = { number: input.number, signedOn: input.signedOn, signer: input.signer, fileId };
  const transition = applyEvent(row, { type: "record_result", result }, now, calendar);
  const { row: saved } = await commitTransition(
    ctx,
    row,
    transition,
    {
      result_number: input.number,
      result_signed_on: input.signedOn,
      result_signer: input.signer,
      result_file_id: fileId,
      result_recorded_at: now,
    },
    {
      action: "record_result",
      fromStatus: row.status,
      detail: { number: input.number, signedOn: input.signedOn },
    },
  );
  if (fileId) await linkFiles(tx, row.id, [fileId], "result");
  await closeOpenTask(tx, row.id, { now, by: principal.staffId, outcome: "result_recorded" });
  return saved;
}

/** Take an unassigned step from the role's inbox. */
export async function claim(ctx: ActionContext, id: string, input: z.infer<typeof VersionInput>) {
  const { row, auth } = await loadForAction(ctx, id, input.version, (r) => taskForCaller(ctx, r));
  const { task } = auth;
  if (task.assignee_id === ctx.principal.staffId) return row;
  if (task.assignee_id !== null)
    throw new AppError("TASK_TAKEN", { details: { assigneeId: task.assignee_id } });
  await ctx.tx
    .updateTable("dossier_tasks")
    .set({ assignee_id: ctx.principal.staffId })
    .where("id", "=", task.id)
    .execute();
  return saveDossier(
    ctx,
    row,
    {},
    {
      action: "claim",
      fromStatus: row.status,
      unitId: task.unit_id,
      detail: { taskId: task.id },
    },
  );
}

/** A leader of the unit gives (or gives again) the open step to an officer with its role. */
export async function assign(ctx: ActionContext, id: string, input: z.infer<typeof AssignInput>) {
  const { tx } = ctx;
  const { row, auth: task } = await loadForAction(ctx, id, input.version, async (r) => {
    const open = await openTaskOf(tx, r.id);
    if (!open) throw new AppError("EVENT_NOT_ALLOWED", { details: { status: r.status } });
    assertActs(ctx.principal, "leader", await unitInfo(tx, open.unit_id));
    return open;
  });
  await checkAssignee(tx, input.assigneeId, task.unit_id, task.role);
  await tx
    .updateTable("dossier_tasks")
    .set({ assignee_id: input.assigneeId })
    .where("id", "=", task.id)
    .execute();
  return saveDossier(
    ctx,
    row,
    {},
    {
      action: task.assignee_id === null ? "assign" : "reassign",
      fromStatus: row.status,
      unitId: task.unit_id,
      detail: { taskId: task.id, from: task.assignee_id, to: input.assigneeId },
    },
  );
}
