import { createHash } from "node:crypto";
import { deflateSync } from "node:zlib";
import { PDF, PdfArray, PdfDict, PdfNumber, PdfRef, PdfStream, rgb } from "@libpdf/core";
import { beforeAll, describe, expect, it } from "vitest";
import { HttpTimestampAuthority } from "../adapters/timestamp/http-tsa.ts";
import { startLocalTsaServer } from "../adapters/timestamp/local-tsa-server.ts";
import { isAppError } from "../errors.ts";
import { loadP12, type SigningCredential } from "./keys.ts";
import { type SignResult, sign } from "./sign.ts";
import { issueCertificate, type TestPki } from "./test-pki.ts";
import { hasPdfsig, pdfsig, samplePdf, sharedPki } from "./test-support.ts";
import { verifyPdf } from "./verify.ts";

const RED_RING_PNG = makeRingPng(120);

/** A transparent PNG with a red ring, standing in for a seal image. */
function makeRingPng(size: number): Uint8Array {
  const rows: number[] = [];
  for (let y = 0; y < size; y++) {
    rows.push(0);
    for (let x = 0; x < size; x++) {
      const r = Math.hypot(x - size / 2, y - size / 2);
      rows.push(200, 20, 20, r > size / 2 - 8 && r < size / 2 - 2 ? 255 : 0);
    }
  }
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk("IHDR", header),
      chunk("IDAT", deflateSync(Buffer.from(rows))),
      chunk("IEND", Buffer.alloc(0)),
    ]),
  );
}

if (!hasPdfsig) {
  console.warn("pdfsig (poppler-utils) is not installed: the cross-checks with poppler are skipped.");
}

let pki: TestPki;
let leader: SigningCredential;
let agency: SigningCredential;
let original: Uint8Array;
let first: SignResult;
let second: SignResult;

beforeAll(async () => {
  pki = await sharedPki();
  leader = loadP12(pki.officials[0].p12, pki.password);
  agency = loadP12(pki.agency.p12, pki.password);
  original = await samplePdf(2);
  first = await sign(original, {
    signer: leader,
    reason: "Ký ban hành quyết định",
    location: "Quang Thuận",
    appearance: { kind: "signer", authority: "TM. Ủy ban nhân dân", position: "Chủ tịch" },
  });
  second = await sign(first.pdf, {
    signer: agency,
    reason: "Đóng dấu cơ quan",
    appearance: { kind: "seal", image: RED_RING_PNG },
  });
});

function flipByte(pdf: Uint8Array, at: number): Uint8Array {
  const copy = new Uint8Array(pdf);
  copy[at] = copy[at] === 0x41 ? 0x42 : 0x41;
  return copy;
}

/** An offset inside the first revision's page content stream (compressed bytes, still parseable). */
function offsetInFirstContentStream(pdf: Uint8Array): number {
  const text = Buffer.from(pdf).toString("latin1");
  const start = text.indexOf("stream\n", text.indexOf("/Filter /FlateDecode")) + "stream\n".length;
  return start + 10;
}

describe("a document signed by the leader and then sealed by the agency", () => {
  it("verifies in motcua: both signatures intact, the first followed only by the second", async () => {
    const report = await verifyPdf(second.pdf, { trustedRoots: [pki.root.certificate] });
    expect(report.valid).toBe(true);
    expect(report.signatures.map((s) => s.status)).toEqual(["valid", "valid"]);
    const [leaderSig, sealSig] = report.signatures;
    expect(leaderSig.signer?.commonName).toBe("Nguyễn Văn An");
    expect(leaderSig.signer?.organization).toBe("UBND xã Quang Thuận");
    expect(leaderSig.coversWholeDocument).toBe(false);
    expect(leaderSig.laterChanges).toBe("signatures-only");
    expect(leaderSig.subFilter).toBe("ETSI.CAdES.detached");
    expect(leaderSig.signingCertificateV2).toBe(true);
    expect(leaderSig.reason).toBe("Ký ban hành quyết định");
    expect(leaderSig.signingTimeSource).toBe("pdf-m");
    expect(leaderSig.certificateValidAtSigningTime).toBe(true);
    expect(leaderSig.chain.status).toBe("trusted");
    expect(sealSig.signer?.commonName).toBe("UBND xã Quang Thuận");
    expect(sealSig.coversWholeDocument).toBe(true);
  });

  it.skipIf(!hasPdfsig)(
    "verifies in poppler's pdfsig: both signatures valid (skipped when pdfsig is not installed)",
    () => {
      const output = pdfsig(second.pdf);
      expect(output.match(/Signature Validation: Signature is Valid\./g)).toHaveLength(2);
      expect(output).toContain("Signature Type: ETSI.CAdES.detached");
      expect(output).toContain("Signer Certificate Common Name: Nguyễn Văn An");
      expect(output).toContain("Total document signed");
    },
  );

  it("keeps the first signed revision byte for byte", () => {
    expect(Buffer.from(second.pdf.subarray(0, first.pdf.length)).equals(Buffer.from(first.pdf))).toBe(true);
    expect(Buffer.from(first.pdf.subarray(0, original.length)).equals(Buffer.from(original))).toBe(true);
  });

  it("returns the SHA-256 of the document before and after each signature for the audit log", () => {
    const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
    expect(first.sha256Before).toBe(sha(original));
    expect(first.sha256After).toBe(sha(first.pdf));
    expect(second.sha256Before).toBe(first.sha256After);
    expect(second.sha256After).toBe(sha(second.pdf));
  });

  it("reports the issuer as unknown when no root is configured", async () => {
    const report = await verifyPdf(second.pdf);
    expect(report.valid).toBe(true);
    expect(report.signatures.map((s) => s.chain.status)).toEqual(["unknown-issuer", "unknown-issuer"]);
  });
});

