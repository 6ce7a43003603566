/**
 * Reading X.509 certificates: parsing them from PEM or base64 DER as they arrive, names, validity, key usage, and
 * building a chain to a trusted root.
 */
import { createPublicKey, type KeyObject } from "node:crypto";
import * as asn1js from "asn1js";
import type * as pkijs from "pkijs";
import { AppError } from "../errors.ts";
import { certificateDer, certificateFromDer, children, OID, pemToDer, sha256Hex, toHex } from "./asn1.ts";
import { type KeyType, keyTypeOf } from "./key-algorithms.ts";

export interface DistinguishedName {
  commonName?: string;
  organization?: string;
  organizationalUnit?: string;
  title?: string;
  locality?: string;
  state?: string;
  country?: string;
  serialNumber?: string;
  userId?: string;
  /** RFC 4514-style text, most specific first (CN=…, O=…, C=…). */
  text: string;
}

export type KeyUsage =
  | "digitalSignature"
  | "nonRepudiation"
  | "keyEncipherment"
  | "dataEncipherment"
  | "keyAgreement"
  | "keyCertSign"
  | "cRLSign"
  | "encipherOnly"
  | "decipherOnly";

const KEY_USAGE_BITS: KeyUsage[] = [
  "digitalSignature",
  "nonRepudiation",
  "keyEncipherment",
  "dataEncipherment",
  "keyAgreement",
  "keyCertSign",
  "cRLSign",
  "encipherOnly",
  "decipherOnly",
];

export interface CertificateInfo {
  subject: DistinguishedName;
  issuer: DistinguishedName;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  /** Undefined when the certificate has no keyUsage extension. */
  keyUsage?: KeyUsage[];
  isCa: boolean;
  sha256: string;
}

const NAME_KEYS: Record<string, { key: Exclude<keyof DistinguishedName, "text">; short: string }> = {
  [OID.commonName]: { key: "commonName", short: "CN" },
  [OID.organization]: { key: "organization", short: "O" },
  [OID.organizationalUnit]: { key: "organizationalUnit", short: "OU" },
  [OID.title]: { key: "title", short: "T" },
  [OID.locality]: { key: "locality", short: "L" },
  [OID.state]: { key: "state", short: "ST" },
  [OID.country]: { key: "country", short: "C" },
  [OID.serialNumberAttr]: { key: "serialNumber", short: "SERIALNUMBER" },
  [OID.userId]: { key: "userId", short: "UID" },
};

function attributeText(value: asn1js.BaseBlock): string {
  const block: unknown = value.valueBlock;
  if (block && typeof block === "object" && "value" in block && typeof block.value === "string")
    return block.value;
  return toHex(new Uint8Array(value.valueBeforeDecodeView));
}

export function describeName(name: pkijs.RelativeDistinguishedNames): DistinguishedName {
  const result: DistinguishedName = { text: "" };
  const parts: string[] = [];
  for (const attribute of name.typesAndValues) {
    const known = NAME_KEYS[attribute.type];
    const text = attributeText(attribute.value);
    parts.push(`${known?.short ?? attribute.type}=${text}`);
    if (known && result[known.key] === undefined) result[known.key] = text;
  }
  result.text = parts.reverse().join(", ");
  return result;
}

function extension(cert: pkijs.Certificate, oid: string): pkijs.Extension | undefined {
  return cert.extensions?.find((ext) => ext.extnID === oid);
}

export function keyUsageOf(cert: pkijs.Certificate): KeyUsage[] | undefined {
  const ext = extension(cert, OID.keyUsage);
  if (!ext) return undefined;
  const parsed = asn1js.fromBER(ext.extnValue.valueBlock.valueHexView);
  if (!(parsed.result instanceof asn1js.BitString)) return [];
  const bits = parsed.result.valueBlock.valueHexView;
  return KEY_USAGE_BITS.filter((_, i) => i < bits.length * 8 && ((bits[i >> 3] >> (7 - (i & 7))) & 1) === 1);
}

export function isCaCertificate(cert: pkijs.Certificate): boolean {
  const ext = extension(cert, OID.basicConstraints);
  if (!ext) return false;
  const parsed = asn1js.fromBER(ext.extnValue.valueBlock.valueHexView);
  const first = children(parsed.result)[0];
  return first instanceof asn1js.Boolean && first.getValue();
}

export function describeCertificate(cert: pkijs.Certificate): CertificateInfo {
  return {
    subject: describeName(cert.subject),
    issuer: describeName(cert.issuer),
    serialNumber: toHex(new Uint8Array(cert.serialNumber.valueBlock.valueHexView)),
    notBefore: cert.notBefore.value.toISOString(),
    notAfter: cert.notAfter.value.toISOString(),
    keyUsage: keyUsageOf(cert),
    isCa: isCaCertificate(cert),
    sha256: sha256Hex(certificateDer(cert)),
  };
}

export function publicKeyOf(cert: pkijs.Certificate): KeyObject {
  const spki = new Uint8Array(cert.subjectPublicKeyInfo.toSchema().toBER(false));
  return createPublicKey({ key: Buffer.from(spki), format: "der", type: "spki" });
}

export function isValidAt(cert: pkijs.Certificate, at: Date): boolean {
  return cert.notBefore.value.getTime() <= at.getTime() && at.getTime() <= cert.notAfter.value.getTime();
}

/**
 * Refuses certificates that cannot make a signature today: outside their validity period, or whose key usage
 * allows neither digitalSignature nor nonRepudiation (a missing keyUsage extension is refused too: every
 * signing certificate issued in Vietnam carries one, and signing with a CA or TLS certificate is a mistake).
 */
