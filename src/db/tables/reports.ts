import type { ColumnType, Generated } from "kysely";
import type { NullableTimestamp, Timestamp } from "./foundation.ts";

export interface ReportExportTable {
  id: Generated<string>;
  unit_id: string;
  requested_by: string | null;
  kind: "dossiers";
  /** The ReportPeriod asked for ({ kind, label, from, to }). */
  period: ColumnType<{ kind: string; label: string; from: string; to: string }, string, string>;
  rollup: boolean;
  format: "pdf" | "xlsx";
  status: Generated<"pending" | "running" | "done" | "failed">;
  attempts: Generated<number>;
  lease_until: NullableTimestamp;
  error: string | null;
  filename: string | null;
  content: ColumnType<Buffer | null, Buffer | Uint8Array | null | undefined, Buffer | Uint8Array | null>;
  /** The instant the report is computed at: the request's, so the file says what the screen said. */
  requested_at: Timestamp;
  finished_at: NullableTimestamp;
}

export interface ReportTables {
  report_exports: ReportExportTable;
}
