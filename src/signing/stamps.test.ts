import { PDF } from "@libpdf/core";
import { beforeAll, describe, expect, it } from "vitest";
import { loadP12, type SigningCredential } from "./keys.ts";
import { sign } from "./sign.ts";
import { hasPdfsig, pdfsig, samplePdf, sharedPki } from "./test-support.ts";
import { verifyPdf } from "./verify.ts";

let leader: SigningCredential;
let agency: SigningCredential;

beforeAll(async () => {
  const pki = await sharedPki();
  leader = loadP12(pki.officials[0].p12, pki.password);
  agency = loadP12(pki.agency.p12, pki.password);
}, 60_000);

const STAMPS = [
  { rect: { x: 60, y: 700, width: 200, height: 20 }, lines: [{ text: "Số: 49/QĐ-UBND" }] },
  {
    rect: { x: 300, y: 700, width: 250, height: 20 },
    lines: [{ text: "Bạch Thông, ngày 01 tháng 6 năm 2018" }],
  },
];

describe("text stamps in the agency's signature (NĐ 30/2020 Điều 18: number and date before the seal)", () => {
  it("draws the number and date in the seal's widget, leaving the leader's signature valid", async () => {
    const signed = await sign(await samplePdf(), {
      signer: leader,
      appearance: { kind: "signer", authority: "KT. CHỦ TỊCH", position: "Phó Chủ tịch" },
    });
    const sealed = await sign(signed.pdf, { signer: agency, appearance: { kind: "seal" }, stamps: STAMPS });
    const report = await verifyPdf(sealed.pdf);
    expect(report.signatureCount).toBe(2);
    expect(report.signatures.map((s) => [s.intact, s.modifiedAfter])).toEqual([
      [true, false],
      [true, false],
    ]);
    const pdf = await PDF.load(sealed.pdf);
    const annots = pdf.getPage(0)?.dict.getArray("Annots", (r) => pdf.getObject(r));
    // The signer's widget and the seal's, which holds the two stamps.
    expect(annots?.length).toBe(2);
    if (hasPdfsig) {
      const out = pdfsig(sealed.pdf);
      expect(out.match(/Signature is Valid/g)?.length).toBe(2);
      expect(out).not.toMatch(/not signed/i);
    }
  }, 60_000);

  it("a stamp drawn into the page content after the leader signed is a modification (the check can fail)", async () => {
    const signed = await sign(await samplePdf(), { signer: leader, appearance: { kind: "signer" } });
    const pdf = await PDF.load(signed.pdf);
    pdf.getPage(0)?.drawText("Số: 49/QĐ-UBND", { x: 60, y: 700, size: 12 });
    const changed = await pdf.save({ incremental: true });
    const sealed = await sign(changed, { signer: agency, appearance: { kind: "seal" } });
    const report = await verifyPdf(sealed.pdf);
    expect(report.signatures[0]?.modifiedAfter).toBe(true);
  }, 60_000);
});
