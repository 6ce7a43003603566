import type { ColumnType, Generated } from "kysely";
import type { Channel, Classification, FeedbackStatus, Study, Subject } from "../../domain/feedback/index.ts";
import type { NullableTimestamp, Timestamp } from "./foundation.ts";

export type FeedbackDecision = "adopted" | "partly_adopted" | "not_adopted" | "explained";

/** Sổ theo dõi phản ánh, kiến nghị: one feedback or petition in a unit's register. */
export interface FeedbackTable {
  id: Generated<string>;
  request_number: ColumnType<string, never, never>;
  code: string;
  secret_hash: string;
  unit_id: string;
  received_unit_id: string;
  channel: Channel;
  subject: Subject;
  procedure_id: string | null;
  dossier_code: string | null;
  title: string | null;
  content: string;
  submitter_name: string;
  submitter_address: string;
  submitter_phone: string;
  submitter_email: string | null;
  locale: Generated<"vi" | "en">;
  open311_client_id: string | null;
  text_key: string;
  contact_key: string;
  status: FeedbackStatus;
  classification: Classification | null;
  not_accepted_reason: string | null;
  received_at: Timestamp;
  registered_at: Timestamp;
  classified_at: NullableTimestamp;
  forward_due_at: NullableTimestamp;
  forwarded_at: NullableTimestamp;
  forwarded_to_unit_id: string | null;
  forwarded_to_external: string | null;
  forward_note: string | null;
  handler_id: string | null;
  answer_due_at: NullableTimestamp;
  study: ColumnType<Study | null, string | null | undefined, string | null>;
  decision: FeedbackDecision | null;
  answer: string | null;
  answered_at: NullableTimestamp;
  published_question: string | null;
  published_answer: string | null;
  published_at: NullableTimestamp;
  published_by: string | null;
  spam: Generated<boolean>;
  spam_at: NullableTimestamp;
  spam_by: string | null;
  rating: number | null;
  rating_comment: string | null;
  rated_at: NullableTimestamp;
  version: Generated<number>;
}

export interface FeedbackEventTable {
  id: Generated<string>;
  feedback_id: string;
  unit_id: string;
  at: Timestamp;
  action: string;
  actor_kind: "staff" | "citizen" | "system" | "anonymous";
  actor_id: string | null;
  from_status: string | null;
  to_status: string | null;
  detail: ColumnType<Record<string, unknown>, string | undefined, string>;
}

export interface FeedbackTables {
  feedback: FeedbackTable;
  feedback_events: FeedbackEventTable;
  feedback_files: { feedback_id: string; file_id: string };
  feedback_settings: {
    unit_id: string;
    answer_working_days: number;
    version: Generated<number>;
    updated_at: Timestamp;
  };
  feedback_code_sequences: { agency_code: string; day: string; last_seq: number };
  open311_clients: {
    id: Generated<string>;
    unit_id: string;
    name: string;
    key_hash: string;
    active: Generated<boolean>;
    created_by: string | null;
    created_at: Timestamp;
  };
}
