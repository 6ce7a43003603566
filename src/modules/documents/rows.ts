import type { Selectable } from "kysely";
import type { Executor } from "../../db/database.ts";
import type { DocumentTable } from "../../db/tables/documents.ts";
import { AppError } from "../../errors.ts";

export type DocumentRow = Selectable<DocumentTable> & { unit_path: string; unit_name: string };

export async function findDocument(
  db: Executor,
  id: string,
  forUpdate = false,
): Promise<DocumentRow | undefined> {
  let q = db
    .selectFrom("documents as d")
    .innerJoin("units as u", "u.id", "d.unit_id")
    .selectAll("d")
    .select(["u.path as unit_path", "u.name as unit_name"])
    .where("d.id", "=", id);
  if (forUpdate) q = q.forUpdate("d");
  return q.executeTakeFirst();
}

export async function getDocument(db: Executor, id: string, forUpdate = false): Promise<DocumentRow> {
  const row = await findDocument(db, id, forUpdate);
  if (!row) throw new AppError("NOT_FOUND", { details: { entity: "document", id } });
  return row;
}

/** Optimistic concurrency: a stale version is a 409 CONFLICT. */
export function assertVersion(row: { version: number }, version: number): void {
  if (row.version !== version) {
    throw new AppError("CONFLICT", { details: { expected: row.version, got: version } });
  }
}

export const iso = (d: Date | string | null): string | null =>
  d === null ? null : new Date(d).toISOString();
