/**
 * A throwaway PKI for demos and tests: a root CA, an agency seal certificate, officials' certificates and a
 * timestamping certificate, as PEM and PKCS#12. Every certificate carries TEST_PKI_MARKER in its subject's
 * OU so configuration can refuse these roots outside demo mode (see isTestPkiCertificate).
 */
import { createPublicKey, generateKeyPairSync, type KeyObject, randomBytes } from "node:crypto";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { certificateFromDer, derOf, digest, OID, parseAsn1, toArrayBuffer } from "./asn1.ts";
import { describeName, type KeyUsage } from "./certs.ts";
import { type KeyType, keyTypeOf } from "./key-algorithms.ts";
import { writePkcs12 } from "./pkcs12.ts";

export const TEST_PKI_MARKER = "motcua TEST PKI - not for production";

export interface SubjectSpec {
  commonName: string;
  organization?: string;
  organizationalUnit?: string;
  title?: string;
  locality?: string;
  state?: string;
  country?: string;
  /** e.g. "CCCD:001234567890", as Vietnamese CAs put it in UID. */
  userId?: string;
}

export interface IssuedCertificate {
  certificate: Uint8Array;
  privateKey: KeyObject;
}

export interface IssueOptions {
  subject: SubjectSpec;
  /** Omit for a self-signed certificate. */
  issuer?: IssuedCertificate;
  keyType?: KeyType;
  notBefore?: Date;
  notAfter?: Date;
  isCa?: boolean;
  /** Empty array: no keyUsage extension at all. */
  keyUsage?: KeyUsage[];
  extendedKeyUsage?: string[];
}

const KEY_USAGE_BIT: Record<KeyUsage, number> = {
  digitalSignature: 0,
  nonRepudiation: 1,
  keyEncipherment: 2,
  dataEncipherment: 3,
  keyAgreement: 4,
  keyCertSign: 5,
  cRLSign: 6,
  encipherOnly: 7,
  decipherOnly: 8,
};

function keyUsageBits(usages: KeyUsage[]): asn1js.BitString {
  const highest = Math.max(...usages.map((u) => KEY_USAGE_BIT[u]));
  const bytes = new Uint8Array(Math.floor(highest / 8) + 1);
  for (const usage of usages) {
    const bit = KEY_USAGE_BIT[usage];
    bytes[bit >> 3] |= 0x80 >> (bit & 7);
  }
  return new asn1js.BitString({ valueHex: toArrayBuffer(bytes), unusedBits: 7 - (highest % 8) });
}

function name(subject: SubjectSpec): pkijs.RelativeDistinguishedNames {
  const utf8 = (value: string) => new asn1js.Utf8String({ value });
  const entries: [string, pkijs.AttributeValueType | undefined][] = [
    [
      OID.country,
      subject.country === undefined ? undefined : new asn1js.PrintableString({ value: subject.country }),
    ],
    [OID.state, subject.state === undefined ? undefined : utf8(subject.state)],
    [OID.locality, subject.locality === undefined ? undefined : utf8(subject.locality)],
    [OID.organization, subject.organization === undefined ? undefined : utf8(subject.organization)],
    [
      OID.organizationalUnit,
      subject.organizationalUnit === undefined ? undefined : utf8(subject.organizationalUnit),
    ],
    [OID.title, subject.title === undefined ? undefined : utf8(subject.title)],
    [OID.userId, subject.userId === undefined ? undefined : utf8(subject.userId)],
    [OID.commonName, utf8(subject.commonName)],
  ];
  // One attribute per RDN (pkijs would put them all in one multi-valued RDN).
  const rdns = entries
    .filter((entry): entry is [string, pkijs.AttributeValueType] => entry[1] !== undefined)
    .map(
      ([type, value]) =>
        new asn1js.Set({ value: [new pkijs.AttributeTypeAndValue({ type, value }).toSchema()] }),
    );
  return new pkijs.RelativeDistinguishedNames({
    schema: parseAsn1(derOf(new asn1js.Sequence({ value: rdns }))),
  });
}

