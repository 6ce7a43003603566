/**
 * Verification for anyone: a PDF uploaded to the public page, or a document the unit issued, checked against
 * the roots the administrator trusts. Rate-limited per address (verifying a large PDF costs real work).
 */
import { PDF } from "@libpdf/core";
import type { FastifyBaseLogger } from "fastify";
import type { z } from "zod";
import type { FileStore } from "../../adapters/storage/file-store.ts";
import type { VerifyInput, VerifyReport as VerifyReportDto } from "../../contracts/signing.ts";
import { SIGNING_LIMITS } from "../../contracts/signing.ts";
import type { Db } from "../../db/database.ts";
import { AppError } from "../../errors.ts";
import { fromBase64 } from "../../signing/certs.ts";
import { type VerifyReport, verifyPdf } from "../../signing/verify.ts";
import { can } from "../auth/policy.ts";
import type { Principal } from "../auth/principal.ts";
import { enforceRateLimit } from "../auth/rate-limit.ts";
import { activeTrustedRoots } from "./trusted-roots.ts";

/** Verifications per client address and window. */
export const VERIFY_RATE_LIMIT = { limit: 30, windowSeconds: 60 };

export interface VerificationDeps {
  db: Db;
  files: FileStore;
  demo: boolean;
  log: FastifyBaseLogger;
}

function looksLikePdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  return head.includes("%PDF-");
}

function toDto(report: VerifyReport, size: number, trustedRoots: number): VerifyReportDto {
  return {
    sha256: report.sha256,
    size,
    signatureCount: report.signatureCount,
    valid: report.valid,
    modified: report.modified,
    trustedRoots,
    signatures: report.signatures.map((s) => ({
      index: s.index,
      kind: s.kind,
      status: s.status,
      intact: s.intact,
      digestMatches: s.digestMatches,
      signatureValid: s.signatureValid,
      coversWholeDocument: s.coversWholeDocument,
      modifiedAfter: s.modifiedAfter,
      laterChanges: s.laterChanges,
      byteRange: s.byteRange,
      ...(s.fieldName !== undefined ? { fieldName: s.fieldName } : {}),
      ...(s.subFilter !== undefined ? { subFilter: s.subFilter } : {}),
      ...(s.signer ? { signer: s.signer } : {}),
      ...(s.signingTime !== undefined ? { signingTime: s.signingTime } : {}),
      signingTimeSource: s.signingTimeSource,
      ...(s.timestamp ? { timestamp: s.timestamp } : {}),
      ...(s.certificateValidAtSigningTime !== undefined
        ? { certificateValidAtSigningTime: s.certificateValidAtSigningTime }
        : {}),
      chain: s.chain,
      signingCertificateV2: s.signingCertificateV2,
      ...(s.reason !== undefined ? { reason: s.reason } : {}),
      ...(s.location !== undefined ? { location: s.location } : {}),
      problems: s.problems,
    })),
  };
}

async function parses(bytes: Uint8Array): Promise<boolean> {
  try {
    await PDF.load(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Runs the verifier; a PDF it cannot read at all is the sender's problem (PDF_INVALID), not a 500. */
async function runVerify(deps: VerificationDeps, bytes: Uint8Array): Promise<VerifyReportDto> {
  if (!looksLikePdf(bytes)) throw new AppError("PDF_INVALID");
  const roots = await activeTrustedRoots(deps.db, deps.demo);
  try {
    const report = await verifyPdf(bytes, { trustedRoots: roots });
    // The verifier reads signatures even from damaged files; with none found, say when it is no PDF at all.
    if (report.signatureCount === 0 && !(await parses(bytes))) throw new AppError("PDF_INVALID");
    return toDto(report, bytes.length, roots.length);
  } catch (error) {
    if (error instanceof AppError) throw error;
    deps.log.warn({ err: error }, "signature verification could not read the PDF");
    throw new AppError("PDF_INVALID");
  }
}

/** POST /signing/verify: anyone, any PDF up to the limit. */
export async function verifyUpload(
  deps: VerificationDeps,
  address: string,
  input: z.infer<typeof VerifyInput>,
  now: Date,
): Promise<VerifyReportDto> {
  await enforceRateLimit(
    deps.db,
    `signing-verify:${address}`,
    VERIFY_RATE_LIMIT.limit,
    VERIFY_RATE_LIMIT.windowSeconds,
    now,
  );
  const bytes = fromBase64(input.file);
  if (bytes.length === 0) throw new AppError("UPLOAD_EMPTY");
  if (bytes.length > SIGNING_LIMITS.pdfBytes) {
    throw new AppError("UPLOAD_TOO_LARGE", {
      details: { maxBytes: SIGNING_LIMITS.pdfBytes, size: bytes.length },
    });
  }
  return runVerify(deps, bytes);
}

/**
 * GET /signing/verify/:fileId: a document a unit issued (purpose "signed_document") is public by its
 * unguessable id, as printed on the document's copies; any other stored PDF only for the unit's own readers.
 * The report never carries the document itself; its name only for the unit's own readers.
 */
export async function verifyStored(
  deps: VerificationDeps,
  principal: Principal,
  address: string,
  fileId: string,
  now: Date,
): Promise<VerifyReportDto> {
  await enforceRateLimit(
    deps.db,
    `signing-verify:${address}`,
    VERIFY_RATE_LIMIT.limit,
    VERIFY_RATE_LIMIT.windowSeconds,
    now,
  );
  const file = await deps.db
    .selectFrom("files as f")
    .leftJoin("units as u", "u.id", "f.unit_id")
    .select(["f.id", "f.sha256", "f.mime", "f.name", "f.purpose", "f.unit_id", "f.created_at"])
    .select(["u.name as unit_name", "u.code as unit_code", "u.path as unit_path"])
    .where("f.id", "=", fileId)
    .executeTakeFirst();
  const reader =
    file?.unit_id && file.unit_path
      ? can(principal, "document.read", { id: file.unit_id, path: file.unit_path })
      : false;
  if (file?.mime !== "application/pdf" || (file.purpose !== "signed_document" && !reader)) {
    throw new AppError("NOT_FOUND", { details: { entity: "document", id: fileId } });
  }
  const report = await runVerify(deps, await deps.files.get(file.sha256));
  return {
    ...report,
    document: {
      fileId: file.id,
      name: reader ? file.name : null,
      unitName: file.unit_name,
      unitCode: file.unit_code,
      createdAt: new Date(file.created_at).toISOString(),
    },
  };
}
