/**
 * The life of a work file after it is opened (NĐ 30/2020 Điều 28–31): documents filed into it, the file closed
 * (kết thúc hồ sơ) by its keeper or the unit's leader, handed to the unit's archive by the clerk with the hand-over
 * list, and the year's list (danh mục hồ sơ) approved by the head. A closed or handed-over file takes no change.
 */
import { sql } from "kysely";
import type { Db, Executor } from "../../db/database.ts";
import { vietnamDate } from "../../domain/documents/index.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit/audit-log.ts";
import { updateVersioned } from "../audit/versioned-update.ts";
import { can } from "../auth/policy.ts";
import { actorOf, type StaffPrincipal } from "../auth/principal.ts";
import { getUnit } from "../units/queries.ts";
import { visibleTo } from "./access.ts";
import { visibleDocument } from "./drafting.ts";
import { assertVersion, iso } from "./rows.ts";
import { filedDossiers } from "./work-file-dossier-reads.ts";
import { archiveDueOn, archiveWarning } from "./work-file-rules.ts";

type UnitRef = { id: string; path: string };

export function mayReadFiles(staff: StaffPrincipal, ref: UnitRef): boolean {
  return (
    can(staff, "document.manage", ref) ||
    can(staff, "document.assign", ref) ||
    can(staff, "document.draft", ref)
  );
}

const hiddenFile = (id: string) => new AppError("NOT_FOUND", { details: { entity: "work_file", id } });
const forbidden = (action: string) => new AppError("FORBIDDEN", { details: { action } });
const day = (d: string | Date | null): string | null =>
  d === null ? null : typeof d === "string" ? d.slice(0, 10) : vietnamDate(d);

/** The file and its unit; a file the caller may not read is hidden (404), as is a missing one. */
export async function fileFor(db: Executor, staff: StaffPrincipal, id: string, forUpdate = false) {
  let q = db.selectFrom("work_files").selectAll().where("id", "=", id);
  if (forUpdate) q = q.forUpdate();
  const file = await q.executeTakeFirst();
  if (!file) throw hiddenFile(id);
  const unit = await getUnit(db, file.unit_id);
  // Files of other units are hidden, not forbidden.
  if (!mayReadFiles(staff, unit)) throw hiddenFile(id);
  return { file, unit };
}

function assertOpen(file: { id: string; status: string }): void {
  if (file.status === "closed" || file.status === "archived") {
    throw new AppError("INVALID_STATE", {
      details: { entity: "work_file", id: file.id, status: file.status },
    });
  }
}

/**
 * A file with the documents in it the caller may see (the others are only counted) and the dossier results filed
 * in it (every reader of the file is an officer of the unit that resolved them, so sees them).
 */
export async function workFileDetail(db: Executor, staff: StaffPrincipal, id: string, now: Date) {
  const { file, unit } = await fileFor(db, staff, id);
  const docs = await db
    .selectFrom("documents as d")
    .select([
      "d.id",
      "d.direction",
      "d.type_code",
      "d.notation",
      "d.original_number",
      "d.summary",
      "d.status",
      "d.created_at",
    ])
    .where("d.work_file_id", "=", file.id)
    .where(visibleTo(staff))
    .orderBy("d.created_at")
    .orderBy("d.id")
    .execute();
  const total = await db
    .selectFrom("documents")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("work_file_id", "=", file.id)
    .executeTakeFirstOrThrow();
  const dueOn = day(file.archive_due_on);
  return {
    id: file.id,
    unitId: unit.id,
    year: file.year,
    notation: file.notation,
    heading: file.heading,
    title: file.title,
    retentionYears: file.retention_years,
    inCatalog: file.in_catalog,
    catalogApproved: file.catalog_approved_by !== null,
    status: file.status,
    keeperId: file.keeper_id,
    note: file.note,
    openedAt: iso(file.opened_at),
    closedAt: iso(file.closed_at),
    workEndedOn: day(file.work_ended_on),
    archiveDueOn: dueOn,
    archiveWarning: file.status === "closed" ? archiveWarning(dueOn, vietnamDate(now)) : null,
    handedOverAt: iso(file.handed_over_at),
    handoverRecord: file.handover_record,
    version: file.version,
    hiddenDocuments: Number(total.n) - docs.length,
    documents: docs.map((d) => ({
      id: d.id,
      direction: d.direction,
      typeCode: d.type_code,
      code: (d.direction === "incoming" ? d.original_number : d.notation) ?? null,
      summary: d.summary,
      status: d.status,
    })),
    dossiers: await filedDossiers(db, file.id),
  };
}

