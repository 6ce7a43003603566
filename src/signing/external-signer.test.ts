import { beforeAll, describe, expect, it } from "vitest";
import { isAppError } from "../errors.ts";
import { digest } from "./asn1.ts";
import { buildSignedAttributes, buildSignedData } from "./cms.ts";
import {
  type CmsSigner,
  CredentialDigestSigner,
  decodeSigningRequest,
  encodeSigningRequest,
} from "./external-signer.ts";
import { signData } from "./key-algorithms.ts";
import { loadP12, type SigningCredential } from "./keys.ts";
import { writePkcs12 } from "./pkcs12.ts";
import { completeSignature, prepareSignature, sign } from "./sign.ts";
import { issueCertificate, type TestPki } from "./test-pki.ts";
import { samplePdf, sharedPki } from "./test-support.ts";
import { verifyPdf } from "./verify.ts";

let pki: TestPki;
let official: SigningCredential;
let document: Uint8Array;

beforeAll(async () => {
  pki = await sharedPki();
  official = loadP12(pki.officials[0].p12, pki.password);
  document = await samplePdf(1);
});

describe("signing with a key that never reaches the server", () => {
  it("prepares on the server, signs the digest on the client and completes on the server", async () => {
    // Server: only the certificate is known.
    const prepared = await prepareSignature(document, {
      certificate: official.certificate,
      chain: official.chain,
      keyType: official.keyType,
      reason: "Ký bằng USB token",
    });
    if (!prepared.request) throw new Error("no request");
    const wire = JSON.parse(JSON.stringify(encodeSigningRequest(prepared.request)));
    // Client: the reference client holds the key.
    const client = new CredentialDigestSigner(official);
    const signature = await client.signDigest(decodeSigningRequest(wire));
    // Server again.
    const result = await completeSignature(prepared, signature);
    const report = await verifyPdf(result.pdf);
    expect(report.valid).toBe(true);
    expect(report.signatures[0].signer?.commonName).toBe("Nguyễn Văn An");
  });

  it("works with an ECDSA key", async () => {
    const issued = await issueCertificate({
      issuer: pki.root,
      keyType: "EC",
      subject: { commonName: "Khóa EC" },
    });
    const credential = loadP12(writePkcs12({ ...issued, password: "pw" }), "pw");
    const result = await sign(document, { signer: new CredentialDigestSigner(credential) });
    expect((await verifyPdf(result.pdf)).signatures[0].status).toBe("valid");
  });

  it("refuses a signature that does not match the certificate with SIGNATURE_MISMATCH", async () => {
    const other = loadP12(pki.officials[1].p12, pki.password);
    const prepared = await prepareSignature(document, { certificate: official.certificate, keyType: "RSA" });
    if (!prepared.request) throw new Error("no request");
    const wrong = await new CredentialDigestSigner(other).signDigest(prepared.request);
    const error = await completeSignature(prepared, wrong).catch((e: unknown) => e);
    expect(isAppError(error, "SIGNATURE_MISMATCH")).toBe(true);
  });

  it("the reference client refuses a digest that is not the hash of the attributes it is shown", async () => {
    const prepared = await prepareSignature(document, { certificate: official.certificate, keyType: "RSA" });
    if (!prepared.request) throw new Error("no request");
    const forged = {
      ...prepared.request,
      digest: digest("sha256", new TextEncoder().encode("something else")),
    };
    const error = await new CredentialDigestSigner(official).signDigest(forged).catch((e: unknown) => e);
    expect(isAppError(error, "SIGNATURE_MISMATCH")).toBe(true);
  });
});

function cmsProvider(credential: SigningCredential, tamper = false): CmsSigner {
  return {
    certificate: credential.certificate,
    chain: credential.chain,
    async signDocumentDigest(documentDigest, hash) {
      const contentDigest = tamper ? digest(hash, documentDigest) : documentDigest;
      const attributes = buildSignedAttributes({
        contentDigest,
        hash,
        certificate: credential.certificate,
        keyType: credential.keyType,
      });
      return buildSignedData({
        signedAttributes: attributes,
        signature: signData(credential.privateKey, hash, attributes.der),
        hash,
        keyType: credential.keyType,
        certificate: credential.certificate,
        chain: credential.chain,
      });
    },
  };
}

describe("signing through a provider that returns a whole CMS", () => {
  it("embeds the provider's CMS after checking it signs this document", async () => {
    const result = await sign(document, { signer: cmsProvider(official) });
    const report = await verifyPdf(result.pdf);
    expect(report.signatures[0].status).toBe("valid");
  });

  it("refuses a CMS over another digest with CMS_INVALID", async () => {
    const error = await sign(document, { signer: cmsProvider(official, true) }).catch((e: unknown) => e);
    expect(isAppError(error, "CMS_INVALID")).toBe(true);
  });
});