describe("changing one byte of the signed content", () => {
  it("makes motcua report both signatures modified", async () => {
    const tampered = flipByte(second.pdf, offsetInFirstContentStream(second.pdf));
    const report = await verifyPdf(tampered);
    expect(report.valid).toBe(false);
    expect(report.modified).toBe(true);
    expect(report.signatures.map((s) => s.status)).toEqual(["modified", "modified"]);
    expect(report.signatures.every((s) => !s.digestMatches && s.signatureValid)).toBe(true);
  });

  it.skipIf(!hasPdfsig)(
    "makes pdfsig report a digest mismatch for both (skipped when pdfsig is not installed)",
    () => {
      const output = pdfsig(flipByte(second.pdf, offsetInFirstContentStream(second.pdf)));
      expect(output.match(/Digest Mismatch/g)).toHaveLength(2);
    },
  );
});

describe("changes after a signature", () => {
  it("an unsigned incremental update after the last signature makes every signature modified", async () => {
    const pdf = await PDF.load(second.pdf);
    pdf.setTitle("Đã sửa sau khi ký");
    const updated = await pdf.save({ incremental: true });
    const report = await verifyPdf(updated);
    expect(report.signatures.map((s) => s.intact)).toEqual([true, true]);
    expect(report.signatures.map((s) => s.status)).toEqual(["modified", "modified"]);
    expect(report.signatures[1].problems.join(" ")).toContain("not covered by a later signature");
  });

  it("changed page content sealed by a later valid signature still makes the earlier one modified", async () => {
    const pdf = await PDF.load(first.pdf);
    pdf.getPage(0)?.drawRectangle({ x: 80, y: 600, width: 300, height: 40, color: rgb(1, 1, 1) });
    const altered = await pdf.save({ incremental: true });
    const resealed = await sign(altered, { signer: agency, appearance: { kind: "seal" } });
    const report = await verifyPdf(resealed.pdf);
    expect(report.signatures.map((s) => s.status)).toEqual(["modified", "valid"]);
    expect(report.signatures[0].problems.join(" ")).toContain("not covered by a later signature");
  });

  it("a signature update that also changes a page makes the earlier signature modified", async () => {
    const pdf = await PDF.load(first.pdf);
    pdf.getPage(0)?.drawRectangle({ x: 80, y: 600, width: 300, height: 40, color: rgb(1, 1, 1) });
    const altered = Buffer.from(await pdf.save({ incremental: true }));
    // Hide the boundary so that the change and the next signature form a single update.
    altered.write("%%EOX", altered.lastIndexOf("%%EOF"), "latin1");
    const resealed = await sign(new Uint8Array(altered), { signer: agency, appearance: { kind: "seal" } });
    const report = await verifyPdf(resealed.pdf);
    expect(report.signatures.map((s) => s.status)).toEqual(["modified", "valid"]);
    expect(report.signatures[0].problems.join(" ")).toMatch(/\(a page\) changed|page content/);
  });
});

function resolve(pdf: PDF, value: unknown): PdfDict | undefined {
  const object = value instanceof PdfRef ? pdf.getObject(value) : value;
  return object instanceof PdfDict ? object : undefined;
}

function widgetRect(pdf: PDF, name: string): number[] {
  const field = pdf
    .getForm()
    ?.getSignatureFields()
    .find((f) => f.name === name);
  const rect = field?.acroField().get("Rect");
  return rect instanceof PdfArray
    ? rect.toArray().map((n) => (n instanceof PdfNumber ? n.value : Number.NaN))
    : [];
}

