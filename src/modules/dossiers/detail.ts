/** One dossier as the officer's dossier page shows it: everything, with the whole history of every unit. */
import { sql } from "kysely";
import type { Applicant, DossierDetail, FileBrief, FormKind } from "../../contracts/dossiers.ts";
import type { Executor } from "../../db/database.ts";
import type { StepRecord } from "../../db/tables/dossiers.ts";
import type { LegalDuration } from "../../domain/calendar/index.ts";
import { processingTimeFor } from "../../domain/catalog/procedure-schema.ts";
import { compareWithDue, type Extension } from "../../domain/dossier/index.ts";
import { AppError } from "../../errors.ts";
import type { StaffPrincipal } from "../auth/principal.ts";
import { documentOf } from "../catalog/queries.ts";
import type { UnitInfo } from "./access.ts";
import { availableActions } from "./actions.ts";
import type { DossierRow, TransferRow } from "./state.ts";
import { iso, isoOf, summaries } from "./summaries.ts";

export const API = "/api/v1";

export function fileUrl(dossierId: string, fileId: string): string {
  return `${API}/dossiers/${dossierId}/files/${fileId}`;
}

export function formUrl(dossierId: string, formId: string): string {
  return `${API}/dossiers/${dossierId}/forms/${formId}`;
}

function extensionOf(row: DossierRow): DossierDetail["extension"] {
  const e = row.extension as Extension | null;
  if (!e) return null;
  return { at: isoOf(new Date(e.at)), reason: e.reason, standardDueText: durationText(e.standard) };
}

function durationText(d: LegalDuration): string {
  if ("sameDay" in d) return "Trong ngày làm việc";
  return "workingDays" in d ? `${d.workingDays} ngày làm việc` : `${d.workingHours} giờ làm việc`;
}

/** Does the procedure version (with the dossier's case) allow a legal extension? */
async function procedureHasExtension(db: Executor, row: DossierRow): Promise<boolean> {
  if (row.received_at === null) return false;
  const version = await db
    .selectFrom("procedure_versions")
    .select("document")
    .where("id", "=", row.procedure_version_id)
    .executeTakeFirst();
  return version ? processingTimeFor(documentOf(version), row.case_id).extension !== null : false;
}

function uniq(values: (string | null | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => typeof v === "string"))];
}

