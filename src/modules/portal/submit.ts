/**
 * Submission and the citizen's other acts on a filed dossier.
 * - Submit: the answers and uploads must be complete ("check your answers" ready); the machine moves the draft to
 *   submitted_online and names the NĐ 118/2025 instants (staff alerted within 2 hours, accepted or returned within
 *   8 working hours); the uploads become the dossier's components; the citizen gets a reference.
 * - Supplement answer: the uploads and note made for a pending request are attached and the machine records the
 *   supplement — before acceptance the dossier goes back to the desk (a new acceptance window); after acceptance
 *   the processing time restarts from zero at the step that asked (NĐ 118/2025 art. 19(5)).
 * - Withdrawal before the result (the machine's withdraw event).
 */
import { randomInt } from "node:crypto";
import type { z } from "zod";
import type { AnswerSupplementInput, CitizenWithdrawInput } from "../../contracts/portal-dossiers.ts";
import type { Tx } from "../../db/database.ts";
import { addWorkingHours, formatLocalDate, localDayOf } from "../../domain/calendar/index.ts";
import {
  type DossierEffect,
  ONLINE_ACCEPTANCE_WORKING_HOURS,
  ONLINE_ALERT_HOURS,
} from "../../domain/dossier/index.ts";
import { keptAnswers } from "../../domain/eform/validate.ts";
import { AppError } from "../../errors.ts";
import { calendarFor } from "../calendar/calendar-for.ts";
import { applyEvent } from "../dossiers/engine.ts";
import { stepAt } from "../dossiers/load.ts";
import { columnsOf } from "../dossiers/state.ts";
import { closePause, restartedDues } from "../dossiers/supplement.ts";
import { closeOpenTask, lastHolder, openTask } from "../dossiers/tasks.ts";
import { type CitizenAct, lockOwnDossier, saveAsCitizen } from "./citizen-dossier.ts";
import { addressLine, feesOf } from "./drafts.ts";
import { answersOf, componentName, type Filing, loadFiling, reviewOf } from "./filing.ts";

const REFERENCE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/** "DVC-YYMMDD-XXXXXXXX": the local date of submission and eight random characters. */
export function newReference(now: Date): string {
  const day = formatLocalDate(localDayOf(now.getTime())).replaceAll("-", "").slice(2);
  let tail = "";
  for (let i = 0; i < 8; i++) tail += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return `DVC-${day}-${tail}`;
}

function deadlineOf(effects: DossierEffect[], kind: "online_alert" | "online_acceptance"): Date | null {
  const e = effects.find((x) => x.type === "deadline" && x.kind === kind);
  return e && e.type === "deadline" ? new Date(e.at) : null;
}

/** Adds uploads as components of the dossier (kind "electronic") and links their files for download checks. */
async function attachUploads(tx: Tx, f: Filing, uploads: Filing["uploads"], supplement: boolean, now: Date) {
  if (uploads.length === 0) return;
  const last = await tx
    .selectFrom("dossier_components")
    .select((eb) => eb.fn.max("position").as("m"))
    .where("dossier_id", "=", f.row.id)
    .executeTakeFirst();
  const start = Number(last?.m ?? 0);
  const groups = new Map<string, Filing["uploads"]>();
  for (const u of uploads) {
    const key = u.component_id ?? `item:${u.supplement_item}`;
    groups.set(key, [...(groups.get(key) ?? []), u]);
  }
  await tx
    .insertInto("dossier_components")
    .values(
      [...groups.values()].map((group, i) => {
        const first = group[0] as Filing["uploads"][number];
        return {
          dossier_id: f.row.id,
          position: start + i + 1,
          component_id: first.component_id,
          name: first.component_id
            ? componentName(f.document, first.component_id)
            : (first.supplement_item as string),
          kind: "electronic" as const,
          count: 1,
          file_ids: group.map((u) => u.file_id),
          supplement,
          added_at: now,
          added_by: null,
        };
      }),
    )
    .execute();
  await tx
    .insertInto("dossier_files")
    .values(uploads.map((u) => ({ dossier_id: f.row.id, file_id: u.file_id, role: "component" })))
    .onConflict((oc) => oc.columns(["dossier_id", "file_id"]).doNothing())
    .execute();
  await tx
    .updateTable("online_uploads")
    .set({ attached_at: now })
    .where(
      "id",
      "in",
      uploads.map((u) => u.id),
    )
    .execute();
}

