/**
 * Incoming documents (NĐ 30/2020 Điều 20–24): received from a motcua unit (arrived by sending) or from outside
 * (an uploaded PDF or a scan of paper), registered with the next number of the unit's incoming register, flagged
 * when the same số + ký hiệu + issuer is already registered (Phụ lục VI), assigned by the leader (lead,
 * supporting, for information, with a due date), handled and marked done. Each change of an electronic copy is
 * reported back to the sender's recipient row.
 */
import { sql } from "kysely";
import type { z } from "zod";
import type {
  AssignInput,
  DoneInput,
  ReasonInput,
  ReceiveOutsideInput,
  VersionInput,
} from "../../contracts/documents.ts";
import { DOCUMENT_LIMITS } from "../../contracts/documents.ts";
import type { Tx } from "../../db/database.ts";

import {
  INCOMING_SERIES,
  type IncomingEvent,
  type IncomingStatus,
  isUrgent,
  nextIncoming,
  numberingYear,
  type RecipientStatus,
} from "../../domain/documents/index.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit/audit-log.ts";
import { updateVersioned } from "../audit/versioned-update.ts";
import { assertCan } from "../auth/policy.ts";
import { actorOf, type StaffPrincipal } from "../auth/principal.ts";
import { storeUpload } from "../files/store-upload.ts";
import type { DocumentDeps } from "./deps.ts";
import { addPeople, visibleDocument } from "./drafting.ts";
import { takeNumber } from "./numbering.ts";
import { assertVersion, type DocumentRow } from "./rows.ts";
import { checkSignatures, notifyUrgent, registerDueOn } from "./sending.ts";

function incomingTransition(row: DocumentRow, event: IncomingEvent): IncomingStatus {
  const next = row.direction === "incoming" ? nextIncoming(row.status as IncomingStatus, event) : null;
  if (!next) throw new AppError("DOCUMENT_STATE", { details: { status: row.status, event } });
  return next;
}

async function reportToSender(
  tx: Tx,
  row: DocumentRow,
  status: RecipientStatus,
  now: Date,
  extra: { incomingNumber?: number; reason?: string } = {},
): Promise<void> {
  if (!row.source_document_id) return;
  await tx
    .updateTable("document_recipients")
    .set({
      status,
      status_at: now,
      ...(extra.incomingNumber !== undefined ? { incoming_number: extra.incomingNumber } : {}),
      ...(extra.reason !== undefined ? { reason: extra.reason } : {}),
    })
    .where("incoming_document_id", "=", row.id)
    .execute();
}

function assertClerkOf(staff: StaffPrincipal, row: DocumentRow): void {
  if (row.unit_id !== staff.unitId || !staff.roles.includes("clerk")) {
    throw new AppError("FORBIDDEN", { details: { action: "document.manage" } });
  }
  assertCan(staff, "document.manage", { id: row.unit_id, path: row.unit_path });
}

/** The same số + ký hiệu from the same issuer already in the unit's incoming documents. */
async function duplicateOf(
  tx: Tx,
  row: Pick<DocumentRow, "id" | "unit_id" | "original_number" | "issuer_name">,
) {
  if (!row.original_number) return null;
  const found = await tx
    .selectFrom("documents")
    .select("id")
    .where("unit_id", "=", row.unit_id)
    .where("direction", "=", "incoming")
    .where("id", "!=", row.id)
    .where("status", "not in", ["refused", "recalled"])
    .where((eb) => eb(eb.fn("upper", ["original_number"]), "=", row.original_number?.toUpperCase() ?? ""))
    .where((eb) =>
      eb(eb.fn("f_unaccent", ["issuer_name"]), "=", eb.fn("f_unaccent", [eb.val(row.issuer_name ?? "")])),
    )
    .orderBy("created_at")
    .executeTakeFirst();
  return found?.id ?? null;
}

