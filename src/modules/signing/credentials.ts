/**
 * Signing credentials of officials (personal certificates) and agencies (the seal certificate, chữ ký số của cơ
 * quan): uploaded as PKCS#12 and sealed at rest with the server secret and the holder's password, or registered
 * as a bare certificate whose key stays on a USB token or at a remote signing service.
 */
import { randomUUID } from "node:crypto";
import type { Selectable } from "kysely";
import type { z } from "zod";
import type {
  SigningCredential as CredentialDto,
  CredentialRevoke,
  CredentialUpload,
} from "../../contracts/signing.ts";
import { SIGNING_LIMITS } from "../../contracts/signing.ts";
import type { Db, Executor } from "../../db/database.ts";
import type { SigningCredentialTable, SigningMode } from "../../db/tables/signing.ts";
import { AppError } from "../../errors.ts";
import {
  assertUsableForSigning,
  type CertificateInfo,
  fromBase64,
  keyTypeOfCertificate,
  parseCertificateText,
  toBase64,
} from "../../signing/certs.ts";
import {
  type SigningCredential as LoadedCredential,
  loadP12,
  sealP12,
  unlockStoredP12,
} from "../../signing/keys.ts";
import { isTestPkiCertificate } from "../../signing/test-pki.ts";
import { recordAudit } from "../audit/audit-log.ts";
import { updateVersioned } from "../audit/versioned-update.ts";
import { assertCan, can, requireStaff, type UnitRef } from "../auth/policy.ts";
import { actorOf, type Principal, type StaffPrincipal } from "../auth/principal.ts";
import { getUnit } from "../units/queries.ts";

export type CredentialRow = Selectable<SigningCredentialTable> & {
  unit_name: string;
  unit_code: string;
  unit_path: string;
  staff_name: string | null;
};

export interface SigningSecrets {
  /** The deployment's sealing secret (config.signingKeySecret). */
  serverSecret: string;
  /** Test PKI certificates are accepted and trusted in demo mode only. */
  demo: boolean;
}

/** Binds a sealed blob to its row and owner: a blob copied to another row does not open. */
export function sealingContext(row: {
  id: string;
  owner_kind: string;
  staff_id: string | null;
  unit_id: string;
}): string {
  return `signing-credential:${row.id}:${row.owner_kind}:${row.staff_id ?? row.unit_id}`;
}

function iso(value: Date | string): string {
  return new Date(value).toISOString();
}

export function credentialStatus(row: CredentialRow, now: Date): CredentialDto["status"] {
  if (row.revoked_at) return "revoked";
  if (new Date(row.not_after).getTime() < now.getTime()) return "expired";
  if (new Date(row.not_before).getTime() > now.getTime()) return "not-yet-valid";
  return "active";
}

export function toCredential(row: CredentialRow, now: Date): CredentialDto {
  return {
    id: row.id,
    owner: row.owner_kind,
    staffId: row.staff_id,
    staffName: row.staff_name,
    unitId: row.unit_id,
    unitName: row.unit_name,
    unitCode: row.unit_code,
    storage: row.storage,
    label: row.label,
    subject: row.subject,
    commonName: row.common_name,
    organization: row.organization,
    title: row.title,
    issuer: row.issuer,
    serialNumber: row.serial_number,
    fingerprint: row.fingerprint,
    keyType: row.key_type,
    notBefore: iso(row.not_before),
    notAfter: iso(row.not_after),
    testPki: row.test_pki,
    status: credentialStatus(row, now),
    createdAt: iso(row.created_at),
    revokedAt: row.revoked_at ? iso(row.revoked_at) : null,
    revokeReason: row.revoke_reason,
    version: row.version,
  };
}

function credentialQuery(db: Executor) {
  return db
    .selectFrom("signing_credentials as c")
    .innerJoin("units as u", "u.id", "c.unit_id")
    .leftJoin("staff as s", "s.id", "c.staff_id")
    .selectAll("c")
    .select([
      "u.name as unit_name",
      "u.code as unit_code",
      "u.path as unit_path",
      "s.full_name as staff_name",
    ]);
}

export async function getCredentialRow(db: Executor, id: string): Promise<CredentialRow> {
  const row = await credentialQuery(db).where("c.id", "=", id).executeTakeFirst();
  if (!row) throw new AppError("NOT_FOUND", { details: { entity: "signing_credential", id } });
  return row;
}

