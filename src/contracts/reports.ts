import { z } from "zod";
import { IsoDate } from "./common.ts";

/**
 * The periodic report's query: a legal period ("2026-11" month, "2026-Q4" quarter, "2026-H2" half-year, "2026"
 * year, cut off on the 14th) or a range of local days (from, to); rollup=true adds the unit's whole subtree.
 */
export const DossierReportQuery = z.strictObject({
  period: z.string().max(20).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  rollup: z.enum(["true", "false"]).optional(),
});

export const DossierFigures = z.object({
  received: z.object({
    total: z.number().int(),
    online: z.number().int(),
    directOrPost: z.number().int(),
    carriedOver: z.number().int(),
  }),
  resolved: z.object({
    total: z.number().int(),
    early: z.number().int(),
    onTime: z.number().int(),
    late: z.number().int(),
  }),
  pending: z.object({ total: z.number().int(), withinTime: z.number().int(), overdue: z.number().int() }),
});

const Line = z.object({ code: z.string(), name: z.string(), figures: DossierFigures });

export const DossierReport = z.object({
  title: z.string(),
  unit: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  period: z.object({
    kind: z.enum(["month", "quarter", "half", "year", "range"]),
    label: z.string(),
    from: z.string(),
    to: z.string(),
  }),
  rollup: z.boolean(),
  generatedAt: z.string(),
  /** The form's 13 column headings, (1)–(13). */
  columns: z.array(z.object({ key: z.string(), vi: z.string(), en: z.string() })),
  byField: z.array(Line),
  byUnit: z.array(Line),
  total: DossierFigures,
});
export type DossierReport = z.infer<typeof DossierReport>;

export const ReportExportInput = z.strictObject({
  period: z.string().max(20).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  rollup: z.boolean().optional(),
  format: z.enum(["pdf", "xlsx"]),
});

export const ReportExport = z.object({
  id: z.string(),
  status: z.enum(["pending", "running", "done", "failed"]),
  format: z.enum(["pdf", "xlsx"]),
  filename: z.string().nullable(),
  error: z.string().nullable(),
  requestedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Where to download the file once done. */
  fileUrl: z.string().nullable(),
});
export type ReportExport = z.infer<typeof ReportExport>;
