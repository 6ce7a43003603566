/**
 * The periodic report "Tình hình, kết quả giải quyết TTHC" of a unit (Biểu 06/VPCP/KSTT of TT 01/2020/TT-VPCP
 * [S]): its dossiers, or those of its whole subtree (commune → district → province), by field and by unit, for a
 * legal period or any range. Read live from the dossier rows; each dossier is placed by the pure rule
 * (domain/reports/dossier-figures.ts), which asks the dossier machine whether it was early, on time or late.
 */
import { sql } from "kysely";
import type { Executor } from "../../db/database.ts";
import {
  addPlacement,
  type DossierFigures,
  emptyFigures,
  placeDossier,
} from "../../domain/reports/dossier-figures.ts";
import { periodInstants, type ReportPeriod } from "../../domain/reports/periods.ts";
import { AppError } from "../../errors.ts";
import { stateOf } from "../dossiers/state.ts";
import type { UnitRow } from "../units/queries.ts";

export interface ReportLine {
  code: string;
  name: string;
  figures: DossierFigures;
}

export interface DossierReport {
  unit: { id: string; code: string; name: string };
  period: ReportPeriod;
  rollup: boolean;
  generatedAt: string;
  byField: ReportLine[];
  byUnit: ReportLine[];
  total: DossierFigures;
}

/** Dossiers read per report at most (a province's year over millions of dossiers needs the aggregates, not built yet). */
export const REPORT_ROW_LIMIT = 200_000;

export async function dossierReport(
  db: Executor,
  unit: UnitRow,
  period: ReportPeriod,
  rollup: boolean,
  now: Date,
  limit = REPORT_ROW_LIMIT,
): Promise<DossierReport> {
  const { start, end } = periodInstants(period);
  const cut = Math.min(end, now.getTime());
  const scope = rollup
    ? sql`u.path LIKE ${`${unit.path.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`
    : sql`u.id = ${unit.id}`;
  // Candidates: accepted before the cut and not ended before the start (the rule decides each exactly).
  const { rows } = await sql<
    Parameters<typeof stateOf>[0] & {
      unit_code: string;
      unit_name: string;
      unit_path: string;
      field_code: string;
      field_name: string | null;
      field_sort: number | null;
    }
  >`
    SELECT d.id, d.status, d.channel, d.received_at, d.duration, d.counted_from, d.due_at, d.appointment_at,
           d.reschedules, d.apology_on_time, d.extension, d.supplement_requests, d.late, d.completed_at, d.clock,
           d.state_at, d.status_data, d.apology_at, d.paused_intervals, d.received_unit_id,
           u.code AS unit_code, u.name AS unit_name, u.path AS unit_path,
           v.field_code, f.name_vi AS field_name, f.sort AS field_sort
    FROM dossiers d
    JOIN units u ON u.id = d.received_unit_id
    JOIN procedure_versions v ON v.id = d.procedure_version_id
    LEFT JOIN catalog_fields f ON f.code = v.field_code
    WHERE ${scope}
      AND d.received_at IS NOT NULL AND d.received_at < ${new Date(cut)}
      AND (d.completed_at IS NULL OR d.completed_at >= ${new Date(start)})
      AND (d.status NOT IN ('withdrawn', 'stopped', 'closed_incomplete') OR d.state_at >= ${new Date(start)})
    LIMIT ${limit + 1}
  `.execute(db);
  // Never a silently cut figure: beyond the limit the caller is told to take a shorter period or a smaller unit.
  if (rows.length > limit) throw new AppError("REPORT_TOO_LARGE", { details: { limit } });
  const fields = new Map<string, ReportLine & { sort: number }>();
  const units = new Map<string, ReportLine & { path: string }>();
  const total = emptyFigures();
  for (const r of rows) {
    const placement = placeDossier(
      {
        state: stateOf(r),
        apologyAt: r.apology_at === null ? null : new Date(r.apology_at).getTime(),
        pausedIntervals: r.paused_intervals,
      },
      start,
      end,
      now.getTime(),
    );
    if (placement === null) continue;
    let field = fields.get(r.field_code);
    if (!field) {
      field = {
        code: r.field_code,
        name: r.field_name ?? r.field_code,
        sort: r.field_sort ?? 0,
        figures: emptyFigures(),
      };
      fields.set(r.field_code, field);
    }
    let line = units.get(r.received_unit_id);
    if (!line) {
      line = { code: r.unit_code, name: r.unit_name, path: r.unit_path, figures: emptyFigures() };
      units.set(r.received_unit_id, line);
    }
    addPlacement(field.figures, placement);
    addPlacement(line.figures, placement);
    addPlacement(total, placement);
  }
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name },
    period,
    rollup,
    generatedAt: now.toISOString(),
    byField: [...fields.values()]
      .sort((a, b) => a.sort - b.sort || a.code.localeCompare(b.code))
      .map(({ code, name, figures }) => ({ code, name, figures })),
    byUnit: [...units.values()]
      .sort((a, b) => a.path.localeCompare(b.path))
      .map(({ code, name, figures }) => ({ code, name, figures })),
    total,
  };
}
