import { type RawBuilder, type Selectable, sql } from "kysely";
import type { ProcedureListItem, ProcedureSearchQuery, VersionMeta } from "../../contracts/catalog.ts";
import type { Executor } from "../../db/database.ts";
import type { ProcedureTable, ProcedureVersionTable, VersionSummary } from "../../db/tables/catalog.ts";
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

// ---- search ----------------------------------------------------------------------------------------------------

interface SearchRow {
  procedure_id: string;
  slug: string;
  version_id: string;
  version: number;
  effective_from: string;
  code: string | null;
  code_status: VersionRow["code_status"];
  name: string;
  name_en: string;
  field_code: string;
  field_name_vi: string;
  field_name_en: string;
  field_group: string;
  levels: string[];
  online_level: VersionRow["online_level"];
  postal_receive: boolean;
  postal_deliver: boolean;
  summary: VersionSummary;
  score: number | null;
  total: number;
}

/** A national (or synthetic) procedure code typed as the query. */
const CODE_PATTERN_LOOSE = /^\d\.\d{6}$/;

/** Whether the text has anything to search for once punctuation and spaces are set aside. */
export function hasSearchableText(q: string | undefined): q is string {
  return q !== undefined && /[\p{L}\p{N}]/u.test(q);
}

/**
 * Catalog search. Text is compared after f_unaccent (case and diacritics ignored) with punctuation as spaces.
 * A procedure matches when its name contains every word of the query; when none does, names whose pg_trgm word
 * similarity to the query reaches the extension's threshold (0.6: a typo or two) match instead; a query that is a
 * national code matches that procedure.
 * Ranking: the exact phrase, then all words, a name that starts with the query, trigram similarities.
 */
export async function searchProcedures(
  db: Executor,
  query: ProcedureSearchQuery,
  day: string,
  unitId: string | null,
): Promise<{ items: ProcedureListItem[]; total: number }> {
  const conditions = [
    sql`v.effective_from <= ${day}`,
    sql`(v.superseded_from IS NULL OR v.superseded_from > ${day})`,
  ];
  if (unitId) {
    conditions.push(sql`EXISTS (SELECT 1 FROM procedure_offerings o
      WHERE o.procedure_id = v.procedure_id AND o.unit_id = ${unitId} AND o.active)`);
  }
  if (query.field) conditions.push(sql`v.field_code = ${query.field}`);
  if (query.online) {
    // Listed as online only where it can be filed online here: an active unit offers it.
    conditions.push(sql`v.online_level = ${query.online}`);
    conditions.push(sql`EXISTS (SELECT 1 FROM procedure_offerings o JOIN units u ON u.id = o.unit_id
      WHERE o.procedure_id = v.procedure_id AND o.active AND u.active)`);
  }
  if (query.postal === "receive") conditions.push(sql`v.postal_receive`);
  if (query.postal === "deliver") conditions.push(sql`v.postal_deliver`);

  const raw = (query.q ?? "").trim();
  // The query folded the way the generated search_text column is (f_unaccent, punctuation as spaces).
  const folded = hasSearchableText(raw)
    ? ((
        await sql<{
          q: string;
        }>`SELECT btrim(regexp_replace(f_unaccent(${raw}), '[^a-z0-9]+', ' ', 'g')) AS q`.execute(db)
      ).rows[0]?.q ?? "")
    : "";
  if (folded.length === 0) {
    return runSearch(db, conditions, sql<null>`NULL::float8`, sql`f.sort, v.name, p.slug`, query);
  }
  const order = sql`score DESC, v.name, p.slug`;
  if (CODE_PATTERN_LOOSE.test(raw)) {
    return runSearch(db, [...conditions, sql`p.code = ${raw}`], sql<number>`3::float8`, order, query);
  }
  const words = folded.split(" ").filter((w) => w.length > 0);
  // Whole words count more than parts of words; the last word may be a prefix (typing).
  const wordPatterns = words.map((w, i) => (i === words.length - 1 ? `% ${w}%` : `% ${w} %`));
  const padded = sql`(' ' || v.search_text || ' ')`;
  const bonuses = sql`
    CASE WHEN ${padded} LIKE ALL (${wordPatterns}::text[]) THEN 0.6 ELSE 0 END
    + CASE WHEN strpos(${padded}, ${` ${folded} `}) > 0 THEN 0.4 ELSE 0 END
    + CASE WHEN v.search_text LIKE ${`${folded}%`} THEN 0.2 ELSE 0 END`;

  // 1. Every word of the query in the name: the trigram index finds them, and ranking needs no trigram
  //    arithmetic (the exact phrase, whole words, a name that starts with the query, then shorter names first).
  const allWords = sql.join(
    words.map((w) => sql`v.search_text LIKE ${`%${w}%`}`),
    sql` AND `,
  );
  const exact = await runSearch(
    db,
    [...conditions, sql`(${allWords})`],
    sql<number>`(1 + ${bonuses} + 16.0 / (16 + length(v.search_text)))::float8`,
    order,
    query,
  );
  if (exact.total > 0) return exact;

  // 2. Nothing has every word: a typo. pg_trgm's word similarity (index operator <%, threshold 0.6) finds names
  //    close to the query, best first.
  return runSearch(
    db,
    [...conditions, sql`${folded} <% v.search_text`],
    sql<number>`(word_similarity(${folded}, v.search_text) + 0.3 * similarity(${folded}, v.search_text) + ${bonuses})::float8`,
    order,
    query,
  );
}

