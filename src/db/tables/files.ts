import type { ColumnType, Generated } from "kysely";
import type { GeneratedTimestamp } from "./foundation.ts";

export interface FileTable {
  id: Generated<string>;
  sha256: string;
  size: number;
  mime: string;
  /** Safe display name (see inspectUpload). */
  name: string;
  unit_id: string | null;
  /** What the file is for: "dossier_component", "dossier_result", "catalog_form", "signed_document", … */
  purpose: string;
  created_by_kind: string;
  created_by: string | null;
  created_at: GeneratedTimestamp;
}

/** An export run as a job (src/modules/catalog/export-jobs.ts). */
export interface ExportJobTable {
  id: Generated<string>;
  staff_id: string;
  kind: "catalog_json" | "catalog_xlsx";
  owner_code: string | null;
  status: "running" | "done" | "failed";
  done: ColumnType<number, number | undefined, number>;
  total: ColumnType<number, number | undefined, number>;
  file_id: string | null;
  filename: string | null;
  error_code: string | null;
  created_at: Date;
  finished_at: Date | null;
}

/** A catalog import run as a job (src/modules/catalog/import-jobs.ts). */
export interface ImportJobTable {
  id: Generated<string>;
  staff_id: string;
  unit_id: string;
  format: "json" | "xlsx";
  owner_code: string | null;
  dry_run: boolean;
  content: Uint8Array | null;
  status: "pending" | "running" | "done" | "failed";
  done: ColumnType<number, number | undefined, number>;
  total: number;
  attempts: ColumnType<number, number | undefined, number>;
  lease_until: Date | null;
  result: unknown;
  error_code: string | null;
  issues: unknown;
  created_at: Date;
  finished_at: Date | null;
}

export interface FileTables {
  files: FileTable;
  export_jobs: ExportJobTable;
  import_jobs: ImportJobTable;
}
