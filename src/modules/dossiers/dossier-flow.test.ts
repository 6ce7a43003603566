/**
 * The whole way through the HTTP API: a commune desk receives a dossier, a specialist and a leader process it, it
 * goes to the district's Phòng Tư pháp and back with a decision, the clerk records the result and the desk returns
 * it; the public lookup shows each stage. Then the printed forms: valid PDFs in their paper size, with their
 * Vietnamese text intact, the receipt's QR code opening the lookup.
 */
import QRCode from "qrcode";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestClient, type TestContext } from "../../../test/support/test-app.ts";
import { isDossierCode } from "../../domain/codes/index.ts";
import { drawnQrMatrix, flat, inspectPdf, pageSizePoints } from "../../pdf/forms/test-support.ts";
import { act, type DossierJson, MONDAY, QUANG_THUAN, receptionBody, TU_PHAP } from "./test-support.ts";

const PUBLIC_URL = "https://motcua.quangthuan.example.vn";
const A4 = [595, 842];

let ctx: TestContext;
let desk: TestClient;
let specialist: TestClient;
let leader: TestClient;
let clerk: TestClient;
let agencySpecialist: TestClient;
let agencyLeader: TestClient;
let anon: TestClient;

beforeAll(async () => {
  ctx = await createTestContext({ env: { PUBLIC_URL } });
  ctx.clock.set(MONDAY);
  [desk, specialist, leader, clerk, agencySpecialist, agencyLeader] = await Promise.all(
    [
      "tiepnhan.quangthuan",
      "chuyenvien.quangthuan",
      "lanhdao.quangthuan",
      "vanthu.quangthuan",
      "tuphap.bachthong",
      "truongphong.tuphap",
    ].map((u) => ctx.as(u)),
  );
  anon = ctx.client();
});
afterAll(async () => ctx?.close());

interface Lookup {
  status: string;
  currentStep: { name: string; body: string } | null;
  stepsDone: { name: string; body: string }[];
  appointmentAt: string;
  [key: string]: unknown;
}

async function lookup(code: string, secret: string): Promise<Lookup> {
  const res = await anon.get(`/api/v1/dossiers/lookup?code=${encodeURIComponent(code)}&secret=${secret}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Lookup;
}

async function inboxIds(client: TestClient, box = "todo"): Promise<string[]> {
  const res = await client.get(`/api/v1/dossiers/inbox?box=${box}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: { id: string }[] }).items.map((i) => i.id);
}

