import { type Kysely, sql } from "kysely";

/**
 * Duties on days off (lịch trực ngày lễ, Tết): a member on call at a counter for one field during given hours of
 * one holiday or other non-working day, e.g. death registration during Tết (Luật Hộ tịch 2014 art. 33: a death is
 * registered within 15 days, holidays included). Cancelling keeps the row (cancelled_at), so the history stays.
 * A member row also records the row that took over from it on a change of position (replaced_by), so that a
 * dated absence or swap recorded for the person follows them to the new position.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE desk_holiday_duties (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      unit_id uuid NOT NULL REFERENCES units(id),
      member_id uuid NOT NULL REFERENCES desk_members(id),
      on_date date NOT NULL,
      counter int NOT NULL CHECK (counter BETWEEN 1 AND 99),
      field text,
      starts_at text NOT NULL CHECK (starts_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      ends_at text NOT NULL CHECK (ends_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      note text,
      created_at timestamptz NOT NULL,
      created_by uuid REFERENCES staff(id),
      cancelled_at timestamptz,
      CHECK (ends_at > starts_at)
    )
  `.execute(db);
  await sql`CREATE INDEX desk_holiday_duties_unit_idx ON desk_holiday_duties (unit_id, on_date)`.execute(db);
  await sql`ALTER TABLE desk_members ADD COLUMN replaced_by uuid REFERENCES desk_members(id)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