export function assertUsableForSigning(cert: pkijs.Certificate, now: Date = new Date()): void {
  const info = describeCertificate(cert);
  const details = { subject: info.subject.text, notBefore: info.notBefore, notAfter: info.notAfter };
  if (now.getTime() > cert.notAfter.value.getTime()) throw new AppError("CERT_EXPIRED", { details });
  if (now.getTime() < cert.notBefore.value.getTime()) throw new AppError("CERT_NOT_YET_VALID", { details });
  const usage = info.keyUsage;
  if (!usage?.some((u) => u === "digitalSignature" || u === "nonRepudiation")) {
    throw new AppError("CERT_KEY_USAGE", { details: { ...details, keyUsage: usage ?? null } });
  }
}

export type ChainStatus = "trusted" | "unknown-issuer" | "invalid";

export interface ChainResult {
  status: ChainStatus;
  /** Subjects from the signer up to the last certificate found. */
  path: string[];
  message: string;
}

function sameName(a: pkijs.RelativeDistinguishedNames, b: pkijs.RelativeDistinguishedNames): boolean {
  return a.isEqual(b);
}

function isSelfIssued(cert: pkijs.Certificate): boolean {
  return sameName(cert.subject, cert.issuer);
}

async function signedBy(cert: pkijs.Certificate, issuer: pkijs.Certificate): Promise<boolean> {
  try {
    return await cert.verify(issuer);
  } catch {
    return false;
  }
}

function fingerprint(cert: pkijs.Certificate): string {
  return sha256Hex(certificateDer(cert));
}

/**
 * Builds a path from `leaf` through `intermediates` to one of `trustedRoots`, checking each link's signature,
 * that issuers are CAs allowed to sign certificates, and that every certificate was valid at `at`.
 * "unknown-issuer" means no path reaches a configured root; "invalid" means a path exists but is broken.
 */
export async function validateChain(
  leaf: pkijs.Certificate,
  intermediates: pkijs.Certificate[],
  trustedRoots: pkijs.Certificate[],
  at: Date,
): Promise<ChainResult> {
  const trusted = new Set(trustedRoots.map(fingerprint));
  const pool = [...intermediates, ...trustedRoots];
  const path: pkijs.Certificate[] = [leaf];
  const problems: string[] = [];
  let current = leaf;
  for (let depth = 0; depth < 10; depth++) {
    if (!isValidAt(current, at))
      problems.push(`${describeName(current.subject).text} was not valid at ${at.toISOString()}`);
    if (trusted.has(fingerprint(current))) {
      return result(
        problems.length === 0 ? "trusted" : "invalid",
        path,
        problems,
        "Chain reaches a trusted root",
      );
    }
    const candidates = pool.filter((c) => sameName(c.subject, current.issuer) && c !== current);
    let issuer: pkijs.Certificate | undefined;
    for (const candidate of candidates) {
      if (await signedBy(current, candidate)) {
        issuer = candidate;
        break;
      }
    }
    if (!issuer) {
      if (isSelfIssued(current))
        return result("unknown-issuer", path, problems, "Self-signed root is not trusted");
      return result("unknown-issuer", path, problems, "Issuer certificate not found among trusted roots");
    }
    const usage = keyUsageOf(issuer);
    if (!isCaCertificate(issuer) || (usage && !usage.includes("keyCertSign"))) {
      problems.push(`${describeName(issuer.subject).text} is not a certificate authority`);
    }
    if (fingerprint(issuer) === fingerprint(current)) {
      return result(
        trusted.has(fingerprint(issuer)) ? "trusted" : "unknown-issuer",
        path,
        problems,
        "Self-signed",
      );
    }
    path.push(issuer);
    current = issuer;
  }
  return result("invalid", path, [...problems, "Chain too long"], "");
}

function result(
  status: ChainStatus,
  path: pkijs.Certificate[],
  problems: string[],
  fallback: string,
): ChainResult {
  const effective: ChainStatus = status === "trusted" && problems.length > 0 ? "invalid" : status;
  return {
    status: effective,
    path: path.map((c) => describeName(c.subject).text),
    message: problems.length > 0 ? problems.join("; ") : fallback,
  };
}

export interface ParsedCertificate {
  der: Uint8Array;
  cert: pkijs.Certificate;
  info: CertificateInfo;
}

/** One certificate from PEM text or base64 DER; CERTIFICATE_INVALID otherwise. */
export function parseCertificateText(text: string): ParsedCertificate {
  const trimmed = text.trim();
  let der: Uint8Array | undefined;
  if (trimmed.includes("-----BEGIN CERTIFICATE-----")) {
    const blocks = pemToDer(trimmed);
    if (blocks.length !== 1) {
      throw new AppError("CERTIFICATE_INVALID", { details: { certificates: blocks.length, expected: 1 } });
    }
    der = blocks[0];
  } else if (/^[A-Za-z0-9+/\s]+={0,2}\s*$/.test(trimmed)) {
    der = new Uint8Array(Buffer.from(trimmed.replace(/\s/g, ""), "base64"));
  }
  if (!der || der.length === 0) throw new AppError("CERTIFICATE_INVALID");
  return parseCertificateDer(der);
}

export function parseCertificateDer(der: Uint8Array): ParsedCertificate {
  try {
    const cert = certificateFromDer(der);
    return { der, cert, info: describeCertificate(cert) };
  } catch {
    throw new AppError("CERTIFICATE_INVALID");
  }
}

export function keyTypeOfCertificate(cert: pkijs.Certificate): KeyType {
  try {
    return keyTypeOf(publicKeyOf(cert));
  } catch {
    throw new AppError("KEY_UNSUPPORTED");
  }
}

export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("base64");
}

export function fromBase64(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, "base64"));
}
