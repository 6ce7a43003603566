import { z } from "zod";
import { EXTERNAL_SIGNER_KINDS, SIGNING_MODES } from "../db/tables/signing.ts";
import { LIMITS, NonEmpty, Uuid } from "./common.ts";

/**
 * Digital signatures over HTTP (ký số). Files travel as base64 inside JSON, like every other upload of the API,
 * so that one strict JSON parser, one CSRF check and one schema cover them.
 */
export const SIGNING_LIMITS = {
  /** PDFs to sign or to verify. */
  pdfBytes: 20 * 1024 * 1024,
  /** A PKCS#12 keystore: a few certificates and one key. */
  p12Bytes: 64 * 1024,
  /** PNG of a handwritten signature or a red seal. */
  imageBytes: 1024 * 1024,
  /** One X.509 certificate, PEM or DER. */
  certificateBytes: 32 * 1024,
  /** Raw signature or CMS returned by an external signer. */
  cmsBytes: 64 * 1024,
} as const;

/** Base64 of at most `maxBytes` bytes. */
export const Base64 = (maxBytes: number) =>
  z
    .string()
    .min(1)
    .max(Math.ceil(maxBytes / 3) * 4 + 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, "base64");

/** JSON body limit for a route carrying `maxBytes` of base64 plus small fields. */
export function bodyLimitFor(maxBytes: number): number {
  return Math.ceil(maxBytes / 3) * 4 + 256 * 1024;
}

export const SigningMode = z.enum(SIGNING_MODES);
export const ExternalSignerKind = z.enum(EXTERNAL_SIGNER_KINDS);

/** A certificate as PEM text or base64 DER. */
export const CertificateText = z
  .string()
  .trim()
  .min(1)
  .max(Math.ceil(SIGNING_LIMITS.certificateBytes / 3) * 4 + 512);

/**
 * Signing modes of Decree 30/2020 (art. 13): the head signs directly (no prefix), or "TM." on behalf of a
 * collective body, "KT." deputising for the head, "TUQ." by authorisation, "TL." on the head's behalf.
 */
export const Authority = z
  .string()
  .trim()
  .max(LIMITS.shortText)
  .regex(/^(TM|KT|TUQ|TL)\.\s*\S.*$/u, "authority: TM. …, KT. …, TUQ. …, TL. …");

const FileName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[^/\\\0]+$/);

const Label = NonEmpty(LIMITS.shortText);
const Secret = z.string().min(1).max(LIMITS.password);

// ---- credentials -----------------------------------------------------------------------------------------------

export const CredentialOwnerInput = z.enum(["personal", "unit"]);

export const CredentialUpload = z
  .discriminatedUnion("kind", [
    z.strictObject({
      /** A PKCS#12 file (.p12/.pfx): stored sealed, unlocked with its password for each signature. */
      kind: z.literal("p12"),
      owner: CredentialOwnerInput,
      /** The agency whose seal this is (owner "unit"). */
      unitId: Uuid.optional(),
      p12: Base64(SIGNING_LIMITS.p12Bytes),
      password: Secret,
      label: Label.optional(),
    }),
    z.strictObject({
      /** Only the certificate: the key stays on a USB token or at a remote signing service. */
      kind: z.literal("certificate"),
      owner: CredentialOwnerInput,
      unitId: Uuid.optional(),
      certificate: CertificateText,
      /** Intermediate certificates to embed in signatures. */
      chain: z.array(CertificateText).max(5).optional(),
      label: Label.optional(),
    }),
  ])
  .superRefine((value, ctx) => {
    if (value.owner === "unit" && !value.unitId) {
      ctx.addIssue({ code: "custom", path: ["unitId"], message: "unitId is required for a unit's seal" });
    }
    if (value.owner === "personal" && value.unitId) {
      ctx.addIssue({ code: "custom", path: ["unitId"], message: "a personal credential has no unitId" });
    }
  });

export const CredentialStatus = z.enum(["active", "expired", "not-yet-valid", "revoked"]);

export const SigningCredential = z.object({
  id: Uuid,
  owner: z.enum(["staff", "unit"]),
  staffId: Uuid.nullable(),
  staffName: z.string().nullable(),
  unitId: Uuid,
  unitName: z.string(),
  unitCode: z.string(),
  storage: z.enum(["p12", "external"]),
  label: z.string(),
  subject: z.string(),
  commonName: z.string().nullable(),
  organization: z.string().nullable(),
  title: z.string().nullable(),
  issuer: z.string(),
  serialNumber: z.string(),
  fingerprint: z.string(),
  keyType: z.enum(["RSA", "EC"]),
  notBefore: z.string(),
  notAfter: z.string(),
  testPki: z.boolean(),
  status: CredentialStatus,
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
  version: z.number(),
});
export type SigningCredential = z.infer<typeof SigningCredential>;

