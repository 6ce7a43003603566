/**
 * Reads of the dossier results filed in work files (work-file-dossiers.ts files them): the list a file's screen and
 * its Phụ lục VI export show, and the count per file of the year's list.
 */
import { sql } from "kysely";
import type { Executor } from "../../db/database.ts";
import { vietnamDate } from "../../domain/documents/index.ts";

/** One filed dossier result as the file's screen and export show it. */
export interface FiledDossier {
  id: string;
  code: string | null;
  procedureName: string;
  applicantKind: "person" | "organisation";
  applicantName: string;
  resultNumber: string | null;
  /** The day the result was signed (ngày ký kết quả), else the day it was recorded, yyyy-mm-dd. */
  resultDate: string | null;
  resultSigner: string | null;
  status: string;
  filedAt: string;
}

const day = (d: string | Date | null): string | null =>
  d === null ? null : typeof d === "string" ? d.slice(0, 10) : vietnamDate(d);

/** The dossier results filed in a file, in the order they were filed. */
export async function filedDossiers(db: Executor, fileId: string): Promise<FiledDossier[]> {
  const rows = await db
    .selectFrom("work_file_dossiers as w")
    .innerJoin("dossiers as d", "d.id", "w.dossier_id")
    .select([
      "d.id",
      "d.code",
      "d.procedure_name",
      "d.applicant_kind",
      "d.applicant_name",
      "d.result_number",
      "d.result_signed_on",
      "d.result_recorded_at",
      "d.result_signer",
      "d.status",
      "w.filed_at",
    ])
    .where("w.work_file_id", "=", fileId)
    .orderBy("w.filed_at")
    .orderBy("w.id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    procedureName: r.procedure_name,
    applicantKind: r.applicant_kind,
    applicantName: r.applicant_name,
    resultNumber: r.result_number,
    resultDate: day(r.result_signed_on) ?? day(r.result_recorded_at),
    resultSigner: r.result_signer,
    status: r.status,
    filedAt: new Date(r.filed_at).toISOString(),
  }));
}

/** How many dossier results each of the given files holds. */
export async function filedDossierCounts(
  db: Executor,
  fileIds: readonly string[],
): Promise<Map<string, number>> {
  if (fileIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("work_file_dossiers")
    .select(["work_file_id", sql<number>`count(*)::int`.as("n")])
    .where("work_file_id", "in", fileIds)
    .groupBy("work_file_id")
    .execute();
  return new Map(rows.map((r) => [r.work_file_id, Number(r.n)]));
}
