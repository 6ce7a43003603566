import { type Kysely, sql } from "kysely";

// Administrative units, staff, sessions, audit trail, rate limits.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS unaccent`.execute(db);
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
  // unaccent() is only STABLE; an IMMUTABLE wrapper with the dictionary named lets indexes use it.
  await sql`
    CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, replace(replace($1, 'đ', 'd'), 'Đ', 'D'))) $$
  `.execute(db);

  await sql`
    CREATE TABLE units (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL UNIQUE,
      gso_code text,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
      short_name text,
      kind text NOT NULL CHECK (kind IN ('province','district','commune','ward','township','special_zone','agency')),
      parent_id uuid REFERENCES units(id),
      path text NOT NULL,
      depth int NOT NULL,
      address text,
      phone text,
      email text,
      website text,
      working_hours jsonb NOT NULL,
      active boolean NOT NULL DEFAULT true,
      valid_from date,
      valid_to date,
      successor_id uuid REFERENCES units(id),
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )
  `.execute(db);
  await sql`CREATE INDEX units_path_idx ON units (path text_pattern_ops)`.execute(db);
  await sql`CREATE INDEX units_parent_idx ON units (parent_id)`.execute(db);

  await sql`
    CREATE TABLE staff (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      unit_id uuid NOT NULL REFERENCES units(id),
      username text NOT NULL,
      full_name text NOT NULL,
      position text,
      email text,
      phone text,
      password_hash text NOT NULL,
      roles text[] NOT NULL DEFAULT '{}',
      totp_secret text,
      totp_enabled boolean NOT NULL DEFAULT false,
      active boolean NOT NULL DEFAULT true,
      must_change_password boolean NOT NULL DEFAULT false,
      failed_logins int NOT NULL DEFAULT 0,
      locked_until timestamptz,
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )
  `.execute(db);
  await sql`CREATE UNIQUE INDEX staff_username_idx ON staff (lower(username))`.execute(db);
  await sql`CREATE INDEX staff_unit_idx ON staff (unit_id)`.execute(db);

  await sql`
    CREATE TABLE sessions (
      id_hash text PRIMARY KEY,
      subject_kind text NOT NULL CHECK (subject_kind IN ('staff','citizen')),
      subject_id uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      ip text,
      user_agent text
    )
  `.execute(db);
  await sql`CREATE INDEX sessions_subject_idx ON sessions (subject_kind, subject_id)`.execute(db);

  await sql`
    CREATE TABLE audit_heads (
      chain text PRIMARY KEY,
      seq bigint NOT NULL,
      hash text NOT NULL
    )
  `.execute(db);
  await sql`
    CREATE TABLE audit_log (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      chain text NOT NULL,
      seq bigint NOT NULL,
      at timestamptz NOT NULL,
      unit_id uuid,
      actor_kind text NOT NULL,
      actor_id uuid,
      action text NOT NULL,
      entity_type text NOT NULL,
      entity_id text,
      summary jsonb NOT NULL,
      prev_hash text NOT NULL,
      hash text NOT NULL,
      UNIQUE (chain, seq)
    )
  `.execute(db);
  await sql`CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id)`.execute(db);
  // Append-only: the database itself refuses UPDATE and DELETE on the log.
  await sql`
    CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_log is append-only';
    END $$
  `.execute(db);
  await sql`
    CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()
  `.execute(db);

  await sql`
    CREATE TABLE rate_limits (
      key text PRIMARY KEY,
      window_start timestamptz NOT NULL,
      hits int NOT NULL
    )
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