export const CredentialRevoke = z.strictObject({
  version: z.number().int().min(1),
  reason: z.string().trim().max(LIMITS.shortText).optional(),
});

// ---- trusted roots ---------------------------------------------------------------------------------------------

export const TrustedRootInput = z.strictObject({
  certificate: CertificateText,
  label: Label.optional(),
});

export const TrustedRoot = z.object({
  id: Uuid,
  label: z.string(),
  subject: z.string(),
  issuer: z.string(),
  serialNumber: z.string(),
  fingerprint: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  testPki: z.boolean(),
  /** False for a test PKI root outside demo mode: kept, but never trusted. */
  active: z.boolean(),
  createdAt: z.string(),
});
export type TrustedRoot = z.infer<typeof TrustedRoot>;

// ---- signing ---------------------------------------------------------------------------------------------------

const documentFields = {
  /** A PDF already stored (files table), e.g. a result to countersign with the seal. */
  fileId: Uuid.optional(),
  /** Or the PDF itself. */
  file: Base64(SIGNING_LIMITS.pdfBytes).optional(),
  fileName: FileName.optional(),
};

const appearanceFields = {
  credentialId: Uuid,
  mode: SigningMode,
  /** Decree 30 signing mode line: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", …; none when the head signs. */
  authority: Authority.optional(),
  /** The signer's position (chức vụ), e.g. "Chủ tịch"; defaults to the certificate's title. */
  position: z.string().trim().min(1).max(LIMITS.shortText).optional(),
  /** PNG: the handwritten signature (personal) or the red seal (seal). */
  image: Base64(SIGNING_LIMITS.imageBytes).optional(),
  /** block: the signature block (personal) or the seal over it; corner: the agency's mark on attachments. */
  placement: z.enum(["block", "corner", "invisible"]).optional(),
  /** 1-based page; the last page by default (the first for "corner"). */
  page: z.number().int().min(1).max(100_000).optional(),
  /** Number and notation printed in the corner mark, e.g. "49/QĐ-UBND". */
  documentNumber: z.string().trim().min(1).max(100).optional(),
  reason: z.string().trim().min(1).max(LIMITS.shortText).optional(),
  location: z.string().trim().min(1).max(LIMITS.shortText).optional(),
};

type DocumentInput = { fileId?: string | undefined; file?: string | undefined };
type PlacementInput = { mode: string; placement?: string | undefined };

function checkDocument(value: DocumentInput & PlacementInput, ctx: z.RefinementCtx): void {
  if ((value.fileId === undefined) === (value.file === undefined)) {
    ctx.addIssue({ code: "custom", path: ["file"], message: "give exactly one of fileId and file" });
  }
  if (value.placement === "corner" && value.mode !== "seal") {
    ctx.addIssue({
      code: "custom",
      path: ["placement"],
      message: "the corner mark is the agency's (mode seal)",
    });
  }
}

export const SignInput = z
  .strictObject({
    ...documentFields,
    ...appearanceFields,
    /** The password of the stored credential (the same one that opens its PKCS#12 file). */
    password: Secret,
    /** Adds an RFC 3161 timestamp (PAdES B-T); needs SIGNING_TSA_URL. */
    timestamp: z.boolean().optional(),
  })
  .superRefine(checkDocument);

export const SignerSummary = z.object({
  commonName: z.string().optional(),
  organization: z.string().optional(),
  organizationalUnit: z.string().optional(),
  title: z.string().optional(),
  country: z.string().optional(),
  subject: z.string(),
  issuer: z.string(),
  serialNumber: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
});

export const StoredFile = z.object({
  id: Uuid,
  name: z.string(),
  mime: z.string(),
  size: z.number(),
  sha256: z.string(),
});

export const SignResult = z.object({
  file: StoredFile,
  sha256Before: z.string(),
  sha256After: z.string(),
  mode: SigningMode,
  credentialId: Uuid,
  signer: SignerSummary,
  fieldName: z.string(),
  signingTime: z.string(),
  level: z.enum(["B-B", "B-T"]),
  /** The public page that verifies this document. */
  verifyUrl: z.string(),
  /** The signed PDF, base64. */
  pdf: z.string(),
});
export type SignResult = z.infer<typeof SignResult>;

