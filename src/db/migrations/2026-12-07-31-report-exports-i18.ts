import { type Kysely, sql } from "kysely";

/**
 * Exports of the periodic dossier report as PDF or XLSX: a request is a row, rendered off the request path by a
 * background pass that claims rows with FOR UPDATE SKIP LOCKED (attempt counted, lease set), like the OCR of
 * documents; the file is kept on the row once done.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE report_exports (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      unit_id uuid NOT NULL REFERENCES units(id),
      requested_by uuid REFERENCES staff(id),
      kind text NOT NULL CHECK (kind IN ('dossiers')),
      period jsonb NOT NULL,
      rollup boolean NOT NULL,
      format text NOT NULL CHECK (format IN ('pdf','xlsx')),
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','running','done','failed')),
      attempts int NOT NULL DEFAULT 0,
      lease_until timestamptz,
      error text,
      filename text,
      content bytea,
      requested_at timestamptz NOT NULL,
      finished_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX report_exports_due_idx ON report_exports (requested_at) WHERE status IN ('pending','running')`.execute(
    db,
  );
  await sql`CREATE INDEX report_exports_unit_idx ON report_exports (unit_id, requested_at)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
