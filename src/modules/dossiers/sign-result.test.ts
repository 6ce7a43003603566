/**
 * The leader's step signs the drafted result (issue 23, item 7): the specialist forwards the dossier with a drafted
 * result (a one-page PDF), the leader sees it on the dossier and approves by signing it with the personal demo
 * credential; the signed copy verifies and becomes the result file the clerk records. A wrong password, a caller who
 * is not the leader, a missing draft and a draft that is not a PDF change nothing.
 */
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestClient, type TestContext } from "../../../test/support/test-app.ts";
import { DEMO_SIGNING, seedDemoSigning } from "../../seed/demo-signing.ts";
import { verifyPdf } from "../../signing/verify.ts";
import { act, type DossierJson, receptionBody } from "./test-support.ts";

let ctx: TestContext;
let desk: TestClient;
let specialist: TestClient;
let leader: TestClient;
let clerk: TestClient;

beforeAll(async () => {
  ctx = await createTestContext();
  // The demo PKI is issued at the real current time; the API's clock must not lag it.
  ctx.clock.set(new Date());
  await ctx.handle.db
    .transaction()
    .execute((tx) =>
      seedDemoSigning(tx, { serverSecret: ctx.app.deps.config.signingKeySecret, now: ctx.clock.now }),
    );
  [desk, specialist, leader, clerk] = await Promise.all(
    ["tiepnhan.quangthuan", "chuyenvien.quangthuan", "lanhdao.quangthuan", "vanthu.quangthuan"].map((u) =>
      ctx.as(u),
    ),
  );
});
afterAll(async () => ctx?.close());

async function onePagePdf(text: string): Promise<string> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]).drawText(text, { x: 72, y: 760, size: 14 });
  return Buffer.from(await doc.save()).toString("base64");
}

async function upload(
  client: TestClient,
  filename: string,
  file: string,
  contentType?: string,
): Promise<string> {
  const res = await client.post("/api/v1/dossier-files", {
    filename,
    file,
    ...(contentType ? { contentType } : {}),
  });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
}

async function get(client: TestClient, id: string): Promise<DossierJson> {
  const res = await client.get(`/api/v1/dossiers/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as DossierJson;
}

/** Received at the desk and forwarded to the specialist: the next step is the leader's "xem xét, ký". */
async function withSpecialist(): Promise<DossierJson> {
  const res = await desk.post("/api/v1/dossiers", receptionBody());
  expect(res.statusCode, res.body).toBe(201);
  const d = (res.json() as { dossier: DossierJson }).dossier;
  return act(desk, d.id, "forward", { version: d.version });
}

describe("the leader signs the drafted result at the leader's step", () => {
  let d: DossierJson;

  it("refuses a draft that is not a PDF (PAdES signs PDFs only)", async () => {
    d = await withSpecialist();
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
      "base64",
    ).toString("base64");
    const image = await upload(specialist, "du-thao.png", png, "image/png");
    const res = await specialist.post(`/api/v1/dossiers/${d.id}/forward`, {
      version: d.version,
      resultDraftFileId: image,
    });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json()).toMatchObject({ error: { code: "DOSSIER_FILE_INVALID" } });
    expect((await get(specialist, d.id)).version).toBe(d.version);
  });

  it("takes the drafted PDF with the forward and shows it to the leader", async () => {
    const draft = await upload(specialist, "giay-xac-nhan.pdf", await onePagePdf("Du thao ket qua"));
    d = await act(specialist, d.id, "forward", { version: d.version, resultDraftFileId: draft });
    const seen = await get(leader, d.id);
    expect(seen.task?.role).toBe("leader");
    expect(seen.resultDraft).toMatchObject({ id: draft, name: "giay-xac-nhan.pdf", mime: "application/pdf" });
    expect(seen.signedResult).toBeNull();
    expect(seen.actions).toContain("approve");
  });

  it("is not the specialist's to sign (403) and a wrong password changes nothing", async () => {
    const asSpecialist = await specialist.post(`/api/v1/dossiers/${d.id}/sign-result`, {
      version: d.version,
      password: DEMO_SIGNING.password,
    });
    expect(asSpecialist.statusCode, asSpecialist.body).toBe(403);
    const wrong = await leader.post(`/api/v1/dossiers/${d.id}/sign-result`, {
      version: d.version,
      password: "not-the-password",
    });
    expect(wrong.statusCode, wrong.body).toBeGreaterThanOrEqual(400);
    expect(wrong.statusCode).toBeLessThan(500);
    const after = await get(leader, d.id);
    expect(after.version).toBe(d.version);
    expect(after.status).toBe(d.status);
    expect(after.signedResult).toBeNull();
  });

  it("signs with the leader's credential, approves, and the signed copy verifies", async () => {
    const res = await leader.post(`/api/v1/dossiers/${d.id}/sign-result`, {
      version: d.version,
      password: DEMO_SIGNING.password,
      note: "Đồng ý",
    });
    expect(res.statusCode, res.body).toBe(200);
    d = (res.json() as { dossier: DossierJson }).dossier;
    // Approved: the next open step issues the result (the clerk's), no longer the leader's.
    expect(d.task?.role).not.toBe("leader");
    expect(d.events.map((e) => e.action)).toContain("approve");
    const signed = d.signedResult as { file: { id: string; url: string; name: string }; signer: string };
    expect(signed.signer).toBe(DEMO_SIGNING.leader.name);
    expect(signed.file.name).toBe("giay-xac-nhan-da-ky.pdf");
    const file = await leader.get(signed.file.url);
    expect(file.statusCode).toBe(200);
    const report = await verifyPdf(new Uint8Array(file.rawPayload));
    expect(report.signatures).toHaveLength(1);
    expect(report.signatures[0]?.status).toBe("valid");
    expect(report.signatures[0]?.signer?.commonName).toBe(DEMO_SIGNING.leader.name);
  });

  it("the clerk records the number and the signed copy is the result file", async () => {
    const recorded = await act(clerk, d.id, "result", {
      version: d.version,
      number: "15/XN-UBND",
      signedOn: (d.signedResult as { signedAt: string }).signedAt.slice(0, 10),
      signer: DEMO_SIGNING.leader.name,
    });
    const result = recorded.result as { file: { id: string } | null };
    expect(result.file?.id).toBe((d.signedResult as { file: { id: string } }).file.id);
  });

  it("refuses to sign when nothing was drafted", async () => {
    let bare = await withSpecialist();
    bare = await act(specialist, bare.id, "forward", { version: bare.version });
    const res = await leader.post(`/api/v1/dossiers/${bare.id}/sign-result`, {
      version: bare.version,
      password: DEMO_SIGNING.password,
    });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json()).toMatchObject({ error: { code: "RESULT_DRAFT_MISSING" } });
  });
});