export const ExternalPrepareInput = z
  .strictObject({
    ...documentFields,
    ...appearanceFields,
    /** digest: hash in, raw signature out (PKCS#11 token, CSC signHash); cms: document hash in, CMS out. */
    signer: ExternalSignerKind,
  })
  .superRefine(checkDocument);

export const ExternalPrepared = z.object({
  sessionId: Uuid,
  expiresAt: z.string(),
  signer: ExternalSignerKind,
  hash: z.enum(["sha256", "sha384", "sha512"]),
  /** Digest of the PDF's signed byte ranges (what a CMS signer's message-digest must be), base64. */
  documentDigest: z.string(),
  /** For a digest signer: sign `digest` = hash(signedAttributes) (both base64). */
  request: z
    .object({
      hash: z.enum(["sha256", "sha384", "sha512"]),
      digest: z.string(),
      signedAttributes: z.string(),
    })
    .optional(),
  certificate: z.string(),
});
export type ExternalPrepared = z.infer<typeof ExternalPrepared>;

export const ExternalCompleteInput = z
  .strictObject({
    sessionId: Uuid,
    /** Raw signature (RSA PKCS#1 v1.5 or DER ECDSA) over request.digest, base64 (digest signers). */
    signature: Base64(SIGNING_LIMITS.cmsBytes).optional(),
    /** DER ContentInfo(SignedData), detached, base64 (CMS signers). */
    cms: Base64(SIGNING_LIMITS.cmsBytes).optional(),
  })
  .superRefine((value, ctx) => {
    if ((value.signature === undefined) === (value.cms === undefined)) {
      ctx.addIssue({ code: "custom", path: ["signature"], message: "give exactly one of signature and cms" });
    }
  });

// ---- verification ----------------------------------------------------------------------------------------------

export const VerifyInput = z.strictObject({
  file: Base64(SIGNING_LIMITS.pdfBytes),
  fileName: FileName.optional(),
});

export const ChainStatus = z.enum(["trusted", "unknown-issuer", "invalid", "not-checked"]);
export const SignatureStatus = z.enum(["valid", "modified", "invalid"]);

export const SignatureReport = z.object({
  index: z.number(),
  kind: z.enum(["signature", "document-timestamp"]),
  /** valid: intact and nothing but signatures after it; modified: changed after signing; invalid: broken. */
  status: SignatureStatus,
  intact: z.boolean(),
  digestMatches: z.boolean(),
  signatureValid: z.boolean(),
  coversWholeDocument: z.boolean(),
  modifiedAfter: z.boolean(),
  laterChanges: z.enum(["none", "signatures-only", "other"]),
  /** The signed byte ranges: [offset, length, offset, length]. */
  byteRange: z.array(z.number()),
  fieldName: z.string().optional(),
  subFilter: z.string().optional(),
  signer: SignerSummary.optional(),
  signingTime: z.string().optional(),
  signingTimeSource: z.enum(["timestamp", "cms-signing-time", "pdf-m", "unknown"]),
  timestamp: z.object({ time: z.string(), intact: z.boolean(), authority: z.string().optional() }).optional(),
  certificateValidAtSigningTime: z.boolean().optional(),
  chain: z.object({ status: ChainStatus, path: z.array(z.string()), message: z.string() }),
  signingCertificateV2: z.boolean(),
  reason: z.string().optional(),
  location: z.string().optional(),
  /** Technical notes from the checks, in English. */
  problems: z.array(z.string()),
});
export type SignatureReport = z.infer<typeof SignatureReport>;

export const VerifyReport = z.object({
  sha256: z.string(),
  size: z.number(),
  signatureCount: z.number(),
  /** At least one signature, every one intact and nothing but signatures added after it. */
  valid: z.boolean(),
  modified: z.boolean(),
  /** Roots the administrator configured that were used for the chains. */
  trustedRoots: z.number(),
  /** For GET /signing/verify/:fileId: the stored document and the unit that issued it. */
  document: z
    .object({
      fileId: Uuid,
      name: z.string().nullable(),
      unitName: z.string().nullable(),
      unitCode: z.string().nullable(),
      createdAt: z.string(),
    })
    .optional(),
  signatures: z.array(SignatureReport),
});
export type VerifyReport = z.infer<typeof VerifyReport>;
