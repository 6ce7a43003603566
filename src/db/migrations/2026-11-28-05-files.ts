import { type Kysely, sql } from "kysely";

// Stored files: bytes live in the file store by SHA-256; this table says whose they are and what they are.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE files (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      size bigint NOT NULL CHECK (size > 0),
      mime text NOT NULL,
      name text NOT NULL,
      unit_id uuid REFERENCES units(id),
      purpose text NOT NULL,
      created_by_kind text NOT NULL,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now()
    )
  `.execute(db);
  await sql`CREATE INDEX files_sha256_idx ON files (sha256)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
