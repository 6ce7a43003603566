/**
 * Online drafts (hồ sơ trực tuyến đang soạn): a citizen starts a dossier for a procedure a unit offers online, the
 * answers are pre-filled from the account, saved as they come (partial answers allowed, wrong ones refused next
 * to their field), and each component is uploaded (PDF, JPEG, PNG, typed from the bytes) or removed. Every change
 * bumps the dossier's version (optimistic concurrency) and is audited in its transaction.
 */
import type { z } from "zod";
import type { FileStore } from "../../adapters/storage/file-store.ts";
import type { SaveDraftInput, StartDraftInput, UploadInput } from "../../contracts/portal-dossiers.ts";
import type { Tx } from "../../db/database.ts";
import type { StepRecord } from "../../db/tables/dossiers.ts";
import { applyLocal } from "../../domain/catalog/local.ts";
import { processingTimeFor } from "../../domain/catalog/procedure-schema.ts";
import { newDossier } from "../../domain/dossier/index.ts";
import type { Answers } from "../../domain/eform/definition.ts";
import { prefillAnswers, validateAnswers } from "../../domain/eform/validate.ts";
import { AppError } from "../../errors.ts";
import { findOffering, findProcedure, procedureVersionAt } from "../catalog/queries.ts";
import { parseLocal } from "../catalog/service.ts";
import { feeFor, processingTimeText } from "../dossiers/procedure-terms.ts";
import { columnsOf, type DossierRow } from "../dossiers/state.ts";
import { DOSSIER_COMPONENT_POLICY } from "../files/inspect-upload.ts";
import { storeUpload } from "../files/store-upload.ts";
import { findUnitByCode } from "../units/queries.ts";
import { appendCitizenEvent, type CitizenAct, lockOwnDossier, saveAsCitizen } from "./citizen-dossier.ts";
import { freezeEForm, returnMethodsOf } from "./eforms.ts";
import { answersOf, type Filing, loadFiling, todayOf } from "./filing.ts";

export const PORTAL_UPLOAD_PURPOSE = "portal_upload";

/** The procedure as the unit offers it online today, or PROCEDURE_NOT_ONLINE. */
export async function onlineOffering(tx: Tx, procedureRef: string, unitCode: string, now: Date) {
  const unit = await findUnitByCode(tx, unitCode);
  const procedure = await findProcedure(tx, procedureRef);
  const version = procedure ? await procedureVersionAt(tx, procedure.id, now) : undefined;
  const offering = unit && procedure ? await findOffering(tx, unit.id, procedure.id) : undefined;
  if (!unit?.active || !procedure || !version || !offering?.active || version.online_level === "none") {
    throw new AppError("PROCEDURE_NOT_ONLINE", { details: { procedure: procedureRef, unit: unitCode } });
  }
  const document = applyLocal(version.document as never, parseLocal(offering.local));
  return { unit, procedure, version, document };
}

