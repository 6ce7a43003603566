import { type Kysely, sql } from "kysely";

/**
 * Catalog imports that run as jobs: the checked file waits in its row until a background pass claims it (a lease,
 * so a crashed pass is taken up again), writes it in one transaction and records how far it has got (done of
 * total procedures) and, when finished, the result or the errors.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE import_jobs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      staff_id uuid NOT NULL REFERENCES staff(id),
      unit_id uuid NOT NULL REFERENCES units(id),
      format text NOT NULL CHECK (format IN ('json','xlsx')),
      owner_code text,
      dry_run boolean NOT NULL,
      content bytea,
      status text NOT NULL CHECK (status IN ('pending','running','done','failed')),
      done int NOT NULL DEFAULT 0 CHECK (done >= 0),
      total int NOT NULL CHECK (total >= 1),
      attempts int NOT NULL DEFAULT 0,
      lease_until timestamptz,
      result jsonb,
      error_code text,
      issues jsonb,
      created_at timestamptz NOT NULL,
      finished_at timestamptz,
      CHECK ((status = 'done') = (result IS NOT NULL))
    )
  `.execute(db);
  await sql`CREATE INDEX import_jobs_due_idx ON import_jobs (created_at) WHERE status IN ('pending','running')`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
