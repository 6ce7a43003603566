import type { NullableTimestamp, Timestamp } from "./foundation.ts";

/** mã xác nhận: a one-time code confirming a registration. */
export interface CitizenCodeTable {
  id: string;
  citizen_id: string | null;
  purpose: "register";
  code_hash: string;
  email: string;
  phone: string;
  expires_at: Timestamp;
  attempts: number;
  sends: number;
  consumed_at: NullableTimestamp;
  created_at: Timestamp;
}

/** A single-use password reset link, kept as the hash of its token. */
export interface CitizenPasswordResetTable {
  token_hash: string;
  citizen_id: string;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
  created_at: Timestamp;
}

/** An OpenID Connect sign-in between the redirect to the identity provider and the callback. */
export interface CitizenOidcLoginTable {
  state_hash: string;
  nonce: string;
  code_verifier: string;
  return_to: string;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
  created_at: Timestamp;
}

export interface CitizenAuthTables {
  citizen_codes: CitizenCodeTable;
  citizen_password_resets: CitizenPasswordResetTable;
  citizen_oidc_logins: CitizenOidcLoginTable;
}
