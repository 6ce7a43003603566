import { type Kysely, sql } from "kysely";

/**
 * Reminders of incoming-document assignments (NĐ 30/2020/NĐ-CP Điều 24: following up the handling of incoming
 * documents; Phụ lục VI: the system "tracks and reminds"). Each assignment records when its due-soon and its
 * overdue reminder were written to the notification outbox: the background pass sets the mark with a conditional
 * UPDATE in the transaction that writes the outbox row, so each reminder goes out once per assignment and due date
 * even when several processes run the pass. The partial index serves the pass's scan of open assignments.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE document_assignments
      ADD COLUMN due_reminded_at timestamptz,
      ADD COLUMN overdue_reminded_at timestamptz
  `.execute(db);
  await sql`
    CREATE INDEX document_assignments_reminder_idx ON document_assignments (due_on)
    WHERE done_at IS NULL AND due_on IS NOT NULL AND overdue_reminded_at IS NULL
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
