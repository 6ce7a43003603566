import { type Kysely, sql } from "kysely";

// The last accepted TOTP time step per account, so that a code cannot be used twice.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE staff ADD COLUMN totp_last_step bigint`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
