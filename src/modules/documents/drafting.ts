/**
 * Drafting an outgoing document (NĐ 30/2020 Điều 10–12): the specialist's draft with its recipients, versions kept
 * for every change, comments from reviewers, sending back, submitting for approval.
 */
import type { z } from "zod";
import type {
  CommentInput,
  CreateDocumentInput,
  ReasonInput,
  RecipientInput,
  SubmitInput,
  UpdateDocumentInput,
} from "../../contracts/documents.ts";
import type { Executor, Tx } from "../../db/database.ts";
import type { DocumentPersonRole } from "../../db/tables/documents.ts";
import { nextOutgoing, type OutgoingEvent, type OutgoingStatus } from "../../domain/documents/index.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit/audit-log.ts";
import { assertCan } from "../auth/policy.ts";
import { actorOf, type StaffPrincipal } from "../auth/principal.ts";
import { canSee, hidden, isUnitOfficer, peopleOf } from "./access.ts";
import { storeContent } from "./content.ts";
import type { DocumentDeps } from "./deps.ts";
import { assertVersion, type DocumentRow, getDocument } from "./rows.ts";

type ResolvedRecipient =
  | { unitId: string; name: string }
  | { outsideName: string; channel: "paper" | "exchange" };

async function resolveRecipients(
  db: Executor,
  staff: StaffPrincipal,
  input: z.infer<typeof RecipientInput>[],
): Promise<ResolvedRecipient[]> {
  const out: ResolvedRecipient[] = [];
  const seen = new Set<string>();
  for (const r of input) {
    if ("name" in r) {
      out.push({ outsideName: r.name, channel: r.channel });
      continue;
    }
    const units =
      "unitId" in r
        ? await db.selectFrom("units").select(["id", "name", "active"]).where("id", "=", r.unitId).execute()
        : await db
            .selectFrom("units")
            .select(["id", "name", "active"])
            .where("parent_id", "=", r.childrenOf)
            .where("active", "=", true)
            .where("kind", "!=", "agency")
            .orderBy("code")
            .execute();
    if (units.length === 0 || units.some((u) => !u.active || u.id === staff.unitId)) {
      throw new AppError("DOCUMENT_RECIPIENT_INVALID", { details: { recipient: r } });
    }
    for (const u of units) {
      if (seen.has(u.id)) continue;
      seen.add(u.id);
      out.push({ unitId: u.id, name: u.name });
    }
  }
  return out;
}

