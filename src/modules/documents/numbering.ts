/**
 * Gap-free numbering (NĐ 30/2020 Điều 15: from 01 on 1 January, never skipping or repeating). The register row is
 * incremented inside the transaction that uses the number: concurrent issuers queue on the row lock, and a
 * transaction that rolls back gives its number back with it. The row of a new year starts at 0.
 */
import { sql } from "kysely";
import type { Tx } from "../../db/database.ts";

export async function takeNumber(
  tx: Tx,
  unitId: string,
  series: string,
  year: number,
): Promise<{ registerId: string; number: number }> {
  await tx
    .insertInto("document_registers")
    .values({ unit_id: unitId, series, year })
    .onConflict((oc) => oc.columns(["unit_id", "series", "year"]).doNothing())
    .execute();
  const row = await tx
    .updateTable("document_registers")
    .set({ last_number: sql`last_number + 1` })
    .where("unit_id", "=", unitId)
    .where("series", "=", series)
    .where("year", "=", year)
    .returning(["id", "last_number"])
    .executeTakeFirstOrThrow();
  return { registerId: row.id, number: row.last_number };
}
