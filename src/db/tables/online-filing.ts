import type { ColumnType, Generated } from "kysely";
import type { NullableTimestamp, Timestamp } from "./foundation.ts";

/** A jsonb column written as a JSON string and read back parsed. */
type Json<T> = ColumnType<T, string, string>;
type JsonWithDefault<T> = ColumnType<T, string | undefined, string>;

/** The e-form a procedure version keeps (frozen when first filed under). */
export interface ProcedureEFormTable {
  procedure_version_id: string;
  eform_key: string;
  revision: number;
  /** EFormDefinition (src/domain/eform/definition.ts). */
  definition: Json<unknown>;
  frozen_at: Timestamp;
}

/** hồ sơ nộp trực tuyến: what the citizen filed for an online dossier. */
export interface OnlineFilingTable {
  dossier_id: string;
  citizen_id: string;
  procedure_version_id: string;
  answers: JsonWithDefault<Record<string, unknown>>;
  /** Address (contracts AddressSchema) for a postal return. */
  delivery_address: ColumnType<unknown, string | null | undefined, string | null>;
  reference: string | null;
  submitted_at: NullableTimestamp;
  /** NĐ 118/2025: staff alerted within 2 hours; accepted or returned within 8 working hours. */
  alert_at: NullableTimestamp;
  acceptance_due_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OnlineUploadTable {
  id: Generated<string>;
  dossier_id: string;
  file_id: string;
  component_id: string | null;
  supplement_item: string | null;
  /** 0: with the filing; n: answering the n-th supplement request. */
  round: number;
  uploaded_at: Timestamp;
  /** When it became part of the dossier (submission or the supplement answer); null while pending. */
  attached_at: NullableTimestamp;
}

/** đánh giá mức độ hài lòng: one rating per finished dossier, 0/1/2 per criterion. */
export interface DossierRatingTable {
  id: Generated<string>;
  dossier_id: string;
  /** Null for a rating made on the counter's tablet (no citizen account). */
  citizen_id: string | null;
  unit_id: string;
  rated_at: Timestamp;
  channel: Generated<"online" | "desk_device" | "paper">;
  /** The officer who typed in a paper evaluation slip (channel paper); null otherwise. */
  entered_by: Generated<string | null>;
  officer_id: string | null;
  counter: number | null;
  processing_time: number;
  agencies_contacted: number;
  contacts_to_complete: number;
  information_accuracy: number;
  staff_attitude: number;
  result_legality_and_costs: number;
  feedback_answers: number | null;
  /** Not applicable to a dossier received at the counter (null on desk_device ratings). */
  online_service_quality: number | null;
  comment: string | null;
}

export interface OnlineFilingTables {
  procedure_eforms: ProcedureEFormTable;
  online_filings: OnlineFilingTable;
  online_uploads: OnlineUploadTable;
  dossier_ratings: DossierRatingTable;
}
