/**
 * Reception at the desk (NĐ 61/2018 art. 16–18; NĐ 118/2025 art. 18–19): the officer records the applicant and
 * the papers, then accepts (code, due instant, receipt — form 01), asks for everything missing at once (form 02),
 * or refuses (form 03). A dossier asked for supplements before acceptance comes back to the desk later
 * (supplement-received), and is then accepted or refused.
 */
import type { z } from "zod";
import type { ReceivedComponentInput, ReceiveInput, ReceptionDecision } from "../../contracts/dossiers.ts";
import type { StepRecord } from "../../db/tables/dossiers.ts";
import { countingStart, workingTimeBetween } from "../../domain/calendar/index.ts";
import { applyLocal } from "../../domain/catalog/local.ts";
import { type Procedure, processingTimeFor } from "../../domain/catalog/procedure-schema.ts";
import { newDossier } from "../../domain/dossier/index.ts";
import { AppError } from "../../errors.ts";
import { calendarFor } from "../calendar/calendar-for.ts";
import { documentOf, findOffering, findProcedure, procedureVersionAt } from "../catalog/queries.ts";
import { parseLocal } from "../catalog/service.ts";
import { assertActs, unitInfo } from "./access.ts";
import { commitTransition } from "./commit.ts";
import { type ActionContext, applyEvent } from "./engine.ts";
import { actsAtReceivingUnit, loadForAction } from "./load.ts";
import { addComponents, replaceComponents } from "./papers.ts";
import { durationFor, extensionOf, feeFor, processingTimeText } from "./procedure-terms.ts";
import { hashLookupSecret, newLookupSecret } from "./secret.ts";
import { columnsOf, type DossierRow, workflowOf } from "./state.ts";
import { openTask, splitDues } from "./tasks.ts";

export interface ReceptionOutcome {
  dossierId: string;
  /** The lookup secret, in clear this once (accepted dossiers). */
  secret: string | null;
  receiptFormId: string | null;
  formId: string | null;
}

/** The procedure as it applies at the unit on the reception day, or PROCEDURE_NOT_OFFERED. */
async function procedureAtUnit(ctx: ActionContext, ref: string, unitId: string) {
  const { tx, now } = ctx;
  const procedure = await findProcedure(tx, ref);
  const version = procedure ? await procedureVersionAt(tx, procedure.id, now) : undefined;
  const offering = procedure ? await findOffering(tx, unitId, procedure.id) : undefined;
  if (!procedure || !version || !offering?.active) {
    throw new AppError("PROCEDURE_NOT_OFFERED", { details: { procedure: ref } });
  }
  const document = applyLocal(documentOf(version), parseLocal(offering.local));
  return { procedure, version, document };
}

function checkCase(document: Procedure, caseId: string | null): void {
  if (caseId !== null && !document.cases.some((c) => c.id === caseId)) {
    throw new AppError("UNKNOWN_CASE", { details: { case: caseId, cases: document.cases.map((c) => c.id) } });
  }
}

