import { type Kysely, sql } from "kysely";
import { insertShippedDecisions } from "../shipped-decisions.ts";

// Yearly official decisions on days off, and the token that versions them for the calendar caches.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE holiday_decisions (
      id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
      year int NOT NULL CHECK (year BETWEEN 1995 AND 2199),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
      title_en text NOT NULL CHECK (length(title_en) BETWEEN 1 AND 300),
      source text NOT NULL CHECK (length(source) BETWEEN 1 AND 1000),
      evidence text NOT NULL CHECK (evidence IN ('text','secondary','unconfirmed')),
      scope_kind text NOT NULL CHECK (scope_kind IN ('national','units')),
      unit_codes text[] NOT NULL DEFAULT '{}',
      supersedes text[] NOT NULL DEFAULT '{}',
      days_off jsonb NOT NULL DEFAULT '[]',
      working_days jsonb NOT NULL DEFAULT '[]',
      note text,
      origin text NOT NULL CHECK (origin IN ('shipped','admin')),
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      deleted_at timestamptz,
      CHECK ((scope_kind = 'national') = (cardinality(unit_codes) = 0))
    )
  `.execute(db);
  await sql`CREATE INDEX holiday_decisions_year_idx ON holiday_decisions (year) WHERE deleted_at IS NULL`.execute(
    db,
  );
  await sql`
    CREATE TABLE calendar_state (
      id int PRIMARY KEY CHECK (id = 1),
      version int NOT NULL,
      token uuid NOT NULL
    )
  `.execute(db);
  await sql`INSERT INTO calendar_state (id, version, token) VALUES (1, 1, gen_random_uuid())`.execute(db);
  // The decisions shipped for the years already decided when this migration was written.
  await insertShippedDecisions(db, (d) => d.year <= 2026);
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
