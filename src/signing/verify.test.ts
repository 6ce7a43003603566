import { PDF } from "@libpdf/core";
import { describe, expect, it } from "vitest";
import { pemToDer } from "./asn1.ts";
import { loadP12 } from "./keys.ts";
import { LocalTimestampAuthority } from "./local-tsa.ts";
import { sign } from "./sign.ts";
import {
  fixturePath,
  hasOpenssl,
  hasPdfsig,
  pdfLibPlaceholder,
  pdfsig,
  readFixture,
  samplePdf,
  sharedPki,
  signWithOpenssl,
} from "./test-support.ts";
import { verifyPdf } from "./verify.ts";

const pem = (name: string) => pemToDer(Buffer.from(readFixture(name)).toString("utf8"));

describe("a PDF signed by poppler's pdfsig (NSS, adbe.pkcs7.detached)", () => {
  it("verifies, with the chain trusted when its root is configured", async () => {
    const report = await verifyPdf(readFixture("signed-by-poppler.pdf"), {
      trustedRoots: pem("test-root-ca.pem"),
    });
    expect(report.valid).toBe(true);
    const [signature] = report.signatures;
    expect(signature.status).toBe("valid");
    expect(signature.subFilter).toBe("adbe.pkcs7.detached");
    expect(signature.coversWholeDocument).toBe(true);
    expect(signature.signer?.commonName).toBe("Trần Thị Độc Lập");
    expect(signature.signer?.organization).toBe("UBND xã Quang Thuận");
    expect(signature.signingTime).toBe("2026-11-28T19:57:45.000Z");
    expect(signature.certificateValidAtSigningTime).toBe(true);
    expect(signature.chain.status).toBe("trusted");
  });

  it("reports the issuer as unknown without the root", async () => {
    const report = await verifyPdf(readFixture("signed-by-poppler.pdf"));
    expect(report.valid).toBe(true);
    expect(report.signatures[0].chain.status).toBe("unknown-issuer");
  });

  it("reports the issuer as unknown when only an unrelated root is trusted", async () => {
    const report = await verifyPdf(readFixture("signed-by-poppler.pdf"), {
      trustedRoots: pem("openssl/root-ca.pem"),
    });
    expect(report.signatures[0].chain.status).toBe("unknown-issuer");
  });

  it("reports the tampered copy as modified", async () => {
    const report = await verifyPdf(readFixture("signed-by-poppler-tampered.pdf"), {
      trustedRoots: pem("test-root-ca.pem"),
    });
    expect(report.valid).toBe(false);
    expect(report.modified).toBe(true);
    expect(report.signatures[0].status).toBe("modified");
    expect(report.signatures[0].digestMatches).toBe(false);
  });
});

describe("a PDF whose signature was placed by pdf-lib and made by OpenSSL", () => {
  it("verifies the committed fixture, trusted with the OpenSSL root", async () => {
    const report = await verifyPdf(readFixture("signed-by-openssl.pdf"), {
      trustedRoots: pem("openssl/root-ca.pem"),
    });
    expect(report.valid).toBe(true);
    const [signature] = report.signatures;
    expect(signature.signer?.commonName).toBe("Lê Thị Hồng Gấm");
    expect(signature.signer?.organization).toBe("UBND phường Bến Nghé");
    expect(signature.signingTimeSource).toBe("cms-signing-time");
    expect(signature.chain.status).toBe("trusted");
  });

  it.skipIf(!hasOpenssl)(
    "verifies a fresh one, with and without signed attributes (skipped without openssl)",
    async () => {
      const files = {
        certificate: fixturePath("openssl/signer.pem"),
        key: fixturePath("openssl/signer.key"),
        chain: fixturePath("openssl/root-ca.pem"),
      };
      for (const noattr of [false, true]) {
        const signed = signWithOpenssl(await pdfLibPlaceholder(), files, { noattr });
        const report = await verifyPdf(signed);
        expect(report.signatures.map((s) => s.status)).toEqual(["valid"]);
        expect(report.signatures[0].signingTimeSource).toBe(noattr ? "pdf-m" : "cms-signing-time");
        if (hasPdfsig) expect(pdfsig(signed)).toContain("Signature is Valid.");
        const tampered = new Uint8Array(signed);
        tampered[200] ^= 0x01;
        expect((await verifyPdf(tampered)).signatures[0].status).not.toBe("valid");
      }
    },
  );
});

describe("documents without signatures", () => {
  it("report no signatures and are not valid", async () => {
    const report = await verifyPdf(await samplePdf(1));
    expect(report.signatureCount).toBe(0);
    expect(report.valid).toBe(false);
  });
});

describe("signing after other software", () => {
  it("countersigns the poppler and OpenSSL files and keeps their signatures valid", async () => {
    const pki = await sharedPki();
    const agency = loadP12(pki.agency.p12, pki.password);
    for (const name of ["signed-by-poppler.pdf", "signed-by-openssl.pdf"]) {
      const result = await sign(readFixture(name), { signer: agency, appearance: { kind: "seal" } });
      const report = await verifyPdf(result.pdf);
      expect(report.signatures.map((s) => [s.status, s.laterChanges])).toEqual([
        ["valid", "signatures-only"],
        ["valid", "none"],
      ]);
      if (hasPdfsig) expect(pdfsig(result.pdf).match(/Signature is Valid\./g)).toHaveLength(2);
    }
  });

  it("reads a document timestamp added by @libpdf/core as a signature-only update", async () => {
    const pki = await sharedPki();
    const signed = await sign(await samplePdf(1), { signer: loadP12(pki.officials[0].p12, pki.password) });
    const local = new LocalTimestampAuthority({
      certificate: pki.tsa.certificate,
      privateKey: pki.tsa.privateKey,
    });
    const pdf = await PDF.load(signed.pdf);
    const { bytes } = await pdf.addTimestamp({
      timestampAuthority: { timestamp: (digest) => local.timestamp(digest, "sha256") },
    });
    const report = await verifyPdf(bytes);
    expect(report.signatures.map((s) => [s.kind, s.status])).toEqual([
      ["signature", "valid"],
      ["document-timestamp", "valid"],
    ]);
    expect(report.signatures[1].timestamp?.authority).toBe("motcua Test TSA");
  });
});
