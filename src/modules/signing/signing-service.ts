/**
 * Signing PDFs for the HTTP API: with a stored credential unlocked by its holder's password, or in two steps
 * with an external signer (USB token, remote signing service) that never hands its key to the server. Each
 * signature stores the signed PDF (files, purpose "signed_document") and appends ONE audit event
 * "document.sign" with the document's SHA-256 before and after, in the same transaction.
 */
import type { FastifyBaseLogger } from "fastify";
import type { z } from "zod";
import type { FileStore } from "../../adapters/storage/file-store.ts";
import { HttpTimestampAuthority } from "../../adapters/timestamp/http-tsa.ts";
import type { Config } from "../../config.ts";
import type {
  ExternalCompleteInput,
  ExternalPrepared,
  ExternalPrepareInput,
  SignInput,
  SignResult,
} from "../../contracts/signing.ts";
import { SIGNING_LIMITS } from "../../contracts/signing.ts";
import type { Db, Executor, Tx } from "../../db/database.ts";
import type { ExternalSessionState, SigningMode } from "../../db/tables/signing.ts";
import { AppError } from "../../errors.ts";
import type { AppearanceOptions } from "../../signing/appearance.ts";
import { certificateFromDer } from "../../signing/asn1.ts";
import { assertUsableForSigning, describeCertificate, fromBase64, toBase64 } from "../../signing/certs.ts";
import {
  type SignResult as CoreSignResult,
  completeSignature,
  completeWithCms,
  type PreparedSignature,
  prepareSignature,
  sign,
} from "../../signing/sign.ts";
import type { TimestampAuthority } from "../../signing/tsa.ts";
import { recordAudit } from "../audit/audit-log.ts";
import { assertCan, requireStaff } from "../auth/policy.ts";
import { actorOf, type Principal, type StaffPrincipal } from "../auth/principal.ts";
import { admitAttempt, failAttempt, returnAttempt, succeedAttempt } from "../auth/rate-limit.ts";
import { inspectUpload } from "../files/inspect-upload.ts";
import { type FileRow, storeBytes } from "../files/store-upload.ts";
import {
  type CredentialRow,
  certificateOfRow,
  chainOf,
  credentialForSigning,
  unlockCredential,
} from "./credentials.ts";

export interface SigningDeps {
  db: Db;
  files: FileStore;
  config: Pick<Config, "demo" | "signingKeySecret" | "signingTsaUrl" | "publicUrl">;
  log?: FastifyBaseLogger;
}

/**
 * Runs the PDF work of the core on a document someone sent: its own refusals keep their codes; anything else the
 * PDF library throws on a file it cannot handle is logged and refused as PDF_INVALID rather than a 500.
 */
async function onDocument<T>(deps: SigningDeps, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof AppError) throw error;
    deps.log?.error({ err: error }, "signing: the PDF library failed on a document");
    throw new AppError("PDF_INVALID", { details: { reason: "unsupported_structure" } });
  }
}

/** Wrong passwords allowed per credential and window before signing with it pauses. */
export const PASSWORD_ATTEMPTS = { limit: 5, windowSeconds: 15 * 60 };
const PASSWORD_RULE = { limit: PASSWORD_ATTEMPTS.limit, lockSeconds: PASSWORD_ATTEMPTS.windowSeconds };
/** How long a prepared external signature waits for its CMS. */
export const EXTERNAL_SESSION_SECONDS = 10 * 60;
const PDF_MIME = "application/pdf";

type AppearanceFields = Pick<
  z.infer<typeof SignInput>,
  | "mode"
  | "authority"
  | "position"
  | "image"
  | "placement"
  | "page"
  | "documentNumber"
  | "reason"
  | "location"
>;

interface SourceDocument {
  bytes: Uint8Array;
  name: string;
  sourceFileId: string | null;
}

