import type { ColumnType, Generated, JSONColumnType } from "kysely";
import type { DateColumn, NullableDateColumn } from "./catalog.ts";
import type { GeneratedTimestamp, NullableTimestamp, Timestamp } from "./foundation.ts";

/** A jsonb column written as a JSON string and read back parsed. */
type Json<T> = ColumnType<T, string, string>;
type JsonWithDefault<T> = ColumnType<T, string | undefined, string>;

export type DossierRole = "reception" | "specialist" | "leader" | "clerk";

export interface DossierTable {
  id: Generated<string>;
  code: string | null;
  code_agency: string | null;
  code_date: NullableDateColumn;
  code_seq: number | null;
  /** SHA-256 (hex) of the dossier id and the normalised lookup secret. */
  lookup_hash: string | null;
  received_unit_id: string;
  current_unit_id: string;
  procedure_id: string;
  procedure_version_id: string;
  procedure_name: string;
  case_id: string | null;
  /** The workflow steps as they applied at the receiving unit when the dossier was filed. */
  workflow: Json<StepRecord[]>;
  channel: "counter" | "post" | "online";
  applicant_kind: "person" | "organisation";
  applicant_name: string;
  applicant_identity: string;
  /** The applicant as entered (contracts Applicant). */
  applicant: Json<unknown>;
  sets: Generated<number>;
  return_method: "counter" | "post" | "online";
  delivery_address: string | null;
  fee_vnd: number | null;
  processing_time: string;
  note: string | null;
  status: string;
  step_index: number | null;
  clock: string;
  /** { sameDay: true } | { workingDays } | { workingHours }, null before acceptance. */
  duration: ColumnType<unknown, string | null, string | null>;
  /** From when the processing time counts: reception, or the restart after a supplement. */
  counted_from: NullableTimestamp;
  /** The legal extension applied: { at, reason, standard }. */
  extension: ColumnType<unknown, string | null | undefined, string | null>;
  /** Was the apology issued at least one day before the due date (NĐ 118/2025 art. 19(6))? null without one. */
  apology_on_time: ColumnType<boolean | null, boolean | null | undefined, boolean | null>;
  /** The identifier of the authority that resolves the dossier (NĐ 118/2025 art. 28). */
  resolving_agency_code: ColumnType<string | null, string | null | undefined, string | null>;
  received_at: NullableTimestamp;
  due_at: NullableTimestamp;
  appointment_at: NullableTimestamp;
  /** Due instant of each workflow step (epoch ms), from the share split. */
  step_dues: JsonWithDefault<number[]>;
  reschedules: Generated<number>;
  supplement_requests: Generated<number>;
  late: Generated<boolean>;
  completed_at: NullableTimestamp;
  /** The state machine's updatedAt. */
  state_at: Timestamp;
  /** The fields only the current status has (DossierStatusData without `status`). */
  status_data: JsonWithDefault<Record<string, unknown>>;
  reason: string | null;
  /** [{ from, to }] epoch ms; `to` null while paused. */
  paused_intervals: JsonWithDefault<{ from: number; to: number | null }[]>;
  apology_reason: string | null;
  apology_at: NullableTimestamp;
  result_number: string | null;
  result_signed_on: NullableDateColumn;
  result_signer: string | null;
  result_file_id: string | null;
  result_recorded_at: NullableTimestamp;
  /** The unsigned result the specialist put before the leader (signed on the dossier page). */
  result_draft_file_id: string | null;
  result_signed_at: NullableTimestamp;
  returned_method: "counter" | "post" | "online" | null;
  returned_at: NullableTimestamp;
  return_reference: string | null;
  return_signature_file_id: string | null;
  forwarded_at: NullableTimestamp;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  created_by: string | null;
  /** The citizen account that filed the dossier online (null at the counter). */
  citizen_id: ColumnType<string | null, string | null | undefined, string | null>;
  version: Generated<number>;
}

export interface DossierCodeSequenceTable {
  agency_code: string;
  day: DateColumn;
  last_seq: number;
}

