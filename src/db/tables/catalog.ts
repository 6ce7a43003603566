import type { ColumnType, Generated, JSONColumnType } from "kysely";
import type { GeneratedTimestamp } from "./foundation.ts";

/** Date column kept as "YYYY-MM-DD" text on both engines (see db/connection.ts). */
export type DateColumn = ColumnType<string, string, string>;
export type NullableDateColumn = ColumnType<string | null, string | null | undefined, string | null>;

export interface CatalogFieldTable {
  code: string;
  name_vi: string;
  name_en: string;
  group_name: string;
  ministry: string;
  note: string | null;
  sort: number;
}

export interface ProcedureTable {
  id: Generated<string>;
  /** The domain's stable identifier (ProcedureSchema.id), the same for every version. */
  slug: string;
  /** National TTHC code of the latest version, when known. */
  code: string | null;
  /** null: the national catalog, managed with an "all" scope; otherwise the unit whose admins manage it. */
  owner_unit_id: string | null;
  latest_version: Generated<number>;
  latest_effective_from: NullableDateColumn;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

/** What listings and the board show without reading the document. */
export interface VersionSummary {
  timeVi: string;
  timeEn: string;
  feeVi: string;
  feeEn: string;
}

export interface ProcedureVersionTable {
  id: Generated<string>;
  procedure_id: string;
  version: number;
  effective_from: DateColumn;
  superseded_from: NullableDateColumn;
  /** The validated ProcedureSchema document of this version. */
  document: ColumnType<unknown, string, string>;
  code: string | null;
  code_status: "confirmed" | "reported" | "unverified" | "synthetic";
  name: string;
  name_en: string;
  field_code: string;
  levels: ColumnType<string[], string[], string[]>;
  online_level: "full" | "partial" | "none";
  postal_receive: boolean;
  postal_deliver: boolean;
  summary: JSONColumnType<VersionSummary, string, string>;
  /** Generated: the name folded with f_unaccent, punctuation as spaces. */
  search_text: ColumnType<string, never, never>;
  created_at: GeneratedTimestamp;
  created_by: string | null;
}

export interface ProcedureOfferingTable {
  id: Generated<string>;
  unit_id: string;
  procedure_id: string;
  /** LocalAdditions (src/domain/catalog/local.ts). */
  local: ColumnType<unknown, string | undefined, string>;
  pushed_from_unit_id: string | null;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface CatalogFormFileTable {
  code: string;
  filename: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  content: ColumnType<Buffer, Buffer | Uint8Array, Buffer | Uint8Array>;
  uploaded_at: GeneratedTimestamp;
  uploaded_by: string | null;
}

/** One row: bumped (by trigger, at commit) with every write search depends on; see search-index.ts. */
export interface CatalogStateTable {
  id: number;
  version: number;
}

export interface CatalogTables {
  catalog_fields: CatalogFieldTable;
  procedures: ProcedureTable;
  procedure_versions: ProcedureVersionTable;
  procedure_offerings: ProcedureOfferingTable;
  catalog_form_files: CatalogFormFileTable;
  catalog_state: CatalogStateTable;
}
