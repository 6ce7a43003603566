import { type Kysely, sql } from "kysely";

// Guess counters (sign-in per account name or citizen identifier) carry their own lock, so that one
// statement counts an attempt, reads the lock and sets it: parallel guesses cannot all read "not locked yet".
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE rate_limits ADD COLUMN locked_until timestamptz`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
