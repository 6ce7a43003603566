/** Signature algorithms for the keys we sign with: RSA PKCS#1 v1.5 and ECDSA (P-256/P-384/P-521). */
import {
  constants,
  type KeyObject,
  sign as nodeSign,
  verify as nodeVerify,
  privateEncrypt,
} from "node:crypto";
import * as asn1js from "asn1js";
import { AppError } from "../errors.ts";
import { derOf, digest, equalBytes, type HashName, hashOid, OID, toArrayBuffer } from "./asn1.ts";

export type KeyType = "RSA" | "EC";

export function keyTypeOf(key: KeyObject): KeyType {
  if (key.asymmetricKeyType === "rsa") return "RSA";
  if (key.asymmetricKeyType === "ec") return "EC";
  throw new AppError("KEY_UNSUPPORTED", { details: { keyType: key.asymmetricKeyType ?? "unknown" } });
}

const SIGNATURE_OIDS: Record<KeyType, Record<HashName, string>> = {
  RSA: {
    sha1: OID.sha1WithRsa,
    sha256: OID.sha256WithRsa,
    sha384: OID.sha384WithRsa,
    sha512: OID.sha512WithRsa,
  },
  EC: {
    sha1: OID.ecdsaWithSha1,
    sha256: OID.ecdsaWithSha256,
    sha384: OID.ecdsaWithSha384,
    sha512: OID.ecdsaWithSha512,
  },
};

export function signatureAlgorithmOid(keyType: KeyType, hash: HashName): string {
  return SIGNATURE_OIDS[keyType][hash];
}

/** DER DigestInfo, what an RSA PKCS#1 v1.5 signature wraps around a digest. */
export function digestInfo(hash: HashName, value: Uint8Array): Uint8Array {
  return derOf(
    new asn1js.Sequence({
      value: [
        new asn1js.Sequence({
          value: [new asn1js.ObjectIdentifier({ value: hashOid(hash) }), new asn1js.Null()],
        }),
        new asn1js.OctetString({ valueHex: toArrayBuffer(value) }),
      ],
    }),
  );
}

/** Signs `data` (hashing it with `hash`); ECDSA signatures come out DER-encoded as CMS wants them. */
export function signData(key: KeyObject, hash: HashName, data: Uint8Array): Uint8Array {
  keyTypeOf(key);
  return new Uint8Array(nodeSign(hash, data, key));
}

/**
 * Signs a digest computed elsewhere. RSA can do this with the digest alone; ECDSA in Node cannot, so the
 * caller passes the data too and we check that it hashes to the digest before signing it.
 */
export function signDigest(key: KeyObject, hash: HashName, value: Uint8Array, data?: Uint8Array): Uint8Array {
  const type = keyTypeOf(key);
  if (type === "RSA") {
    return new Uint8Array(
      privateEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, digestInfo(hash, value)),
    );
  }
  if (!data || !equalBytes(digest(hash, data), value)) {
    throw new AppError("SIGNATURE_MISMATCH", {
      en: "ECDSA signing needs the data whose digest is given",
    });
  }
  return signData(key, hash, data);
}

export function verifyData(key: KeyObject, hash: HashName, data: Uint8Array, signature: Uint8Array): boolean {
  try {
    return nodeVerify(hash, data, key, signature);
  } catch {
    return false;
  }
}
