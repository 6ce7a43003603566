import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestClient, type TestContext } from "../../../test/support/test-app.ts";
import { currentVersion, getProcedure, procedureVersionAt } from "./queries.ts";

const QUANG_THUAN = "000.17.31.H06";
const PHU_THONG = "000.01.31.H06";
const BACH_THONG = "000.00.31.H06";
const THAI_NGUYEN = "000.00.00.H19";
const BIRTH = "dang-ky-khai-sinh";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

type Doc = Record<string, unknown> & { workflow: { role: string; share: number; nameVi: string }[] };

async function documentOf(slug: string, version = 1): Promise<Doc> {
  const res = await ctx.client().get(`/api/v1/procedures/${slug}/versions/${version}`);
  expect(res.statusCode, res.body).toBe(200);
  return structuredClone(res.json().document) as Doc;
}

function issuesOf(body: { error: { details?: { issues?: { path: string; messageEn: string }[] } } }) {
  return body.error.details?.issues ?? [];
}

function newProcedure(slug: string, base: Doc): Doc {
  const doc = structuredClone(base);
  doc.id = slug;
  doc.code = {
    status: "unverified",
    value: null,
    candidate: null,
    note: "Thủ tục đặc thù của địa phương (thử nghiệm).",
  };
  doc.name = "Xác nhận thử nghiệm của huyện Bạch Thông";
  doc.nameEn = "Test confirmation of Bạch Thông district";
  doc.levels = ["commune"];
  return doc;
}

