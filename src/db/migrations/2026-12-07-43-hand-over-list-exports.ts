import { type Kysely, sql } from "kysely";

/**
 * The printed hand-over list of a unit's work files for a year (mục lục hồ sơ, tài liệu nộp lưu, NĐ 30/2020 Điều
 * 28–31): a request is a row, rendered as PDF off the request path by a background pass that claims rows with FOR
 * UPDATE SKIP LOCKED (attempt counted, lease set), as the report exports are; the file is kept on the row once done.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE hand_over_list_exports (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      unit_id uuid NOT NULL REFERENCES units(id),
      requested_by uuid REFERENCES staff(id),
      year int NOT NULL CHECK (year BETWEEN 2000 AND 2199),
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','running','done','failed')),
      attempts int NOT NULL DEFAULT 0,
      lease_until timestamptz,
      error text,
      filename text,
      content bytea,
      requested_at timestamptz NOT NULL,
      finished_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX hand_over_list_exports_due_idx ON hand_over_list_exports (requested_at)
    WHERE status IN ('pending','running')`.execute(db);
  await sql`CREATE INDEX hand_over_list_exports_unit_idx ON hand_over_list_exports (unit_id, requested_at)`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
