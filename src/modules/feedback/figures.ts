/**
 * Feedback figures of a unit over a period (local days, inclusive) — the inputs of QĐ 766/QĐ-TTg indicators 5.2
 * (feedback handled on time) and 5.3 (satisfaction with the handling), read by the reports:
 *   received         records registered in the unit in the period (received there, or arrived by forwarding),
 *                    spam excluded (counted apart);
 *   forwarded        forwards the unit made in the period; on time when done by the 5-working-day due instant;
 *   answered         answers the unit gave in the period; on time when given by the unit's answer due instant;
 *   satisfaction     ratings given in the period of the unit's answers: share of 1 (satisfied) and 2 (very).
 * Forwards are counted from the history, since a record forwarded inside motcua leaves the unit's register.
 */
import { sql } from "kysely";
import type { z } from "zod";
import type { FeedbackFigures, FiguresQuery } from "../../contracts/feedback.ts";
import type { Executor } from "../../db/database.ts";
import { assertCan } from "../auth/policy.ts";
import type { Principal } from "../auth/principal.ts";
import { dayStart } from "../dossiers/inbox.ts";
import { getUnitByCode } from "../units/queries.ts";

export async function feedbackFigures(
  db: Executor,
  principal: Principal,
  query: z.infer<typeof FiguresQuery>,
): Promise<z.infer<typeof FeedbackFigures>> {
  const unit = await getUnitByCode(db, query.unit);
  assertCan(principal, "report.read", unit);
  return figuresOf(db, unit, query.from, query.to);
}

export async function figuresOf(
  db: Executor,
  unit: { id: string; code: string; name: string },
  from: string,
  to: string,
): Promise<z.infer<typeof FeedbackFigures>> {
  const start = dayStart(from);
  const end = new Date(dayStart(to).getTime() + 86_400_000);
  const { rows } = await sql<{
    received: number;
    spam: number;
    forwarded: number;
    forwarded_on_time: number;
    answered: number;
    answered_on_time: number;
    ratings: number;
    satisfied: number;
  }>`
    SELECT
      (SELECT count(*) FROM feedback_events e JOIN feedback f ON f.id = e.feedback_id
        WHERE e.unit_id = ${unit.id} AND e.action IN ('receive','arrive') AND NOT f.spam
          AND e.at >= ${start} AND e.at < ${end})::int AS received,
      (SELECT count(*) FROM feedback_events e JOIN feedback f ON f.id = e.feedback_id
        WHERE e.unit_id = ${unit.id} AND e.action IN ('receive','arrive') AND f.spam
          AND e.at >= ${start} AND e.at < ${end})::int AS spam,
      (SELECT count(*) FROM feedback_events e
        WHERE e.unit_id = ${unit.id} AND e.action = 'forward' AND e.at >= ${start} AND e.at < ${end})::int AS forwarded,
      (SELECT count(*) FROM feedback_events e
        WHERE e.unit_id = ${unit.id} AND e.action = 'forward' AND e.at >= ${start} AND e.at < ${end}
          AND (e.detail->>'late') = 'false')::int AS forwarded_on_time,
      (SELECT count(*) FROM feedback f
        WHERE f.unit_id = ${unit.id} AND f.answered_at >= ${start} AND f.answered_at < ${end})::int AS answered,
      (SELECT count(*) FROM feedback f
        WHERE f.unit_id = ${unit.id} AND f.answered_at >= ${start} AND f.answered_at < ${end}
          AND f.answered_at <= f.answer_due_at)::int AS answered_on_time,
      (SELECT count(*) FROM feedback f
        WHERE f.unit_id = ${unit.id} AND f.rated_at >= ${start} AND f.rated_at < ${end})::int AS ratings,
      (SELECT count(*) FROM feedback f
        WHERE f.unit_id = ${unit.id} AND f.rated_at >= ${start} AND f.rated_at < ${end} AND f.rating >= 1)::int AS satisfied
  `.execute(db);
  const r = rows[0];
  const n = (v: number | undefined) => Number(v ?? 0);
  const ratings = n(r?.ratings);
  return {
    unit: { code: unit.code, name: unit.name },
    from,
    to,
    received: n(r?.received),
    spam: n(r?.spam),
    forwarded: n(r?.forwarded),
    forwardedOnTime: n(r?.forwarded_on_time),
    answered: n(r?.answered),
    answeredOnTime: n(r?.answered_on_time),
    ratings,
    satisfied: n(r?.satisfied),
    satisfactionShare: ratings === 0 ? null : Math.round((n(r?.satisfied) / ratings) * 1000) / 1000,
  };
}