async function runSearch(
  db: Executor,
  conditions: RawBuilder<unknown>[],
  score: RawBuilder<number | null>,
  order: RawBuilder<unknown>,
  query: ProcedureSearchQuery,
): Promise<{ items: ProcedureListItem[]; total: number }> {
  const run = (limit: number, offset: number) =>
    sql<SearchRow>`
      SELECT p.id AS procedure_id, p.slug, v.id AS version_id, v.version, v.effective_from, v.code, v.code_status,
        v.name, v.name_en, v.field_code, f.name_vi AS field_name_vi, f.name_en AS field_name_en,
        f.group_name AS field_group, v.levels, v.online_level, v.postal_receive, v.postal_deliver, v.summary,
        ${score} AS score, (count(*) OVER ())::int AS total
      FROM procedure_versions v
      JOIN procedures p ON p.id = v.procedure_id
      JOIN catalog_fields f ON f.code = v.field_code
      WHERE ${sql.join(conditions, sql` AND `)}
      ORDER BY ${order}
      LIMIT ${limit} OFFSET ${offset}
    `.execute(db);
  const rows = (await run(query.limit, query.offset)).rows;
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && query.offset > 0) {
    // Past the last page: count without paging so the caller still learns the total.
    total = (await run(1, 0)).rows[0]?.total ?? 0;
  }
  return { items: rows.map(toListItem), total };
}

function toListItem(row: SearchRow): ProcedureListItem {
  return {
    id: row.procedure_id,
    slug: row.slug,
    code: row.code,
    codeStatus: row.code_status,
    name: row.name,
    nameEn: row.name_en,
    field: {
      code: row.field_code,
      nameVi: row.field_name_vi,
      nameEn: row.field_name_en,
      group: row.field_group,
    },
    levels: row.levels,
    onlineLevel: row.online_level,
    postal: { receiveDossier: row.postal_receive, deliverResult: row.postal_deliver },
    timeVi: row.summary.timeVi,
    timeEn: row.summary.timeEn,
    feeVi: row.summary.feeVi,
    feeEn: row.summary.feeEn,
    versionId: row.version_id,
    version: row.version,
    effectiveFrom: row.effective_from,
    score: row.score === null ? null : Math.round(Number(row.score) * 1000) / 1000,
  };
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