/** One's own personal credentials, newest first. */
export async function listOwnCredentials(
  db: Executor,
  principal: Principal,
  now: Date,
): Promise<CredentialDto[]> {
  const staff = requireStaff(principal);
  const rows = await credentialQuery(db)
    .where("c.owner_kind", "=", "staff")
    .where("c.staff_id", "=", staff.staffId)
    .orderBy("c.created_at", "desc")
    .limit(200)
    .execute();
  return rows.map((row) => toCredential(row, now));
}

/** A unit's seal credentials: for those who sign for it (leader, clerk) and those who manage them. */
export async function listUnitCredentials(
  db: Executor,
  principal: Principal,
  unitId: string,
  now: Date,
): Promise<CredentialDto[]> {
  const staff = requireStaff(principal);
  const unit = await getUnit(db, unitId);
  if (!can(staff, "document.sign", unit) && !can(staff, "signing.manage", unit)) {
    throw new AppError("FORBIDDEN", { details: { action: "signing.manage" } });
  }
  const rows = await credentialQuery(db)
    .where("c.owner_kind", "=", "unit")
    .where("c.unit_id", "=", unitId)
    .orderBy("c.created_at", "desc")
    .limit(200)
    .execute();
  return rows.map((row) => toCredential(row, now));
}

function assertAllowedPki(der: Uint8Array, demo: boolean): boolean {
  const testPki = isTestPkiCertificate(der);
  if (testPki && !demo) throw new AppError("TEST_PKI_REFUSED");
  return testPki;
}

interface NewCredential {
  id: string;
  owner: { kind: "staff"; staffId: string; unitId: string } | { kind: "unit"; unitId: string };
  sealed: Uint8Array | null;
  certificate: Uint8Array;
  chain: Uint8Array[];
  info: CertificateInfo;
  keyType: "RSA" | "EC";
  label: string;
  testPki: boolean;
}

/** Inserts a credential with its audit event (inside the caller's transaction); DUPLICATE for a live twin. */
export async function insertCredential(
  tx: Parameters<typeof recordAudit>[0],
  credential: NewCredential,
  actor: ReturnType<typeof actorOf>,
  now: Date,
): Promise<void> {
  const owner = credential.owner;
  const ownerId = owner.kind === "staff" ? owner.staffId : owner.unitId;
  let twin = tx
    .selectFrom("signing_credentials")
    .select("id")
    .where("owner_kind", "=", owner.kind)
    .where("fingerprint", "=", credential.info.sha256)
    .where("revoked_at", "is", null);
  twin = owner.kind === "staff" ? twin.where("staff_id", "=", ownerId) : twin.where("unit_id", "=", ownerId);
  const existing = await twin.executeTakeFirst();
  if (existing) {
    throw new AppError("DUPLICATE", { details: { entity: "signing_credential", id: existing.id } });
  }
  const info = credential.info;
  await tx
    .insertInto("signing_credentials")
    .values({
      id: credential.id,
      owner_kind: owner.kind,
      staff_id: owner.kind === "staff" ? owner.staffId : null,
      unit_id: owner.unitId,
      storage: credential.sealed ? "p12" : "external",
      sealed_p12: credential.sealed,
      certificate: credential.certificate,
      chain: JSON.stringify(credential.chain.map(toBase64)),
      label: credential.label,
      subject: info.subject.text,
      common_name: info.subject.commonName ?? null,
      organization: info.subject.organization ?? null,
      title: info.subject.title ?? null,
      issuer: info.issuer.text,
      serial_number: info.serialNumber,
      fingerprint: info.sha256,
      key_type: credential.keyType,
      not_before: info.notBefore,
      not_after: info.notAfter,
      test_pki: credential.testPki,
      created_at: now,
      created_by: actor.kind === "staff" ? actor.id : null,
    })
    .execute();
  await recordAudit(
    tx,
    {
      actor,
      action: "signing.credential.create",
      entityType: "signing_credential",
      entityId: credential.id,
      unitId: owner.unitId,
      summary: {
        after: {
          owner: owner.kind,
          staffId: owner.kind === "staff" ? owner.staffId : null,
          storage: credential.sealed ? "p12" : "external",
          subject: info.subject.text,
          issuer: info.issuer.text,
          serialNumber: info.serialNumber,
          fingerprint: info.sha256,
          notAfter: info.notAfter,
          testPki: credential.testPki,
        },
      },
    },
    now,
  );
}

