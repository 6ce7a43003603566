/**
 * Issue 14, finding 4: a zip bomb whose directory lies about its sizes. The XLSX import must end in a 4xx and
 * the process must not grow by more than 50 MB while answering: the bytes really inflated are capped while
 * streaming, whatever the archive claims. (The time is printed, not asserted: on a shared machine a timing
 * assertion flakes, and the cap is what bounds it.)
 */
import { once } from "node:events";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestClient, type TestContext } from "../../../test/support/test-app.ts";

let ctx: TestContext;
let admin: TestClient;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.as("admin");
}, 300_000);
afterAll(async () => ctx?.close());

/** `megabytes` of spaces, deflated as they are produced (the test never holds them inflated). */
async function deflatedSpaces(megabytes: number): Promise<Buffer> {
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on("data", (c: Buffer) => chunks.push(c));
  const block = Buffer.alloc(1024 * 1024, 0x20);
  for (let i = 0; i < megabytes; i++) if (!deflate.write(block)) await once(deflate, "drain");
  deflate.end();
  await once(deflate, "end");
  return Buffer.concat(chunks);
}

/** A ZIP whose local and central headers claim `claimedSize` bytes for every entry, whatever they inflate to. */
function lyingZip(entries: { name: string; deflated: Buffer; claimedSize: number }[]): Buffer {
  const parts: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(e.claimedSize, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, e.deflated);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.deflated.length, 20);
    central.writeUInt32LE(e.claimedSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + e.deflated.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}

describe("XLSX zip bomb with false sizes (issue 14, finding 4)", () => {
  it("ends in a 4xx and the process grows by less than 50 MB", async () => {
    const contentTypes = Buffer.from(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
    );
    const bomb = lyingZip([
      {
        name: "[Content_Types].xml",
        deflated: zlib.deflateRawSync(contentTypes),
        claimedSize: contentTypes.length,
      },
      // 300 MB of XML padding, claimed as 2 KB.
      { name: "xl/workbook.xml", deflated: await deflatedSpaces(300), claimedSize: 2048 },
    ]);
    expect(bomb.length).toBeLessThan(700_000);
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 2);
    const started = performance.now();
    const res = await admin.post("/api/v1/catalog/import", { format: "xlsx", file: bomb.toString("base64") });
    const ms = performance.now() - started;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    console.info(
      `zip bomb import: ${res.statusCode} in ${Math.round(ms)} ms, RSS +${((peak - baseline) / 1e6).toFixed(1)} MB`,
    );
    expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect((res.json() as { error: { code: string } }).error.code).toBe("UPLOAD_ARCHIVE_REFUSED");
    expect(peak - baseline).toBeLessThan(50 * 1024 * 1024);
  }, 180_000);
});