/** A document from outside motcua: an uploaded electronic PDF, or a scan of paper (OCR fills its text later). */
export async function receiveOutside(
  deps: DocumentDeps,
  staff: StaffPrincipal,
  input: z.infer<typeof ReceiveOutsideInput>,
): Promise<string> {
  assertCan(staff, "document.manage", { id: staff.unitId, path: staff.unitPath });
  if (!staff.roles.includes("clerk"))
    throw new AppError("FORBIDDEN", { details: { action: "document.manage" } });
  const now = deps.clock();
  const bytes = new Uint8Array(Buffer.from(input.upload.file, "base64"));
  const check = input.origin === "outside" ? await checkSignatures(deps.db, deps.config, bytes, now) : null;
  return deps.db.transaction().execute(async (tx) => {
    const file = await storeUpload(
      tx,
      deps.files,
      { bytes, name: input.upload.fileName },
      {
        policy: { allowed: ["pdf", "jpeg", "png"], maxBytes: DOCUMENT_LIMITS.fileBytes },
        unitId: staff.unitId,
        purpose: "document_incoming",
        actor: actorOf(staff),
        now,
      },
    );
    const doc = await tx
      .insertInto("documents")
      .values({
        unit_id: staff.unitId,
        direction: "incoming",
        status: "arrived",
        type_code: input.typeCode,
        summary: input.summary,
        urgency: input.urgency,
        confidentiality: input.confidentiality,
        origin: input.origin,
        issuer_name: input.issuerName,
        original_number: input.originalNumber,
        original_date: input.originalDate,
        current_file_id: file.id,
        arrived_at: now,
        register_due_on: await registerDueOn(tx, staff.unitId, now),
        signature_check: check ? JSON.stringify(check) : null,
        // Scans and electronic files alike: the text index comes from OCR off the request path.
        ocr_status: "pending",
        created_by: staff.staffId,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await addPeople(tx, doc.id, [
      { staffId: staff.staffId, role: "clerk" },
      ...input.namedStaffIds.map((s) => ({ staffId: s, role: "named" as const })),
    ]);
    if (isUrgent(input.urgency)) {
      await notifyUrgent(
        tx,
        staff.unitId,
        {
          id: doc.id,
          summary: input.summary,
          urgency: input.urgency,
          number: input.originalNumber,
          issuer: input.issuerName,
        },
        now,
      );
    }
    await recordAudit(
      tx,
      {
        actor: actorOf(staff),
        action: "document.receive",
        entityType: "document",
        entityId: doc.id,
        unitId: staff.unitId,
        summary: { origin: input.origin, fileId: file.id, originalNumber: input.originalNumber },
      },
      now,
    );
    return doc.id;
  });
}

export async function registerIncoming(
  deps: DocumentDeps,
  staff: StaffPrincipal,
  id: string,
  input: z.infer<typeof VersionInput>,
): Promise<{ arrivalNumber: number; duplicateOf: string | null }> {
  const now = deps.clock();
  return deps.db.transaction().execute(async (tx) => {
    const { row } = await visibleDocument(tx, staff, id, true);
    assertClerkOf(staff, row);
    const status = incomingTransition(row, "register");
    assertVersion(row, input.version);
    const { registerId, number } = await takeNumber(tx, row.unit_id, INCOMING_SERIES, numberingYear(now));
    const duplicate = await duplicateOf(tx, row);
    await updateVersioned(tx, {
      table: "documents",
      id,
      version: row.version,
      changes: {
        status,
        register_id: registerId,
        number,
        notation: String(number),
        registered_at: now,
        registered_by: staff.staffId,
        duplicate_of: duplicate,
        updated_at: now,
      },
      audit: () => ({
        actor: actorOf(staff),
        action: "document.register",
        entityType: "document",
        entityId: id,
        unitId: row.unit_id,
        summary: { arrivalNumber: number, duplicateOf: duplicate, due: row.register_due_on },
      }),
      now,
      entity: "document",
    });
    await addPeople(tx, id, [{ staffId: staff.staffId, role: "clerk" }]);
    await reportToSender(tx, row, "registered", now, { incomingNumber: number });
    return { arrivalNumber: number, duplicateOf: duplicate };
  });
}

export async function refuseIncoming(
  deps: DocumentDeps,
  staff: StaffPrincipal,
  id: string,
  input: z.infer<typeof ReasonInput>,
): Promise<void> {
  const now = deps.clock();
  await deps.db.transaction().execute(async (tx) => {
    const { row } = await visibleDocument(tx, staff, id, true);
    assertClerkOf(staff, row);
    const status = incomingTransition(row, "refuse");
    assertVersion(row, input.version);
    await updateVersioned(tx, {
      table: "documents",
      id,
      version: row.version,
      changes: { status, refused_reason: input.reason, updated_at: now },
      audit: () => ({
        actor: actorOf(staff),
        action: "document.refuse",
        entityType: "document",
        entityId: id,
        unitId: row.unit_id,
        summary: { reason: input.reason },
      }),
      now,
      entity: "document",
    });
    await reportToSender(tx, row, "refused", now, { reason: input.reason });
  });
}

export async function assignIncoming(
  deps: DocumentDeps,
  staff: StaffPrincipal,
  id: string,
  input: z.infer<typeof AssignInput>,
): Promise<void> {
  const now = deps.clock();
  await deps.db.transaction().execute(async (tx) => {
    const { row } = await visibleDocument(tx, staff, id, true);
    if (row.unit_id !== staff.unitId || !staff.roles.includes("leader")) {
      throw new AppError("FORBIDDEN", { details: { action: "document.assign" } });
    }
    assertCan(staff, "document.assign", { id: row.unit_id, path: row.unit_path });
    const status = incomingTransition(row, "assign");
    assertVersion(row, input.version);
    if (input.assignments.filter((a) => a.role === "lead").length > 1) {
      throw new AppError("VALIDATION_FAILED", {
        details: [{ path: "/assignments", message: "one lead only" }],
      });
    }
    const ids = input.assignments.map((a) => a.staffId);
    const found = await tx
      .selectFrom("staff")
      .select("id")
      .where("id", "in", ids)
      .where("unit_id", "=", row.unit_id)
      .where("active", "=", true)
      .execute();
    if (found.length !== new Set(ids).size)
      throw new AppError("DOCUMENT_PERSON_INVALID", { details: { ids } });
    for (const a of input.assignments) {
      await tx
        .insertInto("document_assignments")
        .values({
          document_id: id,
          staff_id: a.staffId,
          role: a.role,
          due_on: a.dueOn ?? null,
          note: a.note ?? null,
          assigned_by: staff.staffId,
          assigned_at: now,
        })
        .onConflict((oc) =>
          oc.columns(["document_id", "staff_id"]).doUpdateSet({
            role: a.role,
            due_on: a.dueOn ?? null,
            note: a.note ?? null,
            // A new due date is reminded again (NĐ 30/2020 Điều 24; reminders.ts); the same date keeps its marks.
            due_reminded_at: sql<Date | null>`CASE WHEN document_assignments.due_on IS NOT DISTINCT FROM excluded.due_on THEN document_assignments.due_reminded_at END`,
            overdue_reminded_at: sql<Date | null>`CASE WHEN document_assignments.due_on IS NOT DISTINCT FROM excluded.due_on THEN document_assignments.overdue_reminded_at END`,
          }),
        )
        .execute();
    }
    await addPeople(tx, id, [
      { staffId: staff.staffId, role: "approver" },
      ...ids.map((s) => ({ staffId: s, role: "assignee" as const })),
    ]);
    const passedTo = await tx.selectFrom("staff").select("full_name").where("id", "in", ids).execute();
    await updateVersioned(tx, {
      table: "documents",
      id,
      version: row.version,
      changes: {
        status,
        passed_to: passedTo.map((p) => p.full_name).join(", "),
        updated_at: now,
      },
      audit: () => ({
        actor: actorOf(staff),
        action: "document.assign",
        entityType: "document",
        entityId: id,
        unitId: row.unit_id,
        summary: {
          assignments: input.assignments.map((a) => ({
            staffId: a.staffId,
            role: a.role,
            dueOn: a.dueOn ?? null,
          })),
        },
      }),
      now,
      entity: "document",
    });
    await tx
      .insertInto("document_comments")
      .values({
        document_id: id,
        staff_id: staff.staffId,
        kind: "assign",
        body: input.assignments
          .map((a) => `${a.role}:${a.staffId}${a.dueOn ? ` hạn ${a.dueOn}` : ""}`)
          .join("; "),
        created_at: now,
      })
      .execute();
    await reportToSender(tx, row, "assigned", now);
  });
}

function assertLeadOrLeader(staff: StaffPrincipal, row: DocumentRow, lead: boolean): void {
  const leader = row.unit_id === staff.unitId && staff.roles.includes("leader");
  if (!lead && !leader) throw new AppError("FORBIDDEN", { details: { action: "document.handle" } });
}

async function isLead(tx: Tx, documentId: string, staffId: string): Promise<boolean> {
  const a = await tx
    .selectFrom("document_assignments")
    .select("role")
    .where("document_id", "=", documentId)
    .where("staff_id", "=", staffId)
    .executeTakeFirst();
  return a?.role === "lead";
}

export async function startHandling(
  deps: DocumentDeps,
  staff: StaffPrincipal,
  id: string,
  input: z.infer<typeof VersionInput>,
): Promise<void> {
  const now = deps.clock();
  await deps.db.transaction().execute(async (tx) => {
    const { row } = await visibleDocument(tx, staff, id, true);
    assertLeadOrLeader(staff, row, await isLead(tx, id, staff.staffId));
    const status = incomingTransition(row, "start");
    assertVersion(row, input.version);
    await updateVersioned(tx, {
      table: "documents",
      id,
      version: row.version,
      changes: { status, updated_at: now },
      audit: () => ({
        actor: actorOf(staff),
        action: "document.start",
        entityType: "document",
        entityId: id,
        unitId: row.unit_id,
        summary: {},
      }),
      now,
      entity: "document",
    });
    await reportToSender(tx, row, "in_progress", now);
  });
}

export async function finishHandling(
  deps: DocumentDeps,
  staff: StaffPrincipal,
  id: string,
  input: z.infer<typeof DoneInput>,
): Promise<void> {
  const now = deps.clock();
  await deps.db.transaction().execute(async (tx) => {
    const { row } = await visibleDocument(tx, staff, id, true);
    assertLeadOrLeader(staff, row, await isLead(tx, id, staff.staffId));
    const status = incomingTransition(row, "finish");
    assertVersion(row, input.version);
    if (input.replyDocumentId) {
      const reply = await tx
        .selectFrom("documents")
        .select(["replies_to_id", "unit_id"])
        .where("id", "=", input.replyDocumentId)
        .executeTakeFirst();
      if (!reply || reply.replies_to_id !== id || reply.unit_id !== row.unit_id) {
        throw new AppError("VALIDATION_FAILED", {
          details: [{ path: "/replyDocumentId", message: "not a reply to this document" }],
        });
      }
    }
    await updateVersioned(tx, {
      table: "documents",
      id,
      version: row.version,
      changes: { status, done_at: now, updated_at: now },
      audit: () => ({
        actor: actorOf(staff),
        action: "document.done",
        entityType: "document",
        entityId: id,
        unitId: row.unit_id,
        summary: { replyDocumentId: input.replyDocumentId ?? null },
      }),
      now,
      entity: "document",
    });
    await tx
      .updateTable("document_assignments")
      .set({ done_at: now })
      .where("document_id", "=", id)
      .where("done_at", "is", null)
      .execute();
    await tx
      .insertInto("document_comments")
      .values({
        document_id: id,
        staff_id: staff.staffId,
        kind: "done",
        body: input.note ?? "Hoàn thành",
        created_at: now,
      })
      .execute();
    await reportToSender(tx, row, "done", now);
  });
}
