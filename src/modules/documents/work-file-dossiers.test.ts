/**
 * Dossier results filed into work files (hồ sơ công việc, NĐ 30/2020 Điều 28–31): Quang Thuận's clerk files the
 * result of a dossier the commune resolved into one of its open files by the dossier's code; the file lists it and
 * its Phụ lục VI export carries it (the applicant's name, nothing more of the person). Refused: a dossier with no
 * result yet, a closed file, the same dossier twice, another commune's dossier (hidden) and one the district's
 * Phòng Tư pháp resolved (visible, not ours).
 */
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestClient, type TestContext } from "../../../test/support/test-app.ts";
import { flat, inspectPdf } from "../../pdf/forms/test-support.ts";
import {
  act,
  type DossierJson,
  MONDAY,
  PHU_THONG,
  QUANG_THUAN,
  receptionBody,
  TU_PHAP,
} from "../dossiers/test-support.ts";

let ctx: TestContext;
let desk: TestClient;
let specialist: TestClient;
let leader: TestClient;
let clerk: TestClient;
let otherDesk: TestClient;
let agencySpecialist: TestClient;
let agencyLeader: TestClient;
/** The catalog name of the procedure receptionBody files (the national catalog's wording). */
const PROCEDURE = "Cấp Giấy xác nhận tình trạng hôn nhân";
/** The Vietnamese year of MONDAY (30/11/2026). */
const YEAR = 2026;

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.set(MONDAY);
  [desk, specialist, leader, clerk, otherDesk, agencySpecialist, agencyLeader] = await Promise.all(
    [
      "tiepnhan.quangthuan",
      "chuyenvien.quangthuan",
      "lanhdao.quangthuan",
      "vanthu.quangthuan",
      "tiepnhan.phuthong",
      "tuphap.bachthong",
      "truongphong.tuphap",
    ].map((u) => ctx.as(u)),
  );
}, 120_000);
afterAll(async () => ctx?.close());

async function received(client: TestClient, over: Parameters<typeof receptionBody>[0] = {}) {
  const res = await client.post("/api/v1/dossiers", receptionBody(over));
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { dossier: DossierJson }).dossier;
}

/** Received at the commune's desk and worked to the leader's step. */
async function atLeader(): Promise<DossierJson> {
  let d = await received(desk);
  d = await act(desk, d.id, "forward", { version: d.version });
  d = await act(specialist, d.id, "claim", { version: d.version });
  return act(specialist, d.id, "forward", { version: d.version });
}

/** Approved by the commune's leader and its result recorded by the clerk (result_ready). */
async function withResult(number: string): Promise<DossierJson> {
  let d = await atLeader();
  d = await act(leader, d.id, "approve", { version: d.version });
  d = await act(clerk, d.id, "result", {
    version: d.version,
    number,
    signedOn: "2026-11-30",
    signer: "Hoàng Văn Lãnh",
  });
  expect(d.status).toBe("result_ready");
  return d;
}

async function openFile(notation: string): Promise<string> {
  const res = await clerk.post(`/api/v1/units/${await ctx.unitId(QUANG_THUAN)}/work-files`, {
    year: YEAR,
    notation,
    title: `Hồ sơ giải quyết thủ tục hộ tịch năm ${YEAR} (${notation})`,
    retentionYears: 10,
  });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
}

const fileInto = (client: TestClient, fileId: string, body: Record<string, unknown>) =>
  client.post(`/api/v1/work-files/${fileId}/dossiers`, body);

function refusal(res: { statusCode: number; body: string; json(): unknown }, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  const error = (res.json() as { error: { code: string; message: string; messageEn: string } }).error;
  expect(error.code).toBe(code);
  expect(error.message).not.toBe("");
  expect(error.messageEn).not.toBe("");
}