export async function startDraft(act: CitizenAct, input: z.infer<typeof StartDraftInput>): Promise<string> {
  const { tx, now, citizen } = act;
  const { unit, procedure, version, document } = await onlineOffering(tx, input.procedure, input.unit, now);
  const caseId = input.caseId ?? null;
  if (caseId !== null && !document.cases.some((c) => c.id === caseId)) {
    throw new AppError("UNKNOWN_CASE", { details: { case: caseId, cases: document.cases.map((c) => c.id) } });
  }
  const person = await tx
    .selectFrom("citizens")
    .selectAll()
    .where("id", "=", citizen.citizenId)
    .executeTakeFirst();
  if (!person) throw new AppError("UNAUTHENTICATED");
  const definition = await freezeEForm(tx, version, procedure.slug, now);
  const answers = prefillAnswers(
    definition,
    {
      fullName: person.full_name,
      identityNumber: person.identity_number,
      birthDate: person.birth_date ?? null,
      phone: person.phone,
      email: person.email,
      address: (person.address ?? null) as Answers[string],
    },
    todayOf(now),
  );
  const address = (person.address ?? null) as {
    detail?: string;
    commune?: string;
    district?: string | null;
    province?: string;
  } | null;
  const applicant = {
    kind: "person",
    name: person.full_name,
    identityNumber: person.identity_number,
    address: {
      detail: address?.detail ?? "",
      commune: address?.commune ?? "",
      district: address?.district ?? null,
      province: address?.province ?? "",
    },
    phone: person.phone,
    email: person.email,
    representative: null,
  };
  const methods = returnMethodsOf(document, version.postal_deliver);
  const state = newDossier("online", now.getTime());
  const workflow: StepRecord[] = document.workflow.map((s) => ({ ...s }));
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
      channel: "online",
      applicant_kind: "person",
      applicant_name: person.full_name,
      applicant_identity: person.identity_number,
      applicant: JSON.stringify(applicant),
      return_method: methods[0] ?? "counter",
      fee_vnd: feeFor(document, { caseId }),
      processing_time: processingTimeText(processingTimeFor(document, caseId).standard),
      ...columnsOf(state),
      citizen_id: citizen.citizenId,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await tx
    .insertInto("online_filings")
    .values({
      dossier_id: row.id,
      citizen_id: citizen.citizenId,
      procedure_version_id: version.id,
      answers: JSON.stringify(answers),
      created_at: now,
      updated_at: now,
    })
    .execute();
  await appendCitizenEvent(act, row, {
    action: "draft_start",
    fromStatus: null,
    detail: { procedure: procedure.slug, version: version.version, eform: definition.key },
  });
  return row.id;
}

function assertDraft(row: DossierRow): void {
  if (row.status !== "draft_online") {
    throw new AppError("DRAFT_NOT_EDITABLE", { details: { status: row.status } });
  }
}

async function touchFiling(tx: Tx, dossierId: string, now: Date, changes: Record<string, unknown> = {}) {
  await tx
    .updateTable("online_filings")
    .set({ ...changes, updated_at: now })
    .where("dossier_id", "=", dossierId)
    .execute();
}

export async function saveDraft(
  act: CitizenAct,
  id: string,
  input: z.infer<typeof SaveDraftInput>,
): Promise<void> {
  const { tx, now, citizen } = act;
  const row = await lockOwnDossier(tx, citizen, id, input.version);
  assertDraft(row);
  const f = await loadFiling(tx, row);
  const merged: Answers = { ...answersOf(f.filing) };
  for (const [key, value] of Object.entries(input.answers ?? {})) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  const issues = validateAnswers(f.definition, merged, { today: todayOf(now), mode: "partial" });
  if (issues.length > 0) {
    throw new AppError("EFORM_ANSWERS_INVALID", {
      details: {
        errors: issues.map((i) => ({
          field: i.field,
          code: i.code,
          message: i.messageVi,
          messageEn: i.messageEn,
        })),
      },
    });
  }
  const caseId = input.caseId === undefined ? row.case_id : input.caseId;
  if (caseId !== null && !f.document.cases.some((c) => c.id === caseId)) {
    throw new AppError("UNKNOWN_CASE", {
      details: { case: caseId, cases: f.document.cases.map((c) => c.id) },
    });
  }
  const returnMethod = input.returnMethod ?? row.return_method;
  const postalDeliver = (
    await tx
      .selectFrom("procedure_versions")
      .select("postal_deliver")
      .where("id", "=", row.procedure_version_id)
      .executeTakeFirstOrThrow()
  ).postal_deliver;
  if (!returnMethodsOf(f.document, postalDeliver).includes(returnMethod)) {
    throw new AppError("RETURN_METHOD_NOT_OFFERED", { details: { returnMethod } });
  }
  const address = input.deliveryAddress === undefined ? f.filing.delivery_address : input.deliveryAddress;
  const fee = feesOf(f, merged, caseId);
  await touchFiling(tx, row.id, now, {
    answers: JSON.stringify(merged),
    delivery_address: address ? JSON.stringify(address) : null,
  });
  await saveAsCitizen(
    act,
    row,
    {
      case_id: caseId,
      return_method: returnMethod,
      delivery_address: returnMethod === "post" && address ? addressLine(address) : null,
      fee_vnd: fee,
    },
    {
      action: "draft_save",
      fromStatus: row.status,
      history: false,
      detail: { fields: Object.keys(input.answers ?? {}), returnMethod },
    },
  );
}

