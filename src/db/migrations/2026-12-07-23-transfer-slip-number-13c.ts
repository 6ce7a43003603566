import { type Kysely, sql } from "kysely";

/**
 * The transfer slip (Phiếu chuyển xử lý, NĐ 118/2025 art. 20(2)(a)) is not a numbered form of either set: slips
 * issued before carried the placeholder "PCXL" as their form number, which the pages printed as "Mẫu số PCXL".
 * They now have none (""), like the slips issued from now on.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`UPDATE dossier_forms SET number = '' WHERE kind = 'transfer_slip' AND number = 'PCXL'`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
