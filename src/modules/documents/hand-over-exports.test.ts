/**
 * The year's hand-over list printed as PDF (mục lục hồ sơ, tài liệu nộp lưu, NĐ 30/2020 Điều 28–31) by a
 * background pass: the request answers at once, the pass draws it, the file has the list's columns and the row of
 * the closed file as written out here from what the test put in it (read back with pdftotext).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestClient, type TestContext } from "../../../test/support/test-app.ts";
import { HAND_OVER_LIST_COLUMNS } from "../../pdf/documents/hand-over-list.ts";
import { runHandOverListPass } from "./hand-over-exports.ts";
import { ok } from "./test-support.ts";

let ctx: TestContext;
let district: string;
let clerk: TestClient;

function pdftotext(pdf: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), "motcua-hol-"));
  try {
    writeFileSync(join(dir, "a.pdf"), pdf);
    return spawnSync("pdftotext", ["-layout", join(dir, "a.pdf"), "-"], { encoding: "utf8" }).stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface ExportView {
  id: string;
  status: string;
  fileUrl: string | null;
}

beforeAll(async () => {
  ctx = await createTestContext();
  district = await ctx.unitId("000.00.31.H06");
  clerk = await ctx.as("vanthu.bachthong");
  const specialist = await ctx.as("chuyenvien.bachthong");
  const leader = await ctx.as("lanhdao.bachthong");
  // Opened on 2 March 2026 at 09:00 in Vietnam, kept permanently; two drafts of 3 and 4 pages filed into it.
  ctx.clock.set(new Date("2026-03-02T02:00:00Z"));
  const { id: fileId } = await ok<{ id: string }>(
    clerk.post(`/api/v1/units/${district}/work-files`, {
      year: 2026,
      notation: "01.VP",
      title: "Hồ sơ tiếp công dân năm 2026",
      retentionYears: null,
    }),
    201,
  );
  for (const [summary, pages] of [
    ["Về việc tiếp công dân định kỳ", 3],
    ["Về việc tiếp công dân đột xuất", 4],
  ] as const) {
    const { id } = await ok<{ id: string }>(
      specialist.post("/api/v1/documents", {
        typeCode: "cong-van",
        summary,
        content: { text: "Nội dung." },
        workFileId: fileId,
      }),
      201,
    );
    await ctx.handle.db.updateTable("documents").set({ page_count: pages }).where("id", "=", id).execute();
  }
  // An open file of the same year: not in the list until it is closed.
  await ok(
    clerk.post(`/api/v1/units/${district}/work-files`, {
      year: 2026,
      notation: "02.VP",
      title: "Hồ sơ đang mở",
      retentionYears: 5,
    }),
    201,
  );
  ctx.clock.set(new Date("2026-07-01T02:00:00Z"));
  const file = await ok<{ version: number }>(leader.get(`/api/v1/work-files/${fileId}`));
  await ok(
    leader.post(`/api/v1/work-files/${fileId}/close`, { version: file.version, workEndedOn: "2026-06-30" }),
  );
}, 120_000);
afterAll(async () => ctx?.close());

describe("printing the hand-over list", () => {
  let exportId: string;

  it("answers the request at once with a pending job; the file is not there before the pass", async () => {
    const job = await ok<ExportView>(
      clerk.post(`/api/v1/units/${district}/work-files/hand-over-list/exports`, { year: 2026 }),
      202,
    );
    expect(job).toMatchObject({ status: "pending", fileUrl: null });
    exportId = job.id;
    const early = await clerk.get(
      `/api/v1/units/${district}/work-files/hand-over-list/exports/${exportId}/file`,
    );
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ error: { code: "HAND_OVER_LIST_NOT_READY" } });
  });

  it("draws the list in the pass: the columns, and the closed file's row as the list must read", async () => {
    expect(await runHandOverListPass(ctx.handle.db, ctx.clock.now)).toEqual({ done: 1, failed: 0 });
    const job = await ok<ExportView>(
      clerk.get(`/api/v1/units/${district}/work-files/hand-over-list/exports/${exportId}`),
    );
    expect(job.status).toBe("done");
    const file = await clerk.get(job.fileUrl as string);
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toBe("application/pdf");
    const text = pdftotext(new Uint8Array(file.rawPayload));
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain("MỤC LỤC HỒ SƠ, TÀI LIỆU NỘP LƯU");
    expect(flat).toContain("UBND HUYỆN BẠCH THÔNG");
    for (const heading of [
      "Số TT",
      "Số, ký hiệu hồ sơ",
      "Tiêu đề hồ sơ",
      "Thời gian tài liệu",
      "Thời hạn bảo quản",
      "Số lượng văn bản",
      "Số tờ (trang)",
      "Ghi chú",
    ]) {
      // pdftotext may break a heading over two lines of its cell; the words stay in order.
      const words = heading.split(" ").map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
      expect(flat).toMatch(new RegExp(words.join("\\s+(?:\\S+\\s+)*?")));
    }
    expect(HAND_OVER_LIST_COLUMNS).toHaveLength(8);
    // Ordinal 1, its number, its title, opened 02/03/2026 and ended 30/06/2026, permanent, 2 documents, 3 + 4 pages.
    const row = text.split("\n").find((line) => line.includes("01.VP")) ?? "";
    expect(row.trim().split(/\s{2,}/)).toEqual([
      "1",
      "01.VP",
      "Hồ sơ tiếp công dân năm 2026",
      "02/03/2026 – 30/06/2026",
      "Vĩnh viễn",
      "2",
      "7",
    ]);
    expect(flat).not.toContain("02.VP");
    expect(flat).toContain("Mục lục này gồm 1 hồ sơ, 2 văn bản, 7 tờ (trang).");
  });

  it("refuses the supervisor (statistics only), and hides another unit's print", async () => {
    const supervisor = await ctx.as("giamsat.bachthong");
    const refused = await supervisor.post(`/api/v1/units/${district}/work-files/hand-over-list/exports`, {
      year: 2026,
    });
    expect(refused.statusCode).toBe(403);
    const commune = await ctx.unitId("000.17.31.H06");
    const other = await ctx.as("vanthu.quangthuan");
    const hidden = await other.get(`/api/v1/units/${commune}/work-files/hand-over-list/exports/${exportId}`);
    expect(hidden.statusCode).toBe(404);
  });
});
