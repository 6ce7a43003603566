import type { ColumnType, Generated, JSONColumnType } from "kysely";
import type { GeneratedTimestamp, NullableTimestamp, Timestamp } from "./foundation.ts";

type Bytes = ColumnType<Uint8Array, Uint8Array, Uint8Array>;

export const CREDENTIAL_OWNERS = ["staff", "unit"] as const;
/** staff: an official's personal certificate; unit: the agency's seal certificate (chữ ký số của cơ quan). */
export type CredentialOwner = (typeof CREDENTIAL_OWNERS)[number];

export const CREDENTIAL_STORAGE = ["p12", "external"] as const;
/** p12: the PKCS#12 sealed at rest (AES-256-GCM); external: only the certificate, the key stays on a token. */
export type CredentialStorage = (typeof CREDENTIAL_STORAGE)[number];

export const SIGNING_MODES = ["personal", "seal"] as const;
export type SigningMode = (typeof SIGNING_MODES)[number];

export const EXTERNAL_SIGNER_KINDS = ["digest", "cms"] as const;
/** digest: hash in, raw signature out (PKCS#11 tokens, CSC signHash); cms: document hash in, CMS out. */
export type ExternalSignerKind = (typeof EXTERNAL_SIGNER_KINDS)[number];

export interface SigningCredentialTable {
  id: Generated<string>;
  owner_kind: CredentialOwner;
  staff_id: string | null;
  unit_id: string;
  storage: CredentialStorage;
  sealed_p12: ColumnType<Uint8Array | null, Uint8Array | null, Uint8Array | null>;
  /** DER of the signer's certificate. */
  certificate: Bytes;
  /** Base64 DER of the other certificates (intermediates, root). */
  chain: JSONColumnType<string[], string, string>;
  label: string;
  subject: string;
  common_name: string | null;
  organization: string | null;
  title: string | null;
  issuer: string;
  serial_number: string;
  /** Hex SHA-256 of the certificate's DER. */
  fingerprint: string;
  key_type: "RSA" | "EC";
  not_before: Timestamp;
  not_after: Timestamp;
  /** Issued by motcua's test PKI: usable and trusted in demo mode only. */
  test_pki: Generated<boolean>;
  created_at: GeneratedTimestamp;
  created_by: string | null;
  revoked_at: NullableTimestamp;
  revoked_by: string | null;
  revoke_reason: string | null;
  version: Generated<number>;
}

export interface SigningTrustedRootTable {
  id: Generated<string>;
  certificate: Bytes;
  fingerprint: string;
  label: string;
  subject: string;
  issuer: string;
  serial_number: string;
  not_before: Timestamp;
  not_after: Timestamp;
  test_pki: Generated<boolean>;
  created_at: GeneratedTimestamp;
  created_by: string | null;
}

/** What completing an external signature needs besides the prepared PDF (see PreparedSignature). */
export interface ExternalSessionState {
  placeholders: { byteRangeOffset: number; contentsOffset: number; contentsLength: number };
  byteRange: [number, number, number, number];
  hash: "sha256" | "sha384" | "sha512";
  documentDigest: string;
  certificate: string;
  chain: string[];
  keyType?: "RSA" | "EC";
  request?: { digest: string; signedAttributes: string };
  fieldName: string;
  signingTime: string;
  sha256Before: string;
  authority?: string;
}

export interface SigningSessionTable {
  id: Generated<string>;
  staff_id: string;
  credential_id: string;
  unit_id: string;
  mode: SigningMode;
  signer_kind: ExternalSignerKind;
  source_file_id: string | null;
  file_name: string;
  prepared_pdf: Bytes;
  state: JSONColumnType<ExternalSessionState, string, string>;
  created_at: GeneratedTimestamp;
  expires_at: Timestamp;
}

export interface SigningTables {
  signing_credentials: SigningCredentialTable;
  signing_trusted_roots: SigningTrustedRootTable;
  signing_sessions: SigningSessionTable;
}
