import { type Kysely, sql } from "kysely";

/**
 * Ratings recorded from the paper evaluation slip (phiếu đánh giá) that goes with forms 01–03 (TT 01/2018/TT-VPCP
 * art. 12; criteria of NĐ 61/2018 art. 31): an officer types in what the applicant ticked. Such a rating has the
 * channel 'paper' and records who entered it (entered_by); it has no citizen account, and online service quality
 * stays null unless the dossier was filed online (checked by the service, which knows the dossier's channel).
 * Additive: the online and tablet ratings keep their rules.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE dossier_ratings ADD COLUMN entered_by uuid REFERENCES staff(id)`.execute(db);
  await sql`ALTER TABLE dossier_ratings DROP CONSTRAINT IF EXISTS dossier_ratings_channel_check`.execute(db);
  await sql`
    ALTER TABLE dossier_ratings ADD CONSTRAINT dossier_ratings_channel_check
      CHECK (channel IN ('online','desk_device','paper'))
  `.execute(db);
  await sql`ALTER TABLE dossier_ratings DROP CONSTRAINT IF EXISTS dossier_ratings_channel_fields_check`.execute(
    db,
  );
  await sql`
    ALTER TABLE dossier_ratings ADD CONSTRAINT dossier_ratings_channel_fields_check CHECK (
      channel = 'online' AND citizen_id IS NOT NULL AND online_service_quality IS NOT NULL
      OR channel = 'desk_device' AND officer_id IS NOT NULL AND counter IS NOT NULL
      OR channel = 'paper' AND entered_by IS NOT NULL AND citizen_id IS NULL
    )
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
