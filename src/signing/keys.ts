/**
 * Signing keys: PKCS#12 files of officials and agencies, unlocked by their holder's password, checked for
 * validity and key usage, and sealed for storage at rest.
 *
 * Storage format of a sealed keystore (all binary, base64 it for a text column):
 *   "MCP1" | keyId (8) | salt (16) | iv (12) | tag (16) | AES-256-GCM ciphertext of the PKCS#12 bytes
 * The AES key is HKDF-SHA-256 over the server secret and scrypt(holder password, salt), so a copy of the
 * database and the server secret together still need the holder's password, at scrypt cost per guess, on top
 * of the PKCS#12's own (often weak, 2048-iteration) protection. keyId identifies the server secret, so a
 * wrong secret (STORED_KEY_MISMATCH, a deployment error) is told apart from a wrong password.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createPublicKey,
  hkdfSync,
  type KeyObject,
  randomBytes,
  scryptSync,
} from "node:crypto";
import type * as pkijs from "pkijs";
import { AppError } from "../errors.ts";
import { certificateFromDer, concatBytes, equalBytes } from "./asn1.ts";
import { assertUsableForSigning, type CertificateInfo, describeCertificate, publicKeyOf } from "./certs.ts";
import { type KeyType, keyTypeOf } from "./key-algorithms.ts";
import { readPkcs12 } from "./pkcs12.ts";

export interface SigningCredential {
  privateKey: KeyObject;
  keyType: KeyType;
  /** DER of the signer's certificate. */
  certificate: Uint8Array;
  /** DER of the other certificates in the file (intermediates, root), signer excluded. */
  chain: Uint8Array[];
  info: CertificateInfo;
}

export interface LoadP12Options {
  /** Check validity and key usage at this time (default now). Set `check: false` to only read the file. */
  now?: Date;
  check?: boolean;
}

function spkiOf(key: KeyObject): Uint8Array {
  return new Uint8Array(createPublicKey(key).export({ format: "der", type: "spki" }));
}

function spkiOfCertificate(cert: pkijs.Certificate): Uint8Array {
  return new Uint8Array(publicKeyOf(cert).export({ format: "der", type: "spki" }));
}

/**
 * Opens a PKCS#12 file: WRONG_P12_PASSWORD, P12_INVALID, P12_UNSUPPORTED, P12_NO_KEY; then, unless
 * `check: false`, CERT_EXPIRED, CERT_NOT_YET_VALID, CERT_KEY_USAGE for the signer's certificate.
 */
export function loadP12(
  bytes: Uint8Array,
  password: string,
  options: LoadP12Options = {},
): SigningCredential {
  const contents = readPkcs12(bytes, password);
  const parsed = contents.certificates.map((bag) => ({
    der: bag.value,
    cert: certificateFromDer(bag.value),
  }));
  for (const key of contents.keys) {
    const spki = spkiOf(key.value);
    const match = parsed.find((c) => equalBytes(spkiOfCertificate(c.cert), spki));
    if (!match) continue;
    const keyType = keyTypeOf(key.value);
    if (options.check !== false) assertUsableForSigning(match.cert, options.now ?? new Date());
    return {
      privateKey: key.value,
      keyType,
      certificate: match.der,
      chain: parsed.filter((c) => c !== match).map((c) => c.der),
      info: describeCertificate(match.cert),
    };
  }
  throw new AppError("P12_NO_KEY", {
    details: { keys: contents.keys.length, certificates: contents.certificates.length },
  });
}

// --------------------------------------------------------------------------------------- storage at rest

const MAGIC = new Uint8Array([0x4d, 0x43, 0x50, 0x31]); // "MCP1"
const HEADER = MAGIC.length + 8 + 16 + 12 + 16;
const SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

/** Identifies a server secret without revealing it. */
export function serverKeyId(serverSecret: string | Uint8Array): Uint8Array {
  return new Uint8Array(
    createHmac("sha256", serverSecret).update("motcua/p12-at-rest/key-id").digest(),
  ).subarray(0, 8);
}

function sealingKey(serverSecret: string | Uint8Array, password: string, salt: Uint8Array, context: string) {
  const stretched = scryptSync(password.normalize("NFC"), salt, 32, SCRYPT);
  const ikm = concatBytes(
    typeof serverSecret === "string" ? new TextEncoder().encode(serverSecret) : serverSecret,
    stretched,
  );
  return Buffer.from(hkdfSync("sha256", ikm, salt, `motcua/p12-at-rest/v1|${context}`, 32));
}

export interface SealOptions {
  /** The deployment's secret (from configuration, never stored beside the blobs). */
  serverSecret: string | Uint8Array;
  /** The holder's password; the same one that opens the PKCS#12 file. */
  password: string;
  /** Binds the blob to its owner (e.g. "user:42" or "unit:31"): a blob copied to another row will not open. */
  context: string;
}

/**
 * Seals a PKCS#12 file for storage. The file is opened first (so a wrong password or an unusable certificate
 * is refused before anything is stored) and the credential it holds is returned with the blob.
 */
export function sealP12(
  p12: Uint8Array,
  options: SealOptions & LoadP12Options,
): { sealed: Uint8Array; credential: SigningCredential } {
  const credential = loadP12(p12, options.password, options);
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv(
    "aes-256-gcm",
    sealingKey(options.serverSecret, options.password, salt, options.context),
    iv,
  );
  cipher.setAAD(Buffer.from(options.context, "utf8"));
  const body = concatBytes(cipher.update(p12), cipher.final());
  const sealed = concatBytes(MAGIC, serverKeyId(options.serverSecret), salt, iv, cipher.getAuthTag(), body);
  return { sealed, credential };
}

/** Decrypts a sealed blob back to the PKCS#12 bytes (WRONG_P12_PASSWORD, STORED_KEY_MISMATCH). */
export function unsealP12(sealed: Uint8Array, options: SealOptions): Uint8Array {
  if (sealed.length <= HEADER || !equalBytes(sealed.subarray(0, MAGIC.length), MAGIC)) {
    throw new AppError("STORED_KEY_INVALID");
  }
  const at = MAGIC.length;
  const keyId = sealed.subarray(at, at + 8);
  const salt = sealed.subarray(at + 8, at + 24);
  const iv = sealed.subarray(at + 24, at + 36);
  const tag = sealed.subarray(at + 36, at + 52);
  const body = sealed.subarray(HEADER);
  if (!equalBytes(keyId, serverKeyId(options.serverSecret))) throw new AppError("STORED_KEY_MISMATCH");
  const decipher = createDecipheriv(
    "aes-256-gcm",
    sealingKey(options.serverSecret, options.password, salt, options.context),
    iv,
  );
  decipher.setAAD(Buffer.from(options.context, "utf8"));
  decipher.setAuthTag(tag);
  try {
    return concatBytes(decipher.update(body), decipher.final());
  } catch (cause) {
    throw new AppError("WRONG_P12_PASSWORD", { cause });
  }
}

/** Opens a stored keystore for one signature: unseal, then load and check the certificate. */
export function unlockStoredP12(
  sealed: Uint8Array,
  options: SealOptions & LoadP12Options,
): SigningCredential {
  return loadP12(unsealP12(sealed, options), options.password, options);
}