/**
 * Files a document (outgoing or incoming) into a file of its unit, or takes it out (workFileId null). Anyone who
 * sees the document and reads the unit's files may do it; neither the old nor the new file may be closed.
 */
export async function fileDocument(
  db: Db,
  staff: StaffPrincipal,
  documentId: string,
  input: { version: number; workFileId: string | null },
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const { row } = await visibleDocument(tx, staff, documentId, true);
    if (!mayReadFiles(staff, { id: row.unit_id, path: row.unit_path })) throw forbidden("document.draft");
    if (input.workFileId) {
      const { file } = await fileFor(tx, staff, input.workFileId, true);
      if (file.unit_id !== row.unit_id) throw hiddenFile(input.workFileId);
      assertOpen(file);
    }
    if (row.work_file_id) {
      const current = await tx
        .selectFrom("work_files")
        .select(["id", "status"])
        .where("id", "=", row.work_file_id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      assertOpen(current);
    }
    assertVersion(row, input.version);
    await updateVersioned(tx, {
      table: "documents",
      id: row.id,
      version: row.version,
      changes: { work_file_id: input.workFileId, updated_at: now },
      audit: () => ({
        actor: actorOf(staff),
        action: "document.file",
        entityType: "document",
        entityId: row.id,
        unitId: row.unit_id,
        summary: { from: row.work_file_id, to: input.workFileId },
      }),
      now,
      entity: "document",
    });
  });
}

/**
 * Closes a file (kết thúc hồ sơ, NĐ 30/2020 Điều 28–31): its keeper or the unit's leader. The work ends on the given
 * day, by default the day of closing (our choice); the hand-over is due within 1 year of it
 * (Luật Lưu trữ 2011 Điều 11(1)(a), NĐ 30/2020 Điều 28–31).
 */
export async function closeWorkFile(
  db: Db,
  staff: StaffPrincipal,
  id: string,
  input: { version: number; workEndedOn?: string | undefined },
  now: Date,
) {
  return db.transaction().execute(async (tx) => {
    const { file, unit } = await fileFor(tx, staff, id, true);
    const keeper = file.keeper_id === staff.staffId && staff.unitId === unit.id;
    if (!keeper && !can(staff, "document.assign", unit)) throw forbidden("document.assign");
    assertVersion(file, input.version);
    assertOpen(file);
    const today = vietnamDate(now);
    const ended = input.workEndedOn ?? today;
    const opened = day(file.opened_at) ?? today;
    if (ended > today || ended < opened) {
      throw new AppError("DATE_OUT_OF_RANGE", { details: { field: "workEndedOn", min: opened, max: today } });
    }
    const dueOn = archiveDueOn(ended);
    await updateVersioned(tx, {
      table: "work_files",
      id: file.id,
      version: file.version,
      changes: {
        status: "closed",
        closed_at: now,
        work_ended_on: ended,
        archive_due_on: dueOn,
      },
      audit: () => ({
        actor: actorOf(staff),
        action: "work_file.close",
        entityType: "work_file",
        entityId: file.id,
        unitId: unit.id,
        summary: { workEndedOn: ended, archiveDueOn: dueOn },
      }),
      now,
      entity: "work_file",
    });
    return { archiveDueOn: dueOn };
  });
}

/**
 * Hands a closed file to the unit's archive (nộp lưu, NĐ 30/2020 Điều 28–31) with the hand-over record (biên bản giao
 * nhận): the unit's clerk, who keeps its archive. Our choice: a late hand-over is still taken (the file must reach
 * the archive) and the audit marks it late.
 */
