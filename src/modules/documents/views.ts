/** Reading documents: the detail (audited when confidential), listings per box, full-text search. */
import { type ExpressionBuilder, sql } from "kysely";
import type { z } from "zod";
import type { DocumentDetail, DocumentListQuery, DocumentSummary } from "../../contracts/documents.ts";
import type { Database, Executor } from "../../db/database.ts";
import type { DocumentPersonRole } from "../../db/tables/documents.ts";
import { parseLocalDate } from "../../domain/calendar/index.ts";
import {
  assignmentTiming,
  documentType,
  queryWords,
  URGENCY_RANK,
  vietnamDate,
} from "../../domain/documents/index.ts";
import { recordAudit } from "../audit/audit-log.ts";
import { actorOf, type StaffPrincipal } from "../auth/principal.ts";
import { calendarFor } from "../calendar/calendar-for.ts";
import { visibleTo } from "./access.ts";
import type { DocumentDeps } from "./deps.ts";
import { visibleDocument } from "./drafting.ts";
import { type DocumentRow, iso } from "./rows.ts";

type SummaryRow = Pick<
  DocumentRow,
  | "id"
  | "unit_id"
  | "unit_name"
  | "direction"
  | "status"
  | "type_code"
  | "summary"
  | "urgency"
  | "confidentiality"
  | "notation"
  | "number"
  | "original_number"
  | "issued_on"
  | "issuer_name"
  | "arrived_at"
  | "register_due_on"
  | "reply_due_on"
  | "duplicate_of"
  | "created_at"
  | "version"
>;

export function toSummary(r: SummaryRow): DocumentSummary {
  const incoming = r.direction === "incoming";
  return {
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    direction: r.direction,
    status: r.status === "recalled" ? ("recalled" as const) : r.status,
    typeCode: r.type_code,
    typeName: documentType(r.type_code)?.name ?? r.type_code,
    summary: r.summary,
    urgency: r.urgency,
    confidentiality: r.confidentiality,
    numberAndNotation: incoming ? r.original_number : r.notation,
    issuedOn: incoming ? null : r.issued_on,
    issuerName: r.issuer_name,
    arrivalNumber: incoming ? r.number : null,
    arrivedAt: iso(r.arrived_at),
    registerDueOn: r.register_due_on,
    replyDueOn: r.reply_due_on,
    duplicateOf: r.duplicate_of,
    createdAt: iso(r.created_at) as string,
    version: r.version,
  } as DocumentSummary;
}

/** What the caller may do on the document now (the UI shows these buttons; the server checks again). */
function actionsOf(
  staff: StaffPrincipal,
  row: DocumentRow,
  roles: Set<DocumentPersonRole> | undefined,
): string[] {
  const mine = row.unit_id === staff.unitId;
  const clerk = mine && staff.roles.includes("clerk");
  const leader = mine && staff.roles.includes("leader");
  const drafter = roles?.has("drafter") ?? false;
  const out: string[] = [];
  if (row.status !== "recalled") out.push("comment");
  if (row.direction === "outgoing") {
    if (drafter && (row.status === "draft" || row.status === "returned")) out.push("edit", "submit");
    if (row.status === "submitted" && (leader || roles?.has("reviewer"))) out.push("send_back");
    if (row.status === "submitted" && leader) out.push("sign");
    if (row.status === "signed" && clerk) out.push("issue", "send_back");
    if ((row.status === "issued" || row.status === "sent") && clerk) out.push("send");
    if (row.status === "sent" && (clerk || leader)) out.push("recall");
  } else {
    if (row.status === "arrived" && clerk) out.push("register", "refuse");
    if (["registered", "assigned", "in_progress"].includes(row.status) && leader) out.push("assign");
    const handler = roles?.has("assignee") || leader;
    if (["assigned", "in_progress"].includes(row.status) && handler) out.push("start", "done", "reply");
    if (row.status === "registered" && leader) out.push("done");
  }
  return out;
}