/** The PDF to sign: an upload (strict inspection) or a stored PDF of the signer's own unit. */
async function sourceDocument(
  deps: SigningDeps,
  staff: StaffPrincipal,
  input: { fileId?: string | undefined; file?: string | undefined; fileName?: string | undefined },
): Promise<SourceDocument> {
  if (input.fileId) {
    const file = await deps.db
      .selectFrom("files as f")
      .leftJoin("units as u", "u.id", "f.unit_id")
      .select(["f.id", "f.sha256", "f.mime", "f.name", "f.unit_id", "u.path"])
      .where("f.id", "=", input.fileId)
      .executeTakeFirst();
    if (!file) throw new AppError("NOT_FOUND", { details: { entity: "file", id: input.fileId } });
    if (!file.unit_id || !file.path)
      throw new AppError("FORBIDDEN", { details: { action: "document.sign" } });
    assertCan(staff, "document.sign", { id: file.unit_id, path: file.path });
    if (file.unit_id !== staff.unitId)
      throw new AppError("FORBIDDEN", { details: { action: "document.sign" } });
    if (file.mime !== PDF_MIME) {
      throw new AppError("UPLOAD_TYPE_NOT_ALLOWED", { details: { allowed: ["pdf"], detected: file.mime } });
    }
    return { bytes: await deps.files.get(file.sha256), name: file.name, sourceFileId: file.id };
  }
  const bytes = fromBase64(input.file ?? "");
  const inspected = await inspectUpload(
    bytes,
    { name: input.fileName ?? "van-ban.pdf" },
    { allowed: ["pdf"], maxBytes: SIGNING_LIMITS.pdfBytes },
  );
  return { bytes, name: inspected.name, sourceFileId: null };
}

function signedName(name: string): string {
  const stem = name.replace(/\.pdf$/i, "").replace(/[-_.]?(da-ky|signed)$/i, "");
  return `${stem || "van-ban"}-da-ky.pdf`;
}

/** Decree 30 appearance of the signature from the request, the certificate and the signer's profile. */
async function appearanceOf(
  db: Executor,
  staff: StaffPrincipal,
  input: AppearanceFields,
): Promise<AppearanceOptions | false> {
  if (input.placement === "invisible") return false;
  const image = input.image ? fromBase64(input.image) : undefined;
  const page = input.page === undefined ? {} : { page: input.page - 1 };
  if (input.mode === "seal") {
    return {
      kind: input.placement === "corner" ? "corner" : "seal",
      ...page,
      ...(input.authority ? { authority: input.authority } : {}),
      ...(input.documentNumber ? { documentNumber: input.documentNumber } : {}),
      ...(image ? { image } : {}),
    };
  }
  let position = input.position;
  if (!position) {
    const row = await db
      .selectFrom("staff")
      .select("position")
      .where("id", "=", staff.staffId)
      .executeTakeFirst();
    position = row?.position ?? undefined;
  }
  return {
    kind: "signer",
    ...page,
    ...(input.authority ? { authority: input.authority } : {}),
    ...(position ? { position } : {}),
    ...(image ? { image } : {}),
  };
}

function reasonOf(input: AppearanceFields): string {
  if (input.reason) return input.reason;
  if (input.mode === "seal") {
    return input.authority ? `Chữ ký số của cơ quan (${input.authority})` : "Chữ ký số của cơ quan, tổ chức";
  }
  return input.authority ? `Ký duyệt (${input.authority})` : "Ký duyệt";
}

function timestampAuthority(deps: SigningDeps, wanted: boolean | undefined): TimestampAuthority | undefined {
  if (!wanted) return undefined;
  if (!deps.config.signingTsaUrl) throw new AppError("TSA_NOT_CONFIGURED");
  return new HttpTimestampAuthority(deps.config.signingTsaUrl);
}

/** Stores the signed PDF and appends the one "document.sign" event, in the caller's transaction. */
async function recordSignature(
  tx: Tx,
  deps: SigningDeps,
  staff: StaffPrincipal,
  facts: {
    result: CoreSignResult;
    mode: SigningMode;
    credential: CredentialRow;
    source: { name: string; sourceFileId: string | null };
    authority: string | undefined;
    external: "digest" | "cms" | null;
  },
  now: Date,
): Promise<FileRow> {
  const { result, credential } = facts;
  const file = await storeBytes(
    tx,
    deps.files,
    { bytes: result.pdf, name: signedName(facts.source.name), mime: PDF_MIME },
    { unitId: staff.unitId, purpose: "signed_document", actor: actorOf(staff), now },
  );
  await recordAudit(
    tx,
    {
      actor: actorOf(staff),
      action: "document.sign",
      entityType: "file",
      entityId: file.id,
      unitId: staff.unitId,
      summary: {
        sha256Before: result.sha256Before,
        sha256After: result.sha256After,
        mode: facts.mode,
        authority: facts.authority ?? null,
        credentialId: credential.id,
        signer: result.signer.subject.text,
        issuer: result.signer.issuer.text,
        serialNumber: result.signer.serialNumber,
        fieldName: result.fieldName,
        level: result.level,
        signingTime: result.signingTime.toISOString(),
        sourceFileId: facts.source.sourceFileId,
        external: facts.external,
      },
    },
    now,
  );
  return file;
}

