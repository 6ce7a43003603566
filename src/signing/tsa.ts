/**
 * RFC 3161 timestamps: the authority interface, the request and response encodings, and reading a timestamp
 * token back (imprint, time, TSA certificate, signature). The HTTP client is src/adapters/timestamp/http-tsa.ts.
 */
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { AppError } from "../errors.ts";
import {
  derOf,
  equalBytes,
  type HashName,
  hashFromOid,
  hashOid,
  OID,
  parseAsn1,
  toArrayBuffer,
  toBytes,
} from "./asn1.ts";
import { parseSignedData } from "./cms.ts";

/** A timestamp authority: digest in, DER TimeStampToken (ContentInfo SignedData over TSTInfo) out. */
export interface TimestampAuthority {
  timestamp(digest: Uint8Array, hash: HashName): Promise<Uint8Array>;
}

export function buildTimestampRequest(digest: Uint8Array, hash: HashName, nonce: Uint8Array): Uint8Array {
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: hashOid(hash) }),
      hashedMessage: new asn1js.OctetString({ valueHex: toArrayBuffer(digest) }),
    }),
    nonce: new asn1js.Integer({ valueHex: toArrayBuffer(nonce) }),
    certReq: true,
  });
  return derOf(request);
}

export interface TimestampInfo {
  genTime: Date;
  hash: HashName | undefined;
  imprint: Uint8Array;
  serialNumber: string;
  nonce?: Uint8Array;
  policy: string;
}

function integerBytes(value: asn1js.Integer): Uint8Array {
  return new Uint8Array(value.valueBlock.valueHexView);
}

export function readTimestampToken(token: Uint8Array): { signedData: pkijs.SignedData; info: TimestampInfo } {
  const signedData = parseSignedData(token);
  if (signedData.encapContentInfo.eContentType !== OID.tstInfo || !signedData.encapContentInfo.eContent) {
    throw new Error("Not a timestamp token");
  }
  const content = signedData.encapContentInfo.eContent;
  const tst = new pkijs.TSTInfo({ schema: parseAsn1(octetsOf(content)) });
  return {
    signedData,
    info: {
      genTime: tst.genTime,
      hash: hashFromOid(tst.messageImprint.hashAlgorithm.algorithmId),
      imprint: new Uint8Array(tst.messageImprint.hashedMessage.valueBlock.valueHexView),
      serialNumber: Buffer.from(integerBytes(tst.serialNumber)).toString("hex"),
      nonce: tst.nonce ? integerBytes(tst.nonce) : undefined,
      policy: tst.policy,
    },
  };
}

function octetsOf(node: asn1js.OctetString): Uint8Array {
  if (node.idBlock.isConstructed) {
    const parts = node.valueBlock.value.map((child) =>
      child instanceof asn1js.OctetString ? octetsOf(child) : new Uint8Array(0),
    );
    return toBytes(Buffer.concat(parts));
  }
  return new Uint8Array(node.valueBlock.valueHexView);
}

/** Checks a TimeStampResp and returns its token; TSA_FAILED on rejection, wrong imprint or wrong nonce. */
export function parseTimestampResponse(
  response: Uint8Array,
  expected: { digest: Uint8Array; nonce?: Uint8Array },
): Uint8Array {
  let resp: pkijs.TimeStampResp;
  try {
    resp = new pkijs.TimeStampResp({ schema: parseAsn1(response, { allowTrailing: true }) });
  } catch (cause) {
    throw new AppError("TSA_FAILED", { en: "The TSA response is not a TimeStampResp", cause });
  }
  const status = resp.status.status;
  if ((status !== 0 && status !== 1) || !resp.timeStampToken) {
    const text = resp.status.statusStrings?.map((s) => s.valueBlock.value).join("; ");
    throw new AppError("TSA_FAILED", { details: { status, text } });
  }
  const token = derOf(resp.timeStampToken);
  const { info } = readTimestampToken(token);
  if (!equalBytes(info.imprint, expected.digest)) {
    throw new AppError("TSA_FAILED", { en: "The timestamp covers a different digest" });
  }
  if (expected.nonce && !(info.nonce && equalBytes(stripZeros(info.nonce), stripZeros(expected.nonce)))) {
    throw new AppError("TSA_FAILED", { en: "The timestamp nonce does not match the request" });
  }
  return token;
}

function stripZeros(bytes: Uint8Array): Uint8Array {
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i++;
  return bytes.subarray(i);
}
