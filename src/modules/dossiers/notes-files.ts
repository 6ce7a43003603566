/**
 * Notes and files. Scans and attachments are uploaded by an officer of a unit (strict inspection: PDF, JPEG, PNG)
 * and attached by that unit; a dossier's files are readable by whoever may read the dossier. Notes are added by
 * any unit the dossier passed through; they do not change the dossier's state or version.
 */
import type { z } from "zod";
import type { FileStore } from "../../adapters/storage/file-store.ts";
import type { FileBrief, FileUploadInput, NoteInput } from "../../contracts/dossiers.ts";
import type { Db, Executor } from "../../db/database.ts";
import { AppError } from "../../errors.ts";
import { requireStaff } from "../auth/policy.ts";
import { actorOf, type Principal } from "../auth/principal.ts";
import { DOSSIER_COMPONENT_POLICY } from "../files/inspect-upload.ts";
import { storeUpload } from "../files/store-upload.ts";
import { acts, assertCanRead, involvedUnits, unitInfo } from "./access.ts";
import { type ActionContext, appendEvent, lockDossier } from "./engine.ts";
import { checkUploads, linkFiles, UPLOAD_PURPOSE } from "./papers.ts";

const ROLES = ["reception", "specialist", "leader", "clerk"] as const;

export function uploadUrl(fileId: string): string {
  return `/api/v1/dossier-files/${fileId}`;
}

export async function uploadDossierFile(
  db: Db,
  store: FileStore,
  principal: Principal,
  input: z.infer<typeof FileUploadInput>,
  now: Date,
): Promise<FileBrief> {
  const staff = requireStaff(principal);
  const unit = await unitInfo(db, staff.unitId);
  if (!ROLES.some((role) => acts(staff, role, unit))) {
    throw new AppError("FORBIDDEN", { details: { action: "dossier.receive" } });
  }
  const bytes = Buffer.from(input.file, "base64");
  const row = await db.transaction().execute((tx) =>
    storeUpload(
      tx,
      store,
      { bytes, name: input.filename, contentType: input.contentType },
      {
        policy: DOSSIER_COMPONENT_POLICY,
        unitId: unit.id,
        purpose: UPLOAD_PURPOSE,
        actor: actorOf(staff),
        now,
      },
    ),
  );
  return { id: row.id, name: row.name, mime: row.mime, size: Number(row.size), url: uploadUrl(row.id) };
}

/**
 * An upload of the caller's unit (before it is attached), for the officers who handle dossiers there: a unit
 * administrator or a supervisor of the same unit does not read citizens' scans.
 */
export async function uploadedFile(db: Executor, principal: Principal, fileId: string) {
  const staff = requireStaff(principal);
  const unit = await unitInfo(db, staff.unitId);
  const row = await db.selectFrom("files").selectAll().where("id", "=", fileId).executeTakeFirst();
  if (
    !row ||
    row.purpose !== UPLOAD_PURPOSE ||
    row.unit_id !== staff.unitId ||
    !ROLES.some((role) => acts(staff, role, unit))
  ) {
    throw new AppError("NOT_FOUND", { details: { entity: "file" } });
  }
  return row;
}

/** A file that belongs to a dossier the caller may read. */
export async function dossierFile(db: Executor, principal: Principal, dossierId: string, fileId: string) {
  const dossier = await db
    .selectFrom("dossiers")
    .select(["id", "received_unit_id", "current_unit_id", "status"])
    .where("id", "=", dossierId)
    .executeTakeFirst();
  if (!dossier) throw new AppError("NOT_FOUND", { details: { entity: "dossier" } });
  await assertCanRead(db, principal, dossier);
  const row = await db
    .selectFrom("dossier_files as l")
    .innerJoin("files as f", "f.id", "l.file_id")
    .selectAll("f")
    .where("l.dossier_id", "=", dossierId)
    .where("l.file_id", "=", fileId)
    .executeTakeFirst();
  if (!row) throw new AppError("NOT_FOUND", { details: { entity: "file" } });
  return row;
}

export async function addNote(ctx: ActionContext, id: string, input: z.infer<typeof NoteInput>) {
  const { tx, now, principal } = ctx;
  const row = await lockDossier(tx, id);
  await assertCanRead(tx, principal, row);
  const units = await involvedUnits(tx, row);
  if (!units.some((u) => u.id === principal.unitId)) {
    throw new AppError("FORBIDDEN", { details: { action: "dossier.note" } });
  }
  const files = await checkUploads(tx, principal.unitId, input.fileIds ?? []);
  const note = await tx
    .insertInto("dossier_notes")
    .values({
      dossier_id: row.id,
      unit_id: principal.unitId,
      author_id: principal.staffId,
      at: now,
      text: input.text,
      file_ids: files,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await linkFiles(tx, row.id, files, "note");
  await appendEvent(ctx, row, {
    action: "note",
    fromStatus: row.status,
    detail: { noteId: note.id, files: files.length },
  });
  return row;
}