describe("dossier results in work files", () => {
  let fileId: string;
  let resulted: DossierJson;

  it("refuses a dossier that has no result yet", async () => {
    fileId = await openFile("01.HT");
    const pending = await atLeader();
    refusal(await fileInto(clerk, fileId, { dossierId: pending.id }), 409, "DOSSIER_NO_RESULT");
  });

  it("files a resulted dossier by its code in one transaction with its audit event", async () => {
    resulted = await withResult("15/XN-HT");
    const res = await fileInto(clerk, fileId, { code: resulted.code });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ dossierId: resulted.id, code: resulted.code });
    const audit = await ctx.handle.db
      .selectFrom("audit_log")
      .select(["entity_id", "summary"])
      .where("action", "=", "work_file.file_dossier")
      .execute();
    expect(audit).toEqual([{ entity_id: fileId, summary: { dossierId: resulted.id, code: resulted.code } }]);
  });

  it("lists the result on the file with its code, procedure, applicant and result date", async () => {
    const detail = (await clerk.get(`/api/v1/work-files/${fileId}`)).json() as {
      documents: unknown[];
      dossiers: Record<string, unknown>[];
    };
    expect(detail.documents).toEqual([]);
    expect(detail.dossiers).toEqual([
      expect.objectContaining({
        id: resulted.id,
        code: resulted.code,
        procedureName: PROCEDURE,
        applicantKind: "person",
        applicantName: "Nguyễn Thị Hồng Nhung",
        resultNumber: "15/XN-HT",
        resultDate: "2026-11-30",
        resultSigner: "Hoàng Văn Lãnh",
      }),
    ]);
    // Nothing of the applicant but the name.
    expect(JSON.stringify(detail)).not.toContain("006190001234");
    const list = (
      await specialist.get(`/api/v1/units/${await ctx.unitId(QUANG_THUAN)}/work-files?year=${YEAR}`)
    ).json() as { items: { notation: string; documents: number; dossiers: number }[] };
    expect(list.items).toEqual([expect.objectContaining({ notation: "01.HT", documents: 0, dossiers: 1 })]);
  });

  it("exports the result in the file's Phụ lục VI XML, restricted, with the applicant's name only", async () => {
    const res = await clerk.get(`/api/v1/work-files/${fileId}/export`);
    expect(res.statusCode, res.body).toBe(200);
    const xml = new XMLParser({ parseTagValue: false }).parse(res.body) as {
      HoSo: Record<string, unknown> & { VanBan: Record<string, unknown> };
    };
    expect(xml.HoSo.DocTotal).toBe("1");
    // A person's data is in the file: the file is not public (as a confidential document makes it).
    expect(xml.HoSo.Rights).toBe("Hạn chế");
    expect(xml.HoSo.StartDate).toBe("2026-11-30");
    expect(xml.HoSo.EndDate).toBe("2026-11-30");
    expect(xml.HoSo.VanBan).toMatchObject({
      DocOrdinal: "1",
      TypeName: "Kết quả giải quyết thủ tục hành chính",
      CodeNumber: "15",
      CodeNotation: "XN-HT",
      IssuedDate: "2026-11-30",
      Subject: PROCEDURE,
      SignerInfo: { FullName: "Hoàng Văn Lãnh" },
      DossierInfo: {
        DossierCode: resulted.code,
        ProcedureName: PROCEDURE,
        Applicant: "Nguyễn Thị Hồng Nhung",
        ResultDate: "2026-11-30",
      },
    });
    for (const secret of ["006190001234", "0912 345 678", "nhung@example.vn", "Thôn Nà Mèo"]) {
      expect(res.body).not.toContain(secret);
    }
  });

  it("prints the file as PDF with the result among its papers, the applicant's name only", async () => {
    const res = await clerk.get(`/api/v1/work-files/${fileId}/export?format=pdf`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toContain(`ho-so-${YEAR}-01.HT.pdf`);
    const text = flat(inspectPdf(res.rawPayload).text);
    expect(text).toContain("MỤC LỤC VĂN BẢN TRONG HỒ SƠ");
    expect(text).toContain(`Mã hồ sơ: ${QUANG_THUAN}.${YEAR}.01.HT`);
    expect(text).toContain("Chế độ sử dụng: Hạn chế");
    expect(text).toContain("Tổng số văn bản: 1");
    expect(text).toContain("15/XN-HT");
    expect(text).toContain("30/11/2026");
    expect(text).toContain(resulted.code as string);
    expect(text).toContain("Nguyễn Thị Hồng Nhung");
    expect(text).not.toContain("006190001234");
  });

  it("refuses the same dossier twice, into the same file or another", async () => {
    refusal(await fileInto(clerk, fileId, { dossierId: resulted.id }), 409, "DOSSIER_ALREADY_FILED");
    const other = await openFile("02.HT");
    const again = await fileInto(leader, other, { code: resulted.code });
    refusal(again, 409, "DOSSIER_ALREADY_FILED");
    expect((again.json() as { error: { details: unknown } }).error.details).toMatchObject({
      workFileId: fileId,
      notation: "01.HT",
    });
    const rows = await ctx.handle.db
      .selectFrom("work_file_dossiers")
      .select("work_file_id")
      .where("dossier_id", "=", resulted.id)
      .execute();
    expect(rows).toEqual([{ work_file_id: fileId }]);
  });

  it("refuses a closed file and a handed-over one, then takes the result into an open file", async () => {
    const closedId = await openFile("03.HT");
    const file = (await clerk.get(`/api/v1/work-files/${closedId}`)).json() as { version: number };
    const closed = await leader.post(`/api/v1/work-files/${closedId}/close`, { version: file.version });
    expect(closed.statusCode, closed.body).toBe(200);
    const next = await withResult("16/XN-HT");
    refusal(await fileInto(clerk, closedId, { dossierId: next.id }), 409, "WORK_FILE_CLOSED");
    const after = (await clerk.get(`/api/v1/work-files/${closedId}`)).json() as { version: number };
    const handed = await clerk.post(`/api/v1/work-files/${closedId}/hand-over`, {
      version: after.version,
      record: "Biên bản giao nhận số 01/BB-VP",
    });
    expect(handed.statusCode, handed.body).toBe(200);
    refusal(await fileInto(clerk, closedId, { dossierId: next.id }), 409, "WORK_FILE_CLOSED");
    expect((await fileInto(clerk, fileId, { dossierId: next.id })).statusCode).toBe(201);
  });

  it("hides another commune's dossier and refuses one the district's Phòng Tư pháp resolved", async () => {
    const theirs = await received(otherDesk);
    expect(theirs.code?.startsWith(`${PHU_THONG}-`)).toBe(true);
    refusal(await fileInto(clerk, fileId, { dossierId: theirs.id }), 404, "NOT_FOUND");
    refusal(await fileInto(clerk, fileId, { code: theirs.code }), 404, "NOT_FOUND");
    // Transferred to the Phòng Tư pháp, which decides (NĐ 118/2025 art. 28: it becomes the resolving authority);
    // the commune's clerk records the result, which the commune sees but did not resolve.
    let d = await received(desk, {
      procedure: "thay-doi-cai-chinh-bo-sung-thong-tin-ho-tich",
      caseId: "thay-doi-cai-chinh",
    } as Parameters<typeof receptionBody>[0]);
    d = await act(desk, d.id, "forward", { version: d.version });
    d = await act(specialist, d.id, "claim", { version: d.version });
    d = await act(specialist, d.id, "forward", { version: d.version });
    d = await act(leader, d.id, "transfer", {
      version: d.version,
      unitCode: TU_PHAP,
      reason: "Cải chính hộ tịch cho người từ đủ 14 tuổi thuộc thẩm quyền Phòng Tư pháp.",
    });
    d = await act(agencySpecialist, d.id, "forward", { version: d.version });
    d = await act(agencyLeader, d.id, "transfer-return", { version: d.version, outcome: "approved" });
    d = await act(clerk, d.id, "result", {
      version: d.version,
      number: "17/TLCC-HT",
      signedOn: "2026-11-30",
      signer: "Mông Văn Trưởng",
    });
    expect(d.resolvingAgencyCode).toBe(TU_PHAP);
    const refused = await fileInto(clerk, fileId, { dossierId: d.id });
    refusal(refused, 403, "FORBIDDEN");
    expect((refused.json() as { error: { details: unknown } }).error.details).toMatchObject({
      reason: "not_resolving_unit",
    });
  });

  it("hides the file from the desk (who does not read the unit's files) and wants exactly one of id or code", async () => {
    const next = await withResult("18/XN-HT");
    refusal(await fileInto(desk, fileId, { dossierId: next.id }), 404, "NOT_FOUND");
    refusal(await fileInto(clerk, fileId, { dossierId: next.id, code: next.code }), 400, "VALIDATION_FAILED");
    refusal(await fileInto(clerk, fileId, {}), 400, "VALIDATION_FAILED");
    const rows = await ctx.handle.db
      .selectFrom("work_file_dossiers")
      .select("dossier_id")
      .where("dossier_id", "=", next.id)
      .execute();
    expect(rows).toEqual([]);
  });
});

