import type { ColumnType, JSONColumnType } from "kysely";
import type { DecisionDayOff, DecisionWorkingDay, Evidence } from "../../domain/calendar/decisions.ts";
import type { GeneratedTimestamp, NullableTimestamp } from "./foundation.ts";

export const DECISION_ORIGINS = ["shipped", "admin"] as const;
/** shipped: one of the official decisions the application ships (OFFICIAL_DECISIONS); admin: entered here. */
export type DecisionOrigin = (typeof DECISION_ORIGINS)[number];

/**
 * Yearly official decisions on days off (the Tết schedule, swapped working days, make-up Saturdays, local days
 * off), national or scoped to units by code; a decision scoped to a unit applies to its whole subtree. Rows are
 * never removed: a deleted decision keeps its row with deleted_at, so its id stays taken and a shipped decision
 * an administrator deleted is never inserted again.
 */
export interface HolidayDecisionTable {
  id: string;
  year: number;
  title: string;
  title_en: string;
  source: string;
  evidence: Evidence;
  scope_kind: "national" | "units";
  /** Empty for a national decision. */
  unit_codes: ColumnType<string[], string[], string[]>;
  supersedes: ColumnType<string[], string[], string[]>;
  days_off: JSONColumnType<DecisionDayOff[]>;
  working_days: JSONColumnType<DecisionWorkingDay[]>;
  note: string | null;
  origin: DecisionOrigin;
  version: ColumnType<number, number | undefined, number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  deleted_at: NullableTimestamp;
}

/**
 * One row. `token` changes (a new random uuid) with every change of the decisions, in the same transaction:
 * processes cache calendars under it, so a change made by any process is seen by all at their next look-up.
 */
export interface CalendarStateTable {
  id: number;
  version: number;
  token: string;
}

export interface CalendarTables {
  holiday_decisions: HolidayDecisionTable;
  calendar_state: CalendarStateTable;
}
