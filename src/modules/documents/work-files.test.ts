/**
 * Work files (NĐ 30/2020 Điều 28–31) and their export with the metadata of Phụ lục VI: the district's clerk opens a
 * file of the year's list, a decision drafted into it is signed and issued, and the file's XML carries the file's
 * and the document's fields.
 */
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestClient } from "../../../test/support/test-app.ts";
import {
  DECISION_TEXT,
  DEMO_PASSWORD,
  type DocumentsTestContext,
  detail,
  documentsTestContext,
  ok,
} from "./test-support.ts";

let ctx: DocumentsTestContext;
let clerk: TestClient;
let specialist: TestClient;
let leader: TestClient;
const year = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear();

beforeAll(async () => {
  ctx = await documentsTestContext();
  clerk = await ctx.as("vanthu.bachthong");
  specialist = await ctx.as("chuyenvien.bachthong");
  leader = await ctx.as("lanhdao.bachthong");
}, 120_000);
afterAll(async () => ctx?.close());

describe("work files", () => {
  let fileId: string;

  it("lets the clerk open a file of the list, refuses the same number twice and lets a specialist only read", async () => {
    const body = {
      year,
      notation: "01.VP",
      heading: "I. Công tác văn phòng",
      title: `Hồ sơ cải cách hành chính năm ${year}`,
      retentionYears: 10,
    };
    fileId = (await ok<{ id: string }>(clerk.post(`/api/v1/units/${ctx.district}/work-files`, body), 201)).id;
    const again = await clerk.post(`/api/v1/units/${ctx.district}/work-files`, body);
    expect(again.statusCode).toBe(409);
    const bySpecialist = await specialist.post(`/api/v1/units/${ctx.district}/work-files`, {
      ...body,
      notation: "02.VP",
    });
    expect(bySpecialist.statusCode).toBe(403);
    const list = await ok<{ items: { notation: string; documents: number; status: string }[] }>(
      specialist.get(`/api/v1/units/${ctx.district}/work-files?year=${year}`),
    );
    expect(list.items).toEqual([
      expect.objectContaining({ notation: "01.VP", documents: 0, status: "open" }),
    ]);
  });

  it("exports the file with the Phụ lục VI fields of the file and of the issued decision in it", async () => {
    const { id } = await ok<{ id: string }>(
      specialist.post("/api/v1/documents", {
        typeCode: "quyet-dinh",
        summary: "Về việc ban hành Kế hoạch cải cách hành chính",
        content: { text: DECISION_TEXT },
        recipients: [{ childrenOf: ctx.district }],
        urgency: "khan",
        workFileId: fileId,
      }),
      201,
    );
    let d = await detail(specialist, id);
    await ok(specialist.post(`/api/v1/documents/${id}/submit`, { version: d.version }));
    d = await detail(leader, id);
    await ok(
      leader.post(`/api/v1/documents/${id}/sign`, {
        version: d.version,
        mode: "KT",
        signingFor: "Chủ tịch",
        password: DEMO_PASSWORD,
      }),
    );
    d = await detail(clerk, id);
    await ok(clerk.post(`/api/v1/documents/${id}/issue`, { version: d.version, password: DEMO_PASSWORD }));
    const issued = await detail(clerk, id);

    const res = await clerk.get(`/api/v1/work-files/${fileId}/export`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^application\/xml/);
    const xml = new XMLParser({ parseTagValue: false }).parse(res.body) as {
      HoSo: Record<string, unknown> & { VanBan: Record<string, unknown> };
    };
    const file = xml.HoSo;
    // Phụ lục VI, file metadata: FileCode = OrganId (the unit's code) . FileCatalog (year) . FileNotation.
    expect(file.FileCode).toBe(`000.00.31.H06.${year}.01.VP`);
    expect(file.OrganId).toBe("000.00.31.H06");
    expect(file.FileCatalog).toBe(String(year));
    expect(file.FileNotation).toBe("01.VP");
    expect(file.Title).toBe(`Hồ sơ cải cách hành chính năm ${year}`);
    expect(file.Maintenance).toBe("10 năm");
    expect(file.Rights).toBe("Công khai");
    expect(file.Creator).toBe("UBND huyện Bạch Thông");
    expect(file.Language).toBe("Tiếng Việt");
    expect(file.DocTotal).toBe("1");
    // The document: its number 01 and notation QĐ-UBND (NĐ 30/2020 Điều 15), the signer, urgent.
    const doc = file.VanBan;
    expect(doc.DocOrdinal).toBe("1");
    expect(doc.TypeName).toBe("Quyết định");
    expect(doc.CodeNumber).toBe("01");
    expect(doc.CodeNotation).toBe("QĐ-UBND");
    expect(doc.IssuedDate).toBe(issued.issuedOn);
    expect(doc.OrganName).toBe("UBND huyện Bạch Thông");
    expect(doc.Subject).toBe("Về việc ban hành Kế hoạch cải cách hành chính");
    expect(doc.SignerInfo).toEqual({ Position: "Phó Chủ tịch", FullName: "Nông Văn Thành" });
    expect(doc.Priority).toBe("1");
    expect(file.StartDate).toBe(issued.issuedOn);
  }, 120_000);

  it("hides a file from another unit's clerk (404) and refuses anonymous callers", async () => {
    const commune = await ctx.as("vanthu.quangthuan");
    expect((await commune.get(`/api/v1/work-files/${fileId}/export`)).statusCode).toBe(404);
    expect((await commune.get(`/api/v1/units/${ctx.district}/work-files?year=${year}`)).statusCode).toBe(403);
    expect((await ctx.client().get(`/api/v1/work-files/${fileId}/export`)).statusCode).toBe(401);
  });
});