function toResult(
  deps: SigningDeps,
  file: FileRow,
  result: CoreSignResult,
  mode: SigningMode,
  credentialId: string,
): z.infer<typeof SignResult> {
  const subject = result.signer.subject;
  return {
    file: { id: file.id, name: file.name, mime: file.mime, size: Number(file.size), sha256: file.sha256 },
    sha256Before: result.sha256Before,
    sha256After: result.sha256After,
    mode,
    credentialId,
    signer: {
      ...(subject.commonName ? { commonName: subject.commonName } : {}),
      ...(subject.organization ? { organization: subject.organization } : {}),
      ...(subject.organizationalUnit ? { organizationalUnit: subject.organizationalUnit } : {}),
      ...(subject.title ? { title: subject.title } : {}),
      ...(subject.country ? { country: subject.country } : {}),
      subject: subject.text,
      issuer: result.signer.issuer.text,
      serialNumber: result.signer.serialNumber,
      notBefore: result.signer.notBefore,
      notAfter: result.signer.notAfter,
    },
    fieldName: result.fieldName,
    signingTime: result.signingTime.toISOString(),
    level: result.level,
    verifyUrl: `${deps.config.publicUrl.replace(/\/$/, "")}/kiem-tra-chu-ky?file=${file.id}`,
    pdf: toBase64(result.pdf),
  };
}

/**
 * Unseals a stored credential with its holder's password. Every attempt is counted before the password is
 * tried, in one statement (`countAttempt`): five wrong passwords pause the credential for 15 minutes, however
 * many arrive at once (the holder's password is half of the key that seals it, so guessing is slowed down here
 * as well as by scrypt). A right password starts the count again. Each failure is audited like a failed sign-in.
 * Used by every path that signs with a stored key.
 */
export async function unlockWithAttempts(
  db: Db,
  serverSecret: string,
  staff: StaffPrincipal,
  row: CredentialRow,
  password: string,
  now: Date,
): Promise<Awaited<ReturnType<typeof unlockCredential>>> {
  return oneAtATime(row.id, () => unlockCounted(db, serverSecret, staff, row, password, now));
}

/**
 * Unlocks of one credential in this process wait for each other. A unit's seal is shared by its clerks, and a
 * clerk may issue many documents at once: counted in parallel, the sixth right password would find five
 * attempts still being checked and pause the seal for everyone. Taken in turn, each right password starts the
 * count again before the next is counted, while parallel guesses still meet the lock after five. Processes
 * of one deployment still share the count in the database (count first, then check).
 */
const unlocksInProgress = new Map<string, Promise<unknown>>();
function oneAtATime<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = unlocksInProgress.get(key) ?? Promise.resolve();
  const current = previous.then(work, work);
  const settled = current.then(
    () => undefined,
    () => undefined,
  );
  unlocksInProgress.set(key, settled);
  void settled.then(() => {
    if (unlocksInProgress.get(key) === settled) unlocksInProgress.delete(key);
  });
  return current;
}

async function unlockCounted(
  db: Db,
  serverSecret: string,
  staff: StaffPrincipal,
  row: CredentialRow,
  password: string,
  now: Date,
): Promise<Awaited<ReturnType<typeof unlockCredential>>> {
  const key = `signing-password:${row.id}`;
  const counted = await admitAttempt(db, key, PASSWORD_RULE, now);
  let credential: Awaited<ReturnType<typeof unlockCredential>>;
  try {
    credential = await unlockCredential(row, password, serverSecret, now);
  } catch (error) {
    if (error instanceof AppError && error.code === "WRONG_P12_PASSWORD") {
      // Recorded like a failed sign-in: someone holding the session tried the key's password.
      await db.transaction().execute(async (tx) => {
        await failAttempt(tx, key, counted, PASSWORD_RULE, now);
        await recordAudit(
          tx,
          {
            actor: actorOf(staff),
            action: "signing.password_failed",
            entityType: "signing_credential",
            entityId: row.id,
            unitId: row.unit_id,
            summary: { attempt: counted.attempt },
          },
          now,
        );
      });
    } else {
      // Not a verdict on the password (an expired or revoked certificate): not a guess.
      await returnAttempt(db, key);
    }
    throw error;
  }
  await succeedAttempt(db, key, counted);
  return credential;
}