export async function submitDraft(act: CitizenAct, id: string, version: number) {
  const { tx, now, citizen } = act;
  const row = await lockOwnDossier(tx, citizen, id, version);
  if (row.status !== "draft_online")
    throw new AppError("DRAFT_NOT_EDITABLE", { details: { status: row.status } });
  const f = await loadFiling(tx, row);
  const review = reviewOf(f, now);
  if (!review.ready) {
    throw new AppError("FILING_INCOMPLETE", {
      details: {
        errors: review.errors,
        missingComponents: review.missingComponents,
        returnMethod: review.returnMethodError,
      },
    });
  }
  const calendar = await calendarFor(tx, row.received_unit_id);
  const { state, effects } = applyEvent(row, { type: "submit_online" }, now, calendar);
  const answers = keptAnswers(f.definition, answersOf(f.filing));
  const text = (key: string, fallback: string) => {
    const v = answers[key];
    return typeof v === "string" && v.trim() !== "" ? v.trim() : fallback;
  };
  const old = row.applicant as { address: unknown; email: string | null; phone: string | null };
  const address = answers.applicantAddress ?? old.address;
  const applicant = {
    ...(row.applicant as object),
    name: text("applicantName", row.applicant_name),
    identityNumber: text("applicantIdentity", row.applicant_identity),
    address,
    phone: text("applicantPhone", old.phone ?? "") || null,
  };
  const reference = newReference(now);
  const alertAt = deadlineOf(effects, "online_alert");
  const acceptanceDueAt = deadlineOf(effects, "online_acceptance") as Date;
  await attachUploads(
    tx,
    f,
    f.uploads.filter((u) => u.round === 0),
    false,
    now,
  );
  await tx
    .updateTable("online_filings")
    .set({
      answers: JSON.stringify(answers),
      reference,
      submitted_at: now,
      alert_at: alertAt,
      acceptance_due_at: acceptanceDueAt,
      updated_at: now,
    })
    .where("dossier_id", "=", row.id)
    .execute();
  const saved = await saveAsCitizen(
    act,
    row,
    {
      ...columnsOf(state),
      applicant: JSON.stringify(applicant),
      applicant_name: applicant.name,
      applicant_identity: applicant.identityNumber,
      fee_vnd: feesOf(f, answers, row.case_id),
      delivery_address: row.return_method === "post" ? addressLine(f.filing.delivery_address) : null,
    },
    {
      action: "submit_online",
      fromStatus: row.status,
      detail: { reference, alertAt: alertAt?.getTime() ?? null, acceptanceDueAt: acceptanceDueAt.getTime() },
    },
    effects,
  );
  return { row: saved, reference, acceptanceDueAt, unit: f.unit };
}

export async function answerSupplement(
  act: CitizenAct,
  id: string,
  input: z.infer<typeof AnswerSupplementInput>,
) {
  const { tx, now, citizen } = act;
  const row = await lockOwnDossier(tx, citizen, id, input.version);
  if (
    row.status !== "awaiting_supplement_before_acceptance" &&
    row.status !== "awaiting_citizen_supplement"
  ) {
    throw new AppError("NO_SUPPLEMENT_REQUESTED", { details: { status: row.status } });
  }
  const f = await loadFiling(tx, row);
  const pending = f.uploads.filter((u) => u.attached_at === null && u.round === f.supplementRound);
  const note = input.note?.trim() || null;
  if (pending.length === 0 && note === null) throw new AppError("SUPPLEMENT_ANSWER_EMPTY");
  const calendar = await calendarFor(tx, row.received_unit_id);
  const { state, effects } = applyEvent(row, { type: "supplement_received" }, now, calendar);
  await attachUploads(tx, f, pending, true, now);
  const detail = { round: f.supplementRound, files: pending.length, note };
  if (row.received_at === null) {
    // Back at the desk: a new online submission with its own alert and acceptance window (NĐ 118/2025).
    if (state.status !== "submitted_online") throw new AppError("INVALID_STATE");
    await tx
      .updateTable("online_filings")
      .set({
        submitted_at: now,
        alert_at: new Date(now.getTime() + ONLINE_ALERT_HOURS * 3_600_000),
        acceptance_due_at: new Date(
          addWorkingHours(calendar, now.getTime(), ONLINE_ACCEPTANCE_WORKING_HOURS),
        ),
        updated_at: now,
      })
      .where("dossier_id", "=", row.id)
      .execute();
    return saveAsCitizen(
      act,
      row,
      columnsOf(state),
      { action: "supplement_answered", fromStatus: row.status, detail },
      effects,
    );
  }
  const { stepIndex: i, workflow, dues } = restartedDues(calendar, row, state, now);
  const saved = await saveAsCitizen(
    act,
    row,
    { ...columnsOf(state), step_dues: JSON.stringify(dues), paused_intervals: closePause(row, now) },
    { action: "supplement_answered", fromStatus: row.status, detail: { ...detail, due: state.due } },
    effects,
  );
  const step = stepAt(workflow, i);
  await openTask(tx, {
    dossierId: row.id,
    unitId: row.received_unit_id,
    stepIndex: i,
    role: step.role,
    name: step.nameVi,
    dueAt: dues[i] as number,
    assigneeId: await lastHolder(tx, row.id, row.received_unit_id, i, null),
    now,
  });
  return saved;
}

export async function withdrawOwn(act: CitizenAct, id: string, input: z.infer<typeof CitizenWithdrawInput>) {
  const { tx, now, citizen } = act;
  const row = await lockOwnDossier(tx, citizen, id, input.version);
  const calendar = await calendarFor(tx, row.received_unit_id);
  const reason = input.reason ?? undefined;
  const { state, effects } = applyEvent(
    row,
    { type: "withdraw", ...(reason ? { reason } : {}) },
    now,
    calendar,
  );
  const saved = await saveAsCitizen(
    act,
    row,
    {
      ...columnsOf(state),
      reason: reason ?? null,
      current_unit_id: row.received_unit_id,
      paused_intervals: closePause(row, now),
    },
    { action: "withdraw", fromStatus: row.status, detail: { reason: reason ?? null } },
    effects,
  );
  await closeOpenTask(tx, row.id, { now, by: null, outcome: "withdrawn" });
  await tx
    .updateTable("dossier_transfers")
    .set({ status: "returned", returned_at: now, returned_by: null })
    .where("dossier_id", "=", row.id)
    .where("status", "=", "open")
    .execute();
  return saved;
}