export async function handOverWorkFile(
  db: Db,
  staff: StaffPrincipal,
  id: string,
  input: { version: number; record: string },
  now: Date,
) {
  await db.transaction().execute(async (tx) => {
    const { file, unit } = await fileFor(tx, staff, id, true);
    if (!can(staff, "document.manage", unit)) throw forbidden("document.manage");
    assertVersion(file, input.version);
    if (file.status !== "closed") {
      throw new AppError("INVALID_STATE", { details: { entity: "work_file", id, status: file.status } });
    }
    const dueOn = day(file.archive_due_on);
    await updateVersioned(tx, {
      table: "work_files",
      id: file.id,
      version: file.version,
      changes: {
        status: "archived",
        handed_over_at: now,
        handover_record: input.record,
      },
      audit: () => ({
        actor: actorOf(staff),
        action: "work_file.hand_over",
        entityType: "work_file",
        entityId: file.id,
        unitId: unit.id,
        summary: { record: input.record, late: dueOn !== null && vietnamDate(now) > dueOn },
      }),
      now,
      entity: "work_file",
    });
  });
}

/**
 * The head approves the year's file list (danh mục hồ sơ, NĐ 30/2020 Điều 28): every entry of the list still in
 * draft becomes approved (draft → approved). Nothing left to approve is a 409.
 */
export async function approveCatalog(db: Db, staff: StaffPrincipal, unitId: string, year: number, now: Date) {
  const unit = await getUnit(db, unitId);
  if (!can(staff, "document.assign", unit)) throw forbidden("document.assign");
  return db.transaction().execute(async (tx) => {
    const rows = await tx
      .updateTable("work_files")
      .set((eb) => ({ catalog_approved_by: staff.staffId, version: eb("version", "+", 1) }))
      .where("unit_id", "=", unit.id)
      .where("year", "=", year)
      .where("in_catalog", "=", true)
      .where("catalog_approved_by", "is", null)
      .returning("notation")
      .execute();
    if (rows.length === 0) {
      throw new AppError("INVALID_STATE", { details: { entity: "work_file_catalog", year, pending: 0 } });
    }
    await recordAudit(
      tx,
      {
        actor: actorOf(staff),
        action: "work_file.catalog_approve",
        entityType: "unit",
        entityId: unit.id,
        unitId: unit.id,
        summary: { year, notations: rows.map((r) => r.notation).sort() },
      },
      now,
    );
    return { approved: rows.length };
  });
}

/**
 * The hand-over list (mục lục hồ sơ, tài liệu nộp lưu) of a year's files that are closed or handed over: order,
 * số và ký hiệu hồ sơ, title, the dates of its documents, retention, number of pages, note.
 */
export async function handOverList(db: Executor, staff: StaffPrincipal, unitId: string, year: number) {
  const unit = await getUnit(db, unitId);
  if (!mayReadFiles(staff, unit)) throw forbidden("document.read");
  return handOverListOf(db, unit, year);
}

/** The list itself, for a caller already authorised (the route above, the background pass that prints it). */
export async function handOverListOf(db: Executor, unit: { id: string; name: string }, year: number) {
  const rows = await db
    .selectFrom("work_files as f")
    .leftJoin("documents as d", "d.work_file_id", "f.id")
    .select([
      "f.id",
      "f.notation",
      "f.title",
      "f.retention_years",
      "f.status",
      "f.opened_at",
      "f.work_ended_on",
    ])
    .select((eb) => [
      eb.fn.count<number>("d.id").as("documents"),
      eb
        .selectFrom("work_file_dossiers as w")
        .select(sql<number>`count(*)::int`.as("n"))
        .whereRef("w.work_file_id", "=", "f.id")
        .as("dossiers"),
      eb.fn.coalesce(eb.fn.sum<number>("d.page_count"), eb.lit(0)).as("pages"),
    ])
    .where("f.unit_id", "=", unit.id)
    .where("f.year", "=", year)
    .where("f.status", "in", ["closed", "archived"])
    .groupBy([
      "f.id",
      "f.notation",
      "f.title",
      "f.retention_years",
      "f.status",
      "f.opened_at",
      "f.work_ended_on",
    ])
    .orderBy("f.notation")
    .execute();
  return {
    unitName: unit.name,
    year,
    items: rows.map((r, i) => ({
      ordinal: i + 1,
      id: r.id,
      notation: r.notation,
      title: r.title,
      startDate: day(r.opened_at),
      endDate: day(r.work_ended_on),
      retention: r.retention_years === null ? "Vĩnh viễn" : `${r.retention_years} năm`,
      // The dossier results are papers of the file as its documents are.
      documents: Number(r.documents) + Number(r.dossiers ?? 0),
      pages: Number(r.pages),
      handedOver: r.status === "archived",
    })),
  };
}
