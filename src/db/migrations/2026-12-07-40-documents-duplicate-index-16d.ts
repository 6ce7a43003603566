import { type Kysely, sql } from "kysely";

/**
 * The duplicate check run when an incoming document is registered (same số + ký hiệu from the same issuer,
 * NĐ 30/2020 Phụ lục VI) compares upper(original_number), which the plain (unit_id, original_number) index cannot
 * serve: with a year's archive in the unit every registration read all of the unit's incoming documents
 * (bench/documents-search.ts, BENCHMARKS.md). This index answers it from the unit and the folded number.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX documents_duplicate_upper_idx ON documents (unit_id, upper(original_number))`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
