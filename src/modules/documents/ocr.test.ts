/**
 * A scanned Vietnamese page is found by a word typed without diacritics: the page is made here with ImageMagick
 * (text rendered in the document face, Gaussian noise added), received as a paper scan, read by the OCR pass
 * (tesseract with the Vietnamese model) and found by the documents search.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestClient } from "../../../test/support/test-app.ts";
import { commandAvailable } from "../../signing/test-support.ts";
import { claimOcrJobs, runOcrPass } from "./ocr.ts";
import { type DocumentsTestContext, detail, documentsTestContext, ok } from "./test-support.ts";

const FONT = fileURLToPath(new URL("../../pdf/fonts/LiberationSerif-Regular.ttf", import.meta.url));
const tools = commandAvailable("tesseract", ["--version"]) && commandAvailable("convert", ["-version"]);

function noisyScan(lines: string[]): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), "motcua-scan-"));
  try {
    const out = join(dir, "scan.png");
    const run = spawnSync(
      "convert",
      [
        "-size",
        "2000x700",
        "xc:white",
        "-font",
        FONT,
        "-pointsize",
        "54",
        "-fill",
        "black",
        ...lines.flatMap((line, i) => ["-annotate", `+80+${140 + i * 110}`, line]),
        "-attenuate",
        "0.5",
        "+noise",
        "Gaussian",
        "-colorspace",
        "Gray",
        out,
      ],
      { encoding: "utf8" },
    );
    if (run.status !== 0) throw new Error(run.stderr);
    return new Uint8Array(readFileSync(out));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let ctx: DocumentsTestContext;
let clerk: TestClient;

beforeAll(async () => {
  ctx = await documentsTestContext();
  clerk = await ctx.as("vanthu.quangthuan");
}, 120_000);
afterAll(async () => ctx?.close());

describe.skipIf(!tools)("OCR of scanned paper and search without diacritics", () => {
  it("finds a noisy scan by a word of its text typed without diacritics, and only after OCR", async () => {
    const scan = noisyScan([
      "KẾ HOẠCH phòng chống thiên tai",
      "và tìm kiếm cứu nạn năm 2027",
      "trên địa bàn huyện Bạch Thông",
    ]);
    const { id } = await ok<{ id: string }>(
      clerk.post("/api/v1/documents/incoming", {
        upload: { file: Buffer.from(scan).toString("base64"), fileName: "ban-quet.png" },
        origin: "paper",
        typeCode: "ke-hoach",
        summary: "Văn bản giấy của Ban Chỉ huy quân sự",
        issuerName: "Ban Chỉ huy quân sự huyện",
        originalNumber: "57/KH-BCH",
        originalDate: "2026-11-30",
      }),
      201,
    );
    const search = (q: string) =>
      ok<{ items: { id: string }[] }>(clerk.get(`/api/v1/documents?box=all&q=${encodeURIComponent(q)}`));
    expect((await search("thien tai")).items.map((i) => i.id)).not.toContain(id);
    expect((await detail(clerk, id)).ocrStatus).toBe("pending");

    const pass = await runOcrPass({ db: ctx.handle.db, files: ctx.app.deps.files }, ctx.clock.now);
    expect(pass).toEqual({ done: 1, failed: 0 });
    expect((await detail(clerk, id)).ocrStatus).toBe("done");
    expect((await search("thien tai")).items.map((i) => i.id)).toContain(id);
    expect((await search("cuu nan")).items.map((i) => i.id)).toContain(id);
    expect((await search("Thiên Tai")).items.map((i) => i.id)).toContain(id);
    // A word that is on no document finds nothing.
    expect((await search("thien tai hoa hoan")).items.map((i) => i.id)).not.toContain(id);
    // Another unit's clerk searching the same words does not see it.
    const other = await ctx.as("vanthu.phuthong");
    const theirs = await ok<{ items: { id: string }[] }>(other.get("/api/v1/documents?q=thien%20tai"));
    expect(theirs.items.map((i) => i.id)).not.toContain(id);
  }, 180_000);

  it("claims a job once: a second claim within the lease gets nothing (FOR UPDATE SKIP LOCKED + lease)", async () => {
    await ctx.handle.db
      .updateTable("documents")
      .set({ ocr_status: "pending", ocr_attempts: 0 })
      .where("ocr_status", "=", "done")
      .execute();
    const first = await claimOcrJobs(ctx.handle.db, ctx.clock.now, 10);
    expect(first.length).toBeGreaterThan(0);
    expect(await claimOcrJobs(ctx.handle.db, ctx.clock.now, 10)).toEqual([]);
    const later = new Date(ctx.clock.now.getTime() + 11 * 60_000);
    expect((await claimOcrJobs(ctx.handle.db, later, 10)).map((j) => j.id)).toEqual(first.map((j) => j.id));
  });
});