describe("two filings of one dossier at once", () => {
  it("lets one win and refuses the other, leaving one row", async () => {
    const d = await withResult("19/XN-HT");
    const files = (
      await clerk.get(`/api/v1/units/${await ctx.unitId(QUANG_THUAN)}/work-files?year=${YEAR}`)
    ).json() as { items: { id: string; status: string }[] };
    const open = files.items.filter((f) => f.status === "open").map((f) => f.id);
    expect(open.length).toBe(2);
    const answers = await Promise.all([
      fileInto(clerk, open[0] as string, { dossierId: d.id }),
      fileInto(leader, open[1] as string, { dossierId: d.id }),
    ]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const rows = await ctx.handle.db
      .selectFrom("work_file_dossiers")
      .select("work_file_id")
      .where("dossier_id", "=", d.id)
      .execute();
    expect(rows.length).toBe(1);
  });
});

describe("the year's hand-over list", () => {
  it("counts a closed file's filed results among its papers", async () => {
    const unit = await ctx.unitId(QUANG_THUAN);
    const list = (await clerk.get(`/api/v1/units/${unit}/work-files?year=${YEAR}`)).json() as {
      items: { id: string; notation: string; version: number; dossiers: number }[];
    };
    const first = list.items.find((f) => f.notation === "01.HT");
    // 15/XN-HT and 16/XN-HT were filed into 01.HT above, and 19/XN-HT into 01.HT or 02.HT.
    expect([2, 3]).toContain(first?.dossiers);
    const closed = await leader.post(`/api/v1/work-files/${first?.id}/close`, { version: first?.version });
    expect(closed.statusCode, closed.body).toBe(200);
    const handOver = (
      await clerk.get(`/api/v1/units/${unit}/work-files/hand-over-list?year=${YEAR}`)
    ).json() as {
      items: { notation: string; documents: number }[];
    };
    expect(handOver.items.find((f) => f.notation === "01.HT")?.documents).toBe(first?.dossiers);
  });
});
