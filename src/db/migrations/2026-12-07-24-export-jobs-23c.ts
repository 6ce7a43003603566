import { type Kysely, sql } from "kysely";

/**
 * Exports that run as jobs: the officer who asked, how far it has got (done of total), and the file when done.
 * The row is the job's state, so that any server process can answer the progress and the download.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE export_jobs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      staff_id uuid NOT NULL REFERENCES staff(id),
      kind text NOT NULL CHECK (kind IN ('catalog_json','catalog_xlsx')),
      owner_code text,
      status text NOT NULL CHECK (status IN ('running','done','failed')),
      done int NOT NULL DEFAULT 0 CHECK (done >= 0),
      total int NOT NULL DEFAULT 1 CHECK (total >= 1),
      file_id uuid REFERENCES files(id),
      filename text,
      error_code text,
      created_at timestamptz NOT NULL,
      finished_at timestamptz,
      CHECK ((status = 'done') = (file_id IS NOT NULL))
    )
  `.execute(db);
  await sql`CREATE INDEX export_jobs_staff_idx ON export_jobs (staff_id, created_at)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
