import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import ExcelJS from "exceljs";
import { PDFDocument, PDFName, PDFString } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { AppError } from "../../errors.ts";
import {
  DOSSIER_COMPONENT_POLICY,
  inspectUpload,
  SPREADSHEET_POLICY,
  safeFileName,
} from "./inspect-upload.ts";

// Small real images made by Chromium's encoder.
const PNG = fs.readFileSync(new URL("../../../test/fixtures/uploads/sample.png", import.meta.url));
const JPEG = fs.readFileSync(new URL("../../../test/fixtures/uploads/sample.jpg", import.meta.url));

async function plainPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]).drawText("Ban sao giay khai sinh");
  return doc.save();
}

async function pdfWithJavaScript(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]);
  const action = doc.context.obj({ Type: "Action", S: "JavaScript", JS: PDFString.of("app.alert('x')") });
  doc.catalog.set(PDFName.of("OpenAction"), doc.context.register(action));
  return doc.save({ useObjectStreams: true });
}

/** What poppler's `pdfinfo -js` (an independent parser) prints as the file's JavaScript; "" when none. */
function popplerJavaScript(pdf: Uint8Array): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "motcua-pdf-"));
  try {
    const file = path.join(dir, "f.pdf");
    fs.writeFileSync(file, pdf);
    const out = execFileSync("pdfinfo", ["-js", file], { encoding: "utf8" });
    // pdfinfo prints the metadata, then the scripts it found.
    return out
      .split("\n")
      .filter((line) => !/^[A-Za-z ]+:\s/.test(line) && line.trim() !== "")
      .join("\n");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A link annotation whose action is JavaScript, held in an indirect array: /Annots 4 0 R → [<< /A … >>]. */
async function pdfWithScriptInIndirectArray(nested: boolean): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([200, 200]);
  const action = doc.context.obj({ S: "JavaScript", JS: PDFString.of("app.alert('annots')") });
  // The annotation is written inline in the array, not as an object of its own.
  const annot = doc.context.obj({
    Type: "Annot",
    Subtype: "Link",
    Rect: [0, 0, 100, 100],
    Border: [0, 0, 0],
    A: action,
  });
  const array = nested ? doc.context.obj([doc.context.obj([annot])]) : doc.context.obj([annot]);
  page.node.set(PDFName.of("Annots"), doc.context.register(array));
  return doc.save({ useObjectStreams: false });
}

/** A minimal ZIP writer for crafting hostile archives in tests. */
function zip(entries: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const compressed = zlib.deflateRawSync(e.data);
    const name = Buffer.from(e.name);
    const crc = zlib.crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, compressed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + compressed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return "ACCEPTED";
}