describe("versions", () => {
  let admin: TestClient;
  beforeAll(async () => {
    admin = await ctx.as("admin");
  });

  it("adds a version with an effective date; the old one stays readable and in force until then", async () => {
    const v1 = await documentOf(BIRTH);
    const edited = structuredClone(v1);
    edited.notes = [...(v1.notes as string[]), "Phiên bản thử nghiệm: thêm ghi chú."];
    edited.processingTime = {
      standard: { kind: "duration", value: 1, unit: "working_days" },
      online: null,
      extension: null,
    };
    const res = await admin.post(`/api/v1/procedures/${BIRTH}/versions`, {
      document: edited,
      effectiveFrom: "2026-12-01",
      baseVersion: 1,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().version).toMatchObject({ version: 2, effectiveFrom: "2026-12-01", inForce: false });

    // Today (24/11/2026) version 1 is still in force; from 1/12 version 2.
    const today = (await ctx.client().get(`/api/v1/procedures/${BIRTH}`)).json();
    expect(today.version.version).toBe(1);
    expect(today.latestVersion).toBe(2);
    expect(today.summary.timeVi).toMatch(/^Trong ngày/);
    const later = (await ctx.client().get(`/api/v1/procedures/${BIRTH}?at=2026-12-01`)).json();
    expect(later.version.version).toBe(2);
    expect(later.summary.timeVi).toBe("1 ngày làm việc");

    const versions = (await ctx.client().get(`/api/v1/procedures/${BIRTH}/versions`)).json().items;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions[1]).toMatchObject({
      effectiveFrom: "2025-07-01",
      supersededFrom: "2026-12-01",
      inForce: true,
    });

    const old = await documentOf(BIRTH, 1);
    expect(old.processingTime).toEqual(v1.processingTime);
    expect(old.notes).toEqual(v1.notes);

    // Search reads the catalog of the day too.
    const searchToday = (await ctx.client().get("/api/v1/procedures?q=dang%20ky%20khai%20sinh")).json();
    expect(searchToday.items[0]).toMatchObject({ slug: BIRTH, version: 1 });
    const searchLater = (
      await ctx.client().get("/api/v1/procedures?q=dang%20ky%20khai%20sinh&at=2026-12-02")
    ).json();
    expect(searchLater.items[0]).toMatchObject({ slug: BIRTH, version: 2 });
  });

  it("gives a dossier the version in force on its filing day in Vietnam (UTC+7)", async () => {
    const db = ctx.handle.db;
    const procedure = await getProcedure(db, BIRTH);
    const lastOld = await procedureVersionAt(db, procedure.id, new Date("2026-11-30T16:59:59Z"));
    const firstNew = await procedureVersionAt(db, procedure.id, new Date("2026-11-30T17:00:00Z"));
    expect(lastOld?.version).toBe(1);
    expect(firstNew?.version).toBe(2);
    // A dossier filed on 24/11 keeps version 1's id whatever comes later; one filed in December gets version 2.
    expect((await currentVersion(db, procedure.id, ctx.clock.now))?.id).toBe(lastOld?.id);
    expect((await currentVersion(db, procedure.id, new Date("2027-01-05T03:00:00Z")))?.id).toBe(firstNew?.id);
  });

  it("refuses a stale base version (409), an earlier effective date (422) and a changed identifier (422)", async () => {
    const doc = await documentOf(BIRTH, 2);
    const stale = await admin.post(`/api/v1/procedures/${BIRTH}/versions`, { document: doc, baseVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: "CONFLICT", details: { currentVersion: 2 } });
    const earlier = await admin.post(`/api/v1/procedures/${BIRTH}/versions`, {
      document: doc,
      baseVersion: 2,
      effectiveFrom: "2026-11-30",
    });
    expect(earlier.statusCode).toBe(422);
    expect(earlier.json().error.code).toBe("VERSION_DATE_ORDER");
    const renamed = await admin.post(`/api/v1/procedures/${BIRTH}/versions`, {
      document: { ...doc, id: "khai-sinh-khac" },
      baseVersion: 2,
      effectiveFrom: "2026-12-01",
    });
    expect(renamed.statusCode).toBe(422);
    expect(issuesOf(renamed.json())[0]?.path).toBe("id");
  });

  it("validates workflows: shares must make 100 and every role must exist, in Vietnamese and English", async () => {
    const doc = await documentOf("chung-thuc-ban-sao-tu-ban-chinh");
    doc.workflow[1] = { ...doc.workflow[1], role: "cashier", share: 35 } as Doc["workflow"][number];
    const res = await admin.post("/api/v1/procedures/chung-thuc-ban-sao-tu-ban-chinh/versions", {
      document: doc,
      baseVersion: 1,
    });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.error.code).toBe("PROCEDURE_INVALID");
    const issues = issuesOf(body) as { path: string; message: string; messageEn: string }[];
    const role = issues.find((i) => i.path === "workflow.1.role");
    expect(role?.message).toContain("không tồn tại");
    expect(role?.messageEn).toContain("does not exist");
    const shares = issues.find((i) => i.path === "workflow");
    expect(shares?.message).toContain("90%");
    expect(shares?.messageEn).toContain("must add up to 100%");
  });

  it("refuses unknown fields and reports every schema problem with its path", async () => {
    const doc = await documentOf("chung-thuc-ban-sao-tu-ban-chinh");
    const res = await admin.post("/api/v1/procedures/chung-thuc-ban-sao-tu-ban-chinh/versions", {
      document: { ...doc, colour: "blue", onlineLevel: "sometimes" },
      baseVersion: 1,
    });
    expect(res.statusCode).toBe(422);
    const paths = issuesOf(res.json()).map((i) => i.path);
    expect(paths).toContain("onlineLevel");
    const again = await admin.post("/api/v1/procedures/chung-thuc-ban-sao-tu-ban-chinh/versions", {
      document: { ...doc, colour: "blue" },
      baseVersion: 1,
    });
    expect(again.statusCode).toBe(422);
    expect(issuesOf(again.json()).map((i) => i.path)).toEqual(["colour"]);
  });

  it("records each new version in the audit trail", async () => {
    const procedure = await getProcedure(ctx.handle.db, BIRTH);
    const events = await ctx.handle.db
      .selectFrom("audit_log")
      .select(["action", "summary"])
      .where("entity_type", "=", "procedure")
      .where("entity_id", "=", procedure.id)
      .execute();
    expect(events.map((e) => e.action)).toEqual(["catalog.procedure.version"]);
    expect(events[0]?.summary).toMatchObject({ after: { version: 2 }, changed: ["notes", "processingTime"] });
  });
});

