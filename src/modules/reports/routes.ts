/**
 * Reports of a unit. The periodic dossier report is report.read (leaders and unit administrators over their
 * subtree, supervisors over theirs, the system administrator everywhere; citizens and desk officers not).
 */
import type { FastifyPluginAsyncZod } from "@fastify/type-provider-zod";
import { z } from "zod";
import { ErrorResponses, Uuid } from "../../contracts/common.ts";
import { DossierReport, DossierReportQuery } from "../../contracts/reports.ts";
import { REPORT_COLUMNS, REPORT_TITLE } from "../../domain/reports/dossier-figures.ts";
import { legalPeriod, type ReportPeriod, rangePeriod } from "../../domain/reports/periods.ts";
import { AppError } from "../../errors.ts";
import { assertCan } from "../auth/policy.ts";
import { getUnit } from "../units/queries.ts";
import { dossierReport } from "./dossier-report.ts";

/** The period of a query: exactly one of `period` or `from`+`to`. */
export function periodOf(query: z.infer<typeof DossierReportQuery>): ReportPeriod {
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
};
