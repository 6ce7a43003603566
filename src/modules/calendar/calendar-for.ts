import { sql } from "kysely";
import type { Executor } from "../../db/database.ts";
import type { WorkingHours } from "../../db/tables/foundation.ts";
import { type HolidayDecision, parseHolidayDecisions, WorkingCalendar } from "../../domain/calendar/index.ts";
import { AppError } from "../../errors.ts";
import { decisionFromRow, type HolidayDecisionRow } from "./decision-rows.ts";

/**
 * calendarFor(db, unit): the WorkingCalendar of a unit — its working hours, and the yearly decisions that apply
 * to it or to any unit above it — or, without a unit, the national calendar (Monday–Friday 07:30–11:30,
 * 13:30–17:00, national decisions only). This is what deadlines and appointment dates are computed with.
 *
 * Fast path: one indexed query (the unit, its ancestors and the decisions token) and a map look-up. A
 * WorkingCalendar compiles each year once into arrays, so keeping it is what makes the next deadline cheap.
 * Calendars are cached under what they are made of: the decisions token (a new random uuid with every change
 * of the decisions, written in the same transaction), the codes of the unit and its ancestors and the unit's
 * working hours. A change made by any process is therefore seen by every process at its next look-up, and
 * databases that share this process (tests) never share an entry that differs.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_CALENDARS = 5000;
const MAX_DECISION_SETS = 8;

interface CachedCalendar {
  key: string;
  calendar: WorkingCalendar;
}

const calendars = new Map<string, CachedCalendar>();
const decisionSets = new Map<string, readonly HolidayDecision[]>();

function remember<V>(map: Map<string, V>, key: string, value: V, max: number): V {
  map.delete(key);
  map.set(key, value);
  if (map.size > max) {
    const oldest = map.keys().next().value;
    if (oldest !== undefined) map.delete(oldest);
  }
  return value;
}

/** The decisions in force (not deleted) under `token`, parsed once per token. */
async function decisionsFor(db: Executor, token: string): Promise<readonly HolidayDecision[]> {
  const cached = decisionSets.get(token);
  if (cached) return cached;
  // One statement, so the token and the rows are of the same snapshot.
  const { rows } = await sql<HolidayDecisionRow & { state_token: string }>`
    SELECT s.token AS state_token, d.*
    FROM calendar_state s
    LEFT JOIN holiday_decisions d ON d.deleted_at IS NULL
    WHERE s.id = 1
    ORDER BY d.year, d.id
  `.execute(db);
  const current = rows[0]?.state_token ?? token;
  const decisions = parseHolidayDecisions(rows.filter((r) => r.id !== null).map(decisionFromRow));
  return remember(decisionSets, current, decisions, MAX_DECISION_SETS);
}

interface ChainRow {
  id: string;
  code: string;
  path: string;
  working_hours: WorkingHours;
  token: string;
}

/** The unit (by id or identifier code) and its ancestors, with the decisions token, in one query. */
async function unitChain(db: Executor, unit: string): Promise<ChainRow[]> {
  const target = UUID.test(unit) ? sql`t.id = ${unit}::uuid` : sql`t.code = ${unit}`;
  const { rows } = await sql<ChainRow>`
    SELECT u.id, u.code, u.path, u.working_hours, s.token
    FROM units t
    JOIN units u ON u.id = ANY (string_to_array(btrim(t.path, '/'), '/')::uuid[])
    CROSS JOIN calendar_state s
    WHERE ${target} AND s.id = 1
  `.execute(db);
  return rows;
}

export async function calendarFor(db: Executor, unit?: string | null): Promise<WorkingCalendar> {
  if (unit === undefined || unit === null) {
    const { token } = await db
      .selectFrom("calendar_state")
      .select("token")
      .where("id", "=", 1)
      .executeTakeFirstOrThrow();
    const cached = calendars.get("");
    if (cached?.key === token) return cached.calendar;
    const decisions = await decisionsFor(db, token);
    return remember(
      calendars,
      "",
      { key: token, calendar: new WorkingCalendar({ decisions }) },
      MAX_CALENDARS,
    ).calendar;
  }
  const chain = await unitChain(db, unit);
  if (chain.length === 0) throw new AppError("UNKNOWN_UNIT", { details: { unit } });
  // The unit itself has the longest path; the order of the ancestors' codes does not matter.
  const self = chain.reduce((a, b) => (b.path.length > a.path.length ? b : a));
  const codes = chain.map((r) => r.code).sort();
  const token = self.token;
  const key = `${token}|${codes.join(",")}|${JSON.stringify(self.working_hours)}`;
  const cached = calendars.get(self.id);
  if (cached?.key === key) return cached.calendar;
  const decisions = await decisionsFor(db, token);
  const hours = self.working_hours;
  const calendar = new WorkingCalendar({
    schedule: {
      weekdays: hours.weekdays,
      sessions: hours.sessions,
      lateCutoff: hours.lateReceptionCutoff ?? null,
    },
    decisions,
    unit: codes,
  });
  return remember(calendars, self.id, { key, calendar }, MAX_CALENDARS).calendar;
}

/** Forgets every cached calendar (tests; nothing else needs it, the tokens keep the cache right). */
export function clearCalendarCache(): void {
  calendars.clear();
  decisionSets.clear();
}
