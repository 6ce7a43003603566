import type { ColumnType, Generated, JSONColumnType } from "kysely";

export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp with a database default. */
export type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type NullableTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;

export const UNIT_KINDS = [
  "province",
  "district",
  "commune",
  "ward",
  "township",
  "special_zone",
  "agency",
] as const;
/** province = tỉnh/thành phố; district = huyện/quận/thị xã; commune = xã; ward = phường; township = thị trấn; special_zone = đặc khu; agency = cơ quan chuyên môn */
export type UnitKind = (typeof UNIT_KINDS)[number];

export interface WorkingHours {
  /** ISO weekdays 1 (Monday) … 7 (Sunday) on which the desk works. */
  weekdays: number[];
  /** Sessions in local time, "HH:MM" pairs, in order. */
  sessions: { start: string; end: string }[];
  /** Paper dossiers received after this time go to processing the next working day (NĐ 61/2018 art. 18(2), kept by NĐ 118/2025 art. 18(2)). */
  lateReceptionCutoff: string;
}

export interface UnitTable {
  id: Generated<string>;
  code: string;
  gso_code: string | null;
  name: string;
  short_name: string | null;
  kind: UnitKind;
  parent_id: string | null;
  /** Materialised path of ids, "/root/…/self/", for subtree queries. */
  path: string;
  depth: number;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  working_hours: JSONColumnType<WorkingHours, WorkingHours | undefined, WorkingHours>;
  active: Generated<boolean>;
  valid_from: string | null;
  valid_to: string | null;
  successor_id: string | null;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export const STAFF_ROLES = [
  "reception",
  "specialist",
  "leader",
  "clerk",
  "unit_admin",
  "supervisor",
  "system_admin",
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface StaffTable {
  id: Generated<string>;
  unit_id: string;
  username: string;
  full_name: string;
  position: string | null;
  email: string | null;
  phone: string | null;
  password_hash: string;
  roles: ColumnType<StaffRole[], StaffRole[], StaffRole[]>;
  totp_secret: string | null;
  totp_enabled: Generated<boolean>;
  /** The last TOTP time step accepted: an older or equal one is a replay. */
  totp_last_step: number | null;
  active: Generated<boolean>;
  must_change_password: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: NullableTimestamp;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export type SessionSubject = "staff" | "citizen";

export interface SessionTable {
  /** SHA-256 of the cookie token: a leaked table does not leak live sessions. */
  id_hash: string;
  subject_kind: SessionSubject;
  subject_id: string;
  created_at: GeneratedTimestamp;
  expires_at: Timestamp;
  last_seen_at: GeneratedTimestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  chain: string;
  seq: number;
  at: Timestamp;
  unit_id: string | null;
  actor_kind: string;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  summary: JSONColumnType<Record<string, unknown>>;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  chain: string;
  seq: number;
  hash: string;
}

export interface RateLimitTable {
  key: string;
  window_start: Timestamp;
  hits: number;
  /** Set on guess counters (sign-in) once the limit is reached; null on plain rate limits. */
  locked_until: NullableTimestamp;
}

export interface FoundationTables {
  units: UnitTable;
  staff: StaffTable;
  sessions: SessionTable;
  audit_log: AuditLogTable;
  audit_heads: AuditHeadTable;
  rate_limits: RateLimitTable;
}