function time(date: Date): pkijs.Time {
  return new pkijs.Time({ type: date.getUTCFullYear() >= 2050 ? 1 : 0, value: date });
}

function extension(extnID: string, critical: boolean, value: asn1js.BaseBlock): pkijs.Extension {
  return new pkijs.Extension({ extnID, critical, extnValue: value.toBER(false) });
}

function generateKey(type: KeyType): { privateKey: KeyObject; publicKey: KeyObject } {
  return type === "RSA"
    ? generateKeyPairSync("rsa", { modulusLength: 2048 })
    : generateKeyPairSync("ec", { namedCurve: "P-256" });
}

function webCryptoKey(key: KeyObject): CryptoKey {
  return keyTypeOf(key) === "RSA"
    ? key.toCryptoKey({ name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, false, ["sign"])
    : key.toCryptoKey(
        {
          name: "ECDSA",
          namedCurve: key.asymmetricKeyDetails?.namedCurve === "secp384r1" ? "P-384" : "P-256",
        },
        false,
        ["sign"],
      );
}

function keyIdentifier(key: KeyObject): Uint8Array {
  const spki = new pkijs.PublicKeyInfo({
    schema: parseAsn1(
      new Uint8Array(
        (key.type === "public" ? key : createPublicKey(key)).export({ format: "der", type: "spki" }),
      ),
    ),
  });
  return digest("sha1", new Uint8Array(spki.subjectPublicKey.valueBlock.valueHexView));
}

/**
 * 16 random bytes as a positive serial number (RFC 5280 §4.1.2.2: positive, at most 20 octets) in minimal DER
 * (X.690 §8.3.2: the first nine bits are neither all zero nor all one). The top bit is cleared for "positive"
 * and the next one set so that a leading zero byte, which DER forbids and OpenSSL refuses, cannot occur.
 */
export function randomSerialNumber(): Uint8Array {
  const serial = randomBytes(16);
  serial[0] = ((serial[0] ?? 0) & 0x3f) | 0x40;
  return serial;
}

/** Issues one certificate (RSA-2048 or P-256 key, SHA-256 signature). */
export async function issueCertificate(options: IssueOptions): Promise<IssuedCertificate> {
  const keys = generateKey(options.keyType ?? "RSA");
  const now = new Date();
  const notBefore = options.notBefore ?? new Date(now.getTime() - 60 * 60 * 1000);
  const notAfter = options.notAfter ?? new Date(notBefore.getTime() + 3 * 365 * 24 * 3600 * 1000);
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ valueHex: toArrayBuffer(randomSerialNumber()) });
  cert.subject = name(options.subject);
  const issuerCert = options.issuer ? certificateFromDer(options.issuer.certificate) : undefined;
  cert.issuer = issuerCert ? issuerCert.subject : cert.subject;
  cert.notBefore = time(notBefore);
  cert.notAfter = time(notAfter);
  cert.subjectPublicKeyInfo = new pkijs.PublicKeyInfo({
    schema: parseAsn1(new Uint8Array(keys.publicKey.export({ format: "der", type: "spki" }))),
  });
  const ski = keyIdentifier(keys.publicKey);
  const aki = options.issuer ? keyIdentifier(options.issuer.privateKey) : ski;
  const extensions = [
    extension(
      OID.basicConstraints,
      true,
      new pkijs.BasicConstraints({ cA: options.isCa ?? false }).toSchema(),
    ),
    extension(OID.subjectKeyIdentifier, false, new asn1js.OctetString({ valueHex: toArrayBuffer(ski) })),
    extension(
      OID.authorityKeyIdentifier,
      false,
      new pkijs.AuthorityKeyIdentifier({
        keyIdentifier: new asn1js.OctetString({ valueHex: toArrayBuffer(aki) }),
      }).toSchema(),
    ),
  ];
  const usage =
    options.keyUsage ?? (options.isCa ? ["keyCertSign", "cRLSign"] : ["digitalSignature", "nonRepudiation"]);
  if (usage.length > 0) extensions.push(extension(OID.keyUsage, true, keyUsageBits(usage)));
  if (options.extendedKeyUsage?.length) {
    extensions.push(
      extension(
        OID.extKeyUsage,
        true,
        new pkijs.ExtKeyUsage({ keyPurposes: options.extendedKeyUsage }).toSchema(),
      ),
    );
  }
  cert.extensions = extensions;
  await cert.sign(webCryptoKey(options.issuer?.privateKey ?? keys.privateKey), "SHA-256");
  return { certificate: derOf(cert), privateKey: keys.privateKey };
}