export async function addPeople(
  tx: Tx,
  documentId: string,
  people: { staffId: string; role: DocumentPersonRole }[],
): Promise<void> {
  if (people.length === 0) return;
  await tx
    .insertInto("document_people")
    .values(people.map((p) => ({ document_id: documentId, staff_id: p.staffId, role: p.role })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Staff of the unit, active, or a 422. */
async function assertStaffOfUnit(db: Executor, unitId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const found = await db
    .selectFrom("staff")
    .select("id")
    .where("id", "in", ids)
    .where("unit_id", "=", unitId)
    .where("active", "=", true)
    .execute();
  if (found.length !== new Set(ids).size) throw new AppError("DOCUMENT_PERSON_INVALID", { details: { ids } });
}

export function transition(row: DocumentRow, event: OutgoingEvent): OutgoingStatus {
  const next = row.direction === "outgoing" ? nextOutgoing(row.status as OutgoingStatus, event) : null;
  if (!next) throw new AppError("DOCUMENT_STATE", { details: { status: row.status, event } });
  return next;
}

/** Loads a document the caller may see (404 otherwise), locked for the transaction when asked. */
export async function visibleDocument(db: Executor, staff: StaffPrincipal, id: string, forUpdate = false) {
  const row = await getDocument(db, id, forUpdate).catch(() => {
    throw hidden(id);
  });
  const people = await peopleOf(db, id);
  if (!canSee(staff, row, people)) throw hidden(id);
  return { row, people };
}

export async function createDraft(
  deps: DocumentDeps,
  staff: StaffPrincipal,
  input: z.infer<typeof CreateDocumentInput>,
): Promise<string> {
  assertCan(staff, "document.draft", { id: staff.unitId, path: staff.unitPath });
  const now = deps.clock();
  return deps.db.transaction().execute(async (tx) => {
    const recipients = await resolveRecipients(tx, staff, input.recipients);
    await assertStaffOfUnit(tx, staff.unitId, input.namedStaffIds);
    if (input.workFileId) {
      const file = await tx
        .selectFrom("work_files")
        .select(["unit_id", "status"])
        .where("id", "=", input.workFileId)
        .executeTakeFirst();
      if (!file || file.unit_id !== staff.unitId) {
        throw new AppError("NOT_FOUND", { details: { entity: "work_file", id: input.workFileId } });
      }
      // A closed or handed-over file takes no more documents (NĐ 30/2020 Điều 28–31).
      if (file.status === "closed" || file.status === "archived") {
        throw new AppError("INVALID_STATE", {
          details: { entity: "work_file", id: input.workFileId, status: file.status },
        });
      }
    }
    if (input.repliesToId) await visibleDocument(tx, staff, input.repliesToId);
    const { file, text } = await storeContent(
      tx,
      deps,
      input.content,
      {
        unitId: staff.unitId,
        typeCode: input.typeCode,
        summary: input.summary,
        recipients: recipients.map((r) => ("unitId" in r ? r.name : r.outsideName)),
      },
      actorOf(staff),
      now,
    );
    const doc = await tx
      .insertInto("documents")
      .values({
        unit_id: staff.unitId,
        direction: "outgoing",
        status: "draft",
        type_code: input.typeCode,
        summary: input.summary,
        content_text: text,
        urgency: input.urgency,
        confidentiality: input.confidentiality,
        reply_due_on: input.replyDueOn ?? null,
        work_file_id: input.workFileId ?? null,
        drafting_unit_abbr: input.draftingUnitAbbr ?? null,
        replies_to_id: input.repliesToId ?? null,
        current_file_id: file.id,
        signature_check: null,
        created_by: staff.staffId,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await tx
      .insertInto("document_versions")
      .values({ document_id: doc.id, seq: 1, file_id: file.id, created_by: staff.staffId, created_at: now })
      .execute();
    if (recipients.length > 0) {
      await tx
        .insertInto("document_recipients")
        .values(
          recipients.map((r) =>
            "unitId" in r
              ? { document_id: doc.id, unit_id: r.unitId, outside_name: null, channel: "motcua" as const }
              : { document_id: doc.id, unit_id: null, outside_name: r.outsideName, channel: r.channel },
          ),
        )
        .execute();
    }
    await addPeople(tx, doc.id, [
      { staffId: staff.staffId, role: "drafter" },
      ...input.namedStaffIds.map((id) => ({ staffId: id, role: "named" as const })),
    ]);
    await recordAudit(
      tx,
      {
        actor: actorOf(staff),
        action: "document.create",
        entityType: "document",
        entityId: doc.id,
        unitId: staff.unitId,
        summary: {
          typeCode: input.typeCode,
          confidentiality: input.confidentiality,
          recipients: recipients.length,
          fileId: file.id,
        },
      },
      now,
    );
    return doc.id;
  });
}

function assertDrafter(staff: StaffPrincipal, people: Map<string, Set<DocumentPersonRole>>): void {
  if (!people.get(staff.staffId)?.has("drafter")) {
    throw new AppError("FORBIDDEN", { details: { reason: "not_the_drafter" } });
  }
}

export async function updateDraft(
  deps: DocumentDeps,
  staff: StaffPrincipal,
  id: string,
  input: z.infer<typeof UpdateDocumentInput>,
): Promise<void> {
  const now = deps.clock();
  await deps.db.transaction().execute(async (tx) => {
    const { row, people } = await visibleDocument(tx, staff, id, true);
    assertDrafter(staff, people);
    transition(row, "edit");
    assertVersion(row, input.version);
    const summary = input.summary ?? row.summary;
    let fileId = row.current_file_id;
    let text = row.content_text;
    if (input.content || input.summary) {
      const recipients = await tx
        .selectFrom("document_recipients as r")
        .leftJoin("units as u", "u.id", "r.unit_id")
        .select(["u.name", "r.outside_name"])
        .where("r.document_id", "=", id)
        .execute();
      const content = input.content ?? (row.content_text ? { text: row.content_text } : null);
      if (content) {
        const stored = await storeContent(
          tx,
          deps,
          content,
          {
            unitId: row.unit_id,
            typeCode: row.type_code,
            summary,
            recipients: recipients.map((r) => r.name ?? r.outside_name ?? ""),
          },
          actorOf(staff),
          now,
        );
        fileId = stored.file.id;
        text = stored.text;
      }
    }
    const last = await tx
      .selectFrom("document_versions")
      .select((eb) => eb.fn.max("seq").as("seq"))
      .where("document_id", "=", id)
      .executeTakeFirst();
    const seq = Number(last?.seq ?? 0) + 1;
    if (fileId) {
      await tx
        .insertInto("document_versions")
        .values({
          document_id: id,
          seq,
          file_id: fileId,
          note: input.note ?? null,
          created_by: staff.staffId,
          created_at: now,
        })
        .execute();
    }
    await tx
      .updateTable("documents")
      .set({
        summary,
        content_text: text,
        current_file_id: fileId,
        updated_at: now,
        version: row.version + 1,
      })
      .where("id", "=", id)
      .execute();
    await recordAudit(
      tx,
      {
        actor: actorOf(staff),
        action: "document.update",
        entityType: "document",
        entityId: id,
        unitId: row.unit_id,
        summary: { versionSeq: seq, fileId },
      },
      now,
    );
  });
}

export async function submitDraft(
  deps: DocumentDeps,
  staff: StaffPrincipal,
  id: string,
  input: z.infer<typeof SubmitInput>,
): Promise<void> {
  const now = deps.clock();
  await deps.db.transaction().execute(async (tx) => {
    const { row, people } = await visibleDocument(tx, staff, id, true);
    assertDrafter(staff, people);
    const status = transition(row, "submit");
    assertVersion(row, input.version);
    await assertStaffOfUnit(tx, row.unit_id, input.reviewerIds);
    await addPeople(
      tx,
      id,
      input.reviewerIds.map((s) => ({ staffId: s, role: "reviewer" as const })),
    );
    await tx
      .updateTable("documents")
      .set({ status, updated_at: now, version: row.version + 1 })
      .where("id", "=", id)
      .execute();
    await recordAudit(
      tx,
      {
        actor: actorOf(staff),
        action: "document.submit",
        entityType: "document",
        entityId: id,
        unitId: row.unit_id,
        summary: { reviewers: input.reviewerIds },
      },
      now,
    );
  });
}

export async function addComment(
  deps: DocumentDeps,
  staff: StaffPrincipal,
  id: string,
  input: z.infer<typeof CommentInput>,
): Promise<void> {
  const now = deps.clock();
  await deps.db.transaction().execute(async (tx) => {
    const { row } = await visibleDocument(tx, staff, id);
    if (row.status === "recalled") throw new AppError("DOCUMENT_STATE", { details: { status: row.status } });
    await tx
      .insertInto("document_comments")
      .values({
        document_id: id,
        staff_id: staff.staffId,
        kind: "comment",
        body: input.body,
        created_at: now,
      })
      .execute();
    await recordAudit(
      tx,
      {
        actor: actorOf(staff),
        action: "document.comment",
        entityType: "document",
        entityId: id,
        unitId: row.unit_id,
        summary: { length: input.body.length },
      },
      now,
    );
  });
}

/** A reviewer, the approving leader, or the clerk at the check before issuing sends the draft back with a reason. */
export async function sendBack(
  deps: DocumentDeps,
  staff: StaffPrincipal,
  id: string,
  input: z.infer<typeof ReasonInput>,
): Promise<void> {
  const now = deps.clock();
  await deps.db.transaction().execute(async (tx) => {
    const { row, people } = await visibleDocument(tx, staff, id, true);
    const roles = people.get(staff.staffId);
    const reviewer = roles?.has("reviewer") || roles?.has("approver");
    const leader = staff.unitId === row.unit_id && staff.roles.includes("leader");
    const clerk = staff.unitId === row.unit_id && staff.roles.includes("clerk") && row.status === "signed";
    if (!reviewer && !leader && !clerk) throw new AppError("FORBIDDEN", { details: { action: "send_back" } });
    const status = transition(row, "send_back");
    assertVersion(row, input.version);
    await tx
      .insertInto("document_comments")
      .values({
        document_id: id,
        staff_id: staff.staffId,
        kind: "send_back",
        body: input.reason,
        created_at: now,
      })
      .execute();
    // A signature on a document sent back no longer stands: the next approval signs the new version.
    await tx
      .updateTable("documents")
      .set({
        status,
        signed_file_id: null,
        signed_at: null,
        signer_id: null,
        signer_name: null,
        signer_position: null,
        signing_mode: null,
        signing_for: null,
        updated_at: now,
        version: row.version + 1,
      })
      .where("id", "=", id)
      .execute();
    await recordAudit(
      tx,
      {
        actor: actorOf(staff),
        action: "document.send_back",
        entityType: "document",
        entityId: id,
        unitId: row.unit_id,
        summary: { from: row.status },
      },
      now,
    );
  });
}

export { isUnitOfficer };
