import { type Kysely, sql } from "kysely";

const STATUSES = [
  "draft_online",
  "submitted_online",
  "at_desk",
  "awaiting_supplement_before_acceptance",
  "refused",
  "received",
  "in_processing",
  "awaiting_citizen_supplement",
  "awaiting_other_unit",
  "approved",
  "rejected",
  "result_ready",
  "returned",
  "withdrawn",
  "stopped",
  "closed_incomplete",
];
const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(","));

/**
 * Dossiers (hồ sơ): the state of each in relational columns (for inboxes and reports), with the parts that only
 * one status has in `status_data`; papers received; the steps (tasks) each unit worked; transfers between units;
 * notes; issued forms; a per-dossier event history; and the gap-free daily code sequence per agency.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE dossiers (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text UNIQUE,
      code_agency text,
      code_date date,
      code_seq int CHECK (code_seq BETWEEN 1 AND 9999),
      lookup_hash text CHECK (lookup_hash ~ '^[0-9a-f]{64}$'),
      received_unit_id uuid NOT NULL REFERENCES units(id),
      current_unit_id uuid NOT NULL REFERENCES units(id),
      procedure_id uuid NOT NULL REFERENCES procedures(id),
      procedure_version_id uuid NOT NULL REFERENCES procedure_versions(id),
      procedure_name text NOT NULL,
      case_id text,
      workflow jsonb NOT NULL,
      channel text NOT NULL CHECK (channel IN ('counter','post','online')),
      applicant_kind text NOT NULL CHECK (applicant_kind IN ('person','organisation')),
      applicant_name text NOT NULL,
      applicant_identity text NOT NULL,
      applicant jsonb NOT NULL,
      sets int NOT NULL DEFAULT 1 CHECK (sets BETWEEN 1 AND 20),
      return_method text NOT NULL CHECK (return_method IN ('counter','post','online')),
      delivery_address text,
      fee_vnd bigint,
      processing_time text NOT NULL,
      note text,
      status text NOT NULL CHECK (status IN (${list(STATUSES)})),
      step_index int,
      clock text NOT NULL CHECK (clock IN ('not_started','running','paused','stopped')),
      duration jsonb,
      received_at timestamptz,
      due_at timestamptz,
      appointment_at timestamptz,
      step_dues jsonb NOT NULL DEFAULT '[]',
      reschedules int NOT NULL DEFAULT 0 CHECK (reschedules BETWEEN 0 AND 1),
      supplement_requests int NOT NULL DEFAULT 0 CHECK (supplement_requests BETWEEN 0 AND 1),
      late boolean NOT NULL DEFAULT false,
      completed_at timestamptz,
      state_at timestamptz NOT NULL,
      status_data jsonb NOT NULL DEFAULT '{}',
      reason text,
      paused_intervals jsonb NOT NULL DEFAULT '[]',
      apology_reason text,
      apology_at timestamptz,
      result_number text,
      result_signed_on date,
      result_signer text,
      result_file_id uuid REFERENCES files(id),
      result_recorded_at timestamptz,
      returned_method text CHECK (returned_method IN ('counter','post','online')),
      returned_at timestamptz,
      return_reference text,
      return_signature_file_id uuid REFERENCES files(id),
      forwarded_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      created_by uuid REFERENCES staff(id),
      version int NOT NULL DEFAULT 1 CHECK (version >= 1),
      UNIQUE (code_agency, code_date, code_seq),
      CHECK ((code IS NULL) = (code_seq IS NULL)),
      CHECK ((received_at IS NULL) = (due_at IS NULL))
    )
  `.execute(db);
  await sql`CREATE INDEX dossiers_received_unit_idx ON dossiers (received_unit_id, received_at)`.execute(db);
  await sql`CREATE INDEX dossiers_current_unit_idx ON dossiers (current_unit_id, status)`.execute(db);
  await sql`CREATE INDEX dossiers_code_prefix_idx ON dossiers (code text_pattern_ops)`.execute(db);
  await sql`CREATE INDEX dossiers_applicant_identity_idx ON dossiers (applicant_identity)`.execute(db);
  await sql`CREATE INDEX dossiers_open_due_idx ON dossiers (due_at) WHERE completed_at IS NULL`.execute(db);

  // One counter per agency and local day. The reception transaction increments it (the row stays locked until
  // commit), so numbers are unique and gap-free: a rolled-back reception gives its number back.
  await sql`
    CREATE TABLE dossier_code_sequences (
      agency_code text NOT NULL,
      day date NOT NULL,
      last_seq int NOT NULL CHECK (last_seq BETWEEN 1 AND 9999),
      PRIMARY KEY (agency_code, day)
    )
  `.execute(db);

  await sql`
    CREATE TABLE dossier_components (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      dossier_id uuid NOT NULL REFERENCES dossiers(id),
      position int NOT NULL,
      component_id text,
      name text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('original','copy','certified_copy','electronic')),
      count int NOT NULL CHECK (count BETWEEN 1 AND 99),
      file_ids uuid[] NOT NULL DEFAULT '{}',
      supplement boolean NOT NULL DEFAULT false,
      added_at timestamptz NOT NULL,
      added_by uuid REFERENCES staff(id)
    )
  `.execute(db);
  await sql`CREATE INDEX dossier_components_dossier_idx ON dossier_components (dossier_id, position)`.execute(
    db,
  );

  await sql`
    CREATE TABLE dossier_transfers (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      dossier_id uuid NOT NULL REFERENCES dossiers(id),
      from_unit_id uuid NOT NULL REFERENCES units(id),
      to_unit_id uuid NOT NULL REFERENCES units(id),
      step_index int NOT NULL,
      reason text NOT NULL,
      steps jsonb NOT NULL,
      status text NOT NULL CHECK (status IN ('open','returned')),
      outcome text CHECK (outcome IN ('continue','approved','rejected')),
      return_reason text,
      sent_at timestamptz NOT NULL,
      sent_by uuid REFERENCES staff(id),
      due_at timestamptz NOT NULL,
      returned_at timestamptz,
      returned_by uuid REFERENCES staff(id),
      CHECK (from_unit_id <> to_unit_id)
    )
  `.execute(db);
  await sql`CREATE INDEX dossier_transfers_dossier_idx ON dossier_transfers (dossier_id)`.execute(db);
  await sql`CREATE INDEX dossier_transfers_to_idx ON dossier_transfers (to_unit_id, status)`.execute(db);
  await sql`CREATE INDEX dossier_transfers_from_idx ON dossier_transfers (from_unit_id, status)`.execute(db);

  // Each step a unit works on a dossier; at most one is open. Inboxes read the open ones.
  await sql`
    CREATE TABLE dossier_tasks (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      dossier_id uuid NOT NULL REFERENCES dossiers(id),
      seq int NOT NULL,
      unit_id uuid NOT NULL REFERENCES units(id),
      step_index int NOT NULL,
      sub_index int,
      role text NOT NULL CHECK (role IN ('reception','specialist','leader','clerk')),
      name text NOT NULL,
      assignee_id uuid REFERENCES staff(id),
      due_at timestamptz NOT NULL,
      started_at timestamptz NOT NULL,
      finished_at timestamptz,
      finished_by uuid REFERENCES staff(id),
      outcome text,
      transfer_id uuid REFERENCES dossier_transfers(id),
      UNIQUE (dossier_id, seq)
    )
  `.execute(db);
  await sql`CREATE UNIQUE INDEX dossier_tasks_one_open ON dossier_tasks (dossier_id) WHERE finished_at IS NULL`.execute(
    db,
  );
  await sql`CREATE INDEX dossier_tasks_inbox_idx ON dossier_tasks (unit_id, role) WHERE finished_at IS NULL`.execute(
    db,
  );
  await sql`CREATE INDEX dossier_tasks_assignee_idx ON dossier_tasks (assignee_id) WHERE finished_at IS NULL`.execute(
    db,
  );

  await sql`
    CREATE TABLE dossier_notes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      dossier_id uuid NOT NULL REFERENCES dossiers(id),
      unit_id uuid NOT NULL REFERENCES units(id),
      author_id uuid REFERENCES staff(id),
      at timestamptz NOT NULL,
      text text NOT NULL,
      file_ids uuid[] NOT NULL DEFAULT '{}'
    )
  `.execute(db);
  await sql`CREATE INDEX dossier_notes_dossier_idx ON dossier_notes (dossier_id, at)`.execute(db);

  // Forms issued (01–05): the data printed, frozen when issued, and the stored PDF once rendered.
  await sql`
    CREATE TABLE dossier_forms (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      dossier_id uuid NOT NULL REFERENCES dossiers(id),
      kind text NOT NULL CHECK (kind IN ('receipt','supplement_request','refusal','apology','stop_notice')),
      form_set text NOT NULL CHECK (form_set IN ('tt01-2018','tt03-2025')),
      number text NOT NULL,
      title text NOT NULL,
      data jsonb NOT NULL,
      file_id uuid REFERENCES files(id),
      issued_at timestamptz NOT NULL,
      issued_by uuid REFERENCES staff(id)
    )
  `.execute(db);
  await sql`CREATE INDEX dossier_forms_dossier_idx ON dossier_forms (dossier_id, issued_at)`.execute(db);

  // Which stored files belong to which dossier (papers, forms, result, notes, signature): download checks.
  await sql`
    CREATE TABLE dossier_files (
      dossier_id uuid NOT NULL REFERENCES dossiers(id),
      file_id uuid NOT NULL REFERENCES files(id),
      role text NOT NULL,
      PRIMARY KEY (dossier_id, file_id)
    )
  `.execute(db);

  await sql`
    CREATE TABLE dossier_events (
      dossier_id uuid NOT NULL REFERENCES dossiers(id),
      seq int NOT NULL,
      at timestamptz NOT NULL,
      unit_id uuid REFERENCES units(id),
      actor_id uuid REFERENCES staff(id),
      action text NOT NULL,
      from_status text,
      to_status text NOT NULL,
      step_index int,
      detail jsonb NOT NULL DEFAULT '{}',
      PRIMARY KEY (dossier_id, seq)
    )
  `.execute(db);

  // The tracking book (sổ theo dõi hồ sơ, form 07/06): one row per accepted dossier of the receiving unit. The
  // processing body is the unit that decided: the last transfer that came back with a decision, or the desk's unit.
  await sql`
    CREATE VIEW dossier_tracking_book AS
    SELECT d.id AS dossier_id,
           d.received_unit_id AS unit_id,
           d.code,
           d.procedure_name,
           d.sets,
           d.applicant_name,
           concat_ws(', ', d.applicant->'address'->>'detail', d.applicant->'address'->>'commune',
                     d.applicant->'address'->>'district', d.applicant->'address'->>'province',
                     d.applicant->>'phone') AS address_phone,
           coalesce(decider.name, ru.name) AS processing_body,
           d.received_at,
           d.appointment_at,
           d.due_at,
           d.forwarded_at,
           d.completed_at AS result_received_at,
           d.returned_at,
           d.late,
           CASE WHEN d.returned_method = 'counter' THEN d.return_reference END AS signed_by,
           d.status,
           d.reason AS note
    FROM dossiers d
    JOIN units ru ON ru.id = d.received_unit_id
    LEFT JOIN LATERAL (
      SELECT u.name FROM dossier_transfers t JOIN units u ON u.id = t.to_unit_id
      WHERE t.dossier_id = d.id AND t.outcome IN ('approved','rejected')
      ORDER BY t.returned_at DESC LIMIT 1
    ) decider ON true
    WHERE d.code IS NOT NULL
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
