import { type Kysely, sql } from "kysely";
import type { HolidayDecision } from "../domain/calendar/decisions.ts";
import { OFFICIAL_DECISIONS } from "../domain/calendar/official-decisions.ts";

/**
 * Puts the official decisions the application ships (legal data, not demo data) into holiday_decisions, for
 * every deployment. A migration calls it for the years it brings; when a later year is decided, a new
 * migration calls it for that year. An id already present — edited or deleted by an administrator — is left
 * alone, so a deleted shipped decision never comes back.
 */
export async function insertShippedDecisions(
  db: Kysely<unknown>,
  select: (decision: HolidayDecision) => boolean,
): Promise<number> {
  let inserted = 0;
  for (const d of OFFICIAL_DECISIONS.filter(select)) {
    const unitCodes = d.scope.kind === "units" ? [...d.scope.unitCodes] : [];
    const result = await sql`
      INSERT INTO holiday_decisions
        (id, year, title, title_en, source, evidence, scope_kind, unit_codes, supersedes, days_off, working_days,
         note, origin)
      VALUES
        (${d.id}, ${d.year}, ${d.title}, ${d.titleEn}, ${d.source}, ${d.evidence}, ${d.scope.kind},
         ${unitCodes}::text[], ${[...d.supersedes]}::text[], ${JSON.stringify(d.daysOff)}::jsonb,
         ${JSON.stringify(d.workingDays)}::jsonb, ${d.note ?? null}, 'shipped')
      ON CONFLICT (id) DO NOTHING
    `.execute(db);
    inserted += Number(result.numAffectedRows ?? 0);
  }
  return inserted;
}
