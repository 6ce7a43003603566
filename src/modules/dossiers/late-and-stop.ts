/**
 * Late, stopped, withdrawn and returned dossiers.
 * - Apology (form 04): the processing body's leader, once, with a new appointment; the dossier stays counted late.
 *   "At least one day before the due date" (NĐ 118/2025 art. 19(6)) decides whether it was issued on time; once
 *   the due date has passed the apology is still owed and is recorded as issued late.
 * - Stop (form 05, 2025 set): the resolving body's leader stops an accepted dossier, e.g. at the applicant's
 *   request (NĐ 118/2025 art. 21).
 * - Withdrawal: the applicant takes the dossier back at the desk before the result.
 * - Return: at the counter (who signed, and the captured signature), by post (tracking number) or online.
 */
import type { z } from "zod";
import type {
  ApologyInput,
  ExtendInput,
  ReturnInput,
  StopInput,
  WithdrawInput,
} from "../../contracts/dossiers.ts";
import { processingTimeFor } from "../../domain/catalog/procedure-schema.ts";
import type { DossierEvent } from "../../domain/dossier/index.ts";
import { AppError } from "../../errors.ts";
import { can } from "../auth/policy.ts";
import { calendarFor } from "../calendar/calendar-for.ts";
import { documentOf } from "../catalog/queries.ts";
import { acts, unitInfo } from "./access.ts";
import { commitTransition } from "./commit.ts";
import { type ActionContext, applyEvent } from "./engine.ts";
import { actsAtReceivingUnit, loadForAction, taskForCaller } from "./load.ts";
import { checkUploads, linkFiles } from "./papers.ts";
import { extensionOf } from "./procedure-terms.ts";
import { ms } from "./state.ts";
import { closePause } from "./supplement.ts";
import { closeOpenTask } from "./tasks.ts";
import { endOpenTransfer } from "./transfer-dossier.ts";

export async function apologise(ctx: ActionContext, id: string, input: z.infer<typeof ApologyInput>) {
  const { tx, now, principal } = ctx;
  // A leader of the unit that received the dossier or of the one that holds it now.
  const { row } = await loadForAction(ctx, id, input.version, async (r) => {
    const received = await unitInfo(tx, r.received_unit_id);
    const current = await unitInfo(tx, r.current_unit_id);
    if (!acts(principal, "leader", received) && !acts(principal, "leader", current)) {
      throw new AppError("FORBIDDEN", { details: { action: "dossier.approve", role: "leader" } });
    }
  });
  const calendar = await calendarFor(tx, row.received_unit_id);
  const newAppointment = Date.parse(input.newAppointment);
  const event = { type: "apologise_and_reschedule", reason: input.reason, newAppointment } as const;
  const transition = applyEvent(row, event, now, calendar);
  const { row: saved, forms } = await commitTransition(
    ctx,
    row,
    transition,
    { apology_reason: input.reason, apology_at: now },
    {
      action: "apologise",
      fromStatus: row.status,
      detail: {
        reason: input.reason,
        newAppointment,
        due: transition.state.due,
        onTime: transition.state.apologyOnTime,
      },
    },
    { forms: { apology: { documentNumber: input.documentNumber ?? null } } },
  );
  return { row: saved, formId: forms.apology ?? null };
}

export async function stopDossier(ctx: ActionContext, id: string, input: z.infer<typeof StopInput>) {
  const { row } = await loadForAction(ctx, id, input.version, actsAtReceivingUnit(ctx, "leader"));
  const { tx, now, principal } = ctx;
  const calendar = await calendarFor(tx, row.received_unit_id);
  const transition = applyEvent(row, { type: "stop", reason: input.reason }, now, calendar);
  const { row: saved, forms } = await commitTransition(
    ctx,
    row,
    transition,
    {
      reason: input.reason,
      current_unit_id: row.received_unit_id,
      paused_intervals: closePause(row, now),
    },
    { action: "stop", fromStatus: row.status, detail: { reason: input.reason, basis: input.basis } },
    {
      forms: {
        stop_notice: {
          basis: input.basis,
          fees: input.fees ?? null,
          documentNumber: input.documentNumber ?? null,
        },
      },
    },
  );
  await closeOpenTask(tx, row.id, { now, by: principal.staffId, outcome: "stopped" });
  await endOpenTransfer(ctx, row.id);
  return { row: saved, formId: forms.stop_notice ?? null };
}

