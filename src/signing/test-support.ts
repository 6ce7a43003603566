/**
 * Helpers for the signing tests only: sample documents, a shared test PKI, poppler's pdfsig, and a PDF
 * signed entirely by other tools (pdf-lib places the signature, OpenSSL makes the CMS).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PDF, rgb } from "@libpdf/core";
import { PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString, StandardFonts } from "pdf-lib";
import { serifFont } from "../pdf/fonts/serif.ts";
import { createTestPki, type TestPki } from "./test-pki.ts";

export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../../test/fixtures/signing/${name}`, import.meta.url));
}

export function readFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(fixturePath(name)));
}

let pki: Promise<TestPki> | undefined;

/** One test PKI per test file (RSA key generation is the slow part). */
export function sharedPki(): Promise<TestPki> {
  pki ??= createTestPki();
  return pki;
}

const BODY = [
  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  "Độc lập - Tự do - Hạnh phúc",
  "QUYẾT ĐỊNH",
  "Về việc cấp Giấy chứng nhận đăng ký hộ kinh doanh cho bà Phạm Thị Ngọc Ánh",
  "Điều 1. Cấp Giấy chứng nhận đăng ký hộ kinh doanh số 01A8012345.",
  "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
];

/** An A4 document with Vietnamese text, written by @libpdf/core. */
export async function samplePdf(pages = 1): Promise<Uint8Array> {
  const pdf = PDF.create();
  const font = pdf.embedFont(serifFont("regular"));
  for (let p = 0; p < pages; p++) {
    const page = pdf.addPage({ size: "a4" });
    let y = 780;
    for (let repeat = 0; repeat < 6; repeat++) {
      for (const line of BODY) {
        page.drawText(line, { x: 85, y, font, size: 12, color: rgb(0, 0, 0) });
        y -= 18;
      }
    }
    page.drawText(`Trang ${p + 1}/${pages}`, { x: 280, y: 30, font, size: 10 });
  }
  return pdf.save({ subsetFonts: true });
}

export function commandAvailable(command: string, args = ["-v"]): boolean {
  return spawnSync(command, args, { stdio: "ignore" }).error === undefined;
}

export const hasPdfsig = commandAvailable("pdfsig");
export const hasOpenssl = commandAvailable("openssl", ["version"]);

function withTempDir<T>(body: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), "motcua-signing-"));
  try {
    return body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs poppler's pdfsig (exit status ignored: it is non-zero for invalid signatures). */
export function pdfsig(pdf: Uint8Array, args: string[] = []): string {
  return withTempDir((dir) => {
    const file = join(dir, "document.pdf");
    writeFileSync(file, pdf);
    const run = spawnSync("pdfsig", [...args, file], { encoding: "utf8" });
    return `${run.stdout}${run.stderr}`;
  });
}

const STARS = "**********";

/** A one-page pdf-lib document with an empty adbe.pkcs7.detached signature (signpdf-style placeholder). */
export async function pdfLibPlaceholder(reserve = 8192): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595.28, 841.89]);
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  page.drawText("Signed with OpenSSL, placed with pdf-lib", { x: 72, y: 760, size: 14, font });
  const context = doc.context;
  const signature = context.obj({
    Type: "Sig",
    Filter: "Adobe.PPKLite",
    SubFilter: "adbe.pkcs7.detached",
    ByteRange: [PDFNumber.of(0), PDFName.of(STARS), PDFName.of(STARS), PDFName.of(STARS)],
    Contents: PDFHexString.of("0".repeat(reserve * 2)),
    Reason: PDFString.of("Independent signer test"),
    M: PDFString.fromDate(new Date()),
  });
  const widget = context.obj({
    Type: "Annot",
    Subtype: "Widget",
    FT: "Sig",
    Rect: [0, 0, 0, 0],
    V: context.register(signature),
    T: PDFString.of("OpenSSL1"),
    F: 4,
    P: page.ref,
  });
  const widgetRef = context.register(widget);
  page.node.set(PDFName.of("Annots"), context.obj([widgetRef]));
  doc.catalog.set(PDFName.of("AcroForm"), context.obj({ SigFlags: 3, Fields: [widgetRef] }));
  return doc.save({ useObjectStreams: false });
}

/** Fills a pdf-lib placeholder with `openssl cms -sign` over the byte ranges. */
export function signWithOpenssl(
  placeholder: Uint8Array,
  files: { certificate: string; key: string; chain?: string },
  options: { noattr?: boolean } = {},
): Uint8Array {
  const pdf = Buffer.from(placeholder);
  const rangeText = `[ 0 /${STARS} /${STARS} /${STARS} ]`;
  const rangeAt = pdf.indexOf(rangeText, 0, "latin1");
  const contentsAt = pdf.indexOf("/Contents <", 0, "latin1") + "/Contents ".length;
  const contentsEnd = pdf.indexOf(">", contentsAt, "latin1") + 1;
  if (rangeAt < 0 || contentsAt < 10) throw new Error("placeholder not found");
  const range = [0, contentsAt, contentsEnd, pdf.length - contentsEnd];
  const text = `[${range.join(" ")}`;
  pdf.write(`${text}${" ".repeat(rangeText.length - text.length - 1)}]`, rangeAt, "latin1");
  return withTempDir((dir) => {
    const data = join(dir, "data.bin");
    writeFileSync(data, Buffer.concat([pdf.subarray(0, range[1]), pdf.subarray(range[2])]));
    const args = ["cms", "-sign", "-binary", "-md", "sha256", "-outform", "DER", "-in", data];
    args.push("-signer", files.certificate, "-inkey", files.key);
    if (files.chain) args.push("-certfile", files.chain);
    if (options.noattr) args.push("-noattr");
    const der = execFileSync("openssl", args);
    const hex = der.toString("hex");
    pdf.write(hex, contentsAt + 1, "latin1");
    return new Uint8Array(pdf);
  });
}
