/**
 * PAdES baseline signatures (B-B, or B-T with a timestamp authority) appended to a PDF as an incremental
 * update written by @libpdf/core, so earlier signatures stay valid. The visible appearance is the widget of
 * the signature field itself (/AP /N), so readers show the signature panel when it is clicked.
 *
 * Flow: prepareSignature() writes the field, the signature dictionary with placeholders and the
 * appearance, fixes /ByteRange and builds the CAdES signed attributes; a signer signs their digest;
 * completeSignature() assembles the CMS (adding the timestamp) and fills /Contents. sign() does all three.
 */
import { PdfDict, PdfName, PdfNumber, PdfString } from "@libpdf/core";
import * as pkijs from "pkijs";
import { AppError } from "../errors.ts";
import {
  type AppearanceOptions,
  type AppearanceStamp,
  appearanceDict,
  buildAppearance,
  pdfDate,
  placeAppearance,
  rectArray,
} from "./appearance.ts";
import {
  certificateDer,
  certificateFromDer,
  children,
  digest,
  equalBytes,
  type HashName,
  parseAsn1,
  sha256Hex,
} from "./asn1.ts";
import { assertUsableForSigning, type CertificateInfo, describeCertificate, publicKeyOf } from "./certs.ts";
import {
  buildSignedAttributes,
  buildSignedData,
  parseSignedData,
  signatureTimestampAttribute,
} from "./cms.ts";
import { checkCms } from "./cms-verify.ts";
import {
  credentialSigner,
  type DocumentSigner,
  isCmsSigner,
  type SigningRequest,
} from "./external-signer.ts";
import { type KeyType, verifyData } from "./key-algorithms.ts";
import type { SigningCredential } from "./keys.ts";
import {
  byteRangePlaceholder,
  contentsPlaceholder,
  findPlaceholders,
  type Placeholders,
  patchByteRange,
  patchContents,
} from "./placeholder.ts";
import { addToAcroForm, addToAnnots, chooseFieldName, hasSignatures, loadPdf } from "./signature-field.ts";
import type { TimestampAuthority } from "./tsa.ts";

export interface SignOptions {
  /** A credential loaded from PKCS#12 (signs in process) or an external signer. */
  signer: SigningCredential | DocumentSigner;
  reason?: string;
  location?: string;
  contactInfo?: string;
  /** Visible appearance (default: the signer block); false for an invisible signature. */
  appearance?: AppearanceOptions | false;
  fieldName?: string;
  /** Claimed signing time, written to /M (default now). */
  signingTime?: Date;
  /** Adds an RFC 3161 signature timestamp (PAdES B-T). */
  timestampAuthority?: TimestampAuthority;
  hash?: Exclude<HashName, "sha1">;
  /**
   * Text drawn in this signature's widget, on the same page as its appearance: the number and date the clerk
   * stamps before the agency's signature (NĐ 30/2020 Điều 18). Part of the signature's own annotation, it is
   * covered by this signature and leaves earlier signatures valid (a change to the page content would not).
   */
  stamps?: AppearanceStamp[];
}

export interface SignResult {
  pdf: Uint8Array;
  /** Hex SHA-256 of the input and of the output, for the audit event. */
  sha256Before: string;
  sha256After: string;
  fieldName: string;
  signingTime: Date;
  signer: CertificateInfo;
  byteRange: [number, number, number, number];
  level: "B-B" | "B-T";
}

export interface PreparedSignature {
  /** The PDF with /ByteRange fixed and /Contents still zero. */
  pdf: Uint8Array;
  placeholders: Placeholders;
  byteRange: [number, number, number, number];
  hash: HashName;
  /** Digest of the byte ranges. */
  documentDigest: Uint8Array;
  certificate: Uint8Array;
  chain: Uint8Array[];
  /** For digest signers: what to sign. Absent for CMS signers. */
  request?: SigningRequest;
  keyType?: KeyType;
  fieldName: string;
  signingTime: Date;
  sha256Before: string;
}

export interface PrepareOptions extends Omit<SignOptions, "signer" | "timestampAuthority"> {
  certificate: Uint8Array;
  chain?: Uint8Array[];
  /** Needed to build signed attributes for a digest signer; omit for CMS signers. */
  keyType?: KeyType;
  /** Bytes reserved for the CMS in /Contents. */
  reserve?: number;
}

function asDocumentSigner(signer: SigningCredential | DocumentSigner): DocumentSigner {
  return "privateKey" in signer ? credentialSigner(signer) : signer;
}

