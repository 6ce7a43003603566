import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/support/test-app.ts";

const QUANG_THUAN = "000.17.31.H06";

let ctx: TestContext;
let dir: string;
beforeAll(async () => {
  ctx = await createTestContext();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "motcua-board-"));
});
afterAll(async () => {
  await ctx?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function pdfText(bytes: Buffer, name: string): { text: string; info: string } {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
  return { text: text.normalize("NFC").replace(/\s+/g, " "), info };
}

describe("GET /api/v1/catalog/board", () => {
  it("prints the unit's public board as a valid A4 PDF whose text keeps every diacritic", async () => {
    const res = await ctx.client().get(`/api/v1/catalog/board?unit=${QUANG_THUAN}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(String(res.headers["content-disposition"])).toContain(`niem-yet-tthc-${QUANG_THUAN}`);
    const { text, info } = pdfText(res.rawPayload, "quang-thuan.pdf");
    expect(info).toMatch(/Page size:\s+595\.2\d* x 841\.8\d* pts \(A4\)/);
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThanOrEqual(2);
    expect(info).toContain("Bảng niêm yết thủ tục hành chính – UBND xã Quang Thuận");
    expect(text).toContain("BẢNG NIÊM YẾT THỦ TỤC HÀNH CHÍNH");
    expect(text).toContain("UBND XÃ QUANG THUẬN");
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).toContain("Chứng thực bản sao từ bản chính");
    expect(text).toContain("Cấp Giấy xác nhận tình trạng hôn nhân");
    expect(text).toContain("Công nhận câu lạc bộ thể thao cơ sở");
    expect(text).toContain("(Mã: 2.000815)");
    expect(text).toContain("LĨNH VỰC HỘ TỊCH");
    expect(text).toContain("200.000 đ/bản");
    expect(text).toContain("Toàn trình");
    expect(text).toContain("Thứ Hai đến Thứ Sáu");
    expect(text).toContain("Quang Thuận, ngày 24 tháng 11 năm 2026");
    expect(text).toMatch(/Trang 1\/\d/);
  });

  it("prints an empty board for a unit that offers nothing, and refuses an unknown unit", async () => {
    const empty = await ctx.client().get("/api/v1/catalog/board?unit=000.00.31.H06");
    expect(empty.statusCode).toBe(200);
    expect(pdfText(empty.rawPayload, "empty.pdf").text).toContain(
      "Đơn vị chưa niêm yết thủ tục hành chính nào.",
    );
    const unknown = await ctx.client().get("/api/v1/catalog/board?unit=999.99.99.H99");
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe("UNKNOWN_UNIT");
    expect((await ctx.client().get("/api/v1/catalog/board")).statusCode).toBe(400);
  });
});
