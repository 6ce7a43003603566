/**
 * Document statistics per unit (GET /units/:id/document-stats): counts only, for the unit's leader and the
 * supervisors above it (document.stats), with a row for the unit and one per unit directly below it that the caller
 * may read, each counting its whole subtree, and their total. Every figure expected here is the arithmetic of the
 * documents this file receives.
 */
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestClient } from "../../../test/support/test-app.ts";
import type { DocumentStats } from "../../contracts/documents.ts";
import { type DocumentsTestContext, documentsTestContext, ok } from "./test-support.ts";

type Stats = import("zod").infer<typeof DocumentStats>;

let ctx: DocumentsTestContext;
let quangThuan: string;
let province: string;
const year = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear();
const thisYear = `from=${year}-01-01&to=${year}-12-31`;

async function receive(client: TestClient, origin: "paper" | "outside", n: number): Promise<void> {
  const pdf = await PDFDocument.create();
  pdf.addPage([595, 842]);
  const file = Buffer.from(await pdf.save()).toString("base64");
  for (let i = 1; i <= n; i++) {
    await ok(
      client.post("/api/v1/documents/incoming", {
        upload: { file, fileName: `cong-van-${origin}-${i}.pdf` },
        origin,
        typeCode: "cong-van",
        summary: `Về việc thống kê văn bản ${origin} ${i}`,
        issuerName: "Sở Nội vụ tỉnh Bắc Kạn",
        originalNumber: `${i}/SNV-VP`,
        originalDate: `${year}-01-05`,
      }),
      201,
    );
  }
}

beforeAll(async () => {
  ctx = await documentsTestContext();
  quangThuan = await ctx.unitId("000.17.31.H06");
  province = await ctx.unitId("000.00.00.H06");
  // The district's clerk receives two letters on paper and one from an outside system; Quang Thuận's one on paper.
  const districtClerk = await ctx.as("vanthu.bachthong");
  await receive(districtClerk, "paper", 2);
  await receive(districtClerk, "outside", 1);
  await receive(await ctx.as("vanthu.quangthuan"), "paper", 1);
}, 120_000);
afterAll(async () => ctx?.close());

describe("document statistics per unit", () => {
  it("gives the district's leader the district's own row only, and the total equal to it", async () => {
    const leader = await ctx.as("lanhdao.bachthong");
    const s = await ok<Stats>(leader.get(`/api/v1/units/${ctx.district}/document-stats?${thisYear}`));
    expect(s.received).toEqual({ electronic: 1, paper: 2 });
    expect(s.rows.map((r) => [r.unitId, r.below])).toEqual([[ctx.district, false]]);
    expect(s.total.received).toEqual({ electronic: 1, paper: 2 });
    expect(s.total.sent).toEqual({ electronic: 0, paper: 0 });
  });

  it("gives the district's supervisor a row per unit below, each commune with its own figures, and the sum", async () => {
    const supervisor = await ctx.as("giamsat.bachthong");
    const s = await ok<Stats>(supervisor.get(`/api/v1/units/${ctx.district}/document-stats?${thisYear}`));
    // The district's own figures stay at the top, as before.
    expect(s.received).toEqual({ electronic: 1, paper: 2 });
    expect(s.rows[0]).toMatchObject({
      unitId: ctx.district,
      below: false,
      received: { electronic: 1, paper: 2 },
    });
    // 17 communes and towns and two offices (Phòng Tư pháp, Phòng Tài nguyên và Môi trường) under the district.
    expect(s.rows.slice(1).filter((r) => r.below)).toHaveLength(19);
    expect(s.rows.find((r) => r.unitId === quangThuan)?.received).toEqual({ electronic: 0, paper: 1 });
    // District 1 + 0 electronic, 2 + 1 on paper.
    expect(s.total.received).toEqual({ electronic: 1, paper: 3 });
    const others = s.rows.filter((r) => r.unitId !== quangThuan && r.unitId !== ctx.district);
    expect(others.every((r) => r.received.paper === 0 && r.received.electronic === 0)).toBe(true);
  });

  it("rolls a district's communes into its row for the province's supervisor", async () => {
    const supervisor = await ctx.as("giamsat.backan");
    const s = await ok<Stats>(supervisor.get(`/api/v1/units/${province}/document-stats?${thisYear}`));
    expect(s.rows[0]).toMatchObject({ unitId: province, received: { electronic: 0, paper: 0 } });
    expect(s.rows.find((r) => r.unitId === ctx.district)).toMatchObject({
      below: true,
      received: { electronic: 1, paper: 3 },
    });
    expect(s.total.received).toEqual({ electronic: 1, paper: 3 });
  });

  it("counts nothing outside the period, refuses a period that ends before it starts, and another unit's leader", async () => {
    const supervisor = await ctx.as("giamsat.bachthong");
    const next = await ok<Stats>(
      supervisor.get(
        `/api/v1/units/${ctx.district}/document-stats?from=${year + 1}-01-01&to=${year + 1}-12-31`,
      ),
    );
    expect(next.total.received).toEqual({ electronic: 0, paper: 0 });
    const backwards = await supervisor.get(
      `/api/v1/units/${ctx.district}/document-stats?from=${year}-12-31&to=${year}-01-01`,
    );
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json()).toMatchObject({ error: { code: "VALIDATION_FAILED" } });
    const communeLeader = await ctx.as("lanhdao.quangthuan");
    expect(
      (await communeLeader.get(`/api/v1/units/${ctx.district}/document-stats?${thisYear}`)).statusCode,
    ).toBe(403);
  });
});