function estimateReserve(options: PrepareOptions, withTimestamp: boolean): number {
  if (options.reserve) return options.reserve;
  const certs = [options.certificate, ...(options.chain ?? [])].reduce((n, c) => n + c.length, 0);
  return Math.max(8192, 3072 + certs + (withTimestamp ? 12288 : 0));
}

function rangeDigest(pdf: Uint8Array, range: readonly number[], hash: HashName): Uint8Array {
  return digest(
    hash,
    pdf.subarray(range[0], range[0] + range[1]),
    pdf.subarray(range[2], range[2] + range[3]),
  );
}

/** Writes the signature field and placeholders; see the module comment. */
export async function prepareSignature(
  input: Uint8Array,
  options: PrepareOptions,
  withTimestamp = false,
): Promise<PreparedSignature> {
  const sha256Before = sha256Hex(input);
  const hash = options.hash ?? "sha256";
  const signingTime = options.signingTime ?? new Date();
  const cert = certificateFromDer(options.certificate);
  const info = describeCertificate(cert);
  const pdf = await loadPdf(input);
  const wasSigned = hasSignatures(pdf);
  const appearance = options.appearance === false ? undefined : (options.appearance ?? {});
  const kind = appearance ? (appearance.kind ?? "signer") : "invisible";
  const fieldName = chooseFieldName(pdf, kind, options.fieldName);
  if (!appearance && options.stamps?.length) {
    throw new AppError("PAGE_OUT_OF_RANGE", { en: "Stamps need a visible signature on their page" });
  }

  const widget = PdfDict.of({
    FT: PdfName.of("Sig"),
    T: PdfString.fromString(fieldName),
    Type: PdfName.of("Annot"),
    Subtype: PdfName.of("Widget"),
    F: PdfNumber.of(132), // Print | Locked
  });
  let pageIndex = 0;
  if (appearance) {
    const placed = placeAppearance(pdf, appearance);
    pageIndex = placed.pageIndex;
    const ap = await buildAppearance(
      pdf,
      appearance.kind ?? "signer",
      placed.rect,
      {
        signerName: appearance.signerName ?? info.subject.commonName ?? info.subject.text,
        organization: appearance.organization ?? info.subject.organization ?? info.subject.commonName ?? "",
        position: appearance.position ?? info.subject.title,
        authority: appearance.authority,
        documentNumber: appearance.documentNumber,
        time: signingTime,
      },
      appearance.image,
      options.stamps,
    );
    widget.set("Rect", rectArray(ap.rect));
    widget.set("AP", appearanceDict(ap.ref));
  } else {
    widget.set("Rect", rectArray({ x: 0, y: 0, width: 0, height: 0 }));
  }
  const page = pdf.getPage(pageIndex);
  if (!page) throw new AppError("PAGE_OUT_OF_RANGE", { details: { page: pageIndex } });
  widget.set("P", page.ref);

  const reserve = estimateReserve(options, withTimestamp);
  const signature = PdfDict.of({
    Type: PdfName.of("Sig"),
    Filter: PdfName.of("Adobe.PPKLite"),
    SubFilter: PdfName.of("ETSI.CAdES.detached"),
    ByteRange: byteRangePlaceholder(),
    Contents: contentsPlaceholder(reserve),
    M: PdfString.fromString(pdfDate(signingTime)),
    Prop_Build: PdfDict.of({ App: PdfDict.of({ Name: PdfName.of("motcua") }) }),
  });
  if (info.subject.commonName) signature.set("Name", PdfString.fromString(info.subject.commonName));
  if (options.reason) signature.set("Reason", PdfString.fromString(options.reason));
  if (options.location) signature.set("Location", PdfString.fromString(options.location));
  if (options.contactInfo) signature.set("ContactInfo", PdfString.fromString(options.contactInfo));
  widget.set("V", pdf.register(signature));
  const widgetRef = pdf.register(widget);
  addToAnnots(pdf, page.dict, widgetRef);
  addToAcroForm(pdf, widgetRef);

  const saved = await pdf.save({ incremental: true });
  const appended = saved.length > input.length && Buffer.from(saved.subarray(0, input.length)).equals(input);
  if (!appended && wasSigned) throw new AppError("PDF_NOT_INCREMENTAL");
  const output = new Uint8Array(saved);
  const placeholders = findPlaceholders(output, appended ? input.length : 0, reserve);
  const byteRange = patchByteRange(output, placeholders);
  const documentDigest = rangeDigest(output, byteRange, hash);
  const prepared: PreparedSignature = {
    pdf: output,
    placeholders,
    byteRange,
    hash,
    documentDigest,
    certificate: options.certificate,
    chain: options.chain ?? [],
    keyType: options.keyType,
    fieldName,
    signingTime,
    sha256Before,
  };
  if (options.keyType) {
    const attributes = buildSignedAttributes({
      contentDigest: documentDigest,
      hash,
      certificate: options.certificate,
      keyType: options.keyType,
    });
    prepared.request = { hash, digest: digest(hash, attributes.der), signedAttributes: attributes.der };
  }
  return prepared;
}

