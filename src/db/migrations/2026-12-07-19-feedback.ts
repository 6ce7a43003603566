import { type Kysely, sql } from "kysely";

/**
 * Feedback and petitions (phản ánh, kiến nghị — NĐ 20/2008/NĐ-CP): the unit's feedback register (art. 13: receive
 * and register; art. 20: kept in an electronic database), its history, attachments, the per-unit answer deadline
 * setting (the law sets none), the tracking-code sequence, and the API keys of Open311 clients that file on behalf
 * of others. Spam is a flag: such a record is kept, never published.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE feedback_settings (
      unit_id uuid PRIMARY KEY REFERENCES units(id),
      -- Working days from acceptance to the answer; NĐ 20/2008 leaves it open, each unit sets it.
      answer_working_days int NOT NULL CHECK (answer_working_days BETWEEN 1 AND 120),
      version int NOT NULL DEFAULT 1,
      updated_at timestamptz NOT NULL
    )
  `.execute(db);
  await sql`
    CREATE TABLE feedback_code_sequences (
      agency_code text NOT NULL,
      day date NOT NULL,
      last_seq int NOT NULL CHECK (last_seq BETWEEN 1 AND 9999),
      PRIMARY KEY (agency_code, day)
    )
  `.execute(db);
  await sql`
    CREATE TABLE open311_clients (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      unit_id uuid NOT NULL REFERENCES units(id),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      -- SHA-256 of the key; the key itself is shown once, when it is made.
      key_hash text NOT NULL UNIQUE,
      active boolean NOT NULL DEFAULT true,
      created_by uuid REFERENCES staff(id),
      created_at timestamptz NOT NULL
    )
  `.execute(db);
  await sql`
    CREATE TABLE feedback (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      -- Open311's service_request_id: a number, so that clients written for numeric ids work.
      request_number bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      code text NOT NULL UNIQUE,
      secret_hash text NOT NULL,
      -- The unit whose register holds it now; the unit that received it first.
      unit_id uuid NOT NULL REFERENCES units(id),
      received_unit_id uuid NOT NULL REFERENCES units(id),
      channel text NOT NULL CHECK (channel IN ('web','letter','phone','comment_box','email','in_person','open311')),
      subject text NOT NULL CHECK (subject IN ('procedure','conduct','dossier','rule','other')),
      procedure_id uuid REFERENCES procedures(id),
      dossier_code text,
      title text CHECK (length(title) <= 300),
      content text NOT NULL CHECK (length(content) BETWEEN 1 AND 5000),
      submitter_name text NOT NULL CHECK (length(submitter_name) BETWEEN 1 AND 200),
      submitter_address text NOT NULL CHECK (length(submitter_address) BETWEEN 1 AND 500),
      submitter_phone text NOT NULL,
      submitter_email text,
      locale text NOT NULL DEFAULT 'vi' CHECK (locale IN ('vi','en')),
      open311_client_id uuid REFERENCES open311_clients(id),
      -- Duplicate detection: folded text and contact (see src/domain/feedback/duplicate.ts).
      text_key text NOT NULL,
      contact_key text NOT NULL,
      status text NOT NULL CHECK (status IN
        ('received','not_accepted','to_forward','forwarded','accepted','answered','published')),
      classification text CHECK (classification IN
        ('not_accepted','conduct','within_competence','outside_competence')),
      not_accepted_reason text,
      received_at timestamptz NOT NULL,
      -- When it entered the current unit's register (reception, or arrival by forwarding).
      registered_at timestamptz NOT NULL,
      classified_at timestamptz,
      forward_due_at timestamptz,
      forwarded_at timestamptz,
      forwarded_to_unit_id uuid REFERENCES units(id),
      forwarded_to_external text,
      forward_note text,
      handler_id uuid REFERENCES staff(id),
      answer_due_at timestamptz,
      study jsonb,
      decision text CHECK (decision IN ('adopted','partly_adopted','not_adopted','explained')),
      answer text,
      answered_at timestamptz,
      published_question text,
      published_answer text,
      published_at timestamptz,
      published_by uuid REFERENCES staff(id),
      spam boolean NOT NULL DEFAULT false,
      spam_at timestamptz,
      spam_by uuid REFERENCES staff(id),
      rating int CHECK (rating BETWEEN 0 AND 2),
      rating_comment text,
      rated_at timestamptz,
      version int NOT NULL DEFAULT 1,
      CHECK ((classification = 'not_accepted') = (not_accepted_reason IS NOT NULL)),
      CHECK ((status = 'published') = (published_at IS NOT NULL)),
      CHECK (NOT spam OR published_at IS NULL),
      CHECK ((rating IS NULL) = (rated_at IS NULL))
    )
  `.execute(db);
  await sql`CREATE INDEX feedback_register_idx ON feedback (unit_id, registered_at DESC)`.execute(db);
  await sql`CREATE INDEX feedback_received_idx ON feedback (received_unit_id, received_at)`.execute(db);
  await sql`CREATE INDEX feedback_duplicate_idx ON feedback (contact_key, text_key, received_at)`.execute(db);
  await sql`CREATE INDEX feedback_published_idx ON feedback (unit_id, published_at DESC) WHERE published_at IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE INDEX feedback_procedure_idx ON feedback (procedure_id, published_at DESC) WHERE published_at IS NOT NULL`.execute(
    db,
  );
  await sql`
    CREATE TABLE feedback_files (
      feedback_id uuid NOT NULL REFERENCES feedback(id),
      file_id uuid NOT NULL REFERENCES files(id),
      PRIMARY KEY (feedback_id, file_id)
    )
  `.execute(db);
  await sql`
    CREATE TABLE feedback_events (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      feedback_id uuid NOT NULL REFERENCES feedback(id),
      unit_id uuid NOT NULL REFERENCES units(id),
      at timestamptz NOT NULL,
      action text NOT NULL,
      actor_kind text NOT NULL CHECK (actor_kind IN ('staff','citizen','system','anonymous')),
      actor_id uuid,
      from_status text,
      to_status text,
      detail jsonb NOT NULL DEFAULT '{}'::jsonb
    )
  `.execute(db);
  await sql`CREATE INDEX feedback_events_idx ON feedback_events (feedback_id, at)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