describe("who may edit the catalog", () => {
  it("refuses anonymous callers (401) and officers without catalog.manage (403)", async () => {
    const doc = await documentOf("chung-thuc-chu-ky");
    const anon = ctx.client();
    const body = { document: doc, baseVersion: 1 };
    const a = await anon.post("/api/v1/procedures/chung-thuc-chu-ky/versions", body);
    expect(a.statusCode).toBe(401);
    expect(
      (await anon.post("/api/v1/procedures", { document: newProcedure("thu-nghiem-an-danh", doc) }))
        .statusCode,
    ).toBe(401);
    const officer = await ctx.as("tiepnhan.quangthuan");
    expect((await officer.post("/api/v1/procedures/chung-thuc-chu-ky/versions", body)).statusCode).toBe(403);
    // A unit admin manages its subtree, not the national catalog.
    const districtAdmin = await ctx.as("quantri.bachthong");
    const refused = await districtAdmin.post("/api/v1/procedures/chung-thuc-chu-ky/versions", body);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe("FORBIDDEN");
    const versions = (await anon.get("/api/v1/procedures/chung-thuc-chu-ky/versions")).json().items;
    expect(versions).toHaveLength(1);
  });

  it("lets a district admin create a procedure of its district, not a national one nor another district's", async () => {
    const base = await documentOf("chung-thuc-chu-ky");
    const districtAdmin = await ctx.as("quantri.bachthong");
    const national = await districtAdmin.post("/api/v1/procedures", {
      document: newProcedure("thu-nghiem-quoc-gia", base),
    });
    expect(national.statusCode).toBe(403);
    const other = await districtAdmin.post("/api/v1/procedures", {
      document: newProcedure("thu-nghiem-thai-nguyen", base),
      owner: THAI_NGUYEN,
    });
    expect(other.statusCode).toBe(403);
    const own = await districtAdmin.post("/api/v1/procedures", {
      document: newProcedure("thu-nghiem-bach-thong", base),
      owner: BACH_THONG,
      effectiveFrom: "2026-11-24",
    });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json().version).toMatchObject({ version: 1, inForce: true });
    const dup = await districtAdmin.post("/api/v1/procedures", {
      document: newProcedure("thu-nghiem-bach-thong", base),
      owner: BACH_THONG,
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe("PROCEDURE_SLUG_TAKEN");
    const admin = await ctx.as("admin");
    const taken = await admin.post("/api/v1/procedures", {
      document: {
        ...newProcedure("thu-nghiem-ma-trung", base),
        code: { status: "reported", value: "2.000815", evidence: "Thử mã đã có của thủ tục khác." },
      },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe("PROCEDURE_CODE_TAKEN");
    const commune = await ctx.as("quantri.quangthuan");
    const upward = await commune.post("/api/v1/procedures", {
      document: newProcedure("thu-nghiem-xa", base),
      owner: BACH_THONG,
    });
    expect(upward.statusCode).toBe(403);
    const unknown = await admin.post("/api/v1/procedures", {
      document: newProcedure("thu-nghiem-x", base),
      owner: "999.99.99.H99",
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe("UNKNOWN_UNIT");
  });
});

describe("offerings and push-down", () => {
  const SLUG = "thu-nghiem-bach-thong";

  it("pushes a district procedure to every commune below it, in one go, with an audit event", async () => {
    const districtAdmin = await ctx.as("quantri.bachthong");
    const res = await districtAdmin.post("/api/v1/catalog/offerings/push", {
      unit: BACH_THONG,
      procedures: [SLUG],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ units: 17, procedures: 1, created: 17, reactivated: 0, unchanged: 0 });
    const atPhuThong = (await ctx.client().get(`/api/v1/procedures?unit=${PHU_THONG}&q=thu%20nghiem`)).json();
    expect(atPhuThong.items.map((i: { slug: string }) => i.slug)).toEqual([SLUG]);
    const atThaiNguyen = (
      await ctx.client().get(`/api/v1/procedures?unit=000.00.05.H19&q=thu%20nghiem`)
    ).json();
    expect(atThaiNguyen.total).toBe(0);
    const again = await districtAdmin.post("/api/v1/catalog/offerings/push", {
      unit: BACH_THONG,
      procedures: [SLUG],
    });
    expect(again.json()).toMatchObject({ created: 0, unchanged: 17 });
    const unitId = await ctx.unitId(BACH_THONG);
    const events = await ctx.handle.db
      .selectFrom("audit_log")
      .select(["action", "summary"])
      .where("unit_id", "=", unitId)
      .where("action", "=", "catalog.offering.push")
      .execute();
    expect(events).toHaveLength(2);
    expect(events[0]?.summary).toMatchObject({ created: 17, procedures: [SLUG] });
  });

  it("refuses a commune admin pushing from its district or another province, and anonymous callers", async () => {
    const commune = await ctx.as("quantri.quangthuan");
    for (const unit of [BACH_THONG, THAI_NGUYEN, PHU_THONG]) {
      const res = await commune.post("/api/v1/catalog/offerings/push", {
        unit,
        procedures: ["chung-thuc-chu-ky"],
      });
      expect(res.statusCode, unit).toBe(403);
    }
    const own = await commune.post("/api/v1/catalog/offerings/push", {
      unit: QUANG_THUAN,
      procedures: ["chung-thuc-chu-ky"],
    });
    expect(own.statusCode).toBe(200);
    expect(own.json().units).toBe(0);
    const anon = await ctx
      .client()
      .post("/api/v1/catalog/offerings/push", { unit: BACH_THONG, procedures: [SLUG] });
    expect(anon.statusCode).toBe(401);
    const officer = await ctx.as("tiepnhan.quangthuan");
    expect(
      (await officer.post("/api/v1/catalog/offerings/push", { unit: QUANG_THUAN, procedures: [SLUG] }))
        .statusCode,
    ).toBe(403);
  });

  it("withdraws and re-offers; a withdrawn offering comes back with the next push", async () => {
    const commune = await ctx.as("quantri.quangthuan");
    const list = (await commune.get(`/api/v1/catalog/offerings?unit=${QUANG_THUAN}`)).json().items as {
      id: string;
      version: number;
      procedure: { slug: string };
      pushedFrom: { code: string } | null;
    }[];
    const offering = list.find((o) => o.procedure.slug === SLUG);
    expect(offering?.pushedFrom?.code).toBe(BACH_THONG);
    const withdrawn = await commune.patch(`/api/v1/catalog/offerings/${offering?.id}`, {
      version: offering?.version,
      active: false,
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json().active).toBe(false);
    const stale = await commune.patch(`/api/v1/catalog/offerings/${offering?.id}`, {
      version: offering?.version,
      active: true,
    });
    expect(stale.statusCode).toBe(409);
    const districtAdmin = await ctx.as("quantri.bachthong");
    const res = await districtAdmin.post("/api/v1/catalog/offerings/push", {
      unit: BACH_THONG,
      procedures: [SLUG],
    });
    expect(res.json()).toMatchObject({ created: 0, reactivated: 1, unchanged: 16 });
    const dup = await commune.post("/api/v1/catalog/offerings", { unit: QUANG_THUAN, procedure: SLUG });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe("OFFERING_EXISTS");
  });

  it("keeps local additions per unit: a local council fee changes the quote at that unit only", async () => {
    const commune = await ctx.as("quantri.quangthuan");
    const list = (await commune.get(`/api/v1/catalog/offerings?unit=${QUANG_THUAN}`)).json().items as {
      id: string;
      version: number;
      procedure: { slug: string };
    }[];
    const birth = list.find((o) => o.procedure.slug === BIRTH);
    const lateFee = {
      kind: "council_resolution",
      label: "Lệ phí đăng ký khai sinh quá hạn",
      feeType: "le_phi",
      basis: "Nghị quyết của HĐND tỉnh (thử nghiệm)",
      resolution: {
        number: "99/2026/NQ-HĐND",
        date: "2026-07-01",
        province: "tỉnh Thử nghiệm",
        title: "Nghị quyết thử nghiệm",
      },
      amount: { status: "confirmed", vnd: 8000, per: "case", evidence: "Số liệu thử nghiệm của bộ kiểm thử" },
      exemptions: [],
    };
    const wrongLabel = await commune.patch(`/api/v1/catalog/offerings/${birth?.id}`, {
      version: birth?.version,
      local: { fees: [{ ...lateFee, label: "Lệ phí không có" }] },
    });
    expect(wrongLabel.statusCode).toBe(422);
    expect(wrongLabel.json().error.code).toBe("OFFERING_INVALID");
    const badSteps = await commune.patch(`/api/v1/catalog/offerings/${birth?.id}`, {
      version: birth?.version,
      local: {
        workflow: [
          { role: "reception", nameVi: "Tiếp nhận", share: 50, canSendBack: true },
          { role: "leader", nameVi: "Ký", share: 40, canSendBack: false },
        ],
      },
    });
    expect(badSteps.statusCode).toBe(400);
    const ok = await commune.patch(`/api/v1/catalog/offerings/${birth?.id}`, {
      version: birth?.version,
      local: {
        fees: [lateFee],
        workflow: [
          { role: "reception", nameVi: "Tiếp nhận tại Bộ phận một cửa xã", share: 20, canSendBack: true },
          { role: "specialist", nameVi: "Công chức tư pháp - hộ tịch xử lý", share: 50, canSendBack: true },
          { role: "leader", nameVi: "Chủ tịch UBND xã ký", share: 30, canSendBack: false },
        ],
        note: "Nộp tại Bộ phận một cửa, tầng 1 trụ sở UBND xã.",
      },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const local = (
      await ctx.client().get(`/api/v1/procedures/${BIRTH}/fee?case=qua-han&unit=${QUANG_THUAN}`)
    ).json();
    expect(local.result).toMatchObject({ status: "computed", totalVnd: 8000 });
    const national = (await ctx.client().get(`/api/v1/procedures/${BIRTH}/fee?case=qua-han`)).json();
    expect(national.result.status).toBe("needs_local_amount");
    const elsewhere = (
      await ctx.client().get(`/api/v1/procedures/${BIRTH}/fee?case=qua-han&unit=${PHU_THONG}`)
    ).json();
    expect(elsewhere.result.status).toBe("needs_local_amount");
    const detail = (await ctx.client().get(`/api/v1/procedures/${BIRTH}?unit=${QUANG_THUAN}`)).json();
    expect(detail.document.workflow).toHaveLength(3);
    expect(detail.unit).toMatchObject({
      code: QUANG_THUAN,
      offered: true,
      local: { note: expect.stringContaining("tầng 1") },
    });
    // Another commune's offering is out of this admin's reach.
    const phuThong = (await commune.get(`/api/v1/catalog/offerings?unit=${PHU_THONG}`)).json().items as {
      id: string;
      version: number;
    }[];
    const foreign = await commune.patch(`/api/v1/catalog/offerings/${phuThong[0]?.id}`, {
      version: phuThong[0]?.version,
      active: false,
    });
    expect(foreign.statusCode).toBe(403);
  });
});

describe("procedure detail", () => {
  it("finds a procedure by code, slug or id, with where and when to file at a unit", async () => {
    const byCode = (await ctx.client().get(`/api/v1/procedures/2.000815?unit=${QUANG_THUAN}`)).json();
    const bySlug = (await ctx.client().get("/api/v1/procedures/chung-thuc-ban-sao-tu-ban-chinh")).json();
    const byId = (await ctx.client().get(`/api/v1/procedures/${bySlug.id}`)).json();
    expect(byCode.id).toBe(bySlug.id);
    expect(byId.slug).toBe("chung-thuc-ban-sao-tu-ban-chinh");
    expect(byCode.unit.workingHours.lateReceptionCutoff).toBe("15:00");
    expect(byCode.unit.name).toBe("UBND xã Quang Thuận");
    expect(byCode.offeredByTotal).toBeGreaterThanOrEqual(22);
    expect(byCode.online).toMatchObject({ level: "partial", url: expect.stringMatching(/^https:/) });
    expect(byCode.field).toMatchObject({ code: "chung-thuc", nameVi: "Chứng thực" });
    expect(byCode.document.legalBasis.length).toBeGreaterThan(0);
    expect(byCode.summary.feeVi).toContain("tối đa 200.000 đ/bản");
    const capped = byCode.feeExamples.find((e: { pages: number | null }) => (e.pages ?? 0) >= 199);
    expect(capped?.result).toMatchObject({ status: "computed", totalVnd: 200000 });
    expect((await ctx.client().get("/api/v1/procedures/khong-co-thu-tuc-nay")).statusCode).toBe(404);
    expect((await ctx.client().get("/api/v1/procedures/9.999999")).statusCode).toBe(404);
    expect((await ctx.client().get("/api/v1/procedures/2.000815?unit=999.99.99.H99")).json().error.code).toBe(
      "UNKNOWN_UNIT",
    );
  });

  it("lists form templates and serves one once uploaded (PDF only, checked from the bytes)", async () => {
    const detail = (await ctx.client().get(`/api/v1/procedures/${BIRTH}`)).json();
    const form = detail.forms.find((f: { code: string }) => f.code === "to-khai-dang-ky-khai-sinh");
    expect(form).toMatchObject({ name: "Tờ khai đăng ký khai sinh", downloadUrl: null });
    const { PDFDocument } = await import("pdf-lib");
    const pdf = await PDFDocument.create();
    pdf.addPage();
    const bytes = Buffer.from(await pdf.save());
    const admin = await ctx.as("admin");
    const notPdf = await admin.request({
      method: "PUT",
      url: "/api/v1/catalog/forms/to-khai-dang-ky-khai-sinh",
      payload: { filename: "to-khai.pdf", file: Buffer.from("<html>not a pdf</html>").toString("base64") },
    });
    expect(notPdf.statusCode).toBe(415);
    const commune = await ctx.as("quantri.quangthuan");
    const forbidden = await commune.request({
      method: "PUT",
      url: "/api/v1/catalog/forms/to-khai-dang-ky-khai-sinh",
      payload: { filename: "to-khai.pdf", file: bytes.toString("base64") },
    });
    expect(forbidden.statusCode).toBe(403);
    const up = await admin.request({
      method: "PUT",
      url: "/api/v1/catalog/forms/to-khai-dang-ky-khai-sinh",
      payload: { filename: "Tờ khai khai sinh.pdf", file: bytes.toString("base64") },
    });
    expect(up.statusCode, up.body).toBe(200);
    const after = (await ctx.client().get(`/api/v1/procedures/${BIRTH}`)).json();
    const url = after.forms.find((f: { code: string }) => f.code === "to-khai-dang-ky-khai-sinh").downloadUrl;
    expect(url).toBe("/api/v1/catalog/forms/to-khai-dang-ky-khai-sinh");
    const file = await ctx.client().get(url);
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toBe("application/pdf");
    expect(file.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
  });
});
