import { type Kysely, sql } from "kysely";

/**
 * The notification outbox (hộp thư đi): one row per message and channel, written in the same transaction as the
 * state change it announces, so a message exists if and only if that change committed. The delivery worker
 * claims due rows, sends them and marks them sent; a failure is retried with backoff until the row is dead.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE notification_outbox (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      -- The caller's idempotency key; a second request with the same key adds nothing.
      dedupe_key text NOT NULL CHECK (length(dedupe_key) BETWEEN 1 AND 300),
      channel text NOT NULL CHECK (channel IN ('email','sms')),
      template text NOT NULL,
      template_version int NOT NULL CHECK (template_version >= 1),
      locale text NOT NULL CHECK (locale IN ('vi','en')),
      recipient text NOT NULL,
      subject text,
      body_text text,
      body_html text,
      -- A message holding a secret (one-time code, reset link, lookup secret) has its body erased once sent.
      sensitive boolean NOT NULL DEFAULT false,
      citizen_id uuid REFERENCES citizens(id),
      dossier_id uuid REFERENCES dossiers(id),
      unit_id uuid REFERENCES units(id),
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sent','dead')),
      attempts int NOT NULL DEFAULT 0 CHECK (attempts >= 0),
      -- When the row is next due: the first send, a retry after backoff, or the end of a claim's lease.
      next_attempt_at timestamptz NOT NULL,
      claimed_at timestamptz,
      last_error text,
      sent_at timestamptz,
      provider_reference text,
      created_at timestamptz NOT NULL,
      UNIQUE (dedupe_key, channel),
      CHECK ((status = 'sent') = (sent_at IS NOT NULL))
    )
  `.execute(db);
  await sql`CREATE INDEX notification_outbox_due_idx ON notification_outbox (next_attempt_at) WHERE status = 'pending'`.execute(
    db,
  );
  await sql`CREATE INDEX notification_outbox_unit_idx ON notification_outbox (unit_id, status)`.execute(db);
  await sql`CREATE INDEX notification_outbox_dossier_idx ON notification_outbox (dossier_id) WHERE dossier_id IS NOT NULL`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
