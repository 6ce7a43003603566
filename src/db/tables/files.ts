import type { Generated } from "kysely";
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

export interface FileTables {
  files: FileTable;
}