export async function receiveDossier(ctx: ActionContext, input: ReceiveInput): Promise<ReceptionOutcome> {
  const { tx, principal, now } = ctx;
  const unit = await unitInfo(tx, principal.unitId);
  assertActs(principal, "reception", unit);
  const { procedure, version, document } = await procedureAtUnit(ctx, input.procedure, unit.id);
  const caseId = input.caseId ?? null;
  checkCase(document, caseId);
  const limit = processingTimeFor(document, caseId).standard;
  const workflow: StepRecord[] = document.workflow.map((s) => ({ ...s }));
  const a = input.applicant;
  const applicant = {
    kind: a.kind,
    name: a.name,
    identityNumber: a.identityNumber,
    address: {
      detail: a.address.detail,
      commune: a.address.commune,
      district: a.address.district ?? null,
      province: a.address.province,
    },
    phone: a.phone ?? null,
    email: a.email ?? null,
    representative: a.representative ? { ...a.representative, phone: a.representative.phone ?? null } : null,
  };
  const state = newDossier(input.channel ?? "counter", now.getTime());
  const row = await tx
    .insertInto("dossiers")
    .values({
      received_unit_id: unit.id,
      current_unit_id: unit.id,
      procedure_id: procedure.id,
      procedure_version_id: version.id,
      procedure_name: version.name,
      case_id: caseId,
      workflow: JSON.stringify(workflow),
      channel: state.channel,
      applicant_kind: a.kind,
      applicant_name: a.name,
      applicant_identity: a.identityNumber,
      applicant: JSON.stringify(applicant),
      sets: input.sets ?? 1,
      return_method: input.returnMethod ?? "counter",
      delivery_address: input.deliveryAddress ?? null,
      fee_vnd: feeFor(document, { caseId, pages: input.pages, copies: input.copies }),
      processing_time: processingTimeText(limit),
      note: input.note ?? null,
      ...columnsOf(state),
      created_at: now,
      updated_at: now,
      created_by: principal.staffId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await addComponents(tx, {
    dossierId: row.id,
    unitId: unit.id,
    components: input.components,
    supplement: false,
    by: principal.staffId,
    now,
  });
  return decide(ctx, row, input.decision, "receive");
}

type Decision = z.infer<typeof ReceptionDecision>;

/** Accept, ask for supplements or refuse a dossier at the desk. */
export async function decide(
  ctx: ActionContext,
  row: DossierRow,
  decision: Decision,
  action: string,
): Promise<ReceptionOutcome> {
  if (decision.outcome === "accept") return acceptDossier(ctx, row, action, decision.extensionReason);
  const calendar = await calendarFor(ctx.tx, row.received_unit_id);
  const event =
    decision.outcome === "refuse"
      ? ({ type: "refuse", reason: decision.reason } as const)
      : ({ type: "request_supplement", items: decision.items } as const);
  const transition = applyEvent(row, event, ctx.now, calendar);
  const { row: saved, forms } = await commitTransition(
    ctx,
    row,
    transition,
    decision.outcome === "refuse" ? { reason: decision.reason } : {},
    {
      action,
      fromStatus: row.status,
      unitId: row.received_unit_id,
      detail:
        decision.outcome === "refuse"
          ? { outcome: "refuse", reason: decision.reason }
          : { outcome: "request_supplement", items: decision.items },
    },
  );
  const formId = forms[decision.outcome === "refuse" ? "refusal" : "supplement_request"] ?? null;
  return { dossierId: saved.id, secret: null, receiptFormId: null, formId };
}

/**
 * Acceptance: the machine sets the due instant from the unit's calendar; the dossier gets its code (in the same
 * transaction, so the number is never lost or reused), its lookup secret (hashed), the due instant of each step
 * from the shares of the workflow, the desk's first task and the receipt.
 */
export async function acceptDossier(
  ctx: ActionContext,
  row: DossierRow,
  action: string,
  extensionReason?: string,
): Promise<ReceptionOutcome> {
  const { tx, now, principal } = ctx;
  const unit = await unitInfo(tx, row.received_unit_id);
  assertActs(principal, "reception", unit);
  const calendar = await calendarFor(tx, unit.id);
  const version = await tx
    .selectFrom("procedure_versions")
    .select("document")
    .where("id", "=", row.procedure_version_id)
    .executeTakeFirstOrThrow();
  const processing = processingTimeFor(documentOf(version), row.case_id);
  const duration = durationFor(processing.standard, calendar, now.getTime());
  const extension =
    extensionReason === undefined ? undefined : extensionOf(processing, calendar, now, extensionReason);
  const transition = applyEvent(
    row,
    { type: "accept", duration, ...(extension ? { extension } : {}) },
    now,
    calendar,
  );
  const { state } = transition;
  const receivedAt = state.receivedAt as number;
  const workflow = workflowOf(row);
  const dues = splitDues(
    calendar,
    countingStart(calendar, receivedAt),
    Math.max(0, workingTimeBetween(calendar, countingStart(calendar, receivedAt), state.due as number)),
    workflow,
  );
  dues[dues.length - 1] = state.due as number;
  const secret = newLookupSecret();
  const {
    row: saved,
    forms,
    code,
  } = await commitTransition(
    ctx,
    row,
    transition,
    { lookup_hash: hashLookupSecret(row.id, secret), step_dues: JSON.stringify(dues) },
    {
      action,
      fromStatus: row.status,
      unitId: unit.id,
      stepIndex: 0,
      detail: {
        outcome: "accept",
        due: state.due,
        duration: state.duration,
        ...(state.extension ? { extension: state.extension.reason } : {}),
      },
    },
    { lookupSecret: secret },
  );
  const first = workflow[0] as StepRecord;
  await openTask(tx, {
    dossierId: saved.id,
    unitId: unit.id,
    stepIndex: 0,
    role: first.role,
    name: first.nameVi,
    dueAt: dues[0] as number,
    assigneeId: principal.staffId,
    now,
  });
  void code;
  return { dossierId: saved.id, secret, receiptFormId: forms.receipt ?? null, formId: null };
}

/**
 * The desk decides on a dossier it is checking (after a supplement brought before acceptance): accept, ask again
 * or refuse. The checklist of papers may be corrected first.
 */
export async function deskDecision(
  ctx: ActionContext,
  id: string,
  version: number,
  decision: Decision,
  components?: readonly ReceivedComponentInput[],
): Promise<ReceptionOutcome> {
  const { row, auth: unit } = await loadForAction(ctx, id, version, actsAtReceivingUnit(ctx, "reception"));
  if (components && row.received_at === null) {
    await replaceComponents(ctx.tx, {
      dossierId: row.id,
      unitId: unit.id,
      components,
      by: ctx.principal.staffId,
      now: ctx.now,
    });
  }
  return decide(ctx, row, decision, decision.outcome);
}
