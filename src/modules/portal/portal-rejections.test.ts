/**
 * What online filing refuses, and the paths that end early: uploads whose bytes are not the claimed type, too
 * large, or of a type not allowed; another citizen's dossier (404, never 403); submission with a required
 * document missing; staff and anonymous callers on citizen routes; a supplement asked before acceptance,
 * answered online and back at the desk with a new acceptance window, then refused; withdrawal before the result.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestClient, type TestContext } from "../../../test/support/test-app.ts";
import {
  b64,
  citizenClient,
  JPEG,
  MARITAL,
  MARITAL_ANSWERS,
  MONDAY,
  PNG,
  QUANG_THUAN,
  samplePdf,
} from "./test-support.ts";

let ctx: TestContext;
let mai: TestClient;
let other: TestClient;
let desk: TestClient;

beforeAll(async () => {
  ctx = await createTestContext({ env: { SESSION_TTL_HOURS: "240" } });
  ctx.clock.set(MONDAY);
  mai = (await citizenClient(ctx)).client;
  other = (await citizenClient(ctx, { name: "Lục Văn Tuấn" })).client;
  desk = await ctx.as("tiepnhan.quangthuan");
});
afterAll(async () => ctx?.close());

interface Draft {
  id: string;
  version: number;
}

async function startDraft(
  client: TestClient,
  answers: Record<string, unknown> = MARITAL_ANSWERS,
): Promise<Draft> {
  const res = await client.post("/api/v1/portal/dossiers", { procedure: MARITAL, unit: QUANG_THUAN });
  expect(res.statusCode, res.body).toBe(201);
  const draft = res.json() as Draft;
  const saved = await client.patch(`/api/v1/portal/dossiers/${draft.id}/draft`, {
    version: draft.version,
    answers,
  });
  expect(saved.statusCode, saved.body).toBe(200);
  return saved.json() as Draft;
}

async function upload(client: TestClient, draft: Draft, body: Record<string, unknown>) {
  return client.post(`/api/v1/portal/dossiers/${draft.id}/uploads`, {
    version: draft.version,
    componentId: "giay-to-tuy-than",
    ...body,
  });
}

function code(res: { json: () => unknown }): string {
  return (res.json() as { error: { code: string } }).error.code;
}

describe("uploads", () => {
  it("refuses bytes that are not the claimed type, whatever the name says", async () => {
    const draft = await startDraft(mai);
    const png = await upload(mai, draft, {
      filename: "cccd.pdf",
      contentType: "application/pdf",
      file: b64(PNG),
    });
    expect(png.statusCode).toBe(415);
    expect(code(png)).toBe("UPLOAD_TYPE_MISMATCH");
    const text = await upload(mai, draft, {
      filename: "cccd.png",
      file: b64(Buffer.from("<html><script>alert(1)</script></html>")),
    });
    expect(text.statusCode).toBeGreaterThanOrEqual(400);
    expect(text.statusCode).toBeLessThan(500);
    expect(code(text)).toBe("UPLOAD_TYPE_NOT_ALLOWED");
    // A JPEG with something appended after its end (a polyglot) is refused too.
    const tail = await upload(mai, draft, {
      filename: "anh.jpg",
      file: b64(Buffer.concat([JPEG, Buffer.from("%PDF-1.4 hidden")])),
    });
    expect(tail.statusCode).toBeGreaterThanOrEqual(400);
    expect(tail.statusCode).toBeLessThan(500);
    const after = (await mai.get(`/api/v1/portal/dossiers/${draft.id}/draft`)).json() as {
      version: number;
      components: { uploads: unknown[] }[];
    };
    expect(after.version).toBe(draft.version);
    expect(after.components.flatMap((c) => c.uploads)).toEqual([]);
  });

  it("refuses an oversized upload, and one for a document the e-form does not ask for", async () => {
    const draft = await startDraft(mai);
    const pdf = Buffer.from(await samplePdf());
    const big = Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024 + 1 - pdf.length, 0x20)]);
    const tooBig = await upload(mai, draft, { filename: "lon.pdf", file: b64(big) });
    expect(tooBig.statusCode).toBe(413);
    expect(code(tooBig)).toBe("UPLOAD_TOO_LARGE");
    const unknown = await upload(mai, draft, { componentId: "giay-khac", filename: "a.png", file: b64(PNG) });
    expect(unknown.statusCode).toBe(422);
    expect(code(unknown)).toBe("UNKNOWN_COMPONENT");
  });
});

describe("ownership", () => {
  it("answers 404 to another citizen on every route of a dossier, and 401 to staff and anonymous callers", async () => {
    const draft = await startDraft(mai);
    const id = draft.id;
    const routes = [
      () => other.get(`/api/v1/portal/dossiers/${id}`),
      () => other.get(`/api/v1/portal/dossiers/${id}/draft`),
      () => other.get(`/api/v1/portal/dossiers/${id}/review`),
      () => other.patch(`/api/v1/portal/dossiers/${id}/draft`, { version: draft.version, answers: {} }),
      () => other.post(`/api/v1/portal/dossiers/${id}/submit`, { version: draft.version }),
      () => upload(other, draft, { filename: "a.png", file: b64(PNG) }),
      () => other.post(`/api/v1/portal/dossiers/${id}/withdraw`, { version: draft.version }),
      () => other.get(`/api/v1/portal/dossiers/${id}/result`),
    ];
    for (const call of routes) {
      const res = await call();
      expect(res.statusCode, res.body).toBe(404);
    }
    const list = (await other.get("/api/v1/portal/dossiers")).json() as { items: { id: string }[] };
    expect(list.items.map((i) => i.id)).not.toContain(id);
    expect((await desk.get(`/api/v1/portal/dossiers/${id}`)).statusCode).toBe(401);
    expect((await ctx.client().get("/api/v1/portal/dossiers")).statusCode).toBe(401);
    // The desk does not read a draft's filing either.
    expect((await desk.get(`/api/v1/portal/desk/dossiers/${id}/filing`)).statusCode).toBe(404);
  });
});

describe("submission", () => {
  it("is refused while a required document is missing, naming it", async () => {
    const draft = await startDraft(mai);
    const res = await mai.post(`/api/v1/portal/dossiers/${draft.id}/submit`, { version: draft.version });
    expect(res.statusCode).toBe(422);
    const body = res.json() as {
      error: { code: string; details: { missingComponents: { componentId: string }[] } };
    };
    expect(body.error.code).toBe("FILING_INCOMPLETE");
    expect(body.error.details.missingComponents.map((c) => c.componentId)).toEqual(["giay-to-tuy-than"]);
    const still = (await mai.get(`/api/v1/portal/dossiers/${draft.id}`)).json() as { status: string };
    expect(still.status).toBe("draft_online");
  });

  it("refuses a procedure the unit does not offer online, and a postal return without an address", async () => {
    const res = await mai.post("/api/v1/portal/dossiers", {
      procedure: "chung-thuc-chu-ky",
      unit: QUANG_THUAN,
    });
    expect(res.statusCode).toBe(422);
    expect(code(res)).toBe("PROCEDURE_NOT_ONLINE");
    const draft = await startDraft(mai);
    const post = await mai.patch(`/api/v1/portal/dossiers/${draft.id}/draft`, {
      version: draft.version,
      returnMethod: "post",
    });
    expect(post.statusCode, post.body).toBe(200);
    const review = (await mai.get(`/api/v1/portal/dossiers/${draft.id}/review`)).json() as {
      returnMethodError: { code: string } | null;
    };
    expect(review.returnMethodError?.code).toBe("required");
  });
});

describe("a supplement before acceptance, answered online, then a refusal", () => {
  it("goes back to the desk with a new acceptance window; the refusal and its reason reach the citizen", async () => {
    let draft = await startDraft(mai);
    const up = await upload(mai, draft, { filename: "cccd.jpg", file: b64(JPEG) });
    expect(up.statusCode, up.body).toBe(201);
    draft = { id: draft.id, version: (up.json() as { version: number }).version };
    const sent = await mai.post(`/api/v1/portal/dossiers/${draft.id}/submit`, { version: draft.version });
    expect(sent.statusCode, sent.body).toBe(200);
    let staff = (await desk.get(`/api/v1/dossiers/${draft.id}`)).json() as { version: number };
    const asked = await desk.post(`/api/v1/dossiers/${draft.id}/request-supplement`, {
      version: staff.version,
      items: [{ name: "Ảnh căn cước mặt sau", reason: "Mới có mặt trước." }],
    });
    expect(asked.statusCode, asked.body).toBe(200);
    let mine = (await mai.get(`/api/v1/portal/dossiers/${draft.id}`)).json() as {
      status: string;
      version: number;
      pendingSupplement: { items: { name: string }[] } | null;
      messages: { kind: string; reason: string | null }[];
      canWithdraw: boolean;
    };
    expect(mine.status).toBe("awaiting_supplement_before_acceptance");
    expect(mine.pendingSupplement?.items.map((i) => i.name)).toEqual(["Ảnh căn cước mặt sau"]);
    ctx.clock.advance(3_600_000);
    const back = await mai.post(`/api/v1/portal/dossiers/${draft.id}/uploads`, {
      version: mine.version,
      supplementItem: "Ảnh căn cước mặt sau",
      filename: "mat-sau.png",
      file: b64(PNG),
    });
    expect(back.statusCode, back.body).toBe(201);
    const answered = await mai.post(`/api/v1/portal/dossiers/${draft.id}/supplement`, {
      version: (back.json() as { version: number }).version,
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect((answered.json() as { status: string }).status).toBe("submitted_online");
    const filing = (await desk.get(`/api/v1/portal/desk/dossiers/${draft.id}/filing`)).json() as {
      submittedAt: string;
      uploads: unknown[];
    };
    expect(filing.submittedAt).toBe("2026-11-30T10:00:00+07:00");
    expect(filing.uploads).toHaveLength(2);
    staff = (await desk.get(`/api/v1/dossiers/${draft.id}`)).json() as { version: number };
    const refused = await desk.post(`/api/v1/dossiers/${draft.id}/refuse`, {
      version: staff.version,
      reason: "Người yêu cầu không cư trú trên địa bàn xã.",
    });
    expect(refused.statusCode, refused.body).toBe(200);
    mine = (await mai.get(`/api/v1/portal/dossiers/${draft.id}`)).json() as typeof mine;
    expect(mine.status).toBe("refused");
    expect(mine.canWithdraw).toBe(false);
    expect(mine.messages.find((m) => m.kind === "refusal")?.reason).toBe(
      "Người yêu cầu không cư trú trên địa bàn xã.",
    );
    const rate = await mai.post(`/api/v1/portal/dossiers/${draft.id}/rating`, {
      scores: {
        processing_time: 1,
        agencies_contacted: 1,
        contacts_to_complete: 1,
        information_accuracy: 1,
        staff_attitude: 1,
        result_legality_and_costs: 1,
        feedback_answers: null,
        online_service_quality: 1,
      },
    });
    expect(code(rate)).toBe("RATING_NOT_ALLOWED");
  });
});

describe("withdrawal", () => {
  it("takes a submitted dossier back before the result, audited, and only once", async () => {
    let draft = await startDraft(mai);
    const up = await upload(mai, draft, { filename: "cccd.png", file: b64(PNG) });
    draft = { id: draft.id, version: (up.json() as { version: number }).version };
    const sent = (
      await mai.post(`/api/v1/portal/dossiers/${draft.id}/submit`, { version: draft.version })
    ).json() as {
      version: number;
    };
    const res = await mai.post(`/api/v1/portal/dossiers/${draft.id}/withdraw`, {
      version: sent.version,
      reason: "Đã nộp nhầm thủ tục.",
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { status: string; version: number; timeline: { kind: string }[] };
    expect(body.status).toBe("withdrawn");
    expect(body.timeline.map((t) => t.kind)).toEqual(["draft_start", "submit_online", "withdraw"]);
    const again = await mai.post(`/api/v1/portal/dossiers/${draft.id}/withdraw`, { version: body.version });
    expect(again.statusCode).toBe(409);
    const audit = await ctx.handle.db
      .selectFrom("audit_log")
      .select("action")
      .where("entity_id", "=", draft.id)
      .where("actor_kind", "=", "citizen")
      .orderBy("seq")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        "portal.draft_start",
        "portal.draft_save",
        "portal.upload",
        "portal.submit_online",
        "portal.withdraw",
      ]),
    );
  });
});

describe("hostile answers", () => {
  it("never make the server fail: any answer is saved or refused with a 4xx", async () => {
    const draft = await startDraft(mai);
    const value = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.string({ unit: "binary", maxLength: 10 }),
      fc.constant("a\u0000b"),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.record({
        detail: fc.string({ unit: "binary", maxLength: 5 }),
        commune: fc.string(),
        province: fc.string(),
      }),
      fc.array(fc.integer(), { maxLength: 2 }),
    );
    const key = fc.oneof(
      fc.constantFrom(
        "applicantName",
        "copies",
        "subjectBirthDate",
        "maritalStatus",
        "applicantAddress",
        "spouseName",
      ),
      fc.string({ maxLength: 12 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.dictionary(key, value, { maxKeys: 4 }), async (answers) => {
        const current = (await mai.get(`/api/v1/portal/dossiers/${draft.id}/draft`)).json() as {
          version: number;
        };
        const res = await mai.patch(`/api/v1/portal/dossiers/${draft.id}/draft`, {
          version: current.version,
          answers,
        });
        expect(res.statusCode, res.body).toBeLessThan(500);
        expect(res.statusCode === 200 || res.json().error.code !== undefined).toBe(true);
      }),
      { numRuns: 40, seed: 20261129 },
    );
    const review = await mai.get(`/api/v1/portal/dossiers/${draft.id}/review`);
    expect(review.statusCode).toBe(200);
  });
});
