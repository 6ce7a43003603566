/**
 * The periodic report as a file, off the request path: a request writes a row of report_exports (with its audit
 * entry, in one transaction) and answers at once; a background pass (`runFileJobs`, src/db/job-lease.ts: due rows
 * claimed with FOR UPDATE SKIP LOCKED, attempt counted, lease set — several processes share the work, a crashed
 * pass is retried after its lease) computes the report as it stood at the request, renders the PDF or XLSX and
 * keeps the bytes on the row.
 */
import type { Db } from "../../db/database.ts";
import { type PassTiming, periodicPass, runFileJobs, withLease } from "../../db/job-lease.ts";
import { figureCells } from "../../domain/reports/dossier-figures.ts";
import type { ReportPeriod } from "../../domain/reports/periods.ts";
import { AppError } from "../../errors.ts";
import type { DossierReportData } from "../../pdf/forms/dossier-report.ts";
import { renderInPool } from "../../pdf/pool.ts";
import { recordAudit } from "../audit/audit-log.ts";
import { requireStaff } from "../auth/policy.ts";
import type { Principal } from "../auth/principal.ts";
import { bodyName, placeOf } from "../dossiers/forms.ts";
import { getUnit, type UnitRow } from "../units/queries.ts";
import { type DossierReport, dossierReport } from "./dossier-report.ts";

export const EXPORT_LIMITS = { attempts: 3, leaseSeconds: 5 * 60 } as const;

export type ExportFormat = "pdf" | "xlsx";

export async function requestExport(
  db: Db,
  principal: Principal,
  unit: UnitRow,
  input: { period: ReportPeriod; rollup: boolean; format: ExportFormat },
  now: Date,
): Promise<{ id: string; status: string }> {
  const staff = requireStaff(principal);
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto("report_exports")
      .values({
        unit_id: unit.id,
        requested_by: staff.staffId,
        kind: "dossiers",
        period: JSON.stringify(input.period),
        rollup: input.rollup,
        format: input.format,
        requested_at: now,
      })
      .returning(["id", "status"])
      .executeTakeFirstOrThrow();
    await recordAudit(
      tx,
      {
        actor: { kind: "staff", id: staff.staffId },
        action: "report.export",
        entityType: "report_export",
        entityId: row.id,
        unitId: unit.id,
        summary: {
          report: "dossiers",
          period: input.period.label,
          rollup: input.rollup,
          format: input.format,
        },
      },
      now,
    );
    return row;
  });
}

/** An export of `unitId` (hidden as 404 when it belongs to another unit). */
export async function findExport(db: Db, unitId: string, id: string) {
  const row = await db
    .selectFrom("report_exports")
    .select(["id", "status", "format", "filename", "error", "content", "requested_at", "finished_at"])
    .where("id", "=", id)
    .where("unit_id", "=", unitId)
    .executeTakeFirst();
  if (!row) throw new AppError("NOT_FOUND", { details: { entity: "report_export", id } });
  return row;
}

export function reportFileData(report: DossierReport, unit: UnitRow): DossierReportData {
  return {
    issuer: { parentBody: "", body: bodyName(unit.name), place: placeOf(unit.name) },
    scope: report.rollup ? `${unit.name} và các đơn vị trực thuộc` : unit.name,
    period: report.period,
    generatedAt: Date.parse(report.generatedAt),
    byField: report.byField.map((l) => ({ name: l.name, cells: figureCells(l.figures) })),
    byUnit: report.byUnit.map((l) => ({ name: l.name, cells: figureCells(l.figures) })),
    total: figureCells(report.total),
  };
}

export function exportFilename(unit: UnitRow, period: ReportPeriod, format: ExportFormat): string {
  return `bao-cao-ket-qua-giai-quyet-tthc-${unit.code}-${period.label.replace(/\.\./g, "_")}.${format}`;
}

interface Claimed {
  id: string;
  unit_id: string;
  period: ReportPeriod;
  rollup: boolean;
  format: ExportFormat;
  requested_at: Date;
  attempts: number;
}

const EXPORT_QUEUE = {
  table: "report_exports",
  orderBy: "requested_at",
  returning: ["id", "unit_id", "period", "rollup", "format", "requested_at", "attempts"],
  maxAttempts: EXPORT_LIMITS.attempts,
  leaseSeconds: EXPORT_LIMITS.leaseSeconds,
  giveUp: { error: "error", finishedAt: "finished_at" },
} as const;

/** One pass: claim, compute and render each export, keep its bytes. Returns how many were done and failed. */
export function runExportPass(
  db: Db,
  now: Date,
  limit = 2,
  leaseSeconds?: number,
): Promise<{ done: number; failed: number }> {
  return runFileJobs<Claimed>(db, withLease(EXPORT_QUEUE, leaseSeconds), now, limit, async (job) => {
    const unit = await getUnit(db, job.unit_id);
    const report = await dossierReport(db, unit, job.period, job.rollup, new Date(job.requested_at));
    const data = reportFileData(report, unit);
    return {
      content: await renderInPool(job.format === "pdf" ? "dossierReportPdf" : "dossierReportXlsx", data),
      filename: exportFilename(unit, job.period, job.format),
    };
  });
}

/** Runs passes every `intervalMs` until stopped; a pass never overlaps the previous one. */
export function exportWorker(
  db: Db,
  clock: () => Date,
  onError: (error: unknown) => void,
  timing: PassTiming = {},
) {
  return periodicPass(
    () => runExportPass(db, clock(), 2, timing.leaseSeconds),
    onError,
    timing.intervalMs ?? 2_000,
  );
}