function defaultLabel(info: CertificateInfo): string {
  return (info.subject.commonName ?? info.subject.text).slice(0, 200) || "Chứng thư số";
}

/**
 * Stores a credential. A PKCS#12 file is opened with the holder's password and refused when the password is
 * wrong, the certificate expired or not valid yet, or it may not sign; the file is then sealed (AES-256-GCM,
 * key from the server secret and the password) and only the sealed blob is kept.
 */
export async function uploadCredential(
  db: Db,
  principal: Principal,
  input: z.infer<typeof CredentialUpload>,
  secrets: SigningSecrets,
  now: Date,
): Promise<CredentialDto> {
  const staff = requireStaff(principal);
  let owner: NewCredential["owner"];
  if (input.owner === "unit") {
    const unit = await getUnit(db, input.unitId ?? "");
    assertCan(staff, "signing.manage", unit);
    owner = { kind: "unit", unitId: unit.id };
  } else {
    owner = { kind: "staff", staffId: staff.staffId, unitId: staff.unitId };
  }
  const id = randomUUID();
  const context = sealingContext({
    id,
    owner_kind: owner.kind,
    staff_id: owner.kind === "staff" ? owner.staffId : null,
    unit_id: owner.unitId,
  });
  let credential: NewCredential;
  if (input.kind === "p12") {
    const bytes = fromBase64(input.p12);
    if (bytes.length === 0) throw new AppError("UPLOAD_EMPTY");
    if (bytes.length > SIGNING_LIMITS.p12Bytes) {
      throw new AppError("UPLOAD_TOO_LARGE", {
        details: { maxBytes: SIGNING_LIMITS.p12Bytes, size: bytes.length },
      });
    }
    // Open first (cheap) so that refusals come before the deliberately slow sealing.
    const loaded = await loadP12(bytes, input.password, { now });
    const testPki = assertAllowedPki(loaded.certificate, secrets.demo);
    const { sealed } = await sealP12(bytes, {
      serverSecret: secrets.serverSecret,
      password: input.password,
      context,
      now,
    });
    credential = {
      id,
      owner,
      sealed,
      certificate: loaded.certificate,
      chain: loaded.chain,
      info: loaded.info,
      keyType: loaded.keyType,
      label: input.label ?? defaultLabel(loaded.info),
      testPki,
    };
  } else {
    const parsed = parseCertificateText(input.certificate);
    await assertUsableForSigning(parsed.cert, now);
    const testPki = assertAllowedPki(parsed.der, secrets.demo);
    const chain = (input.chain ?? []).map((text) => parseCertificateText(text).der);
    credential = {
      id,
      owner,
      sealed: null,
      certificate: parsed.der,
      chain,
      info: parsed.info,
      keyType: keyTypeOfCertificate(parsed.cert),
      label: input.label ?? defaultLabel(parsed.info),
      testPki,
    };
  }
  await db.transaction().execute((tx) => insertCredential(tx, credential, actorOf(staff), now));
  return toCredential(await getCredentialRow(db, id), now);
}

/** The holder, or whoever manages signing for the credential's unit. */
function mayManage(staff: StaffPrincipal, row: CredentialRow): boolean {
  const unit: UnitRef = { id: row.unit_id, path: row.unit_path };
  return (row.owner_kind === "staff" && row.staff_id === staff.staffId) || can(staff, "signing.manage", unit);
}

