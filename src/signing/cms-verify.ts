/**
 * Checks one CMS SignedData (first signer) against its detached content, with pkijs doing the parsing and
 * the public-key verification: the content digest against message-digest, then the signature over the
 * signed attributes (or over the content when there are none, as `openssl cms -noattr` makes).
 */
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { derOf, digest, equalBytes, type HashName, hashFromOid, OID, octets, toArrayBuffer } from "./asn1.ts";
import { attributeValue } from "./cms.ts";

export interface CmsCheck {
  hash?: HashName;
  digestMatches: boolean;
  signatureValid: boolean;
  signer?: pkijs.Certificate;
  certificates: pkijs.Certificate[];
  /** signing-time signed attribute, if present (a claim of the signer). */
  signingTime?: Date;
  /** RFC 3161 token in the unsigned attributes (signature timestamp). */
  timestampToken?: Uint8Array;
  /** The signature value, for checking a timestamp's imprint. */
  signatureValue: Uint8Array;
  hasSigningCertificateV2: boolean;
  problems: string[];
}

const WEBCRYPTO_HASH: Record<HashName, string> = {
  sha1: "SHA-1",
  sha256: "SHA-256",
  sha384: "SHA-384",
  sha512: "SHA-512",
};

function certificatesOf(signedData: pkijs.SignedData): pkijs.Certificate[] {
  return (signedData.certificates ?? []).filter(
    (c): c is pkijs.Certificate => c instanceof pkijs.Certificate,
  );
}

function findSigner(signerInfo: pkijs.SignerInfo, certs: pkijs.Certificate[]): pkijs.Certificate | undefined {
  const sid = signerInfo.sid;
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    return certs.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber));
  }
  if (sid instanceof asn1js.Constructed || sid instanceof asn1js.Primitive) {
    const keyId = octets(sid);
    return certs.find((c) => {
      const ski = c.extensions?.find((e) => e.extnID === OID.subjectKeyIdentifier);
      if (!ski) return false;
      const parsed = asn1js.fromBER(ski.extnValue.valueBlock.valueHexView).result;
      return (
        parsed instanceof asn1js.OctetString &&
        equalBytes(new Uint8Array(parsed.valueBlock.valueHexView), keyId)
      );
    });
  }
  return undefined;
}

export interface DetachedContent {
  /** Digest of the content with the given algorithm. */
  digest(hash: HashName): Uint8Array;
  /** The content itself, needed only when the CMS has no signed attributes. */
  bytes(): Uint8Array;
}

/**
 * `encapsulated` says what an encapsulated content is: "document-sha1" (adbe.pkcs7.sha1, must be the SHA-1
 * of the detached content) or "self" (a timestamp token's TSTInfo, signed for itself).
 */
export async function checkCms(
  signedData: pkijs.SignedData,
  content: DetachedContent,
  encapsulated: "document-sha1" | "self" = "document-sha1",
): Promise<CmsCheck> {
  const problems: string[] = [];
  const certificates = certificatesOf(signedData);
  const signerInfo = signedData.signerInfos[0];
  const empty: CmsCheck = {
    digestMatches: false,
    signatureValid: false,
    certificates,
    signatureValue: new Uint8Array(0),
    hasSigningCertificateV2: false,
    problems,
  };
  if (!signerInfo) return { ...empty, problems: ["CMS has no SignerInfo"] };
  if (signedData.signerInfos.length > 1)
    problems.push("CMS has more than one SignerInfo; the first is checked");
  const hash = hashFromOid(signerInfo.digestAlgorithm.algorithmId);
  const signatureValue = new Uint8Array(signerInfo.signature.valueBlock.valueHexView);
  const signer = findSigner(signerInfo, certificates);
  const base = { ...empty, hash, signer, signatureValue };
  if (!hash) return { ...base, problems: [`Unsupported digest ${signerInfo.digestAlgorithm.algorithmId}`] };
  if (!signer) problems.push("Signer certificate is not in the CMS");

  const timestamp = attributeValue(signerInfo.unsignedAttrs, OID.signatureTimeStampToken);
  const timestampToken = timestamp ? derOf(timestamp) : undefined;
  const signed = signerInfo.signedAttrs;
  // Detached (adbe.pkcs7.detached, ETSI.CAdES.detached): the signed content is the byte ranges. With
  // adbe.pkcs7.sha1 the CMS encapsulates the SHA-1 of the byte ranges and signs that instead.
  const eContent = signedData.encapContentInfo.eContent;
  const inner = eContent ? octets(eContent) : undefined;
  let bound = true;
  if (inner && encapsulated === "document-sha1" && !equalBytes(inner, content.digest("sha1"))) {
    bound = false;
    problems.push("Encapsulated digest does not match the document");
  }
  let digestMatches = bound;
  let signedBytes: Uint8Array;
  let signingTime: Date | undefined;
  if (signed) {
    const messageDigest = attributeValue(signed, OID.messageDigest);
    const expected = inner ? digest(hash, inner) : content.digest(hash);
    digestMatches = bound && messageDigest !== undefined && equalBytes(octets(messageDigest), expected);
    if (!digestMatches) problems.push("Document digest does not match the signed message-digest");
    signedBytes = derOf(signed.toSchema());
    signedBytes[0] = 0x31;
    const time = attributeValue(signed, OID.signingTime);
    if (time instanceof asn1js.UTCTime || time instanceof asn1js.GeneralizedTime) signingTime = time.toDate();
  } else {
    signedBytes = inner ?? content.bytes();
  }
  let signatureValid = false;
  if (signer) {
    try {
      signatureValid = await pkijs
        .getCrypto(true)
        .verifyWithPublicKey(
          toArrayBuffer(signedBytes),
          signerInfo.signature,
          signer.subjectPublicKeyInfo,
          signerInfo.signatureAlgorithm,
          WEBCRYPTO_HASH[hash],
        );
    } catch (error) {
      problems.push(`Signature check failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!signatureValid) problems.push("Signature value does not verify with the signer's public key");
  }
  return {
    hash,
    digestMatches,
    signatureValid,
    signer,
    certificates,
    signingTime,
    timestampToken,
    signatureValue,
    hasSigningCertificateV2: attributeValue(signed, OID.signingCertificateV2) !== undefined,
    problems,
  };
}
