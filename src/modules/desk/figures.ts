/**
 * Figures of the desk for a period (local days, inclusive): visitors (queue numbers taken) per day and per hour,
 * waiting time (taken → called) and service time (called → finished) per field and per counter, and ratings per
 * officer — for the reports. Hours and days are local time, UTC+7 (Vietnam keeps no summer time).
 */
import { sql } from "kysely";
import type { z } from "zod";
import type { DeskFigures } from "../../contracts/desk.ts";
import type { Executor } from "../../db/database.ts";
import { dayStart } from "../dossiers/inbox.ts";

const round1 = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10);

export async function deskFigures(
  db: Executor,
  unitId: string,
  from: string,
  to: string,
): Promise<z.infer<typeof DeskFigures>> {
  const start = dayStart(from);
  const end = new Date(dayStart(to).getTime() + 86_400_000);
  const perDay = await sql<{ day: string; visitors: number }>`
    SELECT day::text AS day, count(*)::int AS visitors FROM queue_tickets
    WHERE unit_id = ${unitId} AND day BETWEEN ${from}::date AND ${to}::date GROUP BY day ORDER BY day`.execute(
    db,
  );
  const perHour = await sql<{ hour: number; visitors: number }>`
    SELECT extract(hour FROM (taken_at AT TIME ZONE 'UTC') + interval '7 hours')::int AS hour, count(*)::int AS visitors
    FROM queue_tickets WHERE unit_id = ${unitId} AND day BETWEEN ${from}::date AND ${to}::date
    GROUP BY 1 ORDER BY 1`.execute(db);
  const durations = sql`
    count(*)::int AS tickets,
    avg(extract(epoch FROM called_at - taken_at))::float8 AS wait,
    avg(extract(epoch FROM finished_at - called_at)) FILTER (WHERE status = 'done')::float8 AS service`;
  const perField = await sql<{
    field: string | null;
    tickets: number;
    wait: number | null;
    service: number | null;
  }>`
    SELECT field, ${durations} FROM queue_tickets
    WHERE unit_id = ${unitId} AND day BETWEEN ${from}::date AND ${to}::date GROUP BY field ORDER BY field NULLS LAST`.execute(
    db,
  );
  const perCounter = await sql<{
    counter: number;
    tickets: number;
    wait: number | null;
    service: number | null;
  }>`
    SELECT counter, ${durations} FROM queue_tickets
    WHERE unit_id = ${unitId} AND day BETWEEN ${from}::date AND ${to}::date AND counter IS NOT NULL
    GROUP BY counter ORDER BY counter`.execute(db);
  const perOfficer = await sql<{
    officer_id: string;
    name: string;
    ratings: number;
    attitude: number | null;
    ok: number;
  }>`
    SELECT r.officer_id, s.full_name AS name, count(*)::int AS ratings, avg(r.staff_attitude)::float8 AS attitude,
      (count(*) FILTER (WHERE r.staff_attitude >= 1))::int AS ok
    FROM dossier_ratings r JOIN staff s ON s.id = r.officer_id
    WHERE r.unit_id = ${unitId} AND r.rated_at >= ${start} AND r.rated_at < ${end}
    GROUP BY r.officer_id, s.full_name ORDER BY s.full_name`.execute(db);
  const d = (r: { tickets: number; wait: number | null; service: number | null }) => ({
    tickets: Number(r.tickets),
    meanWaitSeconds: round1(r.wait),
    meanServiceSeconds: round1(r.service),
  });
  return {
    from,
    to,
    perDay: perDay.rows.map((r) => ({ day: r.day, visitors: Number(r.visitors) })),
    perHour: perHour.rows.map((r) => ({ hour: Number(r.hour), visitors: Number(r.visitors) })),
    perField: perField.rows.map((r) => ({ field: r.field, ...d(r) })),
    perCounter: perCounter.rows.map((r) => ({ counter: Number(r.counter), ...d(r) })),
    ratingsPerOfficer: perOfficer.rows.map((r) => ({
      officerId: r.officer_id,
      name: r.name,
      ratings: Number(r.ratings),
      meanStaffAttitude: round1(r.attitude),
      satisfiedShare:
        Number(r.ratings) === 0 ? null : Math.round((Number(r.ok) / Number(r.ratings)) * 1000) / 1000,
    })),
  };
}
