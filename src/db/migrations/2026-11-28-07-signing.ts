import { type Kysely, sql } from "kysely";

/**
 * Digital signatures: signing credentials of officials and agencies (the PKCS#12 sealed at rest, never the
 * plain key; or only the certificate, for a USB token or a remote signer), the roots the administrator
 * trusts, and the short-lived sessions of external signatures (prepared PDF waiting for its CMS).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE signing_credentials (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      owner_kind text NOT NULL CHECK (owner_kind IN ('staff','unit')),
      staff_id uuid REFERENCES staff(id),
      unit_id uuid NOT NULL REFERENCES units(id),
      storage text NOT NULL CHECK (storage IN ('p12','external')),
      sealed_p12 bytea,
      certificate bytea NOT NULL,
      chain jsonb NOT NULL DEFAULT '[]',
      label text NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
      subject text NOT NULL,
      common_name text,
      organization text,
      title text,
      issuer text NOT NULL,
      serial_number text NOT NULL,
      fingerprint text NOT NULL CHECK (fingerprint ~ '^[0-9a-f]{64}$'),
      key_type text NOT NULL CHECK (key_type IN ('RSA','EC')),
      not_before timestamptz NOT NULL,
      not_after timestamptz NOT NULL,
      test_pki boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      created_by uuid,
      revoked_at timestamptz,
      revoked_by uuid,
      revoke_reason text,
      version int NOT NULL DEFAULT 1,
      CHECK ((owner_kind = 'staff') = (staff_id IS NOT NULL)),
      -- A revoked keystore is wiped: only a live p12 credential holds a sealed blob.
      CHECK (storage = 'p12' OR sealed_p12 IS NULL),
      CHECK (storage = 'external' OR revoked_at IS NOT NULL OR sealed_p12 IS NOT NULL)
    )
  `.execute(db);
  await sql`CREATE INDEX signing_credentials_staff_idx ON signing_credentials (staff_id)`.execute(db);
  await sql`CREATE INDEX signing_credentials_unit_idx ON signing_credentials (unit_id, owner_kind)`.execute(
    db,
  );
  // One active credential per owner and certificate.
  await sql`
    CREATE UNIQUE INDEX signing_credentials_active_idx
    ON signing_credentials (owner_kind, COALESCE(staff_id, unit_id), fingerprint)
    WHERE revoked_at IS NULL
  `.execute(db);

  await sql`
    CREATE TABLE signing_trusted_roots (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      certificate bytea NOT NULL,
      fingerprint text NOT NULL UNIQUE CHECK (fingerprint ~ '^[0-9a-f]{64}$'),
      label text NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
      subject text NOT NULL,
      issuer text NOT NULL,
      serial_number text NOT NULL,
      not_before timestamptz NOT NULL,
      not_after timestamptz NOT NULL,
      test_pki boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      created_by uuid
    )
  `.execute(db);

  await sql`
    CREATE TABLE signing_sessions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      staff_id uuid NOT NULL REFERENCES staff(id),
      credential_id uuid NOT NULL REFERENCES signing_credentials(id),
      unit_id uuid NOT NULL REFERENCES units(id),
      mode text NOT NULL CHECK (mode IN ('personal','seal')),
      signer_kind text NOT NULL CHECK (signer_kind IN ('digest','cms')),
      source_file_id uuid REFERENCES files(id),
      file_name text NOT NULL,
      prepared_pdf bytea NOT NULL,
      state jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL
    )
  `.execute(db);
  await sql`CREATE INDEX signing_sessions_expiry_idx ON signing_sessions (expires_at)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
