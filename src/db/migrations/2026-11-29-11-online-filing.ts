import { type Kysely, sql } from "kysely";

/**
 * Online filing (dịch vụ công trực tuyến): the e-form each procedure version keeps once a citizen first files under
 * it; the filing of an online dossier (answers, chosen return, submission reference and the NĐ 118/2025 alert and
 * acceptance instants); the files the citizen uploaded (with the dossier, or answering a supplement request);
 * and the citizen's satisfaction rating of a finished dossier (NĐ 61/2018 art. 31).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE procedure_eforms (
      procedure_version_id uuid PRIMARY KEY REFERENCES procedure_versions(id),
      eform_key text NOT NULL CHECK (eform_key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      revision int NOT NULL CHECK (revision >= 1),
      definition jsonb NOT NULL,
      frozen_at timestamptz NOT NULL
    )
  `.execute(db);

  await sql`
    CREATE TABLE online_filings (
      dossier_id uuid PRIMARY KEY REFERENCES dossiers(id),
      citizen_id uuid NOT NULL REFERENCES citizens(id),
      procedure_version_id uuid NOT NULL REFERENCES procedure_eforms(procedure_version_id),
      answers jsonb NOT NULL DEFAULT '{}',
      delivery_address jsonb,
      reference text UNIQUE CHECK (reference ~ '^DVC-[0-9]{6}-[0-9A-Z]{8}$'),
      submitted_at timestamptz,
      alert_at timestamptz,
      acceptance_due_at timestamptz,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      CHECK ((reference IS NULL) = (submitted_at IS NULL))
    )
  `.execute(db);
  await sql`CREATE INDEX online_filings_citizen_idx ON online_filings (citizen_id, created_at DESC)`.execute(
    db,
  );

  await sql`
    CREATE TABLE online_uploads (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      dossier_id uuid NOT NULL REFERENCES dossiers(id),
      file_id uuid NOT NULL REFERENCES files(id),
      component_id text,
      supplement_item text,
      round int NOT NULL CHECK (round >= 0),
      uploaded_at timestamptz NOT NULL,
      attached_at timestamptz,
      CHECK (component_id IS NOT NULL OR supplement_item IS NOT NULL)
    )
  `.execute(db);
  await sql`CREATE INDEX online_uploads_dossier_idx ON online_uploads (dossier_id, round, uploaded_at)`.execute(
    db,
  );

  await sql`
    CREATE TABLE dossier_ratings (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      dossier_id uuid NOT NULL UNIQUE REFERENCES dossiers(id),
      citizen_id uuid NOT NULL REFERENCES citizens(id),
      unit_id uuid NOT NULL REFERENCES units(id),
      rated_at timestamptz NOT NULL,
      processing_time smallint NOT NULL CHECK (processing_time BETWEEN 0 AND 2),
      agencies_contacted smallint NOT NULL CHECK (agencies_contacted BETWEEN 0 AND 2),
      contacts_to_complete smallint NOT NULL CHECK (contacts_to_complete BETWEEN 0 AND 2),
      information_accuracy smallint NOT NULL CHECK (information_accuracy BETWEEN 0 AND 2),
      staff_attitude smallint NOT NULL CHECK (staff_attitude BETWEEN 0 AND 2),
      result_legality_and_costs smallint NOT NULL CHECK (result_legality_and_costs BETWEEN 0 AND 2),
      feedback_answers smallint CHECK (feedback_answers BETWEEN 0 AND 2),
      online_service_quality smallint NOT NULL CHECK (online_service_quality BETWEEN 0 AND 2),
      comment text
    )
  `.execute(db);
  await sql`CREATE INDEX dossier_ratings_unit_idx ON dossier_ratings (unit_id, rated_at)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
