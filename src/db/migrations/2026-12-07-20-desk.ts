import { type Kysely, sql } from "kysely";

/**
 * The desk itself (Bộ phận Tiếp nhận và Trả kết quả, NĐ 61/2018; Trung tâm Phục vụ hành chính công from 1/7/2025,
 * NĐ 118/2025): its profile (model, opening hours, feedback address), its members and their positions over time,
 * its house rules and regulation as versioned documents, the weekly duty pattern with dated absences and swaps,
 * queue tickets numbered per unit and day, the devices at the counters (kiosk, rating tablet) and the rating
 * requests pushed to a tablet. Ratings made on a tablet go into dossier_ratings beside the online ones.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE desk_profiles (
      unit_id uuid PRIMARY KEY REFERENCES units(id),
      model text NOT NULL CHECK (model IN ('2018','2025')),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
      address text,
      opening_hours text NOT NULL,
      feedback_address text NOT NULL,
      feedback_phone text NOT NULL,
      feedback_email text,
      version int NOT NULL DEFAULT 1,
      updated_at timestamptz NOT NULL
    )
  `.execute(db);

  // A member's position over a period: a change of position, counter or fields ends the row and starts a new one,
  // so the history stays (NĐ 118/2025 art. 12: who works at the centre is published).
  await sql`
    CREATE TABLE desk_members (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      unit_id uuid NOT NULL REFERENCES units(id),
      staff_id uuid REFERENCES staff(id),
      full_name text NOT NULL CHECK (length(full_name) BETWEEN 1 AND 200),
      role text NOT NULL CHECK (role IN ('head','deputy','officer')),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      fields text[] NOT NULL DEFAULT '{}',
      counter int CHECK (counter BETWEEN 1 AND 99),
      phone text,
      email text,
      seconded_from date,
      seconded_to date,
      starts_on date NOT NULL,
      ends_on date,
      created_at timestamptz NOT NULL,
      CHECK (ends_on IS NULL OR ends_on >= starts_on),
      CHECK (seconded_to IS NULL OR seconded_from IS NOT NULL AND seconded_to >= seconded_from)
    )
  `.execute(db);
  await sql`CREATE INDEX desk_members_unit_idx ON desk_members (unit_id, starts_on)`.execute(db);

  await sql`
    CREATE TABLE desk_documents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      unit_id uuid NOT NULL REFERENCES units(id),
      kind text NOT NULL CHECK (kind IN ('house_rules','regulation')),
      version int NOT NULL CHECK (version >= 1),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
      body text NOT NULL CHECK (length(body) BETWEEN 1 AND 50000),
      issued_ref text,
      created_at timestamptz NOT NULL,
      created_by uuid REFERENCES staff(id),
      published_at timestamptz,
      UNIQUE (unit_id, kind, version)
    )
  `.execute(db);

  await sql`
    CREATE TABLE desk_duties (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      unit_id uuid NOT NULL REFERENCES units(id),
      member_id uuid NOT NULL REFERENCES desk_members(id),
      weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
      session text NOT NULL CHECK (session IN ('morning','afternoon')),
      counter int NOT NULL CHECK (counter BETWEEN 1 AND 99),
      valid_from date NOT NULL,
      valid_to date,
      created_at timestamptz NOT NULL,
      CHECK (valid_to IS NULL OR valid_to >= valid_from)
    )
  `.execute(db);
  await sql`CREATE INDEX desk_duties_unit_idx ON desk_duties (unit_id, weekday)`.execute(db);

  await sql`
    CREATE TABLE desk_roster_changes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      unit_id uuid NOT NULL REFERENCES units(id),
      on_date date NOT NULL,
      session text NOT NULL CHECK (session IN ('morning','afternoon')),
      member_id uuid NOT NULL REFERENCES desk_members(id),
      kind text NOT NULL CHECK (kind IN ('absence','swap')),
      substitute_id uuid REFERENCES desk_members(id),
      reason text,
      created_at timestamptz NOT NULL,
      created_by uuid REFERENCES staff(id),
      CHECK ((kind = 'swap') = (substitute_id IS NOT NULL)),
      CHECK (substitute_id IS NULL OR substitute_id <> member_id),
      UNIQUE (unit_id, on_date, session, member_id)
    )
  `.execute(db);

  // Gap-free numbering: the counter row is bumped in the transaction that writes the ticket, so a number is used
  // if and only if its ticket committed.
  await sql`
    CREATE TABLE queue_counters (
      unit_id uuid NOT NULL REFERENCES units(id),
      day date NOT NULL,
      last_number int NOT NULL,
      PRIMARY KEY (unit_id, day)
    )
  `.execute(db);
  await sql`
    CREATE TABLE desk_devices (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      unit_id uuid REFERENCES units(id),
      kind text NOT NULL CHECK (kind IN ('kiosk','rating')),
      token_hash text NOT NULL UNIQUE,
      pairing_code text,
      pairing_expires_at timestamptz,
      counter int CHECK (counter BETWEEN 1 AND 99),
      paired_at timestamptz,
      paired_by uuid REFERENCES staff(id),
      revoked_at timestamptz,
      created_at timestamptz NOT NULL,
      CHECK (paired_at IS NULL OR unit_id IS NOT NULL)
    )
  `.execute(db);
  await sql`CREATE UNIQUE INDEX desk_devices_pairing_idx ON desk_devices (pairing_code) WHERE paired_at IS NULL`.execute(
    db,
  );
  await sql`
    CREATE TABLE queue_tickets (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      unit_id uuid NOT NULL REFERENCES units(id),
      day date NOT NULL,
      number int NOT NULL CHECK (number >= 1),
      lane text NOT NULL CHECK (lane IN ('general','priority')),
      field text,
      status text NOT NULL CHECK (status IN ('waiting','called','done','no_show')),
      taken_at timestamptz NOT NULL,
      device_id uuid REFERENCES desk_devices(id),
      called_at timestamptz,
      counter int CHECK (counter BETWEEN 1 AND 99),
      officer_id uuid REFERENCES staff(id),
      finished_at timestamptz,
      dossier_id uuid REFERENCES dossiers(id),
      version int NOT NULL DEFAULT 1,
      UNIQUE (unit_id, day, number),
      CHECK (status = 'waiting' OR called_at IS NOT NULL AND counter IS NOT NULL)
    )
  `.execute(db);
  await sql`CREATE INDEX queue_tickets_waiting_idx ON queue_tickets (unit_id, day, status, lane, number)`.execute(
    db,
  );

  await sql`
    CREATE TABLE desk_rating_requests (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      unit_id uuid NOT NULL REFERENCES units(id),
      counter int NOT NULL CHECK (counter BETWEEN 1 AND 99),
      dossier_id uuid NOT NULL REFERENCES dossiers(id),
      officer_id uuid NOT NULL REFERENCES staff(id),
      pushed_at timestamptz NOT NULL,
      status text NOT NULL CHECK (status IN ('pending','rated','replaced')),
      rated_at timestamptz
    )
  `.execute(db);
  await sql`CREATE INDEX desk_rating_requests_counter_idx ON desk_rating_requests (unit_id, counter, status)`.execute(
    db,
  );

  // One version row per unit for the live pages: bumped in every transaction that changes the queue or a
  // counter's tablet, so that a process that did not make the change sees it by polling (several processes).
  await sql`
    CREATE TABLE desk_live_versions (
      unit_id uuid PRIMARY KEY REFERENCES units(id),
      version bigint NOT NULL
    )
  `.execute(db);

  // Ratings at the counter (NĐ 61/2018 art. 31 "thiết bị đánh giá tại Bộ phận một cửa"): no citizen account, the
  // officer who served and the counter are kept; online service quality does not apply to a counter dossier.
  await sql`ALTER TABLE dossier_ratings ADD COLUMN channel text NOT NULL DEFAULT 'online' CHECK (channel IN ('online','desk_device'))`.execute(
    db,
  );
  await sql`ALTER TABLE dossier_ratings ALTER COLUMN citizen_id DROP NOT NULL`.execute(db);
  await sql`ALTER TABLE dossier_ratings ALTER COLUMN online_service_quality DROP NOT NULL`.execute(db);
  await sql`ALTER TABLE dossier_ratings ADD COLUMN officer_id uuid REFERENCES staff(id)`.execute(db);
  await sql`ALTER TABLE dossier_ratings ADD COLUMN counter int`.execute(db);
  await sql`
    ALTER TABLE dossier_ratings ADD CONSTRAINT dossier_ratings_channel_fields_check CHECK (
      channel = 'online' AND citizen_id IS NOT NULL AND online_service_quality IS NOT NULL
      OR channel = 'desk_device' AND officer_id IS NOT NULL AND counter IS NOT NULL
    )
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
