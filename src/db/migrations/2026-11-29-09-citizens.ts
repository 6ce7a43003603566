import { type Kysely, sql } from "kysely";

// Citizen accounts (tài khoản công dân) of the portal, their links to outside identity providers (OIDC),
// and the owner of an online dossier.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE citizens (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      full_name text NOT NULL,
      -- Căn cước công dân: 12 digits, checked by the domain before it gets here.
      identity_number text NOT NULL CHECK (identity_number ~ '^[0-9]{12}$'),
      phone text,
      email text,
      -- Structured address (contracts Address); null until the citizen fills it in.
      address jsonb,
      birth_date date,
      -- argon2id; null for an account that only signs in through an identity provider.
      password_hash text,
      status text NOT NULL CHECK (status IN ('pending','active','disabled')),
      confirmed_at timestamptz,
      failed_logins integer NOT NULL DEFAULT 0,
      locked_until timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1
    )
  `.execute(db);
  await sql`CREATE UNIQUE INDEX citizens_identity_idx ON citizens (identity_number)`.execute(db);
  await sql`CREATE UNIQUE INDEX citizens_email_idx ON citizens (lower(email)) WHERE email IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE INDEX citizens_phone_idx ON citizens (phone) WHERE phone IS NOT NULL`.execute(db);

  await sql`
    CREATE TABLE citizen_identities (
      provider text NOT NULL,
      subject text NOT NULL,
      citizen_id uuid NOT NULL REFERENCES citizens(id),
      linked_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (provider, subject)
    )
  `.execute(db);
  await sql`CREATE INDEX citizen_identities_citizen_idx ON citizen_identities (citizen_id)`.execute(db);

  await sql`ALTER TABLE dossiers ADD COLUMN citizen_id uuid REFERENCES citizens(id)`.execute(db);
  await sql`CREATE INDEX dossiers_citizen_idx ON dossiers (citizen_id, created_at DESC) WHERE citizen_id IS NOT NULL`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
