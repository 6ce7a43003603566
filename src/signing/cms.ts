/**
 * CMS SignedData for CAdES (ETSI EN 319 122-1) as PAdES baseline wants it: detached content, signed
 * attributes content-type, message-digest, ESS signing-certificate-v2 and CMS algorithm protection, and no
 * signing-time attribute (PAdES puts the claimed time in the signature dictionary's /M instead). The same
 * builder makes RFC 3161 timestamp tokens (encapsulated TSTInfo) for the local TSA.
 */
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import {
  certificateDer,
  certificateFromDer,
  derOf,
  digest,
  type HashName,
  hashOid,
  OID,
  parseAsn1,
  toArrayBuffer,
} from "./asn1.ts";
import { type KeyType, signatureAlgorithmOid } from "./key-algorithms.ts";

function algorithm(oid: string, withNullParams = false): pkijs.AlgorithmIdentifier {
  return new pkijs.AlgorithmIdentifier(
    withNullParams ? { algorithmId: oid, algorithmParams: new asn1js.Null() } : { algorithmId: oid },
  );
}

function signatureAlgorithm(keyType: KeyType, hash: HashName): pkijs.AlgorithmIdentifier {
  return algorithm(signatureAlgorithmOid(keyType, hash), keyType === "RSA");
}

function signingCertificateV2(cert: pkijs.Certificate, hash: HashName): pkijs.Attribute {
  const parts: asn1js.BaseBlock[] = [];
  if (hash !== "sha256") parts.push(algorithm(hashOid(hash)).toSchema());
  parts.push(new asn1js.OctetString({ valueHex: toArrayBuffer(digest(hash, certificateDer(cert))) }));
  parts.push(
    new pkijs.IssuerSerial({
      issuer: new pkijs.GeneralNames({ names: [new pkijs.GeneralName({ type: 4, value: cert.issuer })] }),
      serialNumber: cert.serialNumber,
    }).toSchema(),
  );
  const essCertIdV2 = new asn1js.Sequence({ value: parts });
  return new pkijs.Attribute({
    type: OID.signingCertificateV2,
    values: [new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] })],
  });
}

function algorithmProtection(keyType: KeyType, hash: HashName): pkijs.Attribute {
  const signatureAlg = signatureAlgorithm(keyType, hash).toSchema();
  const tagged = new asn1js.Constructed({
    idBlock: { tagClass: 3, tagNumber: 1 },
    value: signatureAlg.valueBlock.value,
  });
  return new pkijs.Attribute({
    type: OID.cmsAlgorithmProtection,
    values: [new asn1js.Sequence({ value: [algorithm(hashOid(hash)).toSchema(), tagged] })],
  });
}

/** DER SET OF requires the elements sorted by their encodings. */
function sortAttributes(attributes: pkijs.Attribute[]): pkijs.Attribute[] {
  const encoded = attributes.map((attribute) => ({ attribute, der: Buffer.from(derOf(attribute)) }));
  encoded.sort((a, b) => Buffer.compare(a.der, b.der));
  return encoded.map((e) => e.attribute);
}

export interface SignedAttributesInput {
  /** Digest of the detached content (the PDF byte ranges) or of the encapsulated content. */
  contentDigest: Uint8Array;
  hash: HashName;
  certificate: Uint8Array;
  keyType: KeyType;
  contentType?: string;
  /** Only for non-PAdES uses (adbe.pkcs7.detached, tests); PAdES B-B leaves it out. */
  signingTime?: Date;
}

export interface SignedAttributes {
  attributes: pkijs.Attribute[];
  /** The DER that is actually signed: the attributes as an explicit SET OF (tag 0x31). */
  der: Uint8Array;
}

export function buildSignedAttributes(input: SignedAttributesInput): SignedAttributes {
  const cert = certificateFromDer(input.certificate);
  const attributes: pkijs.Attribute[] = [
    new pkijs.Attribute({
      type: OID.contentType,
      values: [new asn1js.ObjectIdentifier({ value: input.contentType ?? OID.data })],
    }),
    new pkijs.Attribute({
      type: OID.messageDigest,
      values: [new asn1js.OctetString({ valueHex: toArrayBuffer(input.contentDigest) })],
    }),
    signingCertificateV2(cert, input.hash),
    algorithmProtection(input.keyType, input.hash),
  ];
  if (input.signingTime) {
    attributes.push(
      new pkijs.Attribute({
        type: OID.signingTime,
        values: [new asn1js.UTCTime({ valueDate: input.signingTime })],
      }),
    );
  }
  const sorted = sortAttributes(attributes);
  const der = derOf(new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: sorted }).toSchema());
  der[0] = 0x31;
  return { attributes: sorted, der };
}

export interface SignedDataInput {
  signedAttributes: SignedAttributes;
  signature: Uint8Array;
  hash: HashName;
  keyType: KeyType;
  certificate: Uint8Array;
  /** Further certificates to include (chain); the signer's is always included first. */
  chain?: Uint8Array[];
  contentType?: string;
  /** Encapsulated content (timestamp tokens); omit for detached signatures. */
  content?: Uint8Array;
  unsignedAttributes?: pkijs.Attribute[];
}

/** Assembles ContentInfo(SignedData) DER. */
export function buildSignedData(input: SignedDataInput): Uint8Array {
  const cert = certificateFromDer(input.certificate);
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
    digestAlgorithm: algorithm(hashOid(input.hash)),
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({
      type: 0,
      attributes: input.signedAttributes.attributes,
    }),
    signatureAlgorithm: signatureAlgorithm(input.keyType, input.hash),
    signature: new asn1js.OctetString({ valueHex: toArrayBuffer(input.signature) }),
  });
  if (input.unsignedAttributes?.length) {
    signerInfo.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 1,
      attributes: input.unsignedAttributes,
    });
  }
  const signedData = new pkijs.SignedData({
    version: input.content ? 3 : 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType: input.contentType ?? OID.data,
      ...(input.content
        ? { eContent: new asn1js.OctetString({ valueHex: toArrayBuffer(input.content) }) }
        : {}),
    }),
    digestAlgorithms: [algorithm(hashOid(input.hash))],
    certificates: [cert, ...(input.chain ?? []).map(certificateFromDer)],
    signerInfos: [signerInfo],
  });
  return derOf(new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) }));
}

/** The unsigned attribute that carries an RFC 3161 token over the signature value (PAdES B-T). */
export function signatureTimestampAttribute(token: Uint8Array): pkijs.Attribute {
  return new pkijs.Attribute({ type: OID.signatureTimeStampToken, values: [parseAsn1(token)] });
}

/** Parses ContentInfo(SignedData); throws on anything else. */
export function parseSignedData(der: Uint8Array): pkijs.SignedData {
  const info = new pkijs.ContentInfo({ schema: parseAsn1(der, { allowTrailing: true }) });
  if (info.contentType !== OID.signedData) throw new Error(`Not SignedData: ${info.contentType}`);
  return new pkijs.SignedData({ schema: info.content });
}

/** The first value of a signed or unsigned attribute, if present. */
export function attributeValue(
  attributes: pkijs.SignedAndUnsignedAttributes | undefined,
  type: string,
): asn1js.BaseBlock | undefined {
  const found = attributes?.attributes.find((a) => a.type === type);
  const value: unknown = found?.values[0];
  return value instanceof asn1js.BaseBlock ? value : undefined;
}
