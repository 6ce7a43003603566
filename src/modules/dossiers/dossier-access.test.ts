/**
 * Who sees and who acts: a unit sees its own dossiers and those transferred to it, supervisors their subtree;
 * everyone else gets 404 (or 403 when they may see but not act). And bad input: every refusal is a 4xx in the
 * error shape.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestClient, type TestContext } from "../../../test/support/test-app.ts";
import {
  act,
  type DossierJson,
  MONDAY,
  PHU_THONG,
  QUANG_THUAN,
  receptionBody,
  TU_PHAP,
} from "./test-support.ts";

let ctx: TestContext;
let desk: TestClient;
let specialist: TestClient;
let leader: TestClient;
let otherDesk: TestClient;
let agency: TestClient;
let d: DossierJson;
let transferred: DossierJson;

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.set(MONDAY);
  [desk, specialist, leader, otherDesk, agency] = await Promise.all(
    [
      "tiepnhan.quangthuan",
      "chuyenvien.quangthuan",
      "lanhdao.quangthuan",
      "tiepnhan.phuthong",
      "tuphap.bachthong",
    ].map((u) => ctx.as(u)),
  );
  const res = await desk.post("/api/v1/dossiers", receptionBody());
  d = (res.json() as { dossier: DossierJson }).dossier;
  d = await act(desk, d.id, "forward", { version: d.version });
  const t = await desk.post(
    "/api/v1/dossiers",
    receptionBody({ procedure: "thay-doi-cai-chinh-bo-sung-thong-tin-ho-tich", caseId: "bo-sung" }),
  );
  transferred = (t.json() as { dossier: DossierJson }).dossier;
  transferred = await act(desk, transferred.id, "forward", { version: transferred.version });
  transferred = await act(specialist, transferred.id, "forward", { version: transferred.version });
  transferred = await act(leader, transferred.id, "transfer", {
    version: transferred.version,
    unitCode: TU_PHAP,
    reason: "Thẩm quyền của Phòng Tư pháp.",
  });
});
afterAll(async () => ctx?.close());

describe("scoping", () => {
  it("hides a commune's dossier from another commune: 404 on read and on every action", async () => {
    expect((await otherDesk.get(`/api/v1/dossiers/${d.id}`)).statusCode).toBe(404);
    expect((await otherDesk.get(`/api/v1/dossiers/${d.id}/control-sheet`)).statusCode).toBe(404);
    const action = await otherDesk.post(`/api/v1/dossiers/${d.id}/withdraw`, { version: d.version });
    expect(action.statusCode).toBe(404);
    const search = (await otherDesk.get("/api/v1/dossiers?limit=500")).json() as { items: { id: string }[] };
    expect(search.items.map((i) => i.id)).not.toContain(d.id);
    const inbox = (await otherDesk.get("/api/v1/dossiers/inbox?box=unit")).json() as {
      items: { id: string }[];
    };
    expect(inbox.items.map((i) => i.id)).not.toContain(d.id);
  });

  it("hides a dossier from an agency it was never transferred to, shows the one that was", async () => {
    expect((await agency.get(`/api/v1/dossiers/${d.id}`)).statusCode).toBe(404);
    expect((await agency.get(`/api/v1/dossiers/${transferred.id}`)).statusCode).toBe(200);
  });

  it("refuses an officer a step of another role with 403", async () => {
    const approve = await specialist.post(`/api/v1/dossiers/${d.id}/approve`, { version: d.version });
    expect(approve.statusCode).toBe(403);
    const forward = await desk.post(`/api/v1/dossiers/${d.id}/forward`, { version: d.version });
    expect(forward.statusCode).toBe(403);
    const back = await leader.post(`/api/v1/dossiers/${transferred.id}/transfer-return`, {
      version: transferred.version,
      outcome: "continue",
    });
    expect(back.statusCode).toBe(403);
    const ret = await specialist.post(`/api/v1/dossiers/${d.id}/return`, {
      version: d.version,
      method: "counter",
      signedBy: "X",
    });
    expect(ret.statusCode).toBe(403);
  });

  it("lets supervisors read their subtree and nothing else, and never act", async () => {
    const district = await ctx.as("giamsat.bachthong");
    expect((await district.get(`/api/v1/dossiers/${d.id}`)).statusCode).toBe(200);
    const listed = (await district.get(`/api/v1/dossiers?unit=${QUANG_THUAN}`)).json() as {
      items: { id: string }[];
    };
    expect(listed.items.map((i) => i.id)).toContain(d.id);
    const act403 = await district.post(`/api/v1/dossiers/${d.id}/withdraw`, { version: d.version });
    expect(act403.statusCode).toBe(403);
    const other = await district.get("/api/v1/dossiers?unit=000.00.00.H19");
    expect(other.statusCode).toBe(403);
  });

  it("refuses roles without dossier access, and anonymous callers", async () => {
    const admin = await ctx.as("quantri.quangthuan");
    expect((await admin.get("/api/v1/dossiers")).statusCode).toBe(403);
    expect((await admin.get(`/api/v1/dossiers/${d.id}`)).statusCode).toBe(404);
    const anon = ctx.client();
    expect((await anon.get("/api/v1/dossiers/inbox")).statusCode).toBe(401);
    expect((await anon.get(`/api/v1/dossiers/${d.id}`)).statusCode).toBe(401);
    expect((await anon.post("/api/v1/dossiers", receptionBody())).statusCode).toBe(401);
  });

  it("refuses another commune's tracking book and its files", async () => {
    const book = await desk.get(
      `/api/v1/dossiers/tracking-book?unit=${PHU_THONG}&from=2026-11-01&to=2026-11-30`,
    );
    expect(book.statusCode).toBe(403);
    const detail = (await desk.get(`/api/v1/dossiers/${d.id}`)).json() as { forms: { url: string }[] };
    const url = detail.forms[0]?.url as string;
    expect((await desk.get(url)).statusCode).toBe(200);
    expect((await otherDesk.get(url)).statusCode).toBe(404);
  });
});

describe("seeded dossiers", () => {
  it("draw their forms on first download and answer the public lookup with the demo secrets", async () => {
    const seeded = (await desk.get("/api/v1/dossiers/inbox?box=unit&limit=500")).json() as {
      items: DossierJson[];
    };
    const overdue = seeded.items.find((i) => i.flags.overdue && i.code !== null) as DossierJson;
    expect(overdue).toBeDefined();
    const detail = (await desk.get(`/api/v1/dossiers/${overdue.id}`)).json() as { forms: { url: string }[] };
    const form = await desk.get(detail.forms[0]?.url as string);
    expect(form.statusCode).toBe(200);
    expect(form.rawPayload.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const first = await ctx.handle.db
      .selectFrom("dossiers")
      .select("code")
      .where("status", "=", "returned")
      .executeTakeFirstOrThrow();
    const anon = ctx.client();
    const seen = await anon.get(`/api/v1/dossiers/lookup?code=${first.code}&secret=DEMA-2345`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().status).toBe("returned");
  });
});

describe("bad input", () => {
  it("answers malformed bodies with 400", async () => {
    const cases: unknown[] = [
      {},
      { ...receptionBody(), applicant: { ...receptionBody().applicant, identityNumber: "12345" } },
      { ...receptionBody(), components: [] },
      { ...receptionBody(), decision: { outcome: "request_supplement", items: [] } },
      { ...receptionBody(), decision: { outcome: "refuse", reason: "   " } },
      { ...receptionBody(), returnMethod: "post" },
      { ...receptionBody(), unexpected: true },
    ];
    for (const body of cases) {
      const res = await desk.post("/api/v1/dossiers", body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 200)).toBe(400);
      expect(res.json().error.code).toBe("VALIDATION_FAILED");
    }
  });

  it("answers procedures the unit does not offer with 422, unknown cases with 400", async () => {
    const unknown = await desk.post("/api/v1/dossiers", receptionBody({ procedure: "khong-co-thu-tuc-nay" }));
    expect(unknown.json().error.code).toBe("PROCEDURE_NOT_OFFERED");
    const notHere = await agency.post("/api/v1/dossiers", receptionBody({ procedure: "dang-ky-khai-sinh" }));
    expect(notHere.statusCode).toBe(422);
    expect(notHere.json().error.code).toBe("PROCEDURE_NOT_OFFERED");
    const badCase = await desk.post("/api/v1/dossiers", receptionBody({ caseId: "khong-co" }));
    expect(badCase.statusCode).toBe(400);
    expect(badCase.json().error.code).toBe("UNKNOWN_CASE");
  });

  it("refuses files uploaded by another unit", async () => {
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
      "base64",
    );
    const up = await otherDesk.post("/api/v1/dossier-files", {
      filename: "cccd.png",
      file: png.toString("base64"),
    });
    expect(up.statusCode, up.body).toBe(201);
    const fileId = (up.json() as { id: string }).id;
    const res = await desk.post(
      "/api/v1/dossiers",
      receptionBody({
        components: [{ name: "Căn cước công dân", kind: "copy", count: 1, fileIds: [fileId] }],
      }),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe("DOSSIER_FILE_INVALID");
    const exe = await desk.post("/api/v1/dossier-files", {
      filename: "scan.pdf",
      file: Buffer.from("MZ\x90\x00 not a pdf").toString("base64"),
    });
    expect(exe.statusCode).toBeGreaterThanOrEqual(400);
    expect(exe.statusCode).toBeLessThan(500);
  });

  it("answers stale versions with 409, unknown ids with 404, malformed ids with 400", async () => {
    const stale = await desk.post(`/api/v1/dossiers/${d.id}/withdraw`, { version: d.version - 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("CONFLICT");
    const missing = await desk.get("/api/v1/dossiers/00000000-0000-4000-8000-000000000000");
    expect(missing.statusCode).toBe(404);
    expect((await desk.get("/api/v1/dossiers/not-a-uuid")).statusCode).toBe(400);
    const badDates = await desk.get(
      `/api/v1/dossiers/tracking-book?unit=${QUANG_THUAN}&from=2026-12-31&to=2026-01-01`,
    );
    expect(badDates.statusCode).toBe(400);
  });

  it("rate-limits the public lookup per address", async () => {
    const anon = ctx.client();
    anon.headers = { "x-forwarded-for": "203.0.113.7" };
    let last = 0;
    for (let i = 0; i < 25; i++) {
      last = (await anon.get("/api/v1/dossiers/lookup?code=000.17.31.H06-261130-0001&secret=ABCDEFGH"))
        .statusCode;
    }
    expect(last).toBe(429);
  });
});
