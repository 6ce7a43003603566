import type { z } from "zod";
import type {
  CredentialRevoke,
  CredentialUpload,
  SigningCredential,
  TrustedRoot,
  TrustedRootInput,
  VerifyReport,
} from "../../src/contracts/signing.ts";
import { SIGNING_LIMITS } from "../../src/contracts/signing.ts";
import { call } from "./api.ts";

/**
 * The digital-signature API (src/contracts/signing.ts): public verification, one's own signing credentials, a
 * unit's seal credentials and the trusted roots. Files travel as base64 in JSON, like every upload of the API.
 */
export type { SigningCredential, TrustedRoot, VerifyReport };
export type SignatureReportT = VerifyReport["signatures"][number];
export type CredentialUploadBody = z.input<typeof CredentialUpload>;
export type CredentialRevokeBody = z.input<typeof CredentialRevoke>;
export type TrustedRootBody = z.input<typeof TrustedRootInput>;
export { SIGNING_LIMITS };

const enc = encodeURIComponent;

/** A file's bytes as base64 (no data: prefix). */
export async function fileBase64(file: Blob): Promise<string> {
  const view = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < view.length; i += 0x8000) {
    binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export const signingApi = {
  verify: (file: string, fileName?: string) =>
    call<VerifyReport>("POST", "/signing/verify", fileName ? { file, fileName } : { file }),
  verifyStored: (fileId: string) => call<VerifyReport>("GET", `/signing/verify/${enc(fileId)}`),
  myCredentials: () => call<{ items: SigningCredential[] }>("GET", "/signing/credentials"),
  unitCredentials: (unitId: string) =>
    call<{ items: SigningCredential[] }>("GET", `/signing/units/${enc(unitId)}/credentials`),
  addCredential: (body: CredentialUploadBody) =>
    call<SigningCredential>("POST", "/signing/credentials", body),
  revokeCredential: (id: string, body: CredentialRevokeBody) =>
    call<SigningCredential>("POST", `/signing/credentials/${enc(id)}/revoke`, body),
  trustedRoots: () => call<{ items: TrustedRoot[] }>("GET", "/signing/trusted-roots"),
  addTrustedRoot: (body: TrustedRootBody) => call<TrustedRoot>("POST", "/signing/trusted-roots", body),
  removeTrustedRoot: (id: string) => call<{ ok: true }>("DELETE", `/signing/trusted-roots/${enc(id)}`),
};
