import { type Selectable, sql } from "kysely";
import type { VersionMeta } from "../../contracts/catalog.ts";
import type { Executor } from "../../db/database.ts";
import type { ProcedureTable, ProcedureVersionTable } from "../../db/tables/catalog.ts";
import type { UnitKind } from "../../db/tables/foundation.ts";
import { localDayOf } from "../../domain/calendar/instant.ts";
import { formatLocalDate } from "../../domain/calendar/local-date.ts";
import type { Procedure } from "../../domain/catalog/procedure-schema.ts";
import { AppError } from "../../errors.ts";

export type ProcedureRow = Selectable<ProcedureTable>;
export type VersionRow = Selectable<ProcedureVersionTable>;

/** The local date in Vietnam (UTC+7) of an instant, "YYYY-MM-DD": the day versions are chosen by. */
export function vietnamDay(instant: Date): string {
  return formatLocalDate(localDayOf(instant.getTime()));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CODE = /^[1-9]\.\d{6}$/;

/** A procedure by id (uuid), national code or slug. */
export async function findProcedure(db: Executor, ref: string): Promise<ProcedureRow | undefined> {
  let q = db.selectFrom("procedures").selectAll();
  if (UUID.test(ref)) q = q.where("id", "=", ref.toLowerCase());
  else if (CODE.test(ref)) q = q.where("code", "=", ref);
  else q = q.where("slug", "=", ref);
  return q.executeTakeFirst();
}

export async function getProcedure(db: Executor, ref: string): Promise<ProcedureRow> {
  const row = await findProcedure(db, ref);
  if (!row) throw new AppError("NOT_FOUND", { details: { entity: "procedure", ref } });
  return row;
}

/** The stored document of a version. Documents are validated against ProcedureSchema before they are written. */
export function documentOf(row: Pick<VersionRow, "document">): Procedure {
  return row.document as Procedure;
}

/** The version in force on a day (effective_from <= day < superseded_from), if any. */
export async function versionAt(
  db: Executor,
  procedureId: string,
  day: string,
): Promise<VersionRow | undefined> {
  return db
    .selectFrom("procedure_versions")
    .selectAll()
    .where("procedure_id", "=", procedureId)
    .where("effective_from", "<=", day)
    .where((eb) => eb.or([eb("superseded_from", "is", null), eb("superseded_from", ">", day)]))
    .orderBy("effective_from", "desc")
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirst();
}

/**
 * The version a dossier filed at `instant` is processed under (the date counts in Vietnam). A dossier stores the
 * returned version's id and keeps it whatever later versions say.
 */
export function procedureVersionAt(
  db: Executor,
  procedureId: string,
  instant: Date,
): Promise<VersionRow | undefined> {
  return versionAt(db, procedureId, vietnamDay(instant));
}

/** The version in force now. */
export function currentVersion(
  db: Executor,
  procedureId: string,
  now: Date,
): Promise<VersionRow | undefined> {
  return procedureVersionAt(db, procedureId, now);
}

export async function latestVersion(db: Executor, procedureId: string): Promise<VersionRow> {
  return db
    .selectFrom("procedure_versions")
    .selectAll()
    .where("procedure_id", "=", procedureId)
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirstOrThrow();
}

export async function getVersion(db: Executor, procedureId: string, version: number): Promise<VersionRow> {
  const row = await db
    .selectFrom("procedure_versions")
    .selectAll()
    .where("procedure_id", "=", procedureId)
    .where("version", "=", version)
    .executeTakeFirst();
  if (!row) throw new AppError("NOT_FOUND", { details: { entity: "procedure_version", version } });
  return row;
}

/** The version in force on `day`, or else the latest one (a procedure that is not yet or no longer in force). */
export async function versionForReading(db: Executor, procedureId: string, day: string): Promise<VersionRow> {
  return (await versionAt(db, procedureId, day)) ?? latestVersion(db, procedureId);
}

export function isInForce(row: Pick<VersionRow, "effective_from" | "superseded_from">, day: string): boolean {
  return row.effective_from <= day && (row.superseded_from === null || row.superseded_from > day);
}

export function versionMeta(
  row: Pick<
    VersionRow,
    "id" | "version" | "effective_from" | "superseded_from" | "name" | "created_at" | "created_by"
  >,
  day: string,
): VersionMeta {
  return {
    id: row.id,
    version: row.version,
    effectiveFrom: row.effective_from,
    supersededFrom: row.superseded_from,
    inForce: isInForce(row, day),
    name: row.name,
    createdAt: new Date(row.created_at).toISOString(),
    createdBy: row.created_by,
  };
}

export async function listVersions(db: Executor, procedureId: string) {
  return db
    .selectFrom("procedure_versions")
    .select(["id", "version", "effective_from", "superseded_from", "name", "created_at", "created_by"])
    .where("procedure_id", "=", procedureId)
    .orderBy("version", "desc")
    .execute();
}

/** Fields with the number of procedures in force in each (in the unit's offering when given). */
export async function listFields(db: Executor, day: string, unitId: string | null) {
  const offered = unitId
    ? sql`AND EXISTS (SELECT 1 FROM procedure_offerings o
        WHERE o.procedure_id = v.procedure_id AND o.unit_id = ${unitId} AND o.active)`
    : sql``;
  const result = await sql<{
    code: string;
    name_vi: string;
    name_en: string;
    group_name: string;
    ministry: string;
    note: string | null;
    procedures: number;
  }>`
    SELECT f.code, f.name_vi, f.name_en, f.group_name, f.ministry, f.note,
      (SELECT count(*) FROM procedure_versions v
        WHERE v.field_code = f.code AND v.effective_from <= ${day}
          AND (v.superseded_from IS NULL OR v.superseded_from > ${day}) ${offered})::int AS procedures
    FROM catalog_fields f
    ORDER BY f.sort
  `.execute(db);
  return result.rows;
}

/** Units that offer a procedure (active offerings of active units), by name. */
export async function offeredBy(db: Executor, procedureId: string, limit = 300) {
  const base = db
    .selectFrom("procedure_offerings as o")
    .innerJoin("units as u", "u.id", "o.unit_id")
    .where("o.procedure_id", "=", procedureId)
    .where("o.active", "=", true)
    .where("u.active", "=", true);
  const [items, count] = await Promise.all([
    base
      .select(["u.id", "u.code", "u.name", "u.kind"])
      // The units above, nearest first ("Huyện Bạch Thông, Tỉnh Bắc Kạn"): two communes may share a name.
      .select(
        sql<string | null>`(SELECT string_agg(a.name, ', ' ORDER BY a.depth DESC) FROM units a
          WHERE a.id <> u.id AND a.id::text = ANY (string_to_array(btrim(u.path, '/'), '/')))`.as("place"),
      )
      .orderBy("u.name")
      .limit(limit)
      .execute(),
    base.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
  ]);
  return {
    items: items as { id: string; code: string; name: string; kind: UnitKind; place: string | null }[],
    total: count.n,
  };
}

export async function findOffering(db: Executor, unitId: string, procedureId: string) {
  return db
    .selectFrom("procedure_offerings")
    .selectAll()
    .where("unit_id", "=", unitId)
    .where("procedure_id", "=", procedureId)
    .executeTakeFirst();
}
