/**
 * Online filing the whole way through the HTTP API: a citizen starts a draft pre-filled from the account, saves
 * answers, uploads two documents, checks the answers and submits; the dossier shows in the commune desk's inbox
 * with the NĐ 118/2025 acceptance window; the desk accepts, the specialist asks for a supplement, the citizen
 * answers online and the clock restarts; the leader approves, the clerk records the result with its PDF, the desk
 * returns it online; the citizen downloads it and rates the service once; the unit's report counts the rating.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestClient, type TestContext } from "../../../test/support/test-app.ts";
import {
  b64,
  citizenClient,
  MARITAL,
  MARITAL_ANSWERS,
  MONDAY,
  PNG,
  QUANG_THUAN,
  samplePdf,
} from "./test-support.ts";

let ctx: TestContext;
let citizen: TestClient;
let desk: TestClient;
let specialist: TestClient;
let leader: TestClient;
let clerk: TestClient;

beforeAll(async () => {
  ctx = await createTestContext({ env: { SESSION_TTL_HOURS: "240" } });
  ctx.clock.set(MONDAY);
  citizen = (await citizenClient(ctx)).client;
  [desk, specialist, leader, clerk] = await Promise.all(
    ["tiepnhan.quangthuan", "chuyenvien.quangthuan", "lanhdao.quangthuan", "vanthu.quangthuan"].map((u) =>
      ctx.as(u),
    ),
  );
});
afterAll(async () => ctx?.close());

interface Draft {
  id: string;
  version: number;
  status: string;
  answers: Record<string, unknown>;
  returnMethod: string;
  components: {
    componentId: string;
    required: boolean;
    missing: boolean;
    uploads: { id: string; url: string }[];
  }[];
}

interface Detail {
  status: string;
  version: number;
  code: string | null;
  reference: string | null;
  timeline: { kind: string; status: string; label: { vi: string } }[];
  messages: { kind: string; items: { name: string; reason: string }[]; formUrl: string | null }[];
  pendingSupplement: { items: unknown[]; uploads: unknown[] } | null;
  result: { fileUrl: string | null; delivery: { method: string } } | null;
  canRate: boolean;
  needsAction: string | null;
  appointmentAt: string | null;
  fee: { amountVnd: number | null };
}

function ok<T>(res: { statusCode: number; body: string; json: () => unknown }, status = 200): T {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}

async function staffDossier(client: TestClient, id: string) {
  return ok<{
    id: string;
    version: number;
    status: string;
    actions: string[];
    task: { role: string } | null;
  }>(await client.get(`/api/v1/dossiers/${id}`));
}

async function act(client: TestClient, id: string, path: string, body: Record<string, unknown>) {
  return ok<{ dossier: { version: number; status: string } }>(
    await client.post(`/api/v1/dossiers/${id}/${path}`, body),
  ).dossier;
}

describe("an online dossier from the draft to the rating", () => {
  let draft: Draft;
  let id: string;

  it("publishes the procedure's e-form with its legal source and the documents to upload", async () => {
    const form = ok<{
      definition: { key: string; source: { citation: string } };
      components: { componentId: string }[];
      returnMethods: string[];
    }>(await ctx.client().get(`/api/v1/portal/procedures/${MARITAL}/eform`));
    expect(form.definition.key).toBe("to-khai-xac-nhan-tinh-trang-hon-nhan");
    expect(form.definition.source.citation).toContain("04/2020/TT-BTP");
    expect(form.components.map((c) => c.componentId)).toContain("giay-to-tuy-than");
    expect(form.returnMethods).toEqual(["online", "post", "counter"]);
    const list = ok<{ items: { procedure: { slug: string }; hasEForm: boolean }[] }>(
      await ctx.client().get(`/api/v1/portal/online-procedures?unit=${QUANG_THUAN}`),
    );
    expect(list.items.find((i) => i.procedure.slug === MARITAL)?.hasEForm).toBe(true);
  });

  it("starts a draft owned by the citizen, pre-filled from the account", async () => {
    draft = ok<Draft>(
      await citizen.post("/api/v1/portal/dossiers", { procedure: MARITAL, unit: QUANG_THUAN }),
      201,
    );
    id = draft.id;
    expect(draft.status).toBe("draft_online");
    expect(draft.answers).toMatchObject({
      applicantName: "Hoàng Thị Mai",
      subjectBirthDate: "1995-04-30",
      applicantAddress: { commune: "Xã Quang Thuận" },
    });
    expect(draft.returnMethod).toBe("online");
    const list = ok<{ items: { id: string; needsAction: string }[] }>(
      await citizen.get("/api/v1/portal/dossiers?filter=drafts"),
    );
    expect(list.items.map((i) => [i.id, i.needsAction])).toEqual([[id, "continue_draft"]]);
    // Drafts are the citizen's own: not in the desk's inbox.
    const inbox = ok<{ items: { id: string }[] }>(await desk.get("/api/v1/dossiers/inbox?box=unit"));
    expect(inbox.items.map((i) => i.id)).not.toContain(id);
  });

  it("saves partial answers, refuses a wrong one next to its field, and keeps the version", async () => {
    draft = ok<Draft>(
      await citizen.patch(`/api/v1/portal/dossiers/${id}/draft`, {
        version: draft.version,
        answers: { maritalStatus: "da-ly-hon", copies: 1 },
      }),
    );
    const wrong = await citizen.patch(`/api/v1/portal/dossiers/${id}/draft`, {
      version: draft.version,
      answers: { copies: 50, subjectBirthDate: "2030-01-01" },
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.code).toBe("EFORM_ANSWERS_INVALID");
    expect(
      wrong
        .json()
        .error.details.errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(["copies", "subjectBirthDate"]);
    const stale = await citizen.patch(`/api/v1/portal/dossiers/${id}/draft`, { version: 1, answers: {} });
    expect(stale.statusCode).toBe(409);
    // A divorce needs the judgment: a second required document appears.
    expect(draft.components.filter((c) => c.required).map((c) => c.componentId)).toEqual([
      "giay-to-tuy-than",
      "ban-an-ly-hon",
    ]);
  });

  it("uploads the two required documents (a photo and a PDF) and removes a wrong one", async () => {
    const photo = ok<{ upload: { id: string }; version: number }>(
      await citizen.post(`/api/v1/portal/dossiers/${id}/uploads`, {
        version: draft.version,
        componentId: "giay-to-tuy-than",
        filename: "cccd.png",
        contentType: "image/png",
        file: b64(PNG),
      }),
      201,
    );
    const extra = ok<{ upload: { id: string }; version: number }>(
      await citizen.post(`/api/v1/portal/dossiers/${id}/uploads`, {
        version: photo.version,
        componentId: "giay-to-tuy-than",
        filename: "nham.png",
        file: b64(PNG),
      }),
      201,
    );
    draft = ok<Draft>(
      await citizen.delete(
        `/api/v1/portal/dossiers/${id}/uploads/${extra.upload.id}?version=${extra.version}`,
      ),
    );
    const pdf = ok<{ upload: { id: string; url: string }; version: number }>(
      await citizen.post(`/api/v1/portal/dossiers/${id}/uploads`, {
        version: draft.version,
        componentId: "ban-an-ly-hon",
        filename: "ban-an.pdf",
        file: b64(await samplePdf("Ban an ly hon")),
      }),
      201,
    );
    const back = await citizen.get(pdf.upload.url);
    expect(back.statusCode).toBe(200);
    expect(back.headers["content-type"]).toBe("application/pdf");
    draft = ok<Draft>(await citizen.get(`/api/v1/portal/dossiers/${id}/draft`));
    expect(
      draft.components.filter((c) => c.required).map((c) => [c.componentId, c.uploads.length, c.missing]),
    ).toEqual([
      ["giay-to-tuy-than", 1, false],
      ["ban-an-ly-hon", 1, false],
    ]);
  });

  it("shows every answer on the check-your-answers page with what is still wrong", async () => {
    const review = ok<{ ready: boolean; errors: { field: string; code: string }[] }>(
      await citizen.get(`/api/v1/portal/dossiers/${id}/review`),
    );
    expect(review.ready).toBe(false);
    expect(review.errors.map((e) => `${e.field}:${e.code}`).sort()).toEqual([
      "applicantRelation:required",
      "declaration:must_be_true",
      "purpose:required",
      "subjectSex:required",
    ]);
    const early = await citizen.post(`/api/v1/portal/dossiers/${id}/submit`, { version: draft.version });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.code).toBe("FILING_INCOMPLETE");
    draft = ok<Draft>(
      await citizen.patch(`/api/v1/portal/dossiers/${id}/draft`, {
        version: draft.version,
        answers: { ...MARITAL_ANSWERS, maritalStatus: "da-ly-hon" },
      }),
    );
    const done = ok<{
      ready: boolean;
      pages: { fields: { id: string; display: string | null }[] }[];
    }>(await citizen.get(`/api/v1/portal/dossiers/${id}/review`));
    expect(done.ready).toBe(true);
    const fields = done.pages.flatMap((p) => p.fields);
    expect(fields.find((f) => f.id === "maritalStatus")?.display).toBe("Đã ly hôn");
    expect(fields.find((f) => f.id === "subjectBirthDate")?.display).toBe("30/04/1995");
  });

  it("submits with a confirmation reference; the desk inbox flags the 2-hour alert and the 8-working-hour window", async () => {
    const sent = ok<{ reference: string; acceptanceDueAt: string; version: number }>(
      await citizen.post(`/api/v1/portal/dossiers/${id}/submit`, { version: draft.version }),
    );
    expect(sent.reference).toMatch(/^DVC-261130-[0-9A-Z]{8}$/);
    // Monday 09:00 + 8 working hours (lunch 12:00–13:30 per the unit's schedule) lands on Tuesday.
    expect(sent.acceptanceDueAt.startsWith("2026-12-01T")).toBe(true);
    // The citizen is told by e-mail, through the outbox written in the submission's transaction.
    const notices = await ctx.handle.db
      .selectFrom("notification_outbox")
      .select("template")
      .where("dossier_id", "=", id)
      .execute();
    expect(notices.map((n) => n.template)).toContain("dossier.submitted");
    const again = await citizen.post(`/api/v1/portal/dossiers/${id}/submit`, { version: sent.version });
    expect(again.json().error.code).toBe("DRAFT_NOT_EDITABLE");
    type Item = { id: string; status: string; flags: Record<string, boolean> };
    const flagsOf = async () =>
      ok<{ items: Item[] }>(await desk.get("/api/v1/dossiers/inbox?box=desk")).items.find((i) => i.id === id);
    expect((await flagsOf())?.flags).toMatchObject({ onlineAlert: false, onlineAcceptanceOverdue: false });
    ctx.clock.advance(2 * 3_600_000 + 60_000);
    expect((await flagsOf())?.flags).toMatchObject({ onlineAlert: true, onlineAcceptanceOverdue: false });
    ctx.clock.set("2026-12-01T10:00:00Z");
    expect((await flagsOf())?.flags).toMatchObject({ onlineAlert: false, onlineAcceptanceOverdue: true });
    ctx.clock.set("2026-11-30T05:00:00Z");
    const filing = ok<{ reference: string; uploads: { url: string }[]; review: unknown[] }>(
      await desk.get(`/api/v1/portal/desk/dossiers/${id}/filing`),
    );
    expect(filing.reference).toBe(sent.reference);
    expect(filing.uploads).toHaveLength(2);
    expect((await desk.get(filing.uploads[0]?.url as string)).statusCode).toBe(200);
  });

  it("is accepted by the desk (code, appointment, receipt) and the citizen sees it", async () => {
    const d = await staffDossier(desk, id);
    expect(d.actions).toEqual(expect.arrayContaining(["accept", "refuse", "request_supplement"]));
    const accepted = ok<{ dossier: { code: string; status: string } }>(
      await desk.post(`/api/v1/dossiers/${id}/accept`, { version: d.version }),
    );
    expect(accepted.dossier.status).toBe("received");
    const mine = ok<Detail>(await citizen.get(`/api/v1/portal/dossiers/${id}`));
    expect(mine.code).toBe(accepted.dossier.code);
    expect(mine.appointmentAt).not.toBeNull();
    expect(mine.messages.find((m) => m.kind === "acceptance")?.formUrl).toMatch(/\/forms\//);
    const receipt = await citizen.get(mine.messages.find((m) => m.kind === "acceptance")?.formUrl as string);
    expect(receipt.statusCode).toBe(200);
    expect(receipt.headers["content-type"]).toBe("application/pdf");
  });

  it("asks for a supplement; the citizen answers online and the clock restarts at the step that asked", async () => {
    let d = await staffDossier(desk, id);
    await act(desk, id, "forward", { version: d.version });
    d = await staffDossier(specialist, id);
    const asked = await act(specialist, id, "request-supplement", {
      version: d.version,
      items: [
        { name: "Bản sao bản án ly hôn có chứng thực", reason: "Bản chụp bị mờ, không đọc được số bản án." },
      ],
    });
    expect(asked.status).toBe("awaiting_citizen_supplement");
    let mine = ok<Detail>(await citizen.get(`/api/v1/portal/dossiers/${id}`));
    expect(mine.needsAction).toBe("answer_supplement");
    expect(mine.pendingSupplement?.items).toEqual([
      { name: "Bản sao bản án ly hôn có chứng thực", reason: "Bản chụp bị mờ, không đọc được số bản án." },
    ]);
    expect(mine.messages.find((m) => m.kind === "supplement_request")?.formUrl).toMatch(/\/forms\//);
    const empty = await citizen.post(`/api/v1/portal/dossiers/${id}/supplement`, { version: mine.version });
    expect(empty.json().error.code).toBe("SUPPLEMENT_ANSWER_EMPTY");
    ctx.clock.set("2026-12-01T02:00:00Z");
    const up = ok<{ version: number }>(
      await citizen.post(`/api/v1/portal/dossiers/${id}/uploads`, {
        version: mine.version,
        supplementItem: "Bản sao bản án ly hôn có chứng thực",
        componentId: "ban-an-ly-hon",
        filename: "ban-an-ro.pdf",
        file: b64(await samplePdf("Ban an ro net")),
      }),
      201,
    );
    mine = ok<Detail>(
      await citizen.post(`/api/v1/portal/dossiers/${id}/supplement`, {
        version: up.version,
        note: "Gửi lại bản chụp rõ nét.",
      }),
    );
    expect(mine.status).toBe("in_processing");
    const staff = await staffDossier(specialist, id);
    expect(staff.task?.role).toBe("specialist");
    const full = ok<{ dueAt: string; components: { supplement: boolean }[] }>(
      await specialist.get(`/api/v1/dossiers/${id}`),
    );
    // Three working days again from the answer on Tuesday 1/12 09:00, counted as the Civil Code counts days
    // (BLDS 2015 art. 147–148: the day of the event is not counted, the period ends with its last day): Wednesday,
    // Thursday, Friday, to the end of Friday's working day.
    expect(full.dueAt).toBe("2026-12-04T17:00:00+07:00");
    expect(full.components.some((c) => c.supplement)).toBe(true);
  });

  it("is approved, gets its result with a PDF, and is returned online; the citizen downloads it", async () => {
    let d = await staffDossier(specialist, id);
    await act(specialist, id, "forward", { version: d.version });
    d = await staffDossier(leader, id);
    await act(leader, id, "approve", { version: d.version });
    const resultPdf = await samplePdf("Giay xac nhan tinh trang hon nhan");
    const file = ok<{ id: string }>(
      await clerk.post("/api/v1/dossier-files", { filename: "ket-qua.pdf", file: b64(resultPdf) }),
      201,
    );
    d = await staffDossier(clerk, id);
    await act(clerk, id, "result", {
      version: d.version,
      number: "25/XNHN",
      signedOn: "2026-12-01",
      signer: "Nông Văn Chủ tịch",
      fileId: file.id,
    });
    let mine = ok<Detail>(await citizen.get(`/api/v1/portal/dossiers/${id}`));
    expect(mine.result?.fileUrl).toBeNull();
    expect((await citizen.get(`/api/v1/portal/dossiers/${id}/result`)).statusCode).toBe(404);
    const early = await citizen.post(`/api/v1/portal/dossiers/${id}/rating`, {
      scores: {
        processing_time: 2,
        agencies_contacted: 2,
        contacts_to_complete: 1,
        information_accuracy: 2,
        staff_attitude: 2,
        result_legality_and_costs: 2,
        feedback_answers: null,
        online_service_quality: 1,
      },
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe("RATING_NOT_ALLOWED");
    d = await staffDossier(desk, id);
    await act(desk, id, "return", { version: d.version, method: "online" });
    mine = ok<Detail>(await citizen.get(`/api/v1/portal/dossiers/${id}`));
    expect(mine.status).toBe("returned");
    expect(mine.canRate).toBe(true);
    expect(mine.needsAction).toBe("rate");
    expect(mine.result?.delivery.method).toBe("online");
    const download = await citizen.get(mine.result?.fileUrl as string);
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-type"]).toBe("application/pdf");
    expect(Buffer.compare(download.rawPayload, Buffer.from(resultPdf))).toBe(0);
    const kinds = mine.timeline.map((t) => t.kind);
    expect(kinds[0]).toBe("draft_start");
    expect(kinds).toEqual(
      expect.arrayContaining(["submit_online", "accept", "supplement_answered", "return"]),
    );
    // Citizen-safe: no internal notes or officer names.
    const body = JSON.stringify(mine);
    expect(body).not.toContain("claim");
    expect(body).not.toContain("actor");
  });

  it("is rated once; the rating is audited and counted in the unit's report", async () => {
    const scores = {
      processing_time: 2,
      agencies_contacted: 2,
      contacts_to_complete: 1,
      information_accuracy: 2,
      staff_attitude: 2,
      result_legality_and_costs: 2,
      feedback_answers: null,
      online_service_quality: 0,
    };
    const rated = ok<{ scores: Record<string, number | null> }>(
      await citizen.post(`/api/v1/portal/dossiers/${id}/rating`, {
        scores,
        comment: "Nhanh, không phải đi lại.",
      }),
      201,
    );
    expect(rated.scores.contacts_to_complete).toBe(1);
    const twice = await citizen.post(`/api/v1/portal/dossiers/${id}/rating`, { scores });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe("ALREADY_RATED");
    const audit = await ctx.handle.db
      .selectFrom("audit_log")
      .select(["action", "actor_kind"])
      .where("entity_id", "=", id)
      .where("action", "=", "portal.rate")
      .execute();
    expect(audit).toEqual([{ action: "portal.rate", actor_kind: "citizen" }]);
    const report = ok<{
      ratings: number;
      criteria: { criterion: string; count: number; mean: number | null; satisfiedShare: number | null }[];
    }>(await leader.get(`/api/v1/portal/satisfaction?unit=${QUANG_THUAN}&from=2026-11-01&to=2026-12-31`));
    expect(report.ratings).toBe(1);
    const by = Object.fromEntries(report.criteria.map((c) => [c.criterion, c]));
    expect(by.contacts_to_complete).toMatchObject({ count: 1, mean: 1, satisfiedShare: 1 });
    expect(by.online_service_quality).toMatchObject({ count: 1, mean: 0, satisfiedShare: 0 });
    expect(by.feedback_answers).toMatchObject({ count: 0, mean: null });
    // Scoped by unit: the desk officer has no report grant; another unit's leader cannot read this one.
    expect(
      (await desk.get(`/api/v1/portal/satisfaction?unit=${QUANG_THUAN}&from=2026-11-01&to=2026-12-31`))
        .statusCode,
    ).toBe(403);
  });
});
