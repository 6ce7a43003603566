/** Public API of the signing library (no HTTP here: its errors are AppErrors of src/errors.ts, one table). */
export type { AppearanceKind, AppearanceOptions, Rect } from "./appearance.ts";
export { vietnamTime } from "./appearance.ts";
export type { CertificateInfo, ChainResult, ChainStatus, DistinguishedName, KeyUsage } from "./certs.ts";
export { assertUsableForSigning, describeCertificate, validateChain } from "./certs.ts";
export type {
  CmsSigner,
  DigestSigner,
  DocumentSigner,
  SigningRequest,
  SigningRequestJson,
} from "./external-signer.ts";
export {
  CredentialDigestSigner,
  credentialSigner,
  decodeSigningRequest,
  encodeSigningRequest,
  isCmsSigner,
} from "./external-signer.ts";
export type { LoadP12Options, SealOptions, SigningCredential } from "./keys.ts";
export { loadP12, sealP12, serverKeyId, unlockStoredP12, unsealP12 } from "./keys.ts";
export type { LocalTsaOptions } from "./local-tsa.ts";
export { LocalTimestampAuthority } from "./local-tsa.ts";
export type { PreparedSignature, PrepareOptions, SignOptions, SignResult } from "./sign.ts";
export { completeSignature, completeWithCms, prepareSignature, sign } from "./sign.ts";
export type { IssuedCertificate, IssueOptions, TestIdentity, TestPki, TestPkiOptions } from "./test-pki.ts";
export {
  createTestPki,
  issueCertificate,
  isTestPkiCertificate,
  TEST_PKI_MARKER,
} from "./test-pki.ts";
export type { TimestampAuthority } from "./tsa.ts";
export type {
  SignatureReport,
  SignatureStatus,
  SignerSummary,
  VerifyOptions,
  VerifyReport,
} from "./verify.ts";
export { verifyPdf } from "./verify.ts";