/** Signs with a stored credential unlocked by the holder's password. */
export async function signDocument(
  deps: SigningDeps,
  principal: Principal,
  input: z.infer<typeof SignInput>,
  now: Date,
): Promise<z.infer<typeof SignResult>> {
  const { staff, row } = await credentialForSigning(
    deps.db,
    principal,
    input.credentialId,
    input.mode,
    deps.config.demo,
  );
  if (row.storage !== "p12") throw new AppError("CREDENTIAL_EXTERNAL");
  const source = await sourceDocument(deps, staff, input);
  const appearance = await appearanceOf(deps.db, staff, input);
  const tsa = timestampAuthority(deps, input.timestamp);
  const credential = await unlockWithAttempts(
    deps.db,
    deps.config.signingKeySecret,
    staff,
    row,
    input.password,
    now,
  );
  const result = await onDocument(deps, () =>
    sign(source.bytes, {
      signer: credential,
      signingTime: now,
      appearance,
      reason: reasonOf(input),
      ...(input.location ? { location: input.location } : {}),
      ...(tsa ? { timestampAuthority: tsa } : {}),
    }),
  );
  const file = await deps.db
    .transaction()
    .execute((tx) =>
      recordSignature(
        tx,
        deps,
        staff,
        { result, mode: input.mode, credential: row, source, authority: input.authority, external: null },
        now,
      ),
    );
  return toResult(deps, file, result, input.mode, row.id);
}

// ---- external signers ------------------------------------------------------------------------------------------

function stateOf(prepared: PreparedSignature, authority: string | undefined): ExternalSessionState {
  if (prepared.hash === "sha1") throw new AppError("VALIDATION_FAILED", { details: { hash: "sha1" } });
  return {
    placeholders: prepared.placeholders,
    byteRange: prepared.byteRange,
    hash: prepared.hash,
    documentDigest: toBase64(prepared.documentDigest),
    certificate: toBase64(prepared.certificate),
    chain: prepared.chain.map(toBase64),
    ...(prepared.keyType ? { keyType: prepared.keyType } : {}),
    ...(prepared.request
      ? {
          request: {
            digest: toBase64(prepared.request.digest),
            signedAttributes: toBase64(prepared.request.signedAttributes),
          },
        }
      : {}),
    fieldName: prepared.fieldName,
    signingTime: prepared.signingTime.toISOString(),
    sha256Before: prepared.sha256Before,
    ...(authority ? { authority } : {}),
  };
}

function preparedOf(pdf: Uint8Array, state: ExternalSessionState): PreparedSignature {
  return {
    pdf,
    placeholders: state.placeholders,
    byteRange: state.byteRange,
    hash: state.hash,
    documentDigest: fromBase64(state.documentDigest),
    certificate: fromBase64(state.certificate),
    chain: state.chain.map(fromBase64),
    ...(state.keyType ? { keyType: state.keyType } : {}),
    ...(state.request
      ? {
          request: {
            hash: state.hash,
            digest: fromBase64(state.request.digest),
            signedAttributes: fromBase64(state.request.signedAttributes),
          },
        }
      : {}),
    fieldName: state.fieldName,
    signingTime: new Date(state.signingTime),
    sha256Before: state.sha256Before,
  };
}

/**
 * Step 1 of an external signature: writes the signature field and placeholders and returns what the token or
 * remote signer must sign. The prepared PDF waits in signing_sessions (shared by every server process).
 */