describe("the visible appearance (Decree 30/2020)", () => {
  it("puts the signer block at the bottom right of the last page and the seal over its left third", async () => {
    const pdf = await PDF.load(second.pdf);
    const lastPage = pdf.getPage(1);
    const width = lastPage?.width ?? 0;
    const signer = widgetRect(pdf, "motcua-signer-1");
    const seal = widgetRect(pdf, "motcua-seal-1");
    expect(signer[0]).toBeGreaterThan(width / 2);
    expect(signer[1]).toBeLessThan(200);
    const signerThird = signer[0] + (signer[2] - signer[0]) / 3;
    expect(seal[0]).toBeLessThan(signer[0]);
    expect(seal[2]).toBeGreaterThan(signer[0]);
    expect(seal[2]).toBeLessThanOrEqual(signerThird + 60);
    const annots = lastPage?.dict.get("Annots");
    const list = annots instanceof PdfArray ? annots.toArray() : [];
    expect(list).toHaveLength(2);
  });

  it("draws with an embedded serif face that maps Vietnamese letters (ễ, Ị, Ủ)", async () => {
    const pdf = await PDF.load(first.pdf);
    const field = pdf.getForm()?.getSignatureFields()[0];
    const ap = resolve(pdf, field?.acroField().get("AP"));
    const stream = pdf.getObject(ap?.get("N") as PdfRef);
    expect(stream).toBeInstanceOf(PdfStream);
    const fonts = resolve(pdf, resolve(pdf, (stream as PdfStream).get("Resources"))?.get("Font"));
    const names: string[] = [];
    const maps: string[] = [];
    for (const [, ref] of fonts ?? []) {
      const font = resolve(pdf, ref);
      names.push(font?.getName("BaseFont")?.value ?? "");
      const toUnicode = pdf.getObject(font?.get("ToUnicode") as PdfRef);
      if (toUnicode instanceof PdfStream)
        maps.push(Buffer.from(toUnicode.getDecodedData()).toString("latin1"));
    }
    expect(names.some((n) => n.includes("LiberationSerif-Bold"))).toBe(true);
    const cmap = maps.join("\n").toUpperCase();
    for (const code of ["1EC5", "1ECA", "1EE6"]) expect(cmap).toContain(code);
  });

  it("can be invisible", async () => {
    const result = await sign(original, { signer: leader, appearance: false });
    const pdf = await PDF.load(result.pdf);
    expect(widgetRect(pdf, result.fieldName)).toEqual([0, 0, 0, 0]);
    expect((await verifyPdf(result.pdf)).valid).toBe(true);
  });

  it("refuses an image that is not PNG with IMAGE_INVALID", async () => {
    const error = await sign(original, {
      signer: agency,
      appearance: { kind: "seal", image: new TextEncoder().encode("GIF89a not png") },
    }).catch((e: unknown) => e);
    expect(isAppError(error, "IMAGE_INVALID")).toBe(true);
  });

  it("puts the corner appearance for attachments at the top right of the first page", async () => {
    const result = await sign(original, {
      signer: agency,
      appearance: { kind: "corner", documentNumber: "49/QĐ-UBND" },
    });
    const pdf = await PDF.load(result.pdf);
    const rect = widgetRect(pdf, result.fieldName);
    const page = pdf.getPage(0);
    expect(rect[2]).toBeGreaterThan((page?.width ?? 0) * 0.8);
    expect(rect[3]).toBeGreaterThan((page?.height ?? 0) * 0.9);
  });
});

describe("refusals", () => {
  it("refuses to sign with an expired certificate even when the key is held elsewhere", async () => {
    const expired = await issueCertificate({
      issuer: pki.root,
      subject: { commonName: "Hết Hạn" },
      notBefore: new Date(Date.now() - 400 * 86400_000),
      notAfter: new Date(Date.now() - 86400_000),
    });
    const error = await sign(original, {
      signer: {
        certificate: expired.certificate,
        keyType: "RSA",
        signDigest: async () => new Uint8Array(256),
      },
    }).catch((e: unknown) => e);
    expect(isAppError(error, "CERT_EXPIRED")).toBe(true);
  });

  it("refuses a field name that is already taken", async () => {
    const error = await sign(first.pdf, { signer: agency, fieldName: "motcua-signer-1" }).catch(
      (e: unknown) => e,
    );
    expect(isAppError(error, "FIELD_EXISTS")).toBe(true);
  });

  it("refuses a file that is not a PDF", async () => {
    const error = await sign(new TextEncoder().encode("hello"), { signer: agency }).catch((e: unknown) => e);
    expect(isAppError(error, "PDF_INVALID")).toBe(true);
  });
});

describe("timestamps (PAdES B-T)", () => {
  it("adds a timestamp from the local TSA over HTTP and takes the signing time from it", async () => {
    const server = await startLocalTsaServer({
      certificate: pki.tsa.certificate,
      privateKey: pki.tsa.privateKey,
      chain: [pki.root.certificate],
    });
    try {
      const claimed = new Date(Date.now() - 3600_000);
      const result = await sign(original, {
        signer: leader,
        signingTime: claimed,
        timestampAuthority: new HttpTimestampAuthority(server.url),
      });
      expect(result.level).toBe("B-T");
      const report = await verifyPdf(result.pdf);
      const [signature] = report.signatures;
      expect(signature.status).toBe("valid");
      expect(signature.timestamp?.intact).toBe(true);
      expect(signature.timestamp?.authority).toBe("motcua Test TSA");
      expect(signature.signingTimeSource).toBe("timestamp");
      expect(Math.abs(Date.parse(signature.signingTime ?? "") - Date.now())).toBeLessThan(60_000);
      if (hasPdfsig) expect(pdfsig(result.pdf)).toContain("Signature is Valid.");
    } finally {
      await server.close();
    }
  });
});