describe("upload inspection", () => {
  it("accepts a plain PDF, PNG and JPEG, naming the type from the bytes", async () => {
    expect(
      (await inspectUpload(await plainPdf(), { name: "giay-khai-sinh.pdf" }, DOSSIER_COMPONENT_POLICY)).kind,
    ).toBe("pdf");
    expect(
      (await inspectUpload(PNG, { name: "anh.png", contentType: "image/png" }, DOSSIER_COMPONENT_POLICY))
        .kind,
    ).toBe("png");
    expect((await inspectUpload(JPEG, { name: "cccd.jpg" }, DOSSIER_COMPONENT_POLICY)).kind).toBe("jpeg");
  });

  it("refuses bytes that do not match the claimed type", async () => {
    expect(await refusal(inspectUpload(PNG, { name: "to-khai.pdf" }, DOSSIER_COMPONENT_POLICY))).toBe(
      "UPLOAD_TYPE_MISMATCH",
    );
    expect(
      await refusal(
        inspectUpload(PNG, { name: "x", contentType: "application/pdf" }, DOSSIER_COMPONENT_POLICY),
      ),
    ).toBe("UPLOAD_TYPE_MISMATCH");
  });

  it("refuses a type the policy does not allow, whatever its name", async () => {
    const html = Buffer.from("<html><script>alert(1)</script></html>");
    expect(await refusal(inspectUpload(html, { name: "anh.png" }, DOSSIER_COMPONENT_POLICY))).toBe(
      "UPLOAD_TYPE_NOT_ALLOWED",
    );
    expect(await refusal(inspectUpload(PNG, { name: "a.png" }, SPREADSHEET_POLICY))).toBe(
      "UPLOAD_TYPE_NOT_ALLOWED",
    );
  });

  it("refuses an empty and an over-limit file", async () => {
    expect(await refusal(inspectUpload(new Uint8Array(), { name: "a.pdf" }, DOSSIER_COMPONENT_POLICY))).toBe(
      "UPLOAD_EMPTY",
    );
    const big = new Uint8Array(DOSSIER_COMPONENT_POLICY.maxBytes + 1);
    expect(await refusal(inspectUpload(big, { name: "a.pdf" }, DOSSIER_COMPONENT_POLICY))).toBe(
      "UPLOAD_TOO_LARGE",
    );
  });

  it("refuses a PDF that carries JavaScript, even inside object streams", async () => {
    expect(
      await refusal(inspectUpload(await pdfWithJavaScript(), { name: "a.pdf" }, DOSSIER_COMPONENT_POLICY)),
    ).toBe("UPLOAD_PDF_ACTIVE_CONTENT");
  });

  it("refuses polyglots: an image or PDF with a ZIP or other data appended", async () => {
    const archive = zip([{ name: "evil.html", data: Buffer.from("<script>alert(1)</script>") }]);
    expect(
      await refusal(
        inspectUpload(Buffer.concat([PNG, archive]), { name: "a.png" }, DOSSIER_COMPONENT_POLICY),
      ),
    ).toBe("UPLOAD_POLYGLOT");
    expect(
      await refusal(
        inspectUpload(
          Buffer.concat([Buffer.from(await plainPdf()), archive]),
          { name: "a.pdf" },
          DOSSIER_COMPONENT_POLICY,
        ),
      ),
    ).toBe("UPLOAD_POLYGLOT");
    const trailingScript = Buffer.concat([JPEG, Buffer.from("<script>alert(1)</script>")]);
    expect(await refusal(inspectUpload(trailingScript, { name: "a.jpg" }, DOSSIER_COMPONENT_POLICY))).toBe(
      "UPLOAD_POLYGLOT",
    );
  });

  it("accepts a real spreadsheet and refuses a zip bomb posing as one", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Thủ tục").addRow(["Mã", "Tên thủ tục"]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    expect((await inspectUpload(xlsx, { name: "danh-muc.xlsx" }, SPREADSHEET_POLICY)).kind).toBe("xlsx");

    const bomb = zip([
      {
        name: "[Content_Types].xml",
        data: Buffer.from(
          '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        ),
      },
      { name: "xl/workbook.xml", data: Buffer.alloc(20 * 1024 * 1024, 0x20) },
    ]);
    expect(bomb.length).toBeLessThan(100_000);
    expect(await refusal(inspectUpload(bomb, { name: "danh-muc.xlsx" }, SPREADSHEET_POLICY))).toBe(
      "UPLOAD_ARCHIVE_REFUSED",
    );
  });

  // Issue 14, finding 3.
  it("refuses JavaScript in an indirect /Annots array and in arrays nested in arrays (poppler sees the script)", async () => {
    const indirect = await pdfWithScriptInIndirectArray(false);
    expect(popplerJavaScript(indirect)).toContain("app.alert('annots')");
    expect(await refusal(inspectUpload(indirect, { name: "a.pdf" }, DOSSIER_COMPONENT_POLICY))).toBe(
      "UPLOAD_PDF_ACTIVE_CONTENT",
    );
    const nested = await pdfWithScriptInIndirectArray(true);
    expect(await refusal(inspectUpload(nested, { name: "a.pdf" }, DOSSIER_COMPONENT_POLICY))).toBe(
      "UPLOAD_PDF_ACTIVE_CONTENT",
    );
  });

  it("refuses %PDF- followed by HTML (a PDF/HTML polyglot)", async () => {
    const polyglot = Buffer.from(
      "%PDF-1.4\n<html><body><script>fetch('/api/v1/auth/me')</script></body></html>\n%%EOF\n",
      "latin1",
    );
    expect(await refusal(inspectUpload(polyglot, { name: "a.pdf" }, DOSSIER_COMPONENT_POLICY))).not.toBe(
      "ACCEPTED",
    );
    // Markup appended to a real PDF, outside any stream, is refused as a polyglot.
    const real = Buffer.from(await plainPdf());
    const appended = Buffer.concat([real, Buffer.from("\n<html><script>alert(1)</script></html>\n")]);
    expect(await refusal(inspectUpload(appended, { name: "a.pdf" }, DOSSIER_COMPONENT_POLICY))).toBe(
      "UPLOAD_POLYGLOT",
    );
  });

  it("an accepted PDF has no JavaScript by poppler's count either", async () => {
    const accepted = await plainPdf();
    expect((await inspectUpload(accepted, { name: "a.pdf" }, DOSSIER_COMPONENT_POLICY)).kind).toBe("pdf");
    expect(popplerJavaScript(accepted)).toBe("");
  });

  it("makes file names safe: no directories, no control characters, the real extension", () => {
    expect(safeFileName("../../etc/passwd", "pdf")).toBe("passwd.pdf");
    expect(safeFileName("C:\\Users\\a\\Giấy khai sinh.exe", "pdf")).toBe("Giấy khai sinh.pdf");
    expect(safeFileName("bad\u0000name\u202e.png", "png")).toBe("badname.png");
    expect(safeFileName("...", "jpg")).toBe("tep.jpg");
  });
});
