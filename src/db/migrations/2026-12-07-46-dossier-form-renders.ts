import { type Kysely, sql } from "kysely";

/**
 * Dossier forms rendered off the request path: a form issued by an officer's action is queued for rendering
 * (render_queued_at) in the issuing transaction, and a pass claims queued forms that have no file yet with FOR
 * UPDATE SKIP LOCKED (attempt counted, lease set), so a crash mid-render leaves the form to the next pass once the
 * lease has run out. Forms not queued (seeded, issued by the portal, DOSSIER_FORMS=on_download) are rendered on
 * first download, as before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE dossier_forms
      ADD COLUMN render_queued_at timestamptz,
      ADD COLUMN render_attempts int NOT NULL DEFAULT 0,
      ADD COLUMN render_lease_until timestamptz`.execute(db);
  await sql`CREATE INDEX dossier_forms_render_due_idx ON dossier_forms (render_queued_at)
    WHERE file_id IS NULL AND render_queued_at IS NOT NULL`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
