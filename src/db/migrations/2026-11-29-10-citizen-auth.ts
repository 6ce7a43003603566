import { type Kysely, sql } from "kysely";

// Secrets of the citizen sign-in: one-time confirmation codes, password reset tokens, and the short-lived
// state of an OpenID Connect sign-in between the redirect to the identity provider and its callback.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE citizen_codes (
      id uuid PRIMARY KEY,
      -- null for a registration that matched an existing account: it behaves like any other challenge
      -- (so the answer does not reveal the account) but no code was ever sent for it.
      citizen_id uuid REFERENCES citizens(id),
      purpose text NOT NULL CHECK (purpose IN ('register')),
      -- HMAC-SHA-256 of the code under the server secret; the code itself is never stored.
      code_hash text NOT NULL,
      -- Where the code goes (or, for an unsent challenge, where the registrant asked it to go): the resend
      -- limits count per destination.
      email text NOT NULL,
      phone text NOT NULL,
      expires_at timestamptz NOT NULL,
      attempts integer NOT NULL DEFAULT 0,
      sends integer NOT NULL DEFAULT 1,
      consumed_at timestamptz,
      created_at timestamptz NOT NULL
    )
  `.execute(db);
  await sql`CREATE INDEX citizen_codes_citizen_idx ON citizen_codes (citizen_id) WHERE citizen_id IS NOT NULL`.execute(
    db,
  );

  await sql`
    CREATE TABLE citizen_password_resets (
      -- SHA-256 of the token sent in the link.
      token_hash text PRIMARY KEY,
      citizen_id uuid NOT NULL REFERENCES citizens(id),
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      created_at timestamptz NOT NULL
    )
  `.execute(db);
  await sql`CREATE INDEX citizen_password_resets_citizen_idx ON citizen_password_resets (citizen_id)`.execute(
    db,
  );

  await sql`
    CREATE TABLE citizen_oidc_logins (
      -- SHA-256 of the state parameter; the browser holds the state in a signed cookie as well.
      state_hash text PRIMARY KEY,
      nonce text NOT NULL,
      code_verifier text NOT NULL,
      return_to text NOT NULL,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      created_at timestamptz NOT NULL
    )
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
