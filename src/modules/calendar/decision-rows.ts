import type { Selectable } from "kysely";
import type { HolidayDecision as HolidayDecisionT } from "../../contracts/calendar.ts";
import type { HolidayDecisionTable } from "../../db/tables/calendar.ts";

export type HolidayDecisionRow = Selectable<HolidayDecisionTable>;

/** A stored row in the shape the domain validates (parseHolidayDecisions). */
export function decisionFromRow(row: HolidayDecisionRow): Record<string, unknown> {
  return {
    id: row.id,
    year: row.year,
    title: row.title,
    titleEn: row.title_en,
    source: row.source,
    evidence: row.evidence,
    scope:
      row.scope_kind === "national" ? { kind: "national" } : { kind: "units", unitCodes: row.unit_codes },
    supersedes: row.supersedes,
    daysOff: row.days_off,
    workingDays: row.working_days,
    ...(row.note ? { note: row.note } : {}),
  };
}

/** A stored row as the API shows it. */
export function toDecision(row: HolidayDecisionRow): HolidayDecisionT {
  return {
    id: row.id,
    year: row.year,
    title: row.title,
    titleEn: row.title_en,
    source: row.source,
    evidence: row.evidence,
    scope: { kind: row.scope_kind, unitCodes: row.unit_codes },
    supersedes: row.supersedes as HolidayDecisionT["supersedes"],
    daysOff: row.days_off,
    workingDays: row.working_days,
    note: row.note,
    origin: row.origin,
    version: row.version,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
