/**
 * Signing where the key never reaches the server: a USB token on the official's computer or a remote
 * signing service. Two shapes are supported:
 *  - DigestSigner: "hash in, raw signature out". The server builds the CAdES signed attributes, sends their
 *    digest (and, for signers that must hash themselves, the attributes: they hold only hashes and the
 *    certificate's hash, nothing secret), and receives a PKCS#1 v1.5 or ECDSA signature. This is what
 *    PKCS#11 tokens and CSC-style `signHash` services do.
 *  - CmsSigner: "document hash in, CMS out", for providers that build the whole CMS themselves.
 * For stateless HTTP flows use prepareSignature() / completeSignature() in sign.ts; the request travels as
 * JSON (encodeSigningRequest / decodeSigningRequest).
 */

import { AppError } from "../errors.ts";
import { digest, equalBytes, type HashName } from "./asn1.ts";
import { type KeyType, signDigest } from "./key-algorithms.ts";
import type { SigningCredential } from "./keys.ts";

export interface SigningRequest {
  hash: HashName;
  /** hash(signedAttributes): the value to sign. */
  digest: Uint8Array;
  /** DER of the signed attributes (SET OF), for signers that hash the data themselves. */
  signedAttributes: Uint8Array;
}

export interface DigestSigner {
  /** DER certificate of the signing key. */
  readonly certificate: Uint8Array;
  /** Intermediate and root certificates to embed, signer excluded. */
  readonly chain?: Uint8Array[];
  readonly keyType: KeyType;
  /** Returns the raw signature (RSA PKCS#1 v1.5, or DER ECDSA) over request.digest. */
  signDigest(request: SigningRequest): Promise<Uint8Array>;
}

export interface CmsSigner {
  readonly certificate: Uint8Array;
  readonly chain?: Uint8Array[];
  /** Returns DER ContentInfo(SignedData), detached, whose message-digest is `documentDigest`. */
  signDocumentDigest(documentDigest: Uint8Array, hash: HashName): Promise<Uint8Array>;
  /** Bytes to reserve in the PDF for the CMS (default 32 KiB). */
  readonly estimatedSize?: number;
}

export type DocumentSigner = DigestSigner | CmsSigner;

export function isCmsSigner(signer: DocumentSigner): signer is CmsSigner {
  return "signDocumentDigest" in signer;
}

/**
 * The reference client: a DigestSigner backed by a local PKCS#12 credential. It checks that the digest is
 * the hash of the attributes it was shown before signing, as a token-side client should.
 */
export class CredentialDigestSigner implements DigestSigner {
  readonly certificate: Uint8Array;
  readonly chain: Uint8Array[];
  readonly keyType: KeyType;

  constructor(private readonly credential: SigningCredential) {
    this.certificate = credential.certificate;
    this.chain = credential.chain;
    this.keyType = credential.keyType;
  }

  async signDigest(request: SigningRequest): Promise<Uint8Array> {
    if (!equalBytes(digest(request.hash, request.signedAttributes), request.digest)) {
      throw new AppError("SIGNATURE_MISMATCH", {
        en: "The digest is not the hash of the signed attributes",
      });
    }
    return signDigest(this.credential.privateKey, request.hash, request.digest, request.signedAttributes);
  }
}

export function credentialSigner(credential: SigningCredential): DigestSigner {
  return new CredentialDigestSigner(credential);
}

export interface SigningRequestJson {
  hash: HashName;
  digest: string;
  signedAttributes: string;
}

export function encodeSigningRequest(request: SigningRequest): SigningRequestJson {
  return {
    hash: request.hash,
    digest: Buffer.from(request.digest).toString("base64"),
    signedAttributes: Buffer.from(request.signedAttributes).toString("base64"),
  };
}

export function decodeSigningRequest(json: SigningRequestJson): SigningRequest {
  if (!["sha256", "sha384", "sha512"].includes(json.hash)) {
    throw new AppError("SIGNATURE_MISMATCH", { en: `Unsupported hash ${json.hash}` });
  }
  return {
    hash: json.hash,
    digest: new Uint8Array(Buffer.from(json.digest, "base64")),
    signedAttributes: new Uint8Array(Buffer.from(json.signedAttributes, "base64")),
  };
}
