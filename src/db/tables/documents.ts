import type { ColumnType, Generated, JSONColumnType } from "kysely";
import type {
  AssignmentRole,
  Confidentiality,
  DocumentSigningMode,
  DocumentStatus,
  RecipientStatus,
  Urgency,
} from "../../domain/documents/index.ts";
import type { NullableTimestamp, Timestamp } from "./foundation.ts";

/** A date column read back as "YYYY-MM-DD" (see the pg type parser in connection.ts). */
type DateColumn = ColumnType<string | null, string | null | undefined, string | null>;

export interface DocumentRegisterTable {
  id: Generated<string>;
  unit_id: string;
  series: string;
  year: number;
  last_number: Generated<number>;
}

export type WorkFileStatus = "planned" | "open" | "closed" | "archived";

export interface WorkFileTable {
  id: Generated<string>;
  unit_id: string;
  year: number;
  notation: string;
  heading: string | null;
  title: string;
  /** Null: kept permanently (vĩnh viễn). */
  retention_years: number | null;
  keeper_id: string | null;
  in_catalog: boolean;
  status: WorkFileStatus;
  note: string | null;
  opened_at: NullableTimestamp;
  closed_at: NullableTimestamp;
  work_ended_on: DateColumn;
  archive_due_on: DateColumn;
  handed_over_at: NullableTimestamp;
  handover_record: string | null;
  catalog_approved_by: string | null;
  created_by: string | null;
  created_at: Timestamp;
  version: Generated<number>;
}

export type DocumentDirection = "outgoing" | "incoming";
export type DocumentOrigin = "motcua" | "outside" | "paper";
export type OcrStatus = "none" | "pending" | "running" | "done" | "failed";

export interface SignatureCheck {
  checkedAt: string;
  valid: boolean;
  /** Every signature's chain reaches a trusted root (absent in checks made before it was recorded). */
  trusted?: boolean;
  signatures: {
    signer: string | null;
    status: string;
    signingTime: string | null;
    /** trusted, unknown-issuer, invalid or not-checked (src/signing/verify.ts). */
    chain?: string;
  }[];
}

export interface DocumentTable {
  id: Generated<string>;
  unit_id: string;
  direction: DocumentDirection;
  status: DocumentStatus;
  type_code: string;
  summary: string;
  content_text: string | null;
  urgency: Generated<Urgency>;
  confidentiality: Generated<Confidentiality>;
  reply_due_on: DateColumn;
  work_file_id: string | null;
  drafting_unit_abbr: string | null;
  agency_abbr: string | null;
  place_name: string | null;
  signing_mode: DocumentSigningMode | null;
  signing_for: string | null;
  signer_id: string | null;
  signer_name: string | null;
  signer_position: string | null;
  signed_at: NullableTimestamp;
  register_id: string | null;
  number: number | null;
  notation: string | null;
  issued_on: DateColumn;
  issued_at: NullableTimestamp;
  issued_by: string | null;
  current_file_id: string | null;
  source_file_id: string | null;
  signed_file_id: string | null;
  issued_file_id: string | null;
  page_count: number | null;
  copies: number | null;
  origin: DocumentOrigin | null;
  source_document_id: string | null;
  issuer_name: string | null;
  issuer_unit_id: string | null;
  original_number: string | null;
  original_date: DateColumn;
  arrived_at: NullableTimestamp;
  register_due_on: DateColumn;
  registered_at: NullableTimestamp;
  registered_by: string | null;
  passed_to: string | null;
  signature_check: JSONColumnType<SignatureCheck | null, string | null, string | null>;
  duplicate_of: string | null;
  refused_reason: string | null;
  done_at: NullableTimestamp;
  replies_to_id: string | null;
  ocr_status: Generated<OcrStatus>;
  ocr_text: string | null;
  ocr_attempts: Generated<number>;
  ocr_lease_until: NullableTimestamp;
  ocr_error: string | null;
  search_text: ColumnType<string, never, never>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface DocumentVersionTable {
  id: Generated<string>;
  document_id: string;
  seq: number;
  file_id: string;
  source_file_id: string | null;
  note: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export type CommentKind = "comment" | "send_back" | "sign" | "issue" | "refuse" | "assign" | "done";

export interface DocumentCommentTable {
  id: Generated<string>;
  document_id: string;
  staff_id: string;
  kind: CommentKind;
  body: string;
  created_at: Timestamp;
}

export type DocumentPersonRole = "drafter" | "reviewer" | "approver" | "clerk" | "named" | "assignee";

export interface DocumentPeopleTable {
  document_id: string;
  staff_id: string;
  role: DocumentPersonRole;
}

export type RecipientChannel = "motcua" | "paper" | "exchange";

export interface DocumentRecipientTable {
  id: Generated<string>;
  document_id: string;
  unit_id: string | null;
  outside_name: string | null;
  channel: RecipientChannel;
  status: RecipientStatus | null;
  incoming_document_id: string | null;
  incoming_number: number | null;
  reason: string | null;
  postal_envelopes: number | null;
  status_at: NullableTimestamp;
  sent_at: NullableTimestamp;
}

export interface DocumentAssignmentTable {
  id: Generated<string>;
  document_id: string;
  staff_id: string;
  role: AssignmentRole;
  due_on: DateColumn;
  note: string | null;
  assigned_by: string;
  assigned_at: Timestamp;
  done_at: NullableTimestamp;
  /** When the due-soon reminder was written to the outbox (NĐ 30/2020 Điều 24); null: not yet. */
  due_reminded_at: NullableTimestamp;
  /** When the overdue reminder was written to the outbox; null: not yet. */
  overdue_reminded_at: NullableTimestamp;
}

/** A dossier's result filed into a work file of the unit that resolved it (one file per dossier). */
export interface WorkFileDossierTable {
  id: Generated<string>;
  work_file_id: string;
  dossier_id: string;
  unit_id: string;
  filed_by: string;
  filed_at: Timestamp;
}

/** A requested print of a year's hand-over list (mục lục hồ sơ, tài liệu nộp lưu), rendered by a background pass. */
export interface HandOverListExportTable {
  id: Generated<string>;
  unit_id: string;
  requested_by: string | null;
  year: number;
  status: Generated<"pending" | "running" | "done" | "failed">;
  attempts: Generated<number>;
  lease_until: NullableTimestamp;
  error: string | null;
  filename: string | null;
  content: ColumnType<Buffer | null, Buffer | Uint8Array | null | undefined, Buffer | Uint8Array | null>;
  requested_at: Timestamp;
  finished_at: NullableTimestamp;
}

export interface DocumentTables {
  hand_over_list_exports: HandOverListExportTable;
  document_registers: DocumentRegisterTable;
  work_files: WorkFileTable;
  documents: DocumentTable;
  document_versions: DocumentVersionTable;
  document_comments: DocumentCommentTable;
  document_people: DocumentPeopleTable;
  document_recipients: DocumentRecipientTable;
  document_assignments: DocumentAssignmentTable;
  work_file_dossiers: WorkFileDossierTable;
}