describe("a dossier from the desk to the district and back", () => {
  let d: DossierJson;
  let code: string;
  let secret: string;
  let receiptUrl: string;

  it("is received at the counter with a code, an appointment and a secret shown once", async () => {
    const res = await desk.post(
      "/api/v1/dossiers",
      receptionBody({
        procedure: "thay-doi-cai-chinh-bo-sung-thong-tin-ho-tich",
        caseId: "thay-doi-cai-chinh",
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json() as {
      dossier: DossierJson;
      receipt: {
        secret: string;
        lookupUrl: string;
        form: { url: string; number: string };
        citizenCopyUrl: string;
      };
    };
    d = body.dossier;
    code = d.code as string;
    secret = body.receipt.secret;
    receiptUrl = body.receipt.form.url;
    expect(isDossierCode(code)).toBe(true);
    expect(code).toMatch(/^000\.17\.31\.H06-261130-\d{4}$/);
    expect(d.status).toBe("received");
    // 3 working days after Monday 30/11 (BLDS 2015 art. 147–148): 1, 2, 3 December, until 17:00.
    expect(d.dueAt).toBe("2026-12-03T17:00:00+07:00");
    expect(body.receipt.form.number).toBe("01");
    expect(body.receipt.lookupUrl).toBe(
      `${PUBLIC_URL}/tra-cuu?code=${encodeURIComponent(code)}&secret=${secret}`,
    );
    const row = await ctx.handle.db
      .selectFrom("dossiers")
      .select("lookup_hash")
      .where("id", "=", d.id)
      .executeTakeFirstOrThrow();
    expect(row.lookup_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.lookup_hash).not.toContain(secret);
    // The detail never shows the secret again.
    expect((await desk.get(`/api/v1/dossiers/${d.id}`)).body).not.toContain(secret);
    expect((await lookup(code, secret)).status).toBe("received");
  });

  it("goes from the desk to the specialist, who claims it from the role's inbox", async () => {
    d = await act(desk, d.id, "forward", { version: d.version });
    expect(d.status).toBe("in_processing");
    expect(d.task?.role).toBe("specialist");
    expect(await inboxIds(specialist)).toContain(d.id);
    expect(await inboxIds(leader)).not.toContain(d.id);
    d = await act(specialist, d.id, "claim", { version: d.version });
    expect(await inboxIds(specialist, "mine")).toContain(d.id);
    d = await act(specialist, d.id, "forward", { version: d.version, note: "Hồ sơ hợp lệ, trình lãnh đạo." });
    expect(d.task?.role).toBe("leader");
    const seen = await lookup(code, secret);
    expect(seen.status).toBe("in_processing");
    expect(seen.stepsDone.length).toBe(2);
  });

  it("is refused a transfer to a unit that does not offer the step, then transferred to the Phòng Tư pháp", async () => {
    const refused = await leader.post(`/api/v1/dossiers/${d.id}/transfer`, {
      version: d.version,
      unitCode: "000.21.31.H06",
      reason: "Thử chuyển nhầm cơ quan.",
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe("UNIT_DOES_NOT_OFFER_STEP");
    d = await act(leader, d.id, "transfer", {
      version: d.version,
      unitCode: TU_PHAP,
      reason: "Cải chính hộ tịch cho người từ đủ 14 tuổi thuộc thẩm quyền Phòng Tư pháp.",
    });
    expect(d.status).toBe("awaiting_other_unit");
    expect(d.task?.unit.code).toBe(TU_PHAP);
    expect(d.task?.role).toBe("specialist");
    const seen = await lookup(code, secret);
    expect(seen.status).toBe("awaiting_other_unit");
    expect(seen.currentStep?.body).toBe("Phòng Tư pháp huyện Bạch Thông");
  });

  it("is worked by the agency with its own steps and time share, and handed back decided", async () => {
    expect(await inboxIds(agencySpecialist)).toContain(d.id);
    expect(await inboxIds(agencySpecialist, "transferred_in")).toContain(d.id);
    expect(await inboxIds(leader, "transferred_out")).toContain(d.id);
    const detail = (await agencySpecialist.get(`/api/v1/dossiers/${d.id}`)).json() as DossierJson & {
      transfers: { dueAt: string; steps: { role: string }[] }[];
    };
    expect(detail.transfers[0]?.steps.map((s) => s.role)).toEqual(["specialist", "leader"]);
    // Not the last step yet: it cannot hand the dossier back.
    const early = await agencySpecialist.post(`/api/v1/dossiers/${d.id}/transfer-return`, {
      version: d.version,
      outcome: "continue",
    });
    expect(early.json().error.code).toBe("TRANSFER_STEP_NOT_LAST");
    d = await act(agencySpecialist, d.id, "forward", { version: d.version });
    expect(d.task?.role).toBe("leader");
    expect(await inboxIds(agencyLeader)).toContain(d.id);
    d = await act(agencyLeader, d.id, "transfer-return", { version: d.version, outcome: "approved" });
    expect(d.status).toBe("approved");
    expect((d.currentUnit as { code: string }).code).toBe(QUANG_THUAN);
    expect(d.task?.role).toBe("clerk");
    // NĐ 118/2025 art. 28: the code was built at reception from the commune that was to resolve it; the Phòng Tư
    // pháp decided, so it is recorded as the resolving authority, and the dossier keeps its code.
    expect(code.startsWith(`${QUANG_THUAN}-`)).toBe(true);
    expect(d.code).toBe(code);
    expect(d.resolvingAgencyCode).toBe(TU_PHAP);
  });

  it("printed the transfer slip (Phiếu chuyển xử lý, NĐ 118/2025 art. 20(2)(a)) with its real number, not a placeholder", async () => {
    const slips = (d.forms as { kind: string; url: string; number: string; title: string }[]).filter(
      (f) => f.kind === "transfer_slip",
    );
    expect(slips).toHaveLength(1);
    expect(slips[0]?.number).toBe("");
    expect(slips[0]?.title).toBe("Phiếu chuyển xử lý hồ sơ");
    const res = await leader.get(slips[0]?.url as string);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-disposition"]).toContain(`transfer-slip-${code}.pdf`);
    const pdf = inspectPdf(res.rawPayload);
    expect(pageSizePoints(pdf.info)).toEqual(A4);
    const text = flat(pdf.text);
    expect(text).toContain("PHIẾU CHUYỂN XỬ LÝ HỒ SƠ");
    expect(text).toContain(`Mã hồ sơ: ${code}`);
    expect(text).toContain(`Phiếu số: 01/${code}`);
    expect(text).toContain("Kính gửi: Phòng Tư pháp huyện Bạch Thông");
    expect(text).toContain(
      "Nội dung đề nghị xử lý: Cải chính hộ tịch cho người từ đủ 14 tuổi thuộc thẩm quyền Phòng Tư pháp.",
    );
    expect(text).toContain("Nguyễn Thị Hồng Nhung");
    expect(text).not.toContain("PCXL");
    expect(text).not.toContain("Mẫu số");
  });

  it("gets its result recorded by the clerk and returned at the counter with the signature", async () => {
    d = await act(clerk, d.id, "result", {
      version: d.version,
      number: "15/TLCC-HT",
      signedOn: "2026-11-30",
      signer: "Mông Văn Trưởng",
    });
    expect(d.status).toBe("result_ready");
    expect((await lookup(code, secret)).status).toBe("result_ready");
    expect(await inboxIds(desk, "desk")).toContain(d.id);
    d = await act(desk, d.id, "return", {
      version: d.version,
      method: "counter",
      signedBy: "Nguyễn Thị Hồng Nhung",
    });
    expect(d.status).toBe("returned");
    const returned = d.returned as { method: string; reference: string; outcome: string };
    expect(returned).toMatchObject({
      method: "counter",
      reference: "Nguyễn Thị Hồng Nhung",
      outcome: "approved",
    });
    const seen = await lookup(code, secret);
    expect(seen.status).toBe("returned");
    expect(seen.stepsDone.map((s) => s.body)).toContain("Phòng Tư pháp huyện Bạch Thông");
    expect(JSON.stringify(seen)).not.toContain("Nguyễn Thị Hồng Nhung");
    expect(JSON.stringify(seen)).not.toContain("006190001234");
  });

  it("shows the whole history to both units", async () => {
    for (const client of [desk, agencyLeader]) {
      const detail = (await client.get(`/api/v1/dossiers/${d.id}`)).json() as DossierJson;
      const actions = detail.events.map((e) => e.action);
      expect(actions).toEqual([
        "receive",
        "forward",
        "claim",
        "forward",
        "transfer",
        "forward",
        "transfer_return",
        "record_result",
        "return",
      ]);
      expect(detail.events.some((e) => e.unit?.code === TU_PHAP)).toBe(true);
    }
    const audit = await ctx.handle.db
      .selectFrom("audit_log")
      .select("action")
      .where("entity_id", "=", d.id)
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toContain("dossier.transfer_return");
  });

  it("answers a wrong secret and an unknown code with the same 404", async () => {
    const wrong = await anon.get(`/api/v1/dossiers/lookup?code=${code}&secret=ABCDEFGH`);
    const unknown = await anon.get("/api/v1/dossiers/lookup?code=000.17.31.H06-261130-9999&secret=ABCDEFGH");
    expect(wrong.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(wrong.body).toBe(unknown.body);
  });

  it("prints the receipt: the desk's copy without the secret, the applicant's with the QR of the lookup", async () => {
    const stored = await desk.get(receiptUrl);
    expect(stored.statusCode).toBe(200);
    expect(stored.headers["content-type"]).toBe("application/pdf");
    const deskCopy = inspectPdf(stored.rawPayload);
    expect(pageSizePoints(deskCopy.info)).toEqual(A4);
    const text = flat(deskCopy.text);
    expect(text).toContain("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ");
    expect(text).toContain("Nguyễn Thị Hồng Nhung");
    expect(text).toContain("Ủy ban nhân dân xã Quang Thuận");
    expect(text).toContain(code);
    expect(text).not.toContain(secret.slice(0, 4));
    const wrong = await desk.post(`/api/v1/dossiers/${d.id}/receipt/citizen-copy`, { secret: "ABCDEFGH" });
    expect(wrong.statusCode).toBe(400);
    const copy = await desk.post(`/api/v1/dossiers/${d.id}/receipt/citizen-copy`, { secret });
    expect(copy.statusCode).toBe(200);
    const citizen = inspectPdf(copy.rawPayload);
    expect(flat(citizen.text)).toContain(`${secret.slice(0, 4)}-${secret.slice(4)}`);
    expect(flat(citizen.text)).toContain("Liên 2");
    const url = `${PUBLIC_URL}/tra-cuu?code=${encodeURIComponent(code)}&secret=${secret}`;
    const qr = QRCode.create(url, { errorCorrectionLevel: "M" });
    const drawn = await drawnQrMatrix(copy.rawPayload, qr.modules.size);
    const expected = Array.from({ length: qr.modules.size }, (_, r) =>
      Array.from({ length: qr.modules.size }, (_, c) => qr.modules.get(r, c) === 1),
    );
    expect(drawn).toEqual(expected);
  });

  it("prints the control sheet (PDF, XLSX) with a row per hand-over", async () => {
    const json = (await desk.get(`/api/v1/dossiers/${d.id}/control-sheet`)).json() as {
      handovers: { fromBody: string; result: string }[];
      coordinatingBodies: string[];
    };
    expect(json.handovers.length).toBe(6);
    expect(json.coordinatingBodies).toEqual(["Phòng Tư pháp huyện Bạch Thông"]);
    const pdf = await desk.get(`/api/v1/dossiers/${d.id}/control-sheet?format=pdf`);
    const sheet = inspectPdf(pdf.rawPayload);
    expect(pageSizePoints(sheet.info)).toEqual(A4);
    expect(flat(sheet.text)).toContain("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ");
    expect(flat(sheet.text)).toContain("Phòng Tư pháp huyện Bạch Thông");
    const xlsx = await desk.get(`/api/v1/dossiers/${d.id}/control-sheet?format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString("latin1")).toBe("PK");
  });
});
