import { type Kysely, sql } from "kysely";

/**
 * Dossier results filed into work files (hồ sơ công việc, NĐ 30/2020 Điều 28–31): the result of a one-stop dossier
 * (hồ sơ TTHC) becomes part of a work file of the unit that resolved it. One row per dossier: a result is filed
 * once, in one file (as a document carries one work_file_id); the unit is the file's, kept for scoped reads.
 *
 * work_file_items, created with the documents but never used (documents are filed through documents.work_file_id),
 * is dropped: it held no rows, and its (document | dossier, seq, removed_at) shape is replaced by this table.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE work_file_items`.execute(db);
  await sql`
    CREATE TABLE work_file_dossiers (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      work_file_id uuid NOT NULL REFERENCES work_files(id),
      dossier_id uuid NOT NULL UNIQUE REFERENCES dossiers(id),
      unit_id uuid NOT NULL REFERENCES units(id),
      filed_by uuid NOT NULL REFERENCES staff(id),
      filed_at timestamptz NOT NULL
    )
  `.execute(db);
  await sql`CREATE INDEX work_file_dossiers_file_idx ON work_file_dossiers (work_file_id, filed_at)`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