export async function documentDetail(
  deps: DocumentDeps,
  staff: StaffPrincipal,
  id: string,
): Promise<DocumentDetail> {
  const { row, people } = await visibleDocument(deps.db, staff, id);
  if (row.confidentiality !== "normal") {
    // Every view of a confidential document is recorded (who, when).
    await deps.db.transaction().execute((tx) =>
      recordAudit(
        tx,
        {
          actor: actorOf(staff),
          action: "document.view_confidential",
          entityType: "document",
          entityId: id,
          unitId: row.unit_id,
          summary: { confidentiality: row.confidentiality },
        },
        deps.clock(),
      ),
    );
  }
  const db = deps.db;
  const versions = await db
    .selectFrom("document_versions as v")
    .leftJoin("staff as s", "s.id", "v.created_by")
    .select(["v.seq", "v.note", "v.created_at", "s.full_name"])
    .where("v.document_id", "=", id)
    .orderBy("v.seq")
    .execute();
  const comments = await db
    .selectFrom("document_comments as c")
    .innerJoin("staff as s", "s.id", "c.staff_id")
    .select(["c.kind", "c.body", "c.created_at", "s.full_name"])
    .where("c.document_id", "=", id)
    .orderBy("c.created_at")
    .execute();
  const recipients = await db
    .selectFrom("document_recipients as r")
    .leftJoin("units as u", "u.id", "r.unit_id")
    .select([
      "r.id",
      "r.unit_id",
      "u.name",
      "u.code",
      "r.outside_name",
      "r.channel",
      "r.status",
      "r.incoming_number",
      "r.reason",
      "r.status_at",
    ])
    .where("r.document_id", "=", id)
    .orderBy("u.code")
    .orderBy("r.outside_name")
    .execute();
  const assignments = await db
    .selectFrom("document_assignments as a")
    .innerJoin("staff as s", "s.id", "a.staff_id")
    .select(["a.staff_id", "s.full_name", "a.role", "a.due_on", "a.done_at"])
    .where("a.document_id", "=", id)
    .orderBy("a.assigned_at")
    .execute();
  const fileId = row.issued_file_id ?? row.signed_file_id ?? row.current_file_id;
  const workFile = row.work_file_id
    ? await db
        .selectFrom("work_files")
        .select("notation")
        .where("id", "=", row.work_file_id)
        .executeTakeFirst()
    : undefined;
  return {
    ...toSummary(row),
    contentText: row.content_text,
    signingMode: row.signing_mode,
    signingFor: row.signing_for,
    signerName: row.signer_name,
    signerPosition: row.signer_position,
    signedAt: iso(row.signed_at),
    issuedAt: iso(row.issued_at),
    originalNumber: row.original_number,
    originalDate: row.original_date,
    origin: row.origin,
    registeredAt: iso(row.registered_at),
    signatureCheck: row.signature_check,
    repliesToId: row.replies_to_id,
    sourceDocumentId: row.direction === "incoming" ? null : row.source_document_id,
    workFileId: row.work_file_id,
    ocrStatus: row.ocr_status,
    fileUrl: fileId ? `/api/v1/documents/${id}/file` : null,
    versions: versions.map((v) => ({
      seq: v.seq,
      note: v.note,
      createdAt: iso(v.created_at) as string,
      by: v.full_name,
    })),
    comments: comments.map((c) => ({
      kind: c.kind,
      body: c.body,
      by: c.full_name,
      createdAt: iso(c.created_at) as string,
    })),
    recipients: recipients.map((r) => ({
      id: r.id,
      unitId: r.unit_id,
      name: r.name ?? r.outside_name ?? "",
      channel: r.channel,
      status: r.status,
      incomingNumber: r.incoming_number,
      reason: r.reason,
      statusAt: iso(r.status_at),
    })),
    assignments: assignments.map((a) => ({
      staffId: a.staff_id,
      name: a.full_name,
      role: a.role,
      dueOn: a.due_on,
      doneAt: iso(a.done_at),
    })),
    arrivalStamp: arrivalStamp(row, assignments, workFile?.notation ?? null),
    actions: actionsOf(staff, row, people.get(staff.staffId)),
  };
}

/**
 * The "ĐẾN" stamp of a registered incoming document (NĐ 30/2020 Phụ lục IV, mẫu dấu "ĐẾN", 35×50 mm): the
 * receiving agency, the incoming number, the day (and hour) it arrived as in Vietnam, to whom it was passed (the
 * lead first) and the work file it is kept in. Electronic documents carry these as data, shown like the stamp.
 */
function arrivalStamp(
  row: DocumentRow,
  assignments: { full_name: string; role: string }[],
  workFile: string | null,
): DocumentDetail["arrivalStamp"] {
  if (row.direction !== "incoming" || row.number === null || !row.arrived_at) return null;
  const arrived = new Date(row.arrived_at);
  const rank = (role: string) => (role === "lead" ? 0 : role === "support" ? 1 : 2);
  const passedTo = [...assignments].sort((a, b) => rank(a.role) - rank(b.role)).map((a) => a.full_name);
  return {
    agency: row.unit_name,
    number: row.number,
    date: vietnamDate(arrived),
    time: new Date(arrived.getTime() + 7 * 3_600_000).toISOString().slice(11, 16),
    passedTo: [...new Set(passedTo)],
    workFile,
  };
}

/** The PDF to show: the issued one, else the signed one, else the latest draft. Audited like the detail. */
export async function documentFile(
  deps: DocumentDeps,
  staff: StaffPrincipal,
  id: string,
): Promise<{ bytes: Uint8Array; name: string; mime: string }> {
  await documentDetail(deps, staff, id);
  const { row } = await visibleDocument(deps.db, staff, id);
  const fileId = row.issued_file_id ?? row.signed_file_id ?? row.current_file_id;
  const file = await deps.db
    .selectFrom("files")
    .select(["sha256", "name", "mime"])
    .where("id", "=", fileId ?? "")
    .executeTakeFirstOrThrow();
  return { bytes: await deps.files.get(file.sha256), name: file.name, mime: file.mime };
}

