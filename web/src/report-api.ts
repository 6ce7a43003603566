import type { z } from "zod";
import type { DossierReport, ReportExport, ReportExportInput } from "../../src/contracts/reports.ts";
import { call, query } from "./api.ts";

export type { DossierReport, ReportExport } from "../../src/contracts/reports.ts";
export type ReportExportBody = z.input<typeof ReportExportInput>;

/** The periodic report of a unit; its PDF and XLSX are rendered in the background, then downloaded. */
export const reportApi = {
  dossiers: (unitId: string, params: { period?: string; from?: string; to?: string; rollup?: boolean }) =>
    call<DossierReport>(
      "GET",
      `/units/${unitId}/reports/dossiers${query({
        period: params.period || undefined,
        from: params.from || undefined,
        to: params.to || undefined,
        rollup: params.rollup ? "true" : undefined,
      })}`,
    ),
  requestExport: (unitId: string, body: ReportExportBody) =>
    call<ReportExport>("POST", `/units/${unitId}/reports/dossiers/exports`, body),
  exportStatus: (unitId: string, id: string) =>
    call<ReportExport>("GET", `/units/${unitId}/reports/dossiers/exports/${id}`),
};
