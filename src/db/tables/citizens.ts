import type { ColumnType, Generated } from "kysely";
import type { NullableDateColumn } from "./catalog.ts";
import type { GeneratedTimestamp, NullableTimestamp } from "./foundation.ts";

export type CitizenStatus = "pending" | "active" | "disabled";

/** tài khoản công dân: a citizen's portal account. */
export interface CitizenTable {
  id: Generated<string>;
  full_name: string;
  /** Căn cước công dân, 12 digits. */
  identity_number: string;
  phone: string | null;
  email: string | null;
  /** Structured address, written as a JSON string and read back parsed. */
  address: ColumnType<unknown, string | null | undefined, string | null>;
  birth_date: NullableDateColumn;
  password_hash: string | null;
  status: CitizenStatus;
  confirmed_at: NullableTimestamp;
  failed_logins: Generated<number>;
  locked_until: NullableTimestamp;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  version: Generated<number>;
}

/** A citizen's account at an outside identity provider (OIDC `iss` + `sub`). */
export interface CitizenIdentityTable {
  provider: string;
  subject: string;
  citizen_id: string;
  linked_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface CitizenTables {
  citizens: CitizenTable;
  citizen_identities: CitizenIdentityTable;
}
