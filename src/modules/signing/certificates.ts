/** Certificates arriving over HTTP (PEM text or base64 DER): parsed once, described for the tables. */
import type * as pkijs from "pkijs";
import { AppError } from "../../errors.ts";
import { certificateFromDer, pemToDer } from "./asn1.ts";
import { type CertificateInfo, describeCertificate, publicKeyOf } from "./certs.ts";
import { type KeyType, keyTypeOf } from "./key-algorithms.ts";

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
