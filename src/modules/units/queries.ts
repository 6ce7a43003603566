import type { Selectable } from "kysely";
import type { Unit } from "../../contracts/units.ts";
import type { Executor } from "../../db/database.ts";
import type { UnitTable } from "../../db/tables/foundation.ts";
import { AppError } from "../../errors.ts";

export type UnitRow = Selectable<UnitTable>;

export function toUnit(row: UnitRow): Unit {
  return {
    id: row.id,
    code: row.code,
    gsoCode: row.gso_code,
    name: row.name,
    shortName: row.short_name,
    kind: row.kind,
    parentId: row.parent_id,
    depth: row.depth,
    address: row.address,
    phone: row.phone,
    email: row.email,
    website: row.website,
    workingHours: row.working_hours,
    active: row.active,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    successorId: row.successor_id,
    version: row.version,
  };
}

export async function findUnit(db: Executor, id: string): Promise<UnitRow | undefined> {
  return db.selectFrom("units").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function getUnit(db: Executor, id: string): Promise<UnitRow> {
  const row = await findUnit(db, id);
  if (!row) throw new AppError("NOT_FOUND", { details: { entity: "unit", id } });
  return row;
}

export async function findUnitByCode(db: Executor, code: string): Promise<UnitRow | undefined> {
  return db.selectFrom("units").selectAll().where("code", "=", code).executeTakeFirst();
}

export async function getUnitByCode(db: Executor, code: string): Promise<UnitRow> {
  const row = await findUnitByCode(db, code);
  if (!row) throw new AppError("UNKNOWN_UNIT", { details: { code } });
  return row;
}

/** Units inside a listing scope: all, a path prefix (subtree), or a single unit. */
export function listUnits(
  db: Executor,
  scope: { unitId: string } | { pathPrefix: string } | null,
  filter: { kind?: string; parentId?: string; includeInactive?: boolean } = {},
) {
  let q = db.selectFrom("units").selectAll();
  if (scope && "unitId" in scope) q = q.where("id", "=", scope.unitId);
  if (scope && "pathPrefix" in scope) q = q.where("path", "like", `${escapeLike(scope.pathPrefix)}%`);
  if (filter.kind) q = q.where("kind", "=", filter.kind as UnitRow["kind"]);
  if (filter.parentId) q = q.where("parent_id", "=", filter.parentId);
  if (!filter.includeInactive) q = q.where("active", "=", true);
  return q.orderBy("depth").orderBy("name").execute();
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
