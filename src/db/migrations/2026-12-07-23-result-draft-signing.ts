import { type Kysely, sql } from "kysely";

/**
 * The result document the specialist drafts for the leader's step ("Lãnh đạo … xem xét, ký"): the unsigned PDF the
 * leader sees and signs on the dossier page. The signed copy becomes the dossier's result file (result_file_id),
 * with the signer and the signing day; the number is written when the result is recorded (issuing).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE dossiers ADD COLUMN result_draft_file_id uuid REFERENCES files(id)`.execute(db);
  await sql`ALTER TABLE dossiers ADD COLUMN result_signed_at timestamptz`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
