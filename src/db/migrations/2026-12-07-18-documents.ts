import { type Kysely, sql } from "kysely";

/**
 * Documents and work files (quản lý văn bản và hồ sơ công việc), NĐ 30/2020/NĐ-CP.
 *  - document_registers: one numbering sequence per unit, series and year (outgoing per kind, incoming one per
 *    unit); the number is taken by incrementing the row inside the issuing transaction, so the row lock
 *    serialises issuers and a rolled-back issue gives its number back: no gap, no repeat (Điều 15).
 *  - documents: outgoing and incoming documents of a unit; an electronic document sent inside motcua arrives as
 *    an incoming row of each recipient unit linked to the sender's row through document_recipients.
 *  - search_text: summary, number, issuer, content and OCR text folded (no diacritics) for trigram search.
 *  - work_files: the yearly file list (danh mục hồ sơ) and the files opened from it (Điều 28–31).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE document_registers (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      unit_id uuid NOT NULL REFERENCES units(id),
      series text NOT NULL CHECK (length(series) BETWEEN 1 AND 60),
      year int NOT NULL CHECK (year BETWEEN 2000 AND 2199),
      last_number int NOT NULL DEFAULT 0 CHECK (last_number >= 0),
      UNIQUE (unit_id, series, year)
    )
  `.execute(db);

  await sql`
    CREATE TABLE work_files (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      unit_id uuid NOT NULL REFERENCES units(id),
      year int NOT NULL CHECK (year BETWEEN 2000 AND 2199),
      notation text NOT NULL CHECK (length(notation) BETWEEN 1 AND 20),
      heading text,
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
      retention_years int CHECK (retention_years IS NULL OR retention_years BETWEEN 1 AND 100),
      keeper_id uuid REFERENCES staff(id),
      in_catalog boolean NOT NULL,
      status text NOT NULL CHECK (status IN ('planned','open','closed','archived')),
      note text,
      opened_at timestamptz,
      closed_at timestamptz,
      work_ended_on date,
      archive_due_on date,
      handed_over_at timestamptz,
      handover_record text,
      catalog_approved_by uuid REFERENCES staff(id),
      created_by uuid REFERENCES staff(id),
      created_at timestamptz NOT NULL,
      version int NOT NULL DEFAULT 1,
      UNIQUE (unit_id, year, notation),
      CHECK ((status = 'closed' OR status = 'archived') = (closed_at IS NOT NULL)),
      CHECK ((status = 'archived') = (handed_over_at IS NOT NULL))
    )
  `.execute(db);

  await sql`
    CREATE TABLE documents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      unit_id uuid NOT NULL REFERENCES units(id),
      direction text NOT NULL CHECK (direction IN ('outgoing','incoming')),
      status text NOT NULL CHECK (status IN ('draft','submitted','returned','signed','issued','sent','recalled',
        'arrived','registered','assigned','in_progress','done','refused')),
      type_code text NOT NULL CHECK (length(type_code) BETWEEN 1 AND 40),
      summary text NOT NULL CHECK (length(summary) BETWEEN 1 AND 500),
      content_text text CHECK (content_text IS NULL OR length(content_text) <= 200000),
      urgency text NOT NULL DEFAULT 'normal' CHECK (urgency IN ('normal','khan','thuong_khan','hoa_toc')),
      confidentiality text NOT NULL DEFAULT 'normal' CHECK (confidentiality IN ('normal','mat','toi_mat','tuyet_mat')),
      reply_due_on date,
      work_file_id uuid REFERENCES work_files(id),
      drafting_unit_abbr text CHECK (drafting_unit_abbr IS NULL OR length(drafting_unit_abbr) BETWEEN 1 AND 20),
      agency_abbr text CHECK (agency_abbr IS NULL OR length(agency_abbr) BETWEEN 1 AND 20),
      place_name text,
      signing_mode text CHECK (signing_mode IS NULL OR signing_mode IN ('head','KT','TM','TUQ','TL')),
      signing_for text,
      signer_id uuid REFERENCES staff(id),
      signer_name text,
      signer_position text,
      signed_at timestamptz,
      register_id uuid REFERENCES document_registers(id),
      number int CHECK (number IS NULL OR number >= 1),
      notation text CHECK (notation IS NULL OR length(notation) <= 41),
      issued_on date,
      issued_at timestamptz,
      issued_by uuid REFERENCES staff(id),
      current_file_id uuid REFERENCES files(id),
      source_file_id uuid REFERENCES files(id),
      signed_file_id uuid REFERENCES files(id),
      issued_file_id uuid REFERENCES files(id),
      page_count int,
      copies int CHECK (copies IS NULL OR copies BETWEEN 1 AND 999),
      -- Incoming documents.
      origin text CHECK (origin IS NULL OR origin IN ('motcua','outside','paper')),
      source_document_id uuid REFERENCES documents(id),
      issuer_name text CHECK (issuer_name IS NULL OR length(issuer_name) <= 200),
      issuer_unit_id uuid REFERENCES units(id),
      original_number text CHECK (original_number IS NULL OR length(original_number) <= 41),
      original_date date,
      arrived_at timestamptz,
      register_due_on date,
      registered_at timestamptz,
      registered_by uuid REFERENCES staff(id),
      passed_to text,
      signature_check jsonb,
      duplicate_of uuid REFERENCES documents(id),
      refused_reason text,
      done_at timestamptz,
      replies_to_id uuid REFERENCES documents(id),
      ocr_status text NOT NULL DEFAULT 'none' CHECK (ocr_status IN ('none','pending','running','done','failed')),
      ocr_text text,
      ocr_attempts int NOT NULL DEFAULT 0,
      ocr_lease_until timestamptz,
      ocr_error text,
      search_text text GENERATED ALWAYS AS (
        btrim(regexp_replace(f_unaccent(
          coalesce(notation, '') || ' ' || coalesce(original_number, '') || ' ' || summary || ' ' ||
          coalesce(issuer_name, '') || ' ' || coalesce(content_text, '') || ' ' || coalesce(ocr_text, '')
        ), '[^a-z0-9]+', ' ', 'g'))
      ) STORED,
      created_by uuid REFERENCES staff(id),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      version int NOT NULL DEFAULT 1,
      CHECK ((number IS NULL) = (notation IS NULL)),
      CHECK (direction = 'incoming' OR status IN ('draft','submitted','returned','signed','issued','sent','recalled')),
      CHECK (direction = 'outgoing' OR status IN ('arrived','registered','assigned','in_progress','done','refused','recalled')),
      CHECK (status <> 'refused' OR refused_reason IS NOT NULL)
    )
  `.execute(db);
  // Number and notation are unique in the year of a register (Điều 15): one number per register row.
  await sql`CREATE UNIQUE INDEX documents_register_number_uq ON documents (register_id, number) WHERE number IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE INDEX documents_unit_idx ON documents (unit_id, direction, created_at DESC)`.execute(db);
  await sql`CREATE INDEX documents_unit_notation_idx ON documents (unit_id, notation) WHERE notation IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE INDEX documents_duplicate_idx ON documents (unit_id, original_number) WHERE original_number IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE INDEX documents_ocr_idx ON documents (ocr_status) WHERE ocr_status IN ('pending','running')`.execute(
    db,
  );
  await sql`CREATE INDEX documents_search_trgm_idx ON documents USING gin (search_text gin_trgm_ops)`.execute(
    db,
  );
  await sql`CREATE INDEX documents_source_idx ON documents (source_document_id) WHERE source_document_id IS NOT NULL`.execute(
    db,
  );

  await sql`
    CREATE TABLE document_versions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      document_id uuid NOT NULL REFERENCES documents(id),
      seq int NOT NULL CHECK (seq >= 1),
      file_id uuid NOT NULL REFERENCES files(id),
      source_file_id uuid REFERENCES files(id),
      note text,
      created_by uuid REFERENCES staff(id),
      created_at timestamptz NOT NULL,
      UNIQUE (document_id, seq)
    )
  `.execute(db);

  await sql`
    CREATE TABLE document_comments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      document_id uuid NOT NULL REFERENCES documents(id),
      staff_id uuid NOT NULL REFERENCES staff(id),
      kind text NOT NULL CHECK (kind IN ('comment','send_back','sign','issue','refuse','assign','done')),
      body text NOT NULL CHECK (length(body) <= 4000),
      created_at timestamptz NOT NULL
    )
  `.execute(db);
  await sql`CREATE INDEX document_comments_doc_idx ON document_comments (document_id, created_at)`.execute(
    db,
  );

  // Who takes part in a document: drafter, reviewer, approver, clerk, named reader, assignee. A confidential
  // document is shown to these people only.
  await sql`
    CREATE TABLE document_people (
      document_id uuid NOT NULL REFERENCES documents(id),
      staff_id uuid NOT NULL REFERENCES staff(id),
      role text NOT NULL CHECK (role IN ('drafter','reviewer','approver','clerk','named','assignee')),
      PRIMARY KEY (document_id, staff_id, role)
    )
  `.execute(db);
  await sql`CREATE INDEX document_people_staff_idx ON document_people (staff_id)`.execute(db);

  await sql`
    CREATE TABLE document_recipients (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      document_id uuid NOT NULL REFERENCES documents(id),
      unit_id uuid REFERENCES units(id),
      outside_name text CHECK (outside_name IS NULL OR length(outside_name) BETWEEN 1 AND 200),
      channel text NOT NULL CHECK (channel IN ('motcua','paper','exchange')),
      status text CHECK (status IS NULL OR status IN ('arrived','registered','assigned','in_progress','done',
        'refused','recalled','sent_on_paper','sent_outside')),
      incoming_document_id uuid REFERENCES documents(id),
      incoming_number int,
      reason text,
      postal_envelopes int,
      status_at timestamptz,
      sent_at timestamptz,
      CHECK ((unit_id IS NULL) <> (outside_name IS NULL)),
      CHECK (channel = 'motcua' OR unit_id IS NULL)
    )
  `.execute(db);
  await sql`CREATE UNIQUE INDEX document_recipients_unit_uq ON document_recipients (document_id, unit_id) WHERE unit_id IS NOT NULL`.execute(
    db,
  );

  await sql`
    CREATE TABLE document_assignments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      document_id uuid NOT NULL REFERENCES documents(id),
      staff_id uuid NOT NULL REFERENCES staff(id),
      role text NOT NULL CHECK (role IN ('lead','support','info')),
      due_on date,
      note text,
      assigned_by uuid NOT NULL REFERENCES staff(id),
      assigned_at timestamptz NOT NULL,
      done_at timestamptz,
      UNIQUE (document_id, staff_id)
    )
  `.execute(db);
  await sql`CREATE INDEX document_assignments_staff_idx ON document_assignments (staff_id, done_at)`.execute(
    db,
  );

  await sql`
    CREATE TABLE work_file_items (
      work_file_id uuid NOT NULL REFERENCES work_files(id),
      document_id uuid REFERENCES documents(id),
      dossier_id uuid REFERENCES dossiers(id),
      seq int NOT NULL,
      added_at timestamptz NOT NULL,
      removed_at timestamptz,
      CHECK ((document_id IS NULL) <> (dossier_id IS NULL)),
      UNIQUE (work_file_id, seq)
    )
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