export interface DossierComponentTable {
  id: Generated<string>;
  dossier_id: string;
  position: number;
  component_id: string | null;
  name: string;
  kind: "original" | "copy" | "certified_copy" | "electronic";
  count: number;
  file_ids: ColumnType<string[], string[] | undefined, string[]>;
  supplement: Generated<boolean>;
  added_at: Timestamp;
  added_by: string | null;
}

export interface StepRecord {
  role: DossierRole;
  nameVi: string;
  share: number;
  canSendBack: boolean;
}

export interface DossierTransferTable {
  id: Generated<string>;
  dossier_id: string;
  from_unit_id: string;
  to_unit_id: string;
  step_index: number;
  reason: string;
  /** The receiving unit's own steps for this transfer, each with its due instant (epoch ms). */
  steps: Json<(StepRecord & { due: number })[]>;
  status: "open" | "returned";
  outcome: "continue" | "approved" | "rejected" | null;
  return_reason: string | null;
  sent_at: Timestamp;
  sent_by: string | null;
  due_at: Timestamp;
  returned_at: NullableTimestamp;
  returned_by: string | null;
}

export interface DossierTaskTable {
  id: Generated<string>;
  dossier_id: string;
  seq: number;
  unit_id: string;
  step_index: number;
  sub_index: number | null;
  role: DossierRole;
  name: string;
  assignee_id: string | null;
  due_at: Timestamp;
  started_at: Timestamp;
  finished_at: NullableTimestamp;
  finished_by: string | null;
  outcome: string | null;
  transfer_id: string | null;
}

export interface DossierNoteTable {
  id: Generated<string>;
  dossier_id: string;
  unit_id: string;
  author_id: string | null;
  at: Timestamp;
  text: string;
  file_ids: ColumnType<string[], string[] | undefined, string[]>;
}

export type DossierFormKind =
  | "receipt"
  | "supplement_request"
  | "refusal"
  | "apology"
  | "stop_notice"
  | "transfer_slip";

export interface DossierFormTable {
  id: Generated<string>;
  dossier_id: string;
  kind: DossierFormKind;
  form_set: "tt01-2018" | "tt03-2025";
  number: string;
  title: string;
  /** The form's data as printed (src/pdf/forms/data.ts), frozen when issued. */
  data: Json<Record<string, unknown>>;
  file_id: string | null;
  issued_at: Timestamp;
  issued_by: string | null;
  /** Set when the form is queued for the render pass (an officer's action); null: rendered on first download. */
  render_queued_at: NullableTimestamp;
  render_attempts: Generated<number>;
  /** While a pass (or a download) renders the form; past it, the form is due again. */
  render_lease_until: NullableTimestamp;
}

export interface DossierFileTable {
  dossier_id: string;
  file_id: string;
  role: string;
}

export interface DossierEventTable {
  dossier_id: string;
  seq: number;
  at: Timestamp;
  unit_id: string | null;
  actor_id: string | null;
  action: string;
  from_status: string | null;
  to_status: string;
  step_index: number | null;
  detail: JSONColumnType<Record<string, unknown>, string | undefined, string>;
}

/** The view dossier_tracking_book (read only). */
export interface DossierTrackingBookView {
  dossier_id: string;
  unit_id: string;
  code: string;
  procedure_name: string;
  sets: number;
  applicant_name: string;
  address_phone: string;
  processing_body: string;
  received_at: Date;
  appointment_at: Date;
  due_at: Date;
  forwarded_at: Date | null;
  result_received_at: Date | null;
  returned_at: Date | null;
  late: boolean;
  signed_by: string | null;
  status: string;
  note: string | null;
}

export interface DossierTables {
  dossiers: DossierTable;
  dossier_code_sequences: DossierCodeSequenceTable;
  dossier_components: DossierComponentTable;
  dossier_transfers: DossierTransferTable;
  dossier_tasks: DossierTaskTable;
  dossier_notes: DossierNoteTable;
  dossier_forms: DossierFormTable;
  dossier_files: DossierFileTable;
  dossier_events: DossierEventTable;
  dossier_tracking_book: DossierTrackingBookView;
}
