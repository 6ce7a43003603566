/** Small typed helpers over asn1js/pkijs shared by the signing module. */
import { createHash } from "node:crypto";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";

export const OID = {
  data: "1.2.840.113549.1.7.1",
  signedData: "1.2.840.113549.1.7.2",
  encryptedData: "1.2.840.113549.1.7.6",
  tstInfo: "1.2.840.113549.1.9.16.1.4",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingTime: "1.2.840.113549.1.9.5",
  friendlyName: "1.2.840.113549.1.9.20",
  localKeyId: "1.2.840.113549.1.9.21",
  x509CertificateBag: "1.2.840.113549.1.9.22.1",
  signingCertificate: "1.2.840.113549.1.9.16.2.12",
  signingCertificateV2: "1.2.840.113549.1.9.16.2.47",
  signatureTimeStampToken: "1.2.840.113549.1.9.16.2.14",
  cmsAlgorithmProtection: "1.2.840.113549.1.9.52",
  keyBag: "1.2.840.113549.1.12.10.1.1",
  pkcs8ShroudedKeyBag: "1.2.840.113549.1.12.10.1.2",
  certBag: "1.2.840.113549.1.12.10.1.3",
  pbes2: "1.2.840.113549.1.5.13",
  pbkdf2: "1.2.840.113549.1.5.12",
  pbeSha1TripleDes: "1.2.840.113549.1.12.1.3",
  pbeSha1TwoKeyTripleDes: "1.2.840.113549.1.12.1.4",
  pbeSha1Rc2_128: "1.2.840.113549.1.12.1.5",
  pbeSha1Rc2_40: "1.2.840.113549.1.12.1.6",
  hmacSha1: "1.2.840.113549.2.7",
  hmacSha256: "1.2.840.113549.2.9",
  hmacSha384: "1.2.840.113549.2.10",
  hmacSha512: "1.2.840.113549.2.11",
  aes128Cbc: "2.16.840.1.101.3.4.1.2",
  aes192Cbc: "2.16.840.1.101.3.4.1.22",
  aes256Cbc: "2.16.840.1.101.3.4.1.42",
  desEde3Cbc: "1.2.840.113549.3.7",
  sha1: "1.3.14.3.2.26",
  sha256: "2.16.840.1.101.3.4.2.1",
  sha384: "2.16.840.1.101.3.4.2.2",
  sha512: "2.16.840.1.101.3.4.2.3",
  rsaEncryption: "1.2.840.113549.1.1.1",
  rsaPss: "1.2.840.113549.1.1.10",
  sha1WithRsa: "1.2.840.113549.1.1.5",
  sha256WithRsa: "1.2.840.113549.1.1.11",
  sha384WithRsa: "1.2.840.113549.1.1.12",
  sha512WithRsa: "1.2.840.113549.1.1.13",
  ecPublicKey: "1.2.840.10045.2.1",
  ecdsaWithSha1: "1.2.840.10045.4.1",
  ecdsaWithSha256: "1.2.840.10045.4.3.2",
  ecdsaWithSha384: "1.2.840.10045.4.3.3",
  ecdsaWithSha512: "1.2.840.10045.4.3.4",
  keyUsage: "2.5.29.15",
  basicConstraints: "2.5.29.19",
  extKeyUsage: "2.5.29.37",
  subjectKeyIdentifier: "2.5.29.14",
  authorityKeyIdentifier: "2.5.29.35",
  kpTimeStamping: "1.3.6.1.5.5.7.3.8",
  commonName: "2.5.4.3",
  serialNumberAttr: "2.5.4.5",
  country: "2.5.4.6",
  locality: "2.5.4.7",
  state: "2.5.4.8",
  organization: "2.5.4.10",
  organizationalUnit: "2.5.4.11",
  title: "2.5.4.12",
  userId: "0.9.2342.19200300.100.1.1",
} as const;

export type HashName = "sha1" | "sha256" | "sha384" | "sha512";

const HASH_OIDS: Record<HashName, string> = {
  sha1: OID.sha1,
  sha256: OID.sha256,
  sha384: OID.sha384,
  sha512: OID.sha512,
};

export function hashOid(hash: HashName): string {
  return HASH_OIDS[hash];
}

export function hashFromOid(oid: string): HashName | undefined {
  for (const [name, value] of Object.entries(HASH_OIDS)) if (value === oid) return name as HashName;
  return undefined;
}

export function digest(hash: HashName, ...parts: Uint8Array[]): Uint8Array {
  const h = createHash(hash);
  for (const part of parts) h.update(part);
  return new Uint8Array(h.digest());
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** A fresh ArrayBuffer holding exactly these bytes (asn1js and pkijs want ArrayBuffers). */
export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy.buffer;
}

export function toBytes(buffer: ArrayBuffer | Uint8Array): Uint8Array {
  return buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("hex");
}