export async function withdraw(ctx: ActionContext, id: string, input: z.infer<typeof WithdrawInput>) {
  const { row } = await loadForAction(ctx, id, input.version, actsAtReceivingUnit(ctx, "reception"));
  const { tx, now, principal } = ctx;
  const calendar = await calendarFor(tx, row.received_unit_id);
  const reason = input.reason ?? undefined;
  const transition = applyEvent(row, { type: "withdraw", ...(reason ? { reason } : {}) }, now, calendar);
  const { row: saved } = await commitTransition(
    ctx,
    row,
    transition,
    {
      reason: reason ?? null,
      current_unit_id: row.received_unit_id,
      paused_intervals: closePause(row, now),
    },
    {
      action: "withdraw",
      fromStatus: row.status,
      unitId: row.received_unit_id,
      detail: { reason: reason ?? null },
    },
  );
  await closeOpenTask(tx, row.id, { now, by: principal.staffId, outcome: "withdrawn" });
  await endOpenTransfer(ctx, row.id);
  return saved;
}

export async function returnResult(ctx: ActionContext, id: string, input: z.infer<typeof ReturnInput>) {
  const { tx, now, principal } = ctx;
  const { row, auth: unit } = await loadForAction(ctx, id, input.version, async (r) => {
    const received = await actsAtReceivingUnit(ctx, "reception")(r);
    if (!can(principal, "dossier.return", received))
      throw new AppError("FORBIDDEN", { details: { action: "dossier.return" } });
    return received;
  });
  const signatureFileId = input.method === "counter" ? (input.signatureFileId ?? null) : null;
  if (signatureFileId) await checkUploads(tx, unit.id, [signatureFileId]);
  const event: DossierEvent =
    input.method === "counter"
      ? { type: "return_at_counter", signedBy: input.signedBy }
      : input.method === "post"
        ? { type: "hand_to_post", trackingNumber: input.trackingNumber }
        : { type: "publish_online" };
  const calendar = await calendarFor(tx, unit.id);
  const transition = applyEvent(row, event, now, calendar);
  const reference =
    input.method === "counter" ? input.signedBy : input.method === "post" ? input.trackingNumber : null;
  const { row: saved } = await commitTransition(
    ctx,
    row,
    transition,
    {
      returned_method: input.method,
      returned_at: now,
      return_reference: reference,
      return_signature_file_id: signatureFileId,
    },
    {
      action: "return",
      fromStatus: row.status,
      unitId: unit.id,
      detail: { method: input.method, reference },
    },
  );
  if (signatureFileId) await linkFiles(tx, row.id, [signatureFileId], "signature");
  return saved;
}

/**
 * The legal extension during processing (item 2 of issue 13): the procedure's longer time for verification, applied
 * by whoever holds the open step (or a leader of the unit), before the due date, with the reason. The due instant
 * moves, the dossier is not late for it, a new appointment slip (form 01 with the new date) is issued and the
 * applicant is told; the audit entry names who applied it.
 */
export async function extendDossier(ctx: ActionContext, id: string, input: z.infer<typeof ExtendInput>) {
  const { row } = await loadForAction(ctx, id, input.version, (r) => taskForCaller(ctx, r));
  const { tx, now } = ctx;
  const version = await tx
    .selectFrom("procedure_versions")
    .select("document")
    .where("id", "=", row.procedure_version_id)
    .executeTakeFirstOrThrow();
  const calendar = await calendarFor(tx, row.received_unit_id);
  const processing = processingTimeFor(documentOf(version), row.case_id);
  const from = row.counted_from ?? row.received_at ?? now;
  const extension = extensionOf(processing, calendar, new Date(from), input.reason);
  const transition = applyEvent(row, { type: "extend", extension }, now, calendar);
  const { row: saved, forms } = await commitTransition(
    ctx,
    row,
    transition,
    {},
    {
      action: "extend",
      fromStatus: row.status,
      detail: {
        reason: input.reason,
        previousDue: ms(row.due_at),
        due: transition.state.due,
        total: extension.total,
      },
    },
  );
  return { row: saved, formId: forms.receipt ?? null };
}
