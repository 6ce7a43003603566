/**
 * Satisfaction (đánh giá mức độ hài lòng), NĐ 61/2018 art. 31: after the result is returned, the owner rates the
 * dossier once on each criterion (2 rất hài lòng, 1 hài lòng, 0 không hài lòng — the 0/1/2 scale of TT 01/2018
 * art. 13; "feedback answers" may be not applicable) with an optional comment. Ratings feed the unit's report for
 * a period, which staff read within their report scope.
 */
import { sql } from "kysely";
import type { z } from "zod";
import {
  CRITERIA,
  CRITERION_LABELS,
  type Criterion,
  type RatingInput,
  type SatisfactionQuery,
  type SatisfactionReport,
} from "../../contracts/portal-dossiers.ts";
import type { Executor } from "../../db/database.ts";
import { AppError } from "../../errors.ts";
import { assertCan } from "../auth/policy.ts";
import type { Principal } from "../auth/principal.ts";
import { dayStart } from "../dossiers/inbox.ts";
import { escapeLike, getUnitByCode } from "../units/queries.ts";
import { appendCitizenEvent, type CitizenAct } from "./citizen-dossier.ts";
import { isoOf } from "./filing.ts";

export async function ratingOf(db: Executor, dossierId: string) {
  const r = await db
    .selectFrom("dossier_ratings")
    .selectAll()
    .where("dossier_id", "=", dossierId)
    .executeTakeFirst();
  if (!r) return null;
  const scores = Object.fromEntries(CRITERIA.map((c) => [c, r[c] as 0 | 1 | 2 | null])) as Record<
    Criterion,
    0 | 1 | 2 | null
  >;
  return { ratedAt: isoOf(r.rated_at), scores, comment: r.comment };
}

export async function rateDossier(act: CitizenAct, id: string, input: z.infer<typeof RatingInput>) {
  const { tx, now, citizen } = act;
  const row = await tx
    .selectFrom("dossiers")
    .selectAll()
    .where("id", "=", id)
    .where("citizen_id", "=", citizen.citizenId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new AppError("NOT_FOUND", { details: { entity: "dossier" } });
  if (row.status !== "returned")
    throw new AppError("RATING_NOT_ALLOWED", { details: { status: row.status } });
  // The portal's form always asks online service quality (NĐ 61/2018 art. 31), a criterion of online dossiers
  // only: a counter dossier is rated on the desk's tablet or its paper slip instead.
  if (row.channel !== "online")
    throw new AppError("CRITERION_NOT_APPLICABLE", {
      details: { criterion: "online_service_quality", channel: row.channel },
    });
  const inserted = await tx
    .insertInto("dossier_ratings")
    .values({
      dossier_id: row.id,
      citizen_id: citizen.citizenId,
      unit_id: row.received_unit_id,
      rated_at: now,
      ...input.scores,
      comment: input.comment ?? null,
    })
    .onConflict((oc) => oc.column("dossier_id").doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!inserted) throw new AppError("ALREADY_RATED");
  await appendCitizenEvent(act, row, {
    action: "rate",
    fromStatus: row.status,
    history: false,
    detail: { ratingId: inserted.id, scores: input.scores, comment: Boolean(input.comment) },
  });
  const rating = await ratingOf(tx, row.id);
  if (!rating) throw new AppError("INVALID_STATE");
  return rating;
}

interface AggregateRow {
  ratings: number;
  [key: string]: number | null;
}

/** The unit's ratings in a period (local days, inclusive), per criterion. */
export async function satisfactionReport(
  db: Executor,
  principal: Principal,
  query: z.infer<typeof SatisfactionQuery>,
): Promise<SatisfactionReport> {
  const unit = await getUnitByCode(db, query.unit);
  assertCan(principal, "report.read", unit);
  const from = dayStart(query.from);
  const to = new Date(dayStart(query.to).getTime() + 86_400_000);
  const scope =
    query.subtree === "true"
      ? sql<boolean>`r.unit_id IN (SELECT id FROM units WHERE path LIKE ${`${escapeLike(unit.path)}%`})`
      : sql<boolean>`r.unit_id = ${unit.id}`;
  const columns = CRITERIA.flatMap((c) => [
    sql`(count(r.${sql.ref(c)}))::int AS ${sql.ref(`${c}_n`)}`,
    sql`(avg(r.${sql.ref(c)}))::float8 AS ${sql.ref(`${c}_mean`)}`,
    sql`(count(*) FILTER (WHERE r.${sql.ref(c)} >= 1))::int AS ${sql.ref(`${c}_ok`)}`,
    sql`(count(*) FILTER (WHERE r.${sql.ref(c)} = 0))::int AS ${sql.ref(`${c}_0`)}`,
    sql`(count(*) FILTER (WHERE r.${sql.ref(c)} = 1))::int AS ${sql.ref(`${c}_1`)}`,
    sql`(count(*) FILTER (WHERE r.${sql.ref(c)} = 2))::int AS ${sql.ref(`${c}_2`)}`,
  ]);
  const { rows } = await sql<AggregateRow>`
    SELECT (count(*))::int AS ratings, ${sql.join(columns)}
    FROM dossier_ratings r
    WHERE ${scope} AND r.rated_at >= ${from} AND r.rated_at < ${to}
  `.execute(db);
  const a = rows[0] as AggregateRow;
  const n = (key: string) => Number(a[key] ?? 0);
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name },
    from: query.from,
    to: query.to,
    ratings: n("ratings"),
    criteria: CRITERIA.map((c) => {
      const count = n(`${c}_n`);
      const mean = a[`${c}_mean`];
      return {
        criterion: c,
        labelVi: CRITERION_LABELS[c].vi,
        labelEn: CRITERION_LABELS[c].en,
        count,
        mean:
          count === 0 || mean === null || mean === undefined ? null : Math.round(Number(mean) * 1000) / 1000,
        satisfiedShare: count === 0 ? null : Math.round((n(`${c}_ok`) / count) * 1000) / 1000,
        distribution: { "0": n(`${c}_0`), "1": n(`${c}_1`), "2": n(`${c}_2`) },
      };
    }),
  };
}