/** Parses DER/BER; throws a plain Error when the bytes are not one ASN.1 element (callers map it). */
export function parseAsn1(bytes: Uint8Array, options: { allowTrailing?: boolean } = {}): asn1js.BaseBlock {
  const parsed = asn1js.fromBER(toArrayBuffer(bytes), { maxNodes: 1_000_000 });
  if (parsed.offset === -1) throw new Error(`ASN.1 parse error: ${parsed.result.error}`);
  if (!options.allowTrailing && parsed.offset !== bytes.length) throw new Error("Trailing bytes after ASN.1");
  return parsed.result;
}

/** The encoded length of the first ASN.1 element in bytes (definite length), or undefined. */
export function firstElementLength(bytes: Uint8Array): number | undefined {
  if (bytes.length < 2) return undefined;
  const first = bytes[1];
  if (first < 0x80) return 2 + first;
  const n = first & 0x7f;
  if (n === 0 || n > 4 || bytes.length < 2 + n) return undefined;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + bytes[2 + i];
  return 2 + n + len;
}

export function children(node: asn1js.BaseBlock): asn1js.BaseBlock[] {
  if (node instanceof asn1js.Constructed || node instanceof asn1js.Sequence || node instanceof asn1js.Set) {
    return node.valueBlock.value;
  }
  const value: unknown = node.valueBlock;
  if (value && typeof value === "object" && "value" in value && Array.isArray(value.value)) {
    return value.value as asn1js.BaseBlock[];
  }
  return [];
}

export function isContextTag(node: asn1js.BaseBlock, tag: number): boolean {
  return node.idBlock.tagClass === 3 && node.idBlock.tagNumber === tag;
}

export function oidValue(node: asn1js.BaseBlock | undefined): string {
  if (!(node instanceof asn1js.ObjectIdentifier)) throw new Error("Expected an OBJECT IDENTIFIER");
  return node.valueBlock.toString();
}

/** Octets of an OCTET STRING (primitive or constructed BER) or of an implicitly tagged primitive. */
export function octets(node: asn1js.BaseBlock | undefined): Uint8Array {
  if (!node) throw new Error("Expected an OCTET STRING");
  if (node.idBlock.isConstructed) return concatBytes(...children(node).map((child) => octets(child)));
  const block: unknown = node.valueBlock;
  if (
    block &&
    typeof block === "object" &&
    "valueHexView" in block &&
    block.valueHexView instanceof Uint8Array
  ) {
    return new Uint8Array(block.valueHexView);
  }
  throw new Error("Expected an OCTET STRING");
}

export function integerValue(node: asn1js.BaseBlock | undefined): number {
  if (!(node instanceof asn1js.Integer)) throw new Error("Expected an INTEGER");
  return Number(node.toBigInt());
}

export function derOf(node: { toSchema(): asn1js.BaseBlock } | asn1js.BaseBlock): Uint8Array {
  const block = node instanceof asn1js.BaseBlock ? node : node.toSchema();
  return new Uint8Array(block.toBER(false));
}

const parsedCertificates = new Map<string, pkijs.Certificate>();
const encodedCertificates = new WeakMap<pkijs.Certificate, Uint8Array>();

/**
 * Parses a DER certificate. pkijs parsing costs milliseconds (schema matching), and one signature needs
 * the same few certificates many times, so recent results are kept; callers must not mutate them.
 */
export function certificateFromDer(der: Uint8Array): pkijs.Certificate {
  const key = Buffer.from(der).toString("base64");
  let cert = parsedCertificates.get(key);
  if (!cert) {
    cert = new pkijs.Certificate({ schema: parseAsn1(der) });
    encodedCertificates.set(cert, new Uint8Array(der));
    if (parsedCertificates.size >= 256)
      parsedCertificates.delete(parsedCertificates.keys().next().value ?? "");
    parsedCertificates.set(key, cert);
  }
  return cert;
}

export function certificateDer(cert: pkijs.Certificate): Uint8Array {
  let der = encodedCertificates.get(cert);
  if (!der) {
    der = derOf(cert);
    encodedCertificates.set(cert, der);
  }
  return der;
}

export function pemToDer(pem: string): Uint8Array[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map(
    (block) => new Uint8Array(Buffer.from(block.replace(/-----[A-Z ]+-----|\s/g, ""), "base64")),
  );
}

export function derToPem(der: Uint8Array, label = "CERTIFICATE"): string {
  const body = Buffer.from(der)
    .toString("base64")
    .replace(/(.{64})/g, "$1\n");
  return `-----BEGIN ${label}-----\n${body.replace(/\n$/, "")}\n-----END ${label}-----\n`;
}

/** A certificate given as DER or PEM bytes/text, normalised to DER. */
export function certificateBytes(input: Uint8Array | string): Uint8Array[] {
  const text = typeof input === "string" ? input : Buffer.from(input).toString("latin1");
  if (text.includes("-----BEGIN CERTIFICATE-----")) return pemToDer(text);
  if (typeof input === "string") throw new Error("Not a PEM certificate");
  return [input];
}