/** Revokes a credential: it can no longer sign, and its sealed keystore is wiped. */
export async function revokeCredential(
  db: Db,
  principal: Principal,
  id: string,
  input: z.infer<typeof CredentialRevoke>,
  now: Date,
): Promise<CredentialDto> {
  const staff = requireStaff(principal);
  await db.transaction().execute(async (tx) => {
    const row = await getCredentialRow(tx, id);
    if (!mayManage(staff, row)) throw new AppError("FORBIDDEN", { details: { action: "signing.manage" } });
    if (row.revoked_at) throw new AppError("CREDENTIAL_REVOKED");
    // A revocation meanwhile moved the version too: the version condition alone refuses a second one (409).
    await updateVersioned(tx, {
      table: "signing_credentials",
      id,
      version: input.version,
      changes: {
        revoked_at: now,
        revoked_by: staff.staffId,
        revoke_reason: input.reason ?? null,
        sealed_p12: null,
      },
      audit: () => ({
        actor: actorOf(staff),
        action: "signing.credential.revoke",
        entityType: "signing_credential",
        entityId: id,
        unitId: row.unit_id,
        summary: {
          before: { revoked: false },
          after: { revoked: true, reason: input.reason ?? null },
          serialNumber: row.serial_number,
          fingerprint: row.fingerprint,
        },
      }),
      now,
      entity: "signing_credential",
    });
  });
  return toCredential(await getCredentialRow(db, id), now);
}

/** The owner's newest credential that is not revoked: what signs when the caller names none. */
export async function defaultCredential(
  db: Executor,
  owner: { kind: "staff"; staffId: string } | { kind: "unit"; unitId: string },
): Promise<string> {
  let q = db
    .selectFrom("signing_credentials")
    .select("id")
    .where("revoked_at", "is", null)
    .where("owner_kind", "=", owner.kind)
    .orderBy("created_at", "desc");
  q =
    owner.kind === "staff" ? q.where("staff_id", "=", owner.staffId) : q.where("unit_id", "=", owner.unitId);
  const row = await q.executeTakeFirst();
  if (!row) throw new AppError("CREDENTIAL_MISSING", { details: { owner: owner.kind } });
  return row.id;
}

/**
 * The credential a signature will use, after the checks that do not need the key: it exists, is not revoked,
 * fits the mode, and belongs to the signer (personal) or to the signer's unit (seal); the signer may sign.
 */
export async function credentialForSigning(
  db: Executor,
  principal: Principal,
  id: string,
  mode: SigningMode,
  demo: boolean,
): Promise<{ staff: StaffPrincipal; row: CredentialRow }> {
  const staff = requireStaff(principal);
  const row = await getCredentialRow(db, id);
  const unit: UnitRef = { id: row.unit_id, path: row.unit_path };
  if (mode === "personal") {
    if (row.owner_kind === "staff" && row.staff_id !== staff.staffId) {
      throw new AppError("FORBIDDEN", { details: { reason: "not_your_credential" } });
    }
    if (row.owner_kind !== "staff") {
      // Someone else's unit's seal is refused as forbidden before the mode is even considered.
      if (row.unit_id !== staff.unitId)
        throw new AppError("FORBIDDEN", { details: { reason: "other_unit" } });
      throw new AppError("SIGNING_MODE_MISMATCH");
    }
    assertCan(staff, "document.sign", { id: staff.unitId, path: staff.unitPath });
  } else {
    if (row.owner_kind === "staff") {
      if (row.staff_id !== staff.staffId)
        throw new AppError("FORBIDDEN", { details: { reason: "not_yours" } });
      throw new AppError("SIGNING_MODE_MISMATCH");
    }
    if (row.unit_id !== staff.unitId) throw new AppError("FORBIDDEN", { details: { reason: "other_unit" } });
    assertCan(staff, "document.sign", unit);
  }
  if (row.revoked_at) throw new AppError("CREDENTIAL_REVOKED");
  if (row.test_pki && !demo) throw new AppError("TEST_PKI_REFUSED");
  return { staff, row };
}

export function chainOf(row: CredentialRow): Uint8Array[] {
  return row.chain.map(fromBase64);
}

/** Unseals a stored PKCS#12 with the holder's password and checks the certificate at `now`. */
export async function unlockCredential(
  row: CredentialRow,
  password: string,
  serverSecret: string,
  now: Date,
): Promise<LoadedCredential> {
  if (row.storage !== "p12" || !row.sealed_p12) throw new AppError("CREDENTIAL_EXTERNAL");
  const sealed = new Uint8Array(row.sealed_p12);
  return unlockStoredP12(sealed, { serverSecret, password, context: sealingContext(row), now });
}

export function certificateOfRow(row: CredentialRow): Uint8Array {
  return new Uint8Array(row.certificate);
}