/** The fee from the catalog's rules, with the page and copy counts the e-form asks for. */
export function feesOf(f: Filing, answers: Answers, caseId: string | null): number | null {
  const num = (field: string | undefined) => {
    const v = field ? answers[field] : undefined;
    return typeof v === "number" ? v : undefined;
  };
  return feeFor(f.document, {
    caseId,
    pages: num(f.definition.feeInputs?.pages),
    copies: num(f.definition.feeInputs?.copies),
  });
}

export function addressLine(a: unknown): string {
  const x = a as { detail?: string; commune?: string; district?: string | null; province?: string };
  return [x.detail, x.commune, x.district, x.province].filter((p) => p && p.trim() !== "").join(", ");
}

const SUPPLEMENT_STATUSES = new Set(["awaiting_supplement_before_acceptance", "awaiting_citizen_supplement"]);

/** Uploads a file for a component of a draft, or for the answer to a pending supplement request. */
export async function uploadFile(
  act: CitizenAct,
  store: FileStore,
  id: string,
  input: z.infer<typeof UploadInput>,
): Promise<{ uploadId: string; version: number }> {
  const { tx, now, citizen } = act;
  const row = await lockOwnDossier(tx, citizen, id, input.version);
  const f = await loadFiling(tx, row);
  const componentId = input.componentId ?? null;
  const item = input.supplementItem ?? null;
  let round: number;
  if (row.status === "draft_online") {
    if (componentId === null) throw new AppError("UNKNOWN_COMPONENT", { details: { componentId: null } });
    round = 0;
  } else if (SUPPLEMENT_STATUSES.has(row.status)) {
    if (componentId === null && item === null) {
      throw new AppError("UNKNOWN_COMPONENT", { details: { componentId: null } });
    }
    round = f.supplementRound;
  } else {
    throw new AppError("DRAFT_NOT_EDITABLE", { details: { status: row.status } });
  }
  if (componentId !== null && !f.definition.components.some((c) => c.componentId === componentId)) {
    throw new AppError("UNKNOWN_COMPONENT", { details: { componentId } });
  }
  const file = await storeUpload(
    tx,
    store,
    { bytes: Buffer.from(input.file, "base64"), name: input.filename, contentType: input.contentType },
    {
      policy: DOSSIER_COMPONENT_POLICY,
      unitId: row.received_unit_id,
      purpose: PORTAL_UPLOAD_PURPOSE,
      actor: { kind: "citizen", id: citizen.citizenId },
      now,
    },
  );
  const upload = await tx
    .insertInto("online_uploads")
    .values({
      dossier_id: row.id,
      file_id: file.id,
      component_id: componentId,
      supplement_item: item,
      round,
      uploaded_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await touchFiling(tx, row.id, now);
  const saved = await saveAsCitizen(
    act,
    row,
    {},
    {
      action: "upload",
      fromStatus: row.status,
      history: false,
      detail: { uploadId: upload.id, fileId: file.id, componentId, round, mime: file.mime },
    },
  );
  return { uploadId: upload.id, version: saved.version };
}

/** Removes an upload not yet part of the dossier (a draft's, or one for a supplement answer not yet sent). */
export async function removeUpload(
  act: CitizenAct,
  id: string,
  uploadId: string,
  version: number,
): Promise<number> {
  const { tx, now, citizen } = act;
  const row = await lockOwnDossier(tx, citizen, id, version);
  const upload = await tx
    .selectFrom("online_uploads")
    .selectAll()
    .where("id", "=", uploadId)
    .where("dossier_id", "=", row.id)
    .executeTakeFirst();
  if (!upload) throw new AppError("NOT_FOUND", { details: { entity: "upload" } });
  if (upload.attached_at !== null)
    throw new AppError("DRAFT_NOT_EDITABLE", { details: { status: row.status } });
  await tx.deleteFrom("online_uploads").where("id", "=", upload.id).execute();
  await touchFiling(tx, row.id, now);
  const saved = await saveAsCitizen(
    act,
    row,
    {},
    {
      action: "upload_remove",
      fromStatus: row.status,
      history: false,
      detail: { uploadId: upload.id, fileId: upload.file_id, componentId: upload.component_id },
    },
  );
  return saved.version;
}
