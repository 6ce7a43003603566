import { type Kysely, sql } from "kysely";

/**
 * Deadlines and forms as the law says (issue 13):
 * - dossiers: from when the processing time counts (reception, or the restart after a supplement), the legal
 *   extension applied with its reason, whether the apology was issued at least a day before the due date, and
 *   the code of the authority that resolves the dossier (NĐ 118/2025 art. 28: the 2025 dossier code is built from
 *   it, and a dossier transferred to another resolving authority keeps its code and records that authority).
 * - dossier_forms: the transfer slip (Phiếu chuyển xử lý, NĐ 118/2025 art. 20(2)(a)).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE dossiers
      ADD COLUMN counted_from timestamptz,
      ADD COLUMN extension jsonb,
      ADD COLUMN apology_on_time boolean,
      ADD COLUMN resolving_agency_code text
  `.execute(db);
  await sql`UPDATE dossiers SET counted_from = received_at WHERE received_at IS NOT NULL`.execute(db);
  await sql`
    UPDATE dossiers SET apology_on_time = (apology_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
      < (due_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
    WHERE apology_at IS NOT NULL AND due_at IS NOT NULL
  `.execute(db);
  await sql`ALTER TABLE dossier_forms DROP CONSTRAINT dossier_forms_kind_check`.execute(db);
  await sql`
    ALTER TABLE dossier_forms ADD CONSTRAINT dossier_forms_kind_check
      CHECK (kind IN ('receipt','supplement_request','refusal','apology','stop_notice','transfer_slip'))
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
