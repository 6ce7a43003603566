/**
 * Reports of a unit. The periodic dossier report is report.read (leaders and unit administrators over their
 * subtree, supervisors over theirs, the system administrator everywhere; citizens and desk officers not).
 */
import type { FastifyPluginAsyncZod } from "@fastify/type-provider-zod";
import { z } from "zod";
import { ErrorResponses, Uuid } from "../../contracts/common.ts";
import {
  DossierReport,
  DossierReportQuery,
  ReportExport,
  ReportExportInput,
} from "../../contracts/reports.ts";
import { REPORT_COLUMNS, REPORT_TITLE } from "../../domain/reports/dossier-figures.ts";
import { legalPeriod, type ReportPeriod, rangePeriod } from "../../domain/reports/periods.ts";
import { AppError } from "../../errors.ts";
import { assertCan } from "../auth/policy.ts";
import { getUnit } from "../units/queries.ts";
import { dossierReport } from "./dossier-report.ts";
import { findExport, requestExport } from "./exports.ts";

/** The period of a query: exactly one of `period` or `from`+`to`. */
export function periodOf(query: {
  period?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}): ReportPeriod {
  const hasRange = query.from !== undefined || query.to !== undefined;
  if (query.period !== undefined) {
    if (hasRange)
      throw new AppError("VALIDATION_FAILED", { details: { field: "period", reason: "period or from/to" } });
    const period = legalPeriod(query.period);
    if (!period) throw new AppError("VALIDATION_FAILED", { details: { field: "period" } });
    return period;
  }
  if (query.from === undefined || query.to === undefined)
    throw new AppError("VALIDATION_FAILED", { details: { field: query.from === undefined ? "from" : "to" } });
  const range = rangePeriod(query.from, query.to);
  if (!range) throw new AppError("VALIDATION_FAILED", { details: { field: "to" } });
  return range;
}

export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/units/:id/reports/dossiers",
    {
      schema: {
        tags: ["reports"],
        summary:
          "Tình hình, kết quả giải quyết TTHC / Dossier report by field and unit (Biểu 06/VPCP/KSTT), a legal period or a range",
        params: z.strictObject({ id: Uuid }),
        querystring: DossierReportQuery,
        response: { 200: DossierReport, ...ErrorResponses },
      },
    },
    async (request) => {
      const unit = await getUnit(app.deps.db, request.params.id);
      assertCan(request.principal, "report.read", unit);
      const period = periodOf(request.query);
      const report = await dossierReport(
        app.deps.db,
        unit,
        period,
        request.query.rollup === "true",
        app.deps.clock(),
      );
      return { title: REPORT_TITLE, columns: REPORT_COLUMNS.map((c) => ({ ...c })), ...report };
    },
  );

  const exportView = (unitId: string, row: Awaited<ReturnType<typeof findExport>>): ReportExport => ({
    id: row.id,
    status: row.status,
    format: row.format,
    filename: row.filename,
    error: row.error,
    requestedAt: new Date(row.requested_at).toISOString(),
    finishedAt: row.finished_at === null ? null : new Date(row.finished_at).toISOString(),
    fileUrl: row.status === "done" ? `/api/v1/units/${unitId}/reports/dossiers/exports/${row.id}/file` : null,
  });

  app.post(
    "/units/:id/reports/dossiers/exports",
    {
      schema: {
        tags: ["reports"],
        summary:
          "Xuất báo cáo ra PDF hoặc XLSX (tạo trong nền) / Export the dossier report as PDF or XLSX (rendered in the background)",
        params: z.strictObject({ id: Uuid }),
        body: ReportExportInput,
        response: { 202: ReportExport, ...ErrorResponses },
      },
    },
    async (request, reply) => {
      const unit = await getUnit(app.deps.db, request.params.id);
      assertCan(request.principal, "report.read", unit);
      const period = periodOf(request.body);
      const now = app.deps.clock();
      const { id } = await requestExport(
        app.deps.db,
        request.principal,
        unit,
        { period, rollup: request.body.rollup === true, format: request.body.format },
        now,
      );
      return reply.code(202).send(exportView(unit.id, await findExport(app.deps.db, unit.id, id)));
    },
  );

  app.get(
    "/units/:id/reports/dossiers/exports/:exportId",
    {
      schema: {
        tags: ["reports"],
        summary: "Trạng thái tệp báo cáo / Status of a report export",
        params: z.strictObject({ id: Uuid, exportId: Uuid }),
        response: { 200: ReportExport, ...ErrorResponses },
      },
    },
    async (request) => {
      const unit = await getUnit(app.deps.db, request.params.id);
      assertCan(request.principal, "report.read", unit);
      return exportView(unit.id, await findExport(app.deps.db, unit.id, request.params.exportId));
    },
  );

  app.get(
    "/units/:id/reports/dossiers/exports/:exportId/file",
    {
      schema: {
        tags: ["reports"],
        summary: "Tải tệp báo cáo / Download a report file",
        params: z.strictObject({ id: Uuid, exportId: Uuid }),
        response: {
          200: z
            .instanceof(Uint8Array)
            .meta({ description: "PDF or XLSX", type: "string", format: "binary" }),
          ...ErrorResponses,
        },
      },
    },
    async (request, reply) => {
      const unit = await getUnit(app.deps.db, request.params.id);
      assertCan(request.principal, "report.read", unit);
      const row = await findExport(app.deps.db, unit.id, request.params.exportId);
      if (row.status !== "done" || row.content === null || row.filename === null)
        throw new AppError("REPORT_EXPORT_NOT_READY", { details: { status: row.status } });
      return reply
        .header(
          "content-type",
          row.format === "pdf"
            ? "application/pdf"
            : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        .header("content-disposition", `attachment; filename="${row.filename}"`)
        .header("x-content-type-options", "nosniff")
        .header("cache-control", "no-store")
        .send(Buffer.from(row.content));
    },
  );
};