export async function dossierDetail(
  db: Executor,
  principal: StaffPrincipal,
  row: DossierRow,
  now: number,
): Promise<DossierDetail> {
  const id = row.id;
  const extensionAvailable = row.extension === null && (await procedureHasExtension(db, row));
  const rated =
    (await db
      .selectFrom("dossier_ratings")
      .select("id")
      .where("dossier_id", "=", row.id)
      .executeTakeFirst()) !== undefined;
  const [{ items }, components, tasks, transfers, notes, forms, events] = await Promise.all([
    summaries(db, sql<boolean>`d.id = ${id}`, now, { limit: 1, offset: 0 }),
    db
      .selectFrom("dossier_components")
      .selectAll()
      .where("dossier_id", "=", id)
      .orderBy("position")
      .execute(),
    db.selectFrom("dossier_tasks").selectAll().where("dossier_id", "=", id).orderBy("seq").execute(),
    db.selectFrom("dossier_transfers").selectAll().where("dossier_id", "=", id).orderBy("sent_at").execute(),
    db.selectFrom("dossier_notes").selectAll().where("dossier_id", "=", id).orderBy("at").execute(),
    db.selectFrom("dossier_forms").selectAll().where("dossier_id", "=", id).orderBy("issued_at").execute(),
    db.selectFrom("dossier_events").selectAll().where("dossier_id", "=", id).orderBy("seq").execute(),
  ]);
  const caseRow =
    row.case_id === null
      ? undefined
      : (
          await sql<{ name: string }>`
            SELECT c->>'name' AS name FROM procedure_versions v, jsonb_array_elements(v.document->'cases') c
            WHERE v.id = ${row.procedure_version_id} AND c->>'id' = ${row.case_id}
          `.execute(db)
        ).rows[0];
  const summary = items[0];
  if (!summary) throw new AppError("NOT_FOUND", { details: { entity: "dossier" } });
  const unitIds = uniq([
    row.received_unit_id,
    row.current_unit_id,
    ...tasks.map((t) => t.unit_id),
    ...transfers.flatMap((t) => [t.from_unit_id, t.to_unit_id]),
    ...notes.map((n) => n.unit_id),
    ...events.map((e) => e.unit_id),
  ]);
  const staffIds = uniq([
    ...tasks.map((t) => t.assignee_id),
    ...notes.map((n) => n.author_id),
    ...events.map((e) => e.actor_id),
  ]);
  const fileIds = uniq([
    ...components.flatMap((c) => c.file_ids),
    ...notes.flatMap((n) => n.file_ids),
    row.result_file_id,
    row.result_draft_file_id,
    row.return_signature_file_id,
  ]);
  const [unitRows, staffRows, fileRows] = await Promise.all([
    db.selectFrom("units").select(["id", "code", "name", "path"]).where("id", "in", unitIds).execute(),
    staffIds.length
      ? db.selectFrom("staff").select(["id", "full_name"]).where("id", "in", staffIds).execute()
      : Promise.resolve([]),
    fileIds.length
      ? db.selectFrom("files").select(["id", "name", "mime", "size"]).where("id", "in", fileIds).execute()
      : Promise.resolve([]),
  ]);
  const units = new Map<string, UnitInfo>(unitRows.map((u) => [u.id, u]));
  const unit = (uid: string) => {
    const u = units.get(uid) as UnitInfo;
    return { id: u.id, code: u.code, name: u.name };
  };
  const staff = new Map(staffRows.map((s) => [s.id, { id: s.id, fullName: s.full_name }]));
  const person = (sid: string | null) => (sid === null ? null : (staff.get(sid) ?? null));
  const files = new Map<string, FileBrief>(
    fileRows.map((f) => [
      f.id,
      { id: f.id, name: f.name, mime: f.mime, size: Number(f.size), url: fileUrl(id, f.id) },
    ]),
  );
  const fileList = (ids: readonly string[]) =>
    ids.map((f) => files.get(f)).filter((f): f is FileBrief => !!f);
  const workflow = row.workflow as StepRecord[];
  const openTask = tasks.find((t) => t.finished_at === null) ?? null;
  const openTransfer = (transfers.find((t) => t.status === "open") ?? null) as TransferRow | null;
  const statusData = row.status_data as { items?: { name: string; reason: string }[] };
  const apologyForm = forms.filter((f) => f.kind === "apology").at(-1);
  return {
    ...summary,
    caseName: caseRow?.name ?? null,
    applicant: row.applicant as Applicant,
    components: components.map((c) => ({
      id: c.id,
      componentId: c.component_id,
      name: c.name,
      kind: c.kind,
      count: c.count,
      files: fileList(c.file_ids),
      supplement: c.supplement,
      addedAt: isoOf(c.added_at),
    })),
    sets: row.sets,
    returnMethod: row.return_method,
    deliveryAddress: row.delivery_address,
    feeVnd: row.fee_vnd === null ? null : Number(row.fee_vnd),
    processingTime: row.processing_time,
    note: row.note,
    supplementItems: statusData.items ?? [],
    reason: row.reason,
    pausedIntervals: (row.paused_intervals as { from: number; to: number | null }[]).map((p) => ({
      from: isoOf(new Date(p.from)),
      to: p.to === null ? null : isoOf(new Date(p.to)),
    })),
    apology:
      row.apology_reason !== null && row.apology_at !== null && row.appointment_at !== null
        ? {
            reason: row.apology_reason,
            issuedAt: isoOf(row.apology_at),
            newAppointment: isoOf(row.appointment_at),
            formId: apologyForm?.id ?? null,
            onTime: row.apology_on_time,
          }
        : null,
    extension: extensionOf(row),
    resolvingAgencyCode: row.resolving_agency_code,
    extensionAvailable,
    result:
      row.result_number !== null && row.result_recorded_at !== null
        ? {
            number: row.result_number,
            signedOn: row.result_signed_on ?? "",
            signer: row.result_signer ?? "",
            file: row.result_file_id ? (files.get(row.result_file_id) ?? null) : null,
            recordedAt: isoOf(row.result_recorded_at),
          }
        : null,
    resultDraft: row.result_draft_file_id ? (files.get(row.result_draft_file_id) ?? null) : null,
    signedResult:
      row.result_signed_at !== null && row.result_file_id && files.has(row.result_file_id)
        ? {
            file: files.get(row.result_file_id) as FileBrief,
            signer: row.result_signer ?? "",
            signedAt: isoOf(row.result_signed_at),
          }
        : null,
    returned:
      row.returned_method !== null && row.returned_at !== null
        ? {
            method: row.returned_method,
            at: isoOf(row.returned_at),
            outcome: row.result_number !== null ? "approved" : "rejected",
            reference: row.return_reference,
            signature: row.return_signature_file_id
              ? (files.get(row.return_signature_file_id) ?? null)
              : null,
          }
        : null,
    workflow: workflow.map((s, index) => ({ index, ...s })),
    tasks: tasks.map((t) => ({
      id: t.id,
      seq: t.seq,
      unit: unit(t.unit_id),
      stepIndex: t.step_index,
      subIndex: t.sub_index,
      role: t.role,
      name: t.name,
      assignee: person(t.assignee_id),
      dueAt: isoOf(t.due_at),
      startedAt: isoOf(t.started_at),
      finishedAt: iso(t.finished_at),
      outcome: t.outcome,
      transferId: t.transfer_id,
      timeliness:
        t.finished_at === null
          ? null
          : compareWithDue(new Date(t.finished_at).getTime(), new Date(t.due_at).getTime()),
    })),
    transfers: transfers.map((t) => ({
      id: t.id,
      fromUnit: unit(t.from_unit_id),
      toUnit: unit(t.to_unit_id),
      stepIndex: t.step_index,
      reason: t.reason,
      status: t.status,
      outcome: t.outcome,
      sentAt: isoOf(t.sent_at),
      returnedAt: iso(t.returned_at),
      dueAt: isoOf(t.due_at),
      steps: (t.steps as StepRecord[]).map((s, index) => ({
        index,
        role: s.role,
        nameVi: s.nameVi,
        share: s.share,
        canSendBack: s.canSendBack,
      })),
    })),
    notes: notes.map((n) => ({
      id: n.id,
      at: isoOf(n.at),
      unit: unit(n.unit_id),
      author: person(n.author_id),
      text: n.text,
      files: fileList(n.file_ids),
    })),
    forms: forms.map((f) => ({
      id: f.id,
      kind: f.kind as FormKind,
      set: f.form_set,
      number: f.number,
      title: f.title,
      issuedAt: isoOf(f.issued_at),
      url: formUrl(id, f.id),
    })),
    events: events.map((e) => ({
      seq: e.seq,
      at: isoOf(e.at),
      action: e.action,
      unit: e.unit_id ? unit(e.unit_id) : null,
      actor: person(e.actor_id),
      fromStatus: e.from_status as DossierDetail["status"] | null,
      toStatus: e.to_status as DossierDetail["status"],
      stepIndex: e.step_index,
      detail: e.detail ?? {},
    })),
    actions: availableActions({
      principal,
      row,
      workflow,
      task: openTask,
      transfer: openTransfer,
      units,
      extensionAllowed: extensionAvailable,
      rated,
    }),
  };
}
