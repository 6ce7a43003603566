/**
 * Verifies every signature in a PDF, whoever made it: whether it is intact (the byte-range digest matches
 * the CMS message-digest and the signature verifies), whether the document changed after it, who signed
 * (common name, organisation), when (timestamp, CMS signing-time or /M, in that order of trust), whether the
 * certificate was valid then, and whether its chain reaches a configured trusted root.
 */
import type * as pkijs from "pkijs";
import {
  certificateDer,
  certificateFromDer,
  digest,
  equalBytes,
  type HashName,
  OID,
  sha256Hex,
} from "./asn1.ts";
import { type ChainStatus, describeCertificate, isValidAt, validateChain } from "./certs.ts";
import { parseSignedData } from "./cms.ts";
import { checkCms, type DetachedContent } from "./cms-verify.ts";
import {
  checkByteRange,
  contentsOf,
  coverageEnd,
  type FoundSignature,
  findSignatures,
} from "./pdf-signatures.ts";
import { analyseModification, type LaterChanges } from "./revisions.ts";
import { readTimestampToken } from "./tsa.ts";

export interface VerifyOptions {
  /** DER certificates of the roots the administrator trusts. */
  trustedRoots?: Uint8Array[];
}

export interface SignerSummary {
  commonName?: string;
  organization?: string;
  organizationalUnit?: string;
  title?: string;
  country?: string;
  subject: string;
  issuer: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
}

export interface TimestampSummary {
  time: string;
  intact: boolean;
  authority?: string;
}

export type SigningTimeSource = "timestamp" | "cms-signing-time" | "pdf-m" | "unknown";

/**
 * valid: intact and nothing but signatures after it. modified: the signed bytes changed (digest mismatch)
 * or the document was changed after signing. invalid: the signature itself is broken or unreadable.
 */
export type SignatureStatus = "valid" | "modified" | "invalid";

export interface SignatureReport {
  /** 1-based, in the order the signatures were applied. */
  index: number;
  status: SignatureStatus;
  fieldName?: string;
  kind: "signature" | "document-timestamp";
  subFilter?: string;
  byteRange: number[];
  /** Digest matches and the signature value verifies. */
  intact: boolean;
  digestMatches: boolean;
  signatureValid: boolean;
  coversWholeDocument: boolean;
  modifiedAfter: boolean;
  laterChanges: LaterChanges;
  signer?: SignerSummary;
  signingTime?: string;
  signingTimeSource: SigningTimeSource;
  timestamp?: TimestampSummary;
  certificateValidAtSigningTime?: boolean;
  chain: { status: ChainStatus | "not-checked"; path: string[]; message: string };
  /** ESS signing-certificate-v2 present (required by PAdES baseline). */
  signingCertificateV2: boolean;
  reason?: string;
  location?: string;
  problems: string[];
}

export interface VerifyReport {
  sha256: string;
  signatureCount: number;
  /** At least one signature, all intact, none followed by other changes. */
  valid: boolean;
  /** Some signature reports its signed bytes or the document after it changed. */
  modified: boolean;
  signatures: SignatureReport[];
}

function detached(bytes: Uint8Array, range: number[]): DetachedContent {
  const parts = [
    bytes.subarray(range[0], range[0] + range[1]),
    bytes.subarray(range[2], range[2] + range[3]),
  ];
  const cache = new Map<HashName, Uint8Array>();
  return {
    digest(hash) {
      let value = cache.get(hash);
      if (!value) {
        value = digest(hash, ...parts);
        cache.set(hash, value);
      }
      return value;
    },
    bytes: () => Buffer.concat(parts),
  };
}