export interface TestIdentity extends IssuedCertificate {
  /** Common name on the certificate. */
  name: string;
  title?: string;
  p12: Uint8Array;
}

export interface TestPki {
  root: IssuedCertificate;
  agency: TestIdentity;
  officials: TestIdentity[];
  tsa: IssuedCertificate;
  password: string;
}

export interface TestPkiOptions {
  agencyName?: string;
  province?: string;
  officials?: { name: string; title: string }[];
  password?: string;
  keyType?: KeyType;
}

export const DEFAULT_OFFICIALS = [
  { name: "Nguyễn Văn An", title: "Chủ tịch" },
  { name: "Trần Thị Bình", title: "Phó Chủ tịch" },
];

/** Makes the whole test PKI in memory (about half a second: six RSA keys). */
export async function createTestPki(options: TestPkiOptions = {}): Promise<TestPki> {
  const agencyName = options.agencyName ?? "UBND xã Quang Thuận";
  const province = options.province ?? "Hà Nội";
  const password = options.password ?? "motcua-demo";
  const keyType = options.keyType ?? "RSA";
  const now = Date.now();
  const root = await issueCertificate({
    subject: {
      commonName: "motcua Test Root CA",
      organization: "motcua",
      organizationalUnit: TEST_PKI_MARKER,
      country: "VN",
    },
    isCa: true,
    notBefore: new Date(now - 24 * 3600 * 1000),
    notAfter: new Date(now + 20 * 365 * 24 * 3600 * 1000),
  });
  const p12 = (issued: IssuedCertificate, friendlyName: string) =>
    writePkcs12({ ...issued, chain: [root.certificate], password, friendlyName });
  const agencyCert = await issueCertificate({
    issuer: root,
    keyType,
    subject: {
      commonName: agencyName,
      organization: agencyName,
      organizationalUnit: TEST_PKI_MARKER,
      state: province,
      country: "VN",
    },
  });
  const agency: TestIdentity = { ...agencyCert, name: agencyName, p12: p12(agencyCert, agencyName) };
  const officials: TestIdentity[] = [];
  for (const [index, official] of (options.officials ?? DEFAULT_OFFICIALS).entries()) {
    const issued = await issueCertificate({
      issuer: root,
      keyType,
      subject: {
        commonName: official.name,
        title: official.title,
        organization: agencyName,
        organizationalUnit: TEST_PKI_MARKER,
        state: province,
        country: "VN",
        userId: `CCCD:0010990000${String(index + 1).padStart(2, "0")}`,
      },
    });
    officials.push({
      ...issued,
      name: official.name,
      title: official.title,
      p12: p12(issued, official.name),
    });
  }
  const tsa = await issueCertificate({
    issuer: root,
    subject: {
      commonName: "motcua Test TSA",
      organization: "motcua",
      organizationalUnit: TEST_PKI_MARKER,
      country: "VN",
    },
    keyUsage: ["digitalSignature"],
    extendedKeyUsage: [OID.kpTimeStamping],
  });
  return { root, agency, officials, tsa, password };
}

export function isTestPkiCertificate(der: Uint8Array): boolean {
  const cert = certificateFromDer(der);
  return [cert.subject, cert.issuer].some((n) => describeName(n).text.includes(TEST_PKI_MARKER));
}
