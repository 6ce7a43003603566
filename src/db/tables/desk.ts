import type { Generated } from "kysely";
import type { DateColumn, NullableDateColumn } from "./catalog.ts";
import type { NullableTimestamp, Timestamp } from "./foundation.ts";

export type DeskModel = "2018" | "2025";
export type MemberRole = "head" | "deputy" | "officer";
export type DeskDocumentKind = "house_rules" | "regulation";
export type DutySession = "morning" | "afternoon";
export type RosterChangeKind = "absence" | "swap";
export type QueueLane = "general" | "priority";
export type TicketStatus = "waiting" | "called" | "done" | "no_show";
export type DeviceKind = "kiosk" | "rating";

export interface DeskProfileTable {
  unit_id: string;
  model: DeskModel;
  name: string;
  address: string | null;
  opening_hours: string;
  feedback_address: string;
  feedback_phone: string;
  feedback_email: string | null;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface DeskMemberTable {
  id: Generated<string>;
  unit_id: string;
  staff_id: string | null;
  full_name: string;
  role: MemberRole;
  title: string;
  fields: string[];
  counter: number | null;
  phone: string | null;
  email: string | null;
  seconded_from: NullableDateColumn;
  seconded_to: NullableDateColumn;
  starts_on: DateColumn;
  ends_on: NullableDateColumn;
  /** The row that took over on a change of position (same person), if any. */
  replaced_by: Generated<string | null>;
  created_at: Timestamp;
}

export interface DeskDocumentTable {
  id: Generated<string>;
  unit_id: string;
  kind: DeskDocumentKind;
  version: number;
  title: string;
  body: string;
  issued_ref: string | null;
  created_at: Timestamp;
  created_by: string | null;
  published_at: NullableTimestamp;
}

export interface DeskDutyTable {
  id: Generated<string>;
  unit_id: string;
  member_id: string;
  weekday: number;
  session: DutySession;
  counter: number;
  valid_from: DateColumn;
  valid_to: NullableDateColumn;
  created_at: Timestamp;
}

export interface DeskRosterChangeTable {
  id: Generated<string>;
  unit_id: string;
  on_date: DateColumn;
  session: DutySession;
  member_id: string;
  kind: RosterChangeKind;
  substitute_id: string | null;
  reason: string | null;
  created_at: Timestamp;
  created_by: string | null;
}

export interface DeskHolidayDutyTable {
  id: Generated<string>;
  unit_id: string;
  member_id: string;
  on_date: DateColumn;
  counter: number;
  field: string | null;
  /** "HH:MM", local time */
  starts_at: string;
  ends_at: string;
  note: string | null;
  created_at: Timestamp;
  created_by: string | null;
  cancelled_at: NullableTimestamp;
}

export interface QueueCounterTable {
  unit_id: string;
  day: DateColumn;
  last_number: number;
}

export interface DeskDeviceTable {
  id: Generated<string>;
  unit_id: string | null;
  kind: DeviceKind;
  token_hash: string;
  pairing_code: string | null;
  pairing_expires_at: NullableTimestamp;
  counter: number | null;
  paired_at: NullableTimestamp;
  paired_by: string | null;
  revoked_at: NullableTimestamp;
  created_at: Timestamp;
}

export interface QueueTicketTable {
  id: Generated<string>;
  unit_id: string;
  day: DateColumn;
  number: number;
  lane: QueueLane;
  field: string | null;
  status: TicketStatus;
  taken_at: Timestamp;
  device_id: string | null;
  called_at: NullableTimestamp;
  counter: number | null;
  officer_id: string | null;
  finished_at: NullableTimestamp;
  dossier_id: string | null;
  version: Generated<number>;
}

export interface DeskRatingRequestTable {
  id: Generated<string>;
  unit_id: string;
  counter: number;
  dossier_id: string;
  officer_id: string;
  pushed_at: Timestamp;
  status: "pending" | "rated" | "replaced";
  rated_at: NullableTimestamp;
}

export interface DeskLiveVersionTable {
  unit_id: string;
  version: number;
}

export interface DeskTables {
  desk_profiles: DeskProfileTable;
  desk_members: DeskMemberTable;
  desk_documents: DeskDocumentTable;
  desk_duties: DeskDutyTable;
  desk_roster_changes: DeskRosterChangeTable;
  desk_holiday_duties: DeskHolidayDutyTable;
  queue_counters: QueueCounterTable;
  desk_devices: DeskDeviceTable;
  queue_tickets: QueueTicketTable;
  desk_rating_requests: DeskRatingRequestTable;
  desk_live_versions: DeskLiveVersionTable;
}
