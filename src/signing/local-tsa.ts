/**
 * A local RFC 3161 timestamp authority for tests and demos: issues tokens in process and answers encoded
 * requests (`respond`); src/adapters/timestamp/local-tsa-server.ts serves it over HTTP.
 */

import type { KeyObject } from "node:crypto";
import { randomBytes } from "node:crypto";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { derOf, digest, type HashName, hashFromOid, hashOid, OID, parseAsn1, toArrayBuffer } from "./asn1.ts";
import { buildSignedAttributes, buildSignedData } from "./cms.ts";
import { keyTypeOf, signData } from "./key-algorithms.ts";
import type { TimestampAuthority } from "./tsa.ts";

/** The example policy of OpenSSL's sample TSA configuration: no assurance, tests only. */
export const TEST_TSA_POLICY = "1.2.3.4.1";

export interface LocalTsaOptions {
  certificate: Uint8Array;
  privateKey: KeyObject;
  chain?: Uint8Array[];
  /** Clock for genTime (tests fix it). */
  now?: () => Date;
}

export class LocalTimestampAuthority implements TimestampAuthority {
  private serial = BigInt(`0x${randomBytes(6).toString("hex")}`);

  constructor(private readonly options: LocalTsaOptions) {}

  async timestamp(messageDigest: Uint8Array, hash: HashName): Promise<Uint8Array> {
    return this.issue(messageDigest, hash, undefined, true);
  }

  /** Issues a TimeStampToken for one imprint. */
  issue(
    imprint: Uint8Array,
    hash: HashName,
    nonce: asn1js.Integer | undefined,
    includeCertificates: boolean,
  ): Uint8Array {
    this.serial += 1n;
    const tstInfo = new pkijs.TSTInfo({
      version: 1,
      policy: TEST_TSA_POLICY,
      messageImprint: new pkijs.MessageImprint({
        hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: hashOid(hash) }),
        hashedMessage: new asn1js.OctetString({ valueHex: toArrayBuffer(imprint) }),
      }),
      serialNumber: new asn1js.Integer({ value: Number(this.serial % 2n ** 48n) }),
      genTime: this.options.now?.() ?? new Date(),
      ordering: false,
      ...(nonce ? { nonce } : {}),
    });
    const content = derOf(tstInfo);
    const keyType = keyTypeOf(this.options.privateKey);
    const signedAttributes = buildSignedAttributes({
      contentDigest: digest("sha256", content),
      hash: "sha256",
      certificate: this.options.certificate,
      keyType,
      contentType: OID.tstInfo,
    });
    return buildSignedData({
      signedAttributes,
      signature: signData(this.options.privateKey, "sha256", signedAttributes.der),
      hash: "sha256",
      keyType,
      certificate: this.options.certificate,
      chain: includeCertificates ? this.options.chain : [],
      contentType: OID.tstInfo,
      content,
    });
  }

  /** Answers one DER TimeStampReq with a DER TimeStampResp (rejections included). */
  respond(requestDer: Uint8Array): Uint8Array {
    let request: pkijs.TimeStampReq;
    try {
      request = new pkijs.TimeStampReq({ schema: parseAsn1(requestDer) });
    } catch {
      return rejection(2, "badDataFormat");
    }
    const hash = hashFromOid(request.messageImprint.hashAlgorithm.algorithmId);
    if (!hash || hash === "sha1") return rejection(2, "badAlg");
    const imprint = new Uint8Array(request.messageImprint.hashedMessage.valueBlock.valueHexView);
    const token = this.issue(imprint, hash, request.nonce, request.certReq ?? false);
    const response = new asn1js.Sequence({
      value: [new pkijs.PKIStatusInfo({ status: 0 }).toSchema(), parseAsn1(token)],
    });
    return derOf(response);
  }
}

function rejection(status: number, text: string): Uint8Array {
  return derOf(
    new asn1js.Sequence({
      value: [
        new pkijs.PKIStatusInfo({
          status,
          statusStrings: [new asn1js.Utf8String({ value: text })],
        }).toSchema(),
      ],
    }),
  );
}
