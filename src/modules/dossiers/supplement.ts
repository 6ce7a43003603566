/**
 * Supplements. Before acceptance the desk asks (receive-dossier.ts); after acceptance the processing body asks,
 * through the desk, within 3 working days of receipt, once, for everything at once (form 02): the clock stops.
 * When the applicant brings the papers to the desk the processing time restarts from zero (NĐ 118/2025
 * art. 19(5)) — new step due instants, a new receipt with the new appointment — and the dossier goes back to the
 * step that asked. Not completed within 15 days of the request, the dossier is closed.
 */
import type { z } from "zod";
import type {
  RequestSupplementInput,
  SupplementReceivedInput,
  VersionInput,
} from "../../contracts/dossiers.ts";
import { countingStart, type WorkingCalendar, workingTimeBetween } from "../../domain/calendar/index.ts";
import type { DossierState } from "../../domain/dossier/index.ts";
import { AppError } from "../../errors.ts";
import { calendarFor } from "../calendar/calendar-for.ts";
import { commitTransition } from "./commit.ts";
import { type ActionContext, applyEvent } from "./engine.ts";
import { actsAtReceivingUnit, loadForAction, stepAt, taskForCaller } from "./load.ts";
import { addComponents } from "./papers.ts";
import { type DossierRow, stepIndexOf, workflowOf } from "./state.ts";
import { closeOpenTask, lastHolder, openTask, splitDues } from "./tasks.ts";

type Interval = { from: number; to: number | null };

function pauses(row: DossierRow): Interval[] {
  return [...(row.paused_intervals as Interval[])];
}

/** The pause intervals with the open one closed at `now`. */
export function closePause(row: DossierRow, now: Date): string {
  return JSON.stringify(pauses(row).map((p) => (p.to === null ? { ...p, to: now.getTime() } : p)));
}

/**
 * The supplement came: processing restarts from zero (NĐ 118/2025 art. 19(5)), so the steps from
 * the one that asked share the whole processing time again; the last due instant is the machine's new due.
 */
export function restartedDues(calendar: WorkingCalendar, row: DossierRow, state: DossierState, now: Date) {
  const stepIndex = stepIndexOf(state) ?? 0;
  const workflow = workflowOf(row);
  const start = countingStart(calendar, now.getTime());
  const workingMs = Math.max(0, workingTimeBetween(calendar, start, state.due as number));
  const fresh = splitDues(calendar, start, workingMs, workflow.slice(stepIndex));
  const dues = [...(row.step_dues as number[]).slice(0, stepIndex), ...fresh];
  dues[dues.length - 1] = state.due as number;
  return { stepIndex, workflow, dues };
}

/** The processing step asks the applicant, through the desk, for what is missing. */
export async function requestCitizenSupplement(
  ctx: ActionContext,
  id: string,
  input: z.infer<typeof RequestSupplementInput>,
) {
  const { row } = await loadForAction(ctx, id, input.version, (r) => taskForCaller(ctx, r));
  const { tx, now, principal } = ctx;
  const calendar = await calendarFor(tx, row.received_unit_id);
  const event = { type: "request_citizen_supplement", items: input.items } as const;
  const transition = applyEvent(row, event, now, calendar);
  const { row: saved, forms } = await commitTransition(
    ctx,
    row,
    transition,
    {
      paused_intervals: JSON.stringify([...pauses(row), { from: now.getTime(), to: null }]),
    },
    { action: "request_citizen_supplement", fromStatus: row.status, detail: { items: input.items } },
  );
  await closeOpenTask(tx, row.id, { now, by: principal.staffId, outcome: "supplement_requested" });
  return { row: saved, formId: forms.supplement_request ?? null };
}

/** The applicant brings the missing papers to the desk. */
export async function supplementReceived(
  ctx: ActionContext,
  id: string,
  input: z.infer<typeof SupplementReceivedInput>,
) {
  const { row, auth: unit } = await loadForAction(
    ctx,
    id,
    input.version,
    actsAtReceivingUnit(ctx, "reception"),
  );
  const { tx, now, principal } = ctx;
  const calendar = await calendarFor(tx, unit.id);
  const transition = applyEvent(row, { type: "supplement_received" }, now, calendar);
  await addComponents(tx, {
    dossierId: row.id,
    unitId: unit.id,
    components: input.components,
    supplement: true,
    by: principal.staffId,
    now,
  });
  const detail = { components: input.components.map((c) => c.name), note: input.note ?? null };
  if (row.received_at === null) {
    const { row: saved } = await commitTransition(
      ctx,
      row,
      transition,
      {},
      {
        action: "supplement_received",
        fromStatus: row.status,
        unitId: unit.id,
        detail,
      },
    );
    return { row: saved, formId: null };
  }
  const { stepIndex: i, workflow, dues } = restartedDues(calendar, row, transition.state, now);
  const { row: saved, forms } = await commitTransition(
    ctx,
    row,
    transition,
    { step_dues: JSON.stringify(dues), paused_intervals: closePause(row, now) },
    {
      action: "supplement_received",
      fromStatus: row.status,
      unitId: unit.id,
      detail: { ...detail, due: transition.state.due },
    },
  );
  const step = stepAt(workflow, i);
  await openTask(tx, {
    dossierId: row.id,
    unitId: unit.id,
    stepIndex: i,
    role: step.role,
    name: step.nameVi,
    dueAt: dues[i] as number,
    assigneeId: await lastHolder(tx, row.id, unit.id, i, null),
    now,
  });
  return { row: saved, formId: forms.receipt ?? null };
}

/** The 15 days after a supplement request ran out: the desk closes the dossier. */
export async function closeIncomplete(ctx: ActionContext, id: string, input: z.infer<typeof VersionInput>) {
  const { row, auth: unit } = await loadForAction(
    ctx,
    id,
    input.version,
    actsAtReceivingUnit(ctx, "reception"),
  );
  const { tx, now } = ctx;
  const calendar = await calendarFor(tx, unit.id);
  const transition = applyEvent(row, { type: "close_incomplete" }, now, calendar);
  if (transition.state.status !== "closed_incomplete") throw new AppError("INVALID_STATE");
  return (
    await commitTransition(
      ctx,
      row,
      transition,
      { paused_intervals: closePause(row, now) },
      { action: "close_incomplete", fromStatus: row.status, unitId: unit.id },
    )
  ).row;
}
