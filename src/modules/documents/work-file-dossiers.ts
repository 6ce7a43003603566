/**
 * Dossier results in work files (hồ sơ công việc, NĐ 30/2020 Điều 28–31): the result of a one-stop dossier (hồ sơ
 * TTHC) that reached its result is filed into an open work file of the unit that resolved it, beside the official
 * documents of the matter. Who reads the unit's files and sees the dossier may file it (as for a document,
 * work-file-lifecycle.ts fileDocument); a result is filed once, in one file.
 *
 * Refusals, in order: a file the caller may not read, or a dossier it may not see, is hidden (404); a visible
 * dossier resolved by another unit is 403; a closed or handed-over file, a dossier without a result, and a
 * dossier already filed are 409 with their own codes.
 */
import type { Db, Executor } from "../../db/database.ts";
import type { DossierStatus } from "../../domain/dossier/index.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit/audit-log.ts";
import { actorOf, type StaffPrincipal } from "../auth/principal.ts";
import { assertCanRead } from "../dossiers/access.ts";
import { fileFor } from "./work-file-lifecycle.ts";

/** The statuses in which a dossier has its result: recorded and waiting at the desk, or returned to the applicant. */
const WITH_RESULT: readonly DossierStatus[] = ["result_ready", "returned"];

const hiddenDossier = () => new AppError("NOT_FOUND", { details: { entity: "dossier" } });

/**
 * The unit that resolved the dossier: the authority recorded beside its code (NĐ 118/2025 art. 28; a transfer that
 * another body decided records that body), else the unit that received it.
 */
async function resolvingUnitId(
  db: Executor,
  row: { resolving_agency_code: string | null; received_unit_id: string },
): Promise<string> {
  if (!row.resolving_agency_code) return row.received_unit_id;
  const unit = await db
    .selectFrom("units")
    .select("id")
    .where("code", "=", row.resolving_agency_code)
    .executeTakeFirst();
  return unit?.id ?? row.received_unit_id;
}

/** Files a dossier's result into a work file: one transaction with its audit event. */
export async function fileDossierResult(
  db: Db,
  staff: StaffPrincipal,
  fileId: string,
  input: { dossierId?: string | undefined; code?: string | undefined },
  now: Date,
): Promise<{ dossierId: string; code: string | null }> {
  return db.transaction().execute(async (tx) => {
    const { file, unit } = await fileFor(tx, staff, fileId, true);
    let q = tx
      .selectFrom("dossiers")
      .select([
        "id",
        "code",
        "status",
        "received_unit_id",
        "current_unit_id",
        "resolving_agency_code",
        "result_number",
      ]);
    q = input.dossierId ? q.where("id", "=", input.dossierId) : q.where("code", "=", input.code ?? "");
    const dossier = await q.executeTakeFirst();
    if (!dossier) throw hiddenDossier();
    await assertCanRead(tx, staff, dossier);
    // A work file holds the documents of the unit's own work (NĐ 30/2020 Điều 28): another unit's result is not ours.
    if ((await resolvingUnitId(tx, dossier)) !== unit.id) {
      throw new AppError("FORBIDDEN", { details: { reason: "not_resolving_unit", dossierId: dossier.id } });
    }
    // A closed file takes no change (kết thúc hồ sơ, Điều 28–31); a handed-over one is the archive's.
    if (file.status === "closed" || file.status === "archived") {
      throw new AppError("WORK_FILE_CLOSED", { details: { id: file.id, status: file.status } });
    }
    if (!WITH_RESULT.includes(dossier.status as DossierStatus) || dossier.result_number === null) {
      throw new AppError("DOSSIER_NO_RESULT", { details: { dossierId: dossier.id, status: dossier.status } });
    }
    // The unique dossier_id decides a race between two filings: the second inserts nothing.
    const filed = await tx
      .insertInto("work_file_dossiers")
      .values({
        work_file_id: file.id,
        dossier_id: dossier.id,
        unit_id: unit.id,
        filed_by: staff.staffId,
        filed_at: now,
      })
      .onConflict((oc) => oc.column("dossier_id").doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!filed) {
      const where = await tx
        .selectFrom("work_file_dossiers as w")
        .innerJoin("work_files as f", "f.id", "w.work_file_id")
        .select(["f.id", "f.notation", "f.unit_id"])
        .where("w.dossier_id", "=", dossier.id)
        .executeTakeFirstOrThrow();
      throw new AppError("DOSSIER_ALREADY_FILED", {
        details: {
          dossierId: dossier.id,
          // Where it is, only when that file is one the caller reads (a file of the same unit).
          ...(where.unit_id === unit.id ? { workFileId: where.id, notation: where.notation } : {}),
        },
      });
    }
    await recordAudit(
      tx,
      {
        actor: actorOf(staff),
        action: "work_file.file_dossier",
        entityType: "work_file",
        entityId: file.id,
        unitId: unit.id,
        summary: { dossierId: dossier.id, code: dossier.code },
      },
      now,
    );
    return { dossierId: dossier.id, code: dossier.code };
  });
}
