/**
 * Work files (NĐ 30/2020 Điều 28–31) and their export with the metadata of Phụ lục VI: the district's clerk opens a
 * file of the year's list, a decision drafted into it is signed and issued, and the file's XML carries the file's
 * and the document's fields.
 */
import { XMLParser } from "fast-xml-parser";
import { PDFDocument } from "pdf-lib";
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

type FileDetail = {
  status: string;
  version: number;
  archiveDueOn: string | null;
  archiveWarning: string | null;
  documents: { id: string; code: string | null }[];
  catalogApproved: boolean;
};
type FileList = {
  items: {
    id: string;
    notation: string;
    catalogApproved: boolean;
    archiveWarning: string | null;
    version: number;
  }[];
};

describe("work file life: filing, the year's list, closing, hand-over", () => {
  let fileId: string;
  let draftId: string;
  const fileOf = (c: TestClient, id: string) => ok<FileDetail>(c.get(`/api/v1/work-files/${id}`));

  it("files a drafted document into the unit's open file and lists it; refuses a stale version, other units, and hides the file", async () => {
    fileId = (
      await ok<{ id: string }>(
        clerk.post(`/api/v1/units/${ctx.district}/work-files`, {
          year,
          notation: "03.VP",
          title: "Hồ sơ tiếp công dân",
          retentionYears: 5,
        }),
        201,
      )
    ).id;
    draftId = (
      await ok<{ id: string }>(
        specialist.post("/api/v1/documents", {
          typeCode: "cong-van",
          summary: "Về việc tiếp công dân định kỳ",
          content: { text: "Nội dung công văn." },
        }),
        201,
      )
    ).id;
    const d = await detail(specialist, draftId);
    const stale = await specialist.post(`/api/v1/documents/${draftId}/work-file`, {
      version: d.version + 5,
      workFileId: fileId,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: { code: "CONFLICT" } });
    const commune = await ctx.as("vanthu.quangthuan");
    // Another unit's clerk sees neither the document nor the file.
    expect(
      (
        await commune.post(`/api/v1/documents/${draftId}/work-file`, {
          version: d.version,
          workFileId: fileId,
        })
      ).statusCode,
    ).toBe(404);
    expect((await commune.get(`/api/v1/work-files/${fileId}`)).statusCode).toBe(404);
    await ok(
      specialist.post(`/api/v1/documents/${draftId}/work-file`, { version: d.version, workFileId: fileId }),
    );
    const file = await fileOf(specialist, fileId);
    expect(file.documents.map((x) => x.id)).toEqual([draftId]);
    expect((await detail(specialist, draftId)).workFileId).toBe(fileId);
  });

  it("files an incoming document received from outside into the same file", async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage([595, 842]);
    const { id } = await ok<{ id: string }>(
      clerk.post("/api/v1/documents/incoming", {
        upload: { file: Buffer.from(await pdf.save()).toString("base64"), fileName: "cong-van-den.pdf" },
        origin: "outside",
        typeCode: "cong-van",
        summary: "Về việc tiếp công dân",
        issuerName: "Sở Nội vụ tỉnh Bắc Kạn",
        originalNumber: "12/SNV-VP",
        originalDate: `${year}-01-05`,
      }),
      201,
    );
    const d = await detail(clerk, id);
    await ok(clerk.post(`/api/v1/documents/${id}/work-file`, { version: d.version, workFileId: fileId }));
    const file = await fileOf(clerk, fileId);
    // Both were made at the same test-clock instant, so their order is not the point here.
    expect(file.documents.map((x) => x.code ?? "").sort()).toEqual(["", "12/SNV-VP"]);
  });

  it("the head approves the year's list (draft → approved); the clerk may not, and a second approval has nothing left", async () => {
    let list = await ok<FileList>(clerk.get(`/api/v1/units/${ctx.district}/work-files?year=${year}`));
    expect(list.items.filter((f) => !f.catalogApproved).map((f) => f.notation)).toEqual(["01.VP", "03.VP"]);
    const byClerk = await clerk.post(`/api/v1/units/${ctx.district}/work-files/approve`, { year });
    expect(byClerk.statusCode).toBe(403);
    expect(await ok(leader.post(`/api/v1/units/${ctx.district}/work-files/approve`, { year }))).toEqual({
      approved: 2,
    });
    list = await ok<FileList>(clerk.get(`/api/v1/units/${ctx.district}/work-files?year=${year}`));
    expect(list.items.every((f) => f.catalogApproved)).toBe(true);
    const again = await leader.post(`/api/v1/units/${ctx.district}/work-files/approve`, { year });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: "INVALID_STATE" } });
  });

  it("closes the file by the leader with the hand-over due 1 year after the work ended (Luật Lưu trữ 2011 Điều 11(1)(a)) and then refuses changes", async () => {
    let file = await fileOf(leader, fileId);
    // The specialist is neither the keeper nor the leader.
    expect(
      (await specialist.post(`/api/v1/work-files/${fileId}/close`, { version: file.version })).statusCode,
    ).toBe(403);
    expect(
      (await leader.post(`/api/v1/work-files/${fileId}/close`, { version: file.version + 3 })).statusCode,
    ).toBe(409);
    const today = new Date(ctx.clock.now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
    const closed = await ok<{ archiveDueOn: string }>(
      leader.post(`/api/v1/work-files/${fileId}/close`, { version: file.version }),
    );
    const [y, m, dd] = today.split("-");
    expect(closed.archiveDueOn).toBe(`${Number(y) + 1}-${m}-${m === "02" && dd === "29" ? "28" : dd}`);
    file = await fileOf(leader, fileId);
    expect(file).toMatchObject({ status: "closed", archiveWarning: null });
    const again = await leader.post(`/api/v1/work-files/${fileId}/close`, { version: file.version });
    expect(again.json()).toMatchObject({ error: { code: "INVALID_STATE" } });
    // No document goes in or out of a closed file.
    const d = await detail(specialist, draftId);
    const out = await specialist.post(`/api/v1/documents/${draftId}/work-file`, {
      version: d.version,
      workFileId: null,
    });
    expect(out.statusCode).toBe(409);
    expect(out.json()).toMatchObject({ error: { code: "INVALID_STATE" } });
    const drafted = await specialist.post("/api/v1/documents", {
      typeCode: "cong-van",
      summary: "Văn bản vào hồ sơ đã đóng",
      content: { text: "Nội dung." },
      workFileId: fileId,
    });
    expect(drafted.statusCode).toBe(409);
  });

  it("warns 30 days before the hand-over is due (NĐ 30/2020 Phụ lục VI), not 31, and flags an overdue file", async () => {
    const today = new Date(Date.now() + 7 * 3_600_000);
    const inDays = (n: number) => new Date(today.getTime() + n * 86_400_000).toISOString().slice(0, 10);
    const closedFile = async (notation: string, dueOn: string) =>
      ctx.handle.db
        .insertInto("work_files")
        .values({
          unit_id: ctx.district,
          year: year - 1,
          notation,
          title: `Hồ sơ ${notation}`,
          retention_years: 10,
          in_catalog: true,
          status: "closed",
          opened_at: new Date(),
          closed_at: new Date(),
          work_ended_on: inDays(-335),
          archive_due_on: dueOn,
          created_at: new Date(),
        })
        .execute();
    await closedFile("30.VP", inDays(30));
    await closedFile("31.VP", inDays(31));
    await closedFile("99.VP", inDays(-1));
    const list = await ok<FileList>(clerk.get(`/api/v1/units/${ctx.district}/work-files?year=${year - 1}`));
    expect(list.items.map((f) => [f.notation, f.archiveWarning])).toEqual([
      ["30.VP", "due"],
      ["31.VP", null],
      ["99.VP", "overdue"],
    ]);
  });

  it("the clerk hands the closed file to the archive with the record, the leader may not, and it shows in the hand-over list", async () => {
    let file = await fileOf(clerk, fileId);
    const body = { version: file.version, record: "Biên bản giao nhận số 01/BB-VP" };
    expect((await leader.post(`/api/v1/work-files/${fileId}/hand-over`, body)).statusCode).toBe(403);
    // An open file cannot be handed over.
    const open = await ok<FileList>(clerk.get(`/api/v1/units/${ctx.district}/work-files?year=${year}`));
    const first = open.items.find((f) => f.notation === "01.VP");
    const early = await clerk.post(`/api/v1/work-files/${first?.id}/hand-over`, {
      ...body,
      version: first?.version,
    });
    expect(early.json()).toMatchObject({ error: { code: "INVALID_STATE" } });
    await ok(clerk.post(`/api/v1/work-files/${fileId}/hand-over`, body));
    file = await fileOf(clerk, fileId);
    expect(file.status).toBe("archived");
    const list = await ok<{
      items: { notation: string; retention: string; documents: number; handedOver: boolean }[];
    }>(specialist.get(`/api/v1/units/${ctx.district}/work-files/hand-over-list?year=${year}`));
    expect(list.items).toEqual([
      expect.objectContaining({ notation: "03.VP", retention: "5 năm", documents: 2, handedOver: true }),
    ]);
    const twice = await clerk.post(`/api/v1/work-files/${fileId}/hand-over`, {
      ...body,
      version: file.version,
    });
    expect(twice.statusCode).toBe(409);
  });
});