const SUMMARY_COLUMNS = [
  "d.id",
  "d.unit_id",
  "u.name as unit_name",
  "d.direction",
  "d.status",
  "d.type_code",
  "d.summary",
  "d.urgency",
  "d.confidentiality",
  "d.notation",
  "d.number",
  "d.original_number",
  "d.issued_on",
  "d.issuer_name",
  "d.arrived_at",
  "d.register_due_on",
  "d.reply_due_on",
  "d.duplicate_of",
  "d.created_at",
  "d.version",
] as const;

/**
 * A box of the workspace, newest first, urgent ones on top (NĐ 30/2020 Điều 22(2)); with `q`, every word
 * (without regard to case or diacritics) must appear in the number, summary, issuer, content or OCR text.
 */
export async function listDocuments(
  db: Executor,
  staff: StaffPrincipal,
  query: z.infer<typeof DocumentListQuery>,
  now: Date = new Date(),
): Promise<{ items: DocumentSummary[]; total: number }> {
  let q = db
    .selectFrom("documents as d")
    .innerJoin("units as u", "u.id", "d.unit_id")
    .where(visibleTo(staff));
  const mine =
    (role: DocumentPersonRole) => (eb: ExpressionBuilder<Database & { d: Database["documents"] }, "d">) =>
      eb.exists(
        eb
          .selectFrom("document_people as p")
          .select(sql`1`.as("one"))
          .whereRef("p.document_id", "=", "d.id")
          .where("p.staff_id", "=", staff.staffId)
          .where("p.role", "=", role),
      );
  switch (query.box) {
    case "drafts":
      q = q
        .where("d.direction", "=", "outgoing")
        .where("d.status", "in", ["draft", "returned"])
        .where(mine("drafter"));
      break;
    case "approval":
      q = q.where("d.direction", "=", "outgoing").where("d.status", "=", "submitted");
      break;
    case "issuing":
      q = q.where("d.direction", "=", "outgoing").where("d.status", "in", ["signed", "issued"]);
      break;
    case "outgoing":
      q = q.where("d.direction", "=", "outgoing").where("d.status", "in", ["issued", "sent", "recalled"]);
      break;
    case "incoming":
      q = q.where("d.direction", "=", "incoming");
      break;
    case "tasks":
      q = q
        .where("d.direction", "=", "incoming")
        .where("d.status", "in", ["assigned", "in_progress"])
        .where(mine("assignee"));
      break;
    case "all":
      break;
  }
  for (const word of queryWords(query.q ?? "")) {
    q = q.where("d.search_text", "like", `%${word.replace(/[\\%_]/g, "\\$&")}%`);
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const rows = await q
    .select([...SUMMARY_COLUMNS])
    .orderBy(
      sql`CASE d.urgency WHEN 'hoa_toc' THEN ${URGENCY_RANK.hoa_toc} WHEN 'thuong_khan' THEN ${URGENCY_RANK.thuong_khan} WHEN 'khan' THEN ${URGENCY_RANK.khan} ELSE 0 END`,
      "desc",
    )
    .orderBy("d.created_at", "desc")
    .orderBy("d.id")
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  const items = rows.map((r) => toSummary(r as SummaryRow));
  if (query.box === "tasks" && items.length > 0) await addTasks(db, staff, items, now);
  return { items, total: Number(total.n) };
}

/** The caller's assignment on each listed document, marked due soon or overdue (NĐ 30/2020 Điều 24). */
async function addTasks(db: Executor, staff: StaffPrincipal, items: DocumentSummary[], now: Date) {
  const assignments = await db
    .selectFrom("document_assignments")
    .select(["document_id", "role", "due_on", "done_at"])
    .where("staff_id", "=", staff.staffId)
    .where(
      "document_id",
      "in",
      items.map((i) => i.id),
    )
    .execute();
  const mine = new Map(assignments.map((a) => [a.document_id, a]));
  const today = parseLocalDate(vietnamDate(now));
  const calendars = new Map<string, Awaited<ReturnType<typeof calendarFor>>>();
  for (const item of items) {
    const a = mine.get(item.id);
    if (!a) continue;
    let timing: "due_soon" | "overdue" | null = null;
    if (a.due_on && !a.done_at) {
      let calendar = calendars.get(item.unitId);
      if (!calendar) {
        calendar = await calendarFor(db, item.unitId);
        calendars.set(item.unitId, calendar);
      }
      timing = assignmentTiming(calendar, parseLocalDate(a.due_on), today);
    }
    item.task = { role: a.role, dueOn: a.due_on, timing };
  }
}