export async function prepareExternal(
  deps: SigningDeps,
  principal: Principal,
  input: z.infer<typeof ExternalPrepareInput>,
  now: Date,
): Promise<z.infer<typeof ExternalPrepared>> {
  const { staff, row } = await credentialForSigning(
    deps.db,
    principal,
    input.credentialId,
    input.mode,
    deps.config.demo,
  );
  const certificate = certificateOfRow(row);
  await assertUsableForSigning(certificateFromDer(certificate), now);
  const source = await sourceDocument(deps, staff, input);
  const appearance = await appearanceOf(deps.db, staff, input);
  const prepared = await onDocument(deps, () =>
    prepareSignature(source.bytes, {
      certificate,
      chain: chainOf(row),
      ...(input.signer === "digest" ? { keyType: row.key_type } : { reserve: 32_768 }),
      signingTime: now,
      appearance,
      reason: reasonOf(input),
      ...(input.location ? { location: input.location } : {}),
    }),
  );
  const state = stateOf(prepared, input.authority);
  const expiresAt = new Date(now.getTime() + EXTERNAL_SESSION_SECONDS * 1000);
  const session = await deps.db.transaction().execute(async (tx) => {
    await tx.deleteFrom("signing_sessions").where("expires_at", "<", now).execute();
    const inserted = await tx
      .insertInto("signing_sessions")
      .values({
        staff_id: staff.staffId,
        credential_id: row.id,
        unit_id: staff.unitId,
        mode: input.mode,
        signer_kind: input.signer,
        source_file_id: source.sourceFileId,
        file_name: source.name,
        prepared_pdf: prepared.pdf,
        state: JSON.stringify(state),
        created_at: now,
        expires_at: expiresAt,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(
      tx,
      {
        actor: actorOf(staff),
        action: "document.sign.prepare",
        entityType: "signing_session",
        entityId: inserted.id,
        unitId: staff.unitId,
        summary: {
          sha256Before: prepared.sha256Before,
          credentialId: row.id,
          mode: input.mode,
          signer: input.signer,
          sourceFileId: source.sourceFileId,
        },
      },
      now,
    );
    return inserted;
  });
  return {
    sessionId: session.id,
    expiresAt: expiresAt.toISOString(),
    signer: input.signer,
    hash: state.hash,
    documentDigest: state.documentDigest,
    ...(state.request
      ? {
          request: {
            hash: state.hash,
            digest: state.request.digest,
            signedAttributes: state.request.signedAttributes,
          },
        }
      : {}),
    certificate: state.certificate,
  };
}

/** Step 2: the raw signature (digest signers) or the CMS (CMS signers) in, the signed PDF out. */
export async function completeExternal(
  deps: SigningDeps,
  principal: Principal,
  input: z.infer<typeof ExternalCompleteInput>,
  now: Date,
): Promise<z.infer<typeof SignResult>> {
  requireStaff(principal);
  const session = await deps.db
    .selectFrom("signing_sessions")
    .selectAll()
    .where("id", "=", input.sessionId)
    .executeTakeFirst();
  // Someone else's session is as good as none.
  if (!session || principal.kind !== "staff" || session.staff_id !== principal.staffId) {
    throw new AppError("SIGNING_SESSION_EXPIRED");
  }
  if (new Date(session.expires_at).getTime() < now.getTime()) {
    await deps.db.deleteFrom("signing_sessions").where("id", "=", session.id).execute();
    throw new AppError("SIGNING_SESSION_EXPIRED");
  }
  const { staff, row } = await credentialForSigning(
    deps.db,
    principal,
    session.credential_id,
    session.mode,
    deps.config.demo,
  );
  const prepared = preparedOf(new Uint8Array(session.prepared_pdf), session.state);
  if ((session.signer_kind === "digest") !== (input.signature !== undefined)) {
    throw new AppError("VALIDATION_FAILED", {
      details: [{ path: session.signer_kind === "digest" ? "/signature" : "/cms", message: "required" }],
    });
  }
  const result = await (session.signer_kind === "digest"
    ? completeSignature(prepared, fromBase64(input.signature ?? ""))
    : completeWithCms(prepared, fromBase64(input.cms ?? "")));
  // Signed by the registered certificate only (completeWithCms checks the CMS signer against it).
  const expected = describeCertificate(certificateFromDer(certificateOfRow(row))).sha256;
  if (result.signer.sha256 !== expected) throw new AppError("SIGNATURE_MISMATCH");
  const file = await deps.db.transaction().execute(async (tx) => {
    const removed = await tx
      .deleteFrom("signing_sessions")
      .where("id", "=", session.id)
      .returning("id")
      .executeTakeFirst();
    if (!removed) throw new AppError("SIGNING_SESSION_EXPIRED");
    return recordSignature(
      tx,
      deps,
      staff,
      {
        result,
        mode: session.mode,
        credential: row,
        source: { name: session.file_name, sourceFileId: session.source_file_id },
        authority: session.state.authority,
        external: session.signer_kind,
      },
      now,
    );
  });
  return toResult(deps, file, result, session.mode, row.id);
}