function finish(prepared: PreparedSignature, cms: Uint8Array, level: SignResult["level"]): SignResult {
  const pdf = new Uint8Array(prepared.pdf);
  patchContents(pdf, prepared.placeholders, cms);
  return {
    pdf,
    sha256Before: prepared.sha256Before,
    sha256After: sha256Hex(pdf),
    fieldName: prepared.fieldName,
    signingTime: prepared.signingTime,
    signer: describeCertificate(certificateFromDer(prepared.certificate)),
    byteRange: prepared.byteRange,
    level,
  };
}

function attributesFromDer(der: Uint8Array): pkijs.Attribute[] {
  return children(parseAsn1(der)).map((node) => new pkijs.Attribute({ schema: node }));
}

/** Completes a digest-signer signature: checks the raw signature, adds the timestamp, fills /Contents. */
export async function completeSignature(
  prepared: PreparedSignature,
  signatureValue: Uint8Array,
  timestampAuthority?: TimestampAuthority,
): Promise<SignResult> {
  if (!prepared.request || !prepared.keyType) {
    throw new AppError("SIGNATURE_MISMATCH", { en: "This signature was prepared for a CMS signer" });
  }
  const publicKey = publicKeyOf(certificateFromDer(prepared.certificate));
  if (!verifyData(publicKey, prepared.hash, prepared.request.signedAttributes, signatureValue)) {
    throw new AppError("SIGNATURE_MISMATCH");
  }
  const unsignedAttributes = timestampAuthority
    ? [
        signatureTimestampAttribute(
          await timestampAuthority.timestamp(digest(prepared.hash, signatureValue), prepared.hash),
        ),
      ]
    : [];
  const der = prepared.request.signedAttributes;
  const cms = buildSignedData({
    signedAttributes: { attributes: attributesFromDer(der), der },
    signature: signatureValue,
    hash: prepared.hash,
    keyType: prepared.keyType,
    certificate: prepared.certificate,
    chain: prepared.chain,
    unsignedAttributes,
  });
  return finish(prepared, cms, timestampAuthority ? "B-T" : "B-B");
}

/** Completes with a CMS made by an outside provider, after checking it signs this document. */
export async function completeWithCms(prepared: PreparedSignature, cms: Uint8Array): Promise<SignResult> {
  let signedData: pkijs.SignedData;
  try {
    signedData = parseSignedData(cms);
  } catch (cause) {
    throw new AppError("CMS_INVALID", { cause });
  }
  const check = await checkCms(signedData, {
    digest: (hash) =>
      hash === prepared.hash ? prepared.documentDigest : rangeDigest(prepared.pdf, prepared.byteRange, hash),
    bytes: () => new Uint8Array(0),
  });
  const signerMatches =
    check.signer !== undefined && equalBytes(certificateDer(check.signer), prepared.certificate);
  if (!check.digestMatches || !check.signatureValid || !signerMatches) {
    throw new AppError("CMS_INVALID", { details: { problems: check.problems } });
  }
  return finish(prepared, cms, check.timestampToken ? "B-T" : "B-B");
}

/**
 * Signs a PDF. Refuses expired or not-yet-valid certificates and those without a signing key usage
 * (whoever holds the key), then returns the signed bytes with SHA-256 before and after for the audit log.
 */
export async function sign(input: Uint8Array, options: SignOptions): Promise<SignResult> {
  const signer = asDocumentSigner(options.signer);
  const signingTime = options.signingTime ?? new Date();
  assertUsableForSigning(certificateFromDer(signer.certificate), signingTime);
  if (isCmsSigner(signer)) {
    const prepared = await prepareSignature(input, {
      ...options,
      signingTime,
      certificate: signer.certificate,
      chain: signer.chain,
      reserve: signer.estimatedSize ?? 32768,
    });
    return completeWithCms(prepared, await signer.signDocumentDigest(prepared.documentDigest, prepared.hash));
  }
  const prepared = await prepareSignature(
    input,
    {
      ...options,
      signingTime,
      certificate: signer.certificate,
      chain: signer.chain,
      keyType: signer.keyType,
    },
    options.timestampAuthority !== undefined,
  );
  if (!prepared.request) throw new AppError("SIGNATURE_MISMATCH");
  const signature = await signer.signDigest(prepared.request);
  return completeSignature(prepared, signature, options.timestampAuthority);
}