function parsePdfDate(value: string | undefined): Date | undefined {
  const m =
    value && /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?/.exec(value);
  if (!m) return undefined;
  const [, y, mo = "01", d = "01", h = "00", mi = "00", s = "00", sign, oh = "00", om = "00"] = m;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const offset = (Number(oh) * 60 + Number(om)) * 60_000;
  const date = new Date(sign === "+" ? utc - offset : sign === "-" ? utc + offset : utc);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function summarise(cert: pkijs.Certificate): SignerSummary {
  const info = describeCertificate(cert);
  return {
    commonName: info.subject.commonName,
    organization: info.subject.organization,
    organizationalUnit: info.subject.organizationalUnit,
    title: info.subject.title,
    country: info.subject.country,
    subject: info.subject.text,
    issuer: info.issuer.text,
    serialNumber: info.serialNumber,
    notBefore: info.notBefore,
    notAfter: info.notAfter,
  };
}

/** Checks a timestamp token whose imprint should be the hash of `data`. */
interface TimestampCheck {
  time: Date;
  imprintMatches: boolean;
  signatureValid: boolean;
  intact: boolean;
  authority?: string;
  signer?: pkijs.Certificate;
  certificates: pkijs.Certificate[];
  problems: string[];
}

async function checkTimestamp(token: Uint8Array, data: DetachedContent): Promise<TimestampCheck> {
  const { signedData, info } = readTimestampToken(token);
  const problems: string[] = [];
  const imprintMatches = info.hash !== undefined && equalBytes(info.imprint, data.digest(info.hash));
  if (!imprintMatches) problems.push("Timestamp imprint does not match");
  const check = await checkCms(
    signedData,
    { digest: () => new Uint8Array(0), bytes: () => new Uint8Array(0) },
    "self",
  );
  problems.push(...check.problems.map((p) => `Timestamp: ${p}`));
  const signatureValid = check.digestMatches && check.signatureValid;
  return {
    time: info.genTime,
    imprintMatches,
    signatureValid,
    intact: imprintMatches && signatureValid,
    authority: check.signer ? describeCertificate(check.signer).subject.commonName : undefined,
    signer: check.signer,
    certificates: check.certificates,
    problems,
  };
}

async function verifyOne(
  bytes: Uint8Array,
  found: FoundSignature,
  index: number,
  roots: pkijs.Certificate[],
  trustConfigured: boolean,
): Promise<SignatureReport> {
  const report: SignatureReport = {
    index,
    status: "invalid",
    fieldName: found.fieldName,
    kind:
      found.type === "DocTimeStamp" || found.subFilter === "ETSI.RFC3161"
        ? "document-timestamp"
        : "signature",
    subFilter: found.subFilter,
    byteRange: found.byteRange,
    intact: false,
    digestMatches: false,
    signatureValid: false,
    coversWholeDocument: false,
    modifiedAfter: true,
    laterChanges: "other",
    signingTimeSource: "unknown",
    chain: { status: "not-checked", path: [], message: "" },
    signingCertificateV2: false,
    reason: found.reason,
    location: found.location,
    problems: [],
  };
  const rangeProblem = checkByteRange(bytes, found.byteRange);
  if (rangeProblem) {
    report.problems.push(rangeProblem);
    return report;
  }
  const content = detached(bytes, found.byteRange);
  const der = contentsOf(bytes, found.byteRange);
  let signedData: pkijs.SignedData;
  try {
    signedData = parseSignedData(der);
  } catch (error) {
    report.problems.push(
      `The signature is not a CMS SignedData (${error instanceof Error ? error.message : error})`,
    );
    return report;
  }
  let signer: pkijs.Certificate | undefined;
  let certificates: pkijs.Certificate[];
  let signingTime: Date | undefined;
  if (signedData.encapContentInfo.eContentType === OID.tstInfo) {
    report.kind = "document-timestamp";
    const ts = await checkTimestamp(der, content);
    report.digestMatches = ts.imprintMatches;
    report.signatureValid = ts.signatureValid;
    report.timestamp = { time: ts.time.toISOString(), intact: ts.intact, authority: ts.authority };
    report.problems.push(...ts.problems);
    signer = ts.signer;
    certificates = ts.certificates;
    signingTime = ts.time;
    report.signingTimeSource = "timestamp";
  } else {
    const check = await checkCms(signedData, content);
    report.digestMatches = check.digestMatches;
    report.signatureValid = check.signatureValid;
    report.signingCertificateV2 = check.hasSigningCertificateV2;
    report.problems.push(...check.problems);
    signer = check.signer;
    certificates = check.certificates;
    if (check.timestampToken) {
      try {
        const ts = await checkTimestamp(check.timestampToken, {
          digest: (hash) => digest(hash, check.signatureValue),
          bytes: () => check.signatureValue,
        });
        report.timestamp = { time: ts.time.toISOString(), intact: ts.intact, authority: ts.authority };
        report.problems.push(...ts.problems);
        if (ts.intact) {
          signingTime = ts.time;
          report.signingTimeSource = "timestamp";
        }
      } catch (error) {
        report.problems.push(
          `Unreadable signature timestamp (${error instanceof Error ? error.message : error})`,
        );
      }
    }
    if (!signingTime && check.signingTime) {
      signingTime = check.signingTime;
      report.signingTimeSource = "cms-signing-time";
    }
    if (!signingTime) {
      signingTime = parsePdfDate(found.m);
      if (signingTime) report.signingTimeSource = "pdf-m";
    }
  }
  report.intact = report.digestMatches && report.signatureValid;
  report.signingTime = signingTime?.toISOString();
  if (signer) {
    report.signer = summarise(signer);
    const at = signingTime ?? new Date();
    report.certificateValidAtSigningTime = signingTime ? isValidAt(signer, signingTime) : undefined;
    const signerDer = certificateDer(signer);
    const intermediates = certificates.filter((c) => !equalBytes(certificateDer(c), signerDer));
    const chain = await validateChain(signer, intermediates, roots, at);
    report.chain = trustConfigured
      ? chain
      : { ...chain, message: `${chain.message} (no trusted roots configured)` };
  }
  return report;
}

function statusOf(report: SignatureReport): SignatureStatus {
  if (report.intact) return report.modifiedAfter ? "modified" : "valid";
  // A sound signature whose digest no longer matches: the signed bytes were changed.
  return report.signatureValid && !report.digestMatches ? "modified" : "invalid";
}

export async function verifyPdf(bytes: Uint8Array, options: VerifyOptions = {}): Promise<VerifyReport> {
  const roots = (options.trustedRoots ?? []).map(certificateFromDer);
  const { found, problems } = await findSignatures(bytes);
  const signatures: SignatureReport[] = [];
  for (const [i, signature] of found.entries()) {
    const report = await verifyOne(bytes, signature, i + 1, roots, roots.length > 0);
    if (problems.length > 0) report.problems.unshift(...problems);
    signatures.push(report);
  }
  // Only intact later signatures can vouch for the updates they seal.
  const sealingEnds = signatures.filter((s) => s.intact).map((s) => coverageEnd(s.byteRange));
  for (const report of signatures) {
    const modification = await analyseModification(bytes, coverageEnd(report.byteRange), sealingEnds);
    report.coversWholeDocument = modification.coversWholeDocument;
    report.modifiedAfter = modification.modifiedAfter;
    report.laterChanges = modification.laterChanges;
    report.problems.push(...modification.problems);
    report.status = statusOf(report);
  }
  return {
    sha256: sha256Hex(bytes),
    signatureCount: signatures.length,
    valid: signatures.length > 0 && signatures.every((s) => s.status === "valid"),
    modified: signatures.some((s) => s.status === "modified"),
    signatures,
  };
}
