/**
 * Dossier forms off the request path: a reception answers before its receipt is drawn, the receipt is drawn once
 * in the render pool and stored once; a form a crash left behind (queued, its lease run out) is drawn by the pass,
 * once; a download before any render still returns the PDF.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestContext, type TestClient, type TestContext } from "../../../test/support/test-app.ts";
import { flat, inspectPdf } from "../../pdf/forms/test-support.ts";
import { FORM_LEASE_SECONDS } from "./form-renders.ts";
import { MONDAY, receptionBody } from "./test-support.ts";

/** Renders through the real pool, each waiting for the gate the test holds (open unless closed). */
let gate: Promise<void> = Promise.resolve();
const drawn: string[] = [];
vi.mock("../../pdf/pool.ts", async (original) => {
  const real = await original<typeof import("../../pdf/pool.ts")>();
  return {
    ...real,
    renderInPool: async (name: string, input: { code?: string }) => {
      drawn.push(`${name}:${input?.code ?? ""}`);
      await gate;
      return real.renderInPool(name as never, input as never);
    },
  };
});

let ctx: TestContext;
let desk: TestClient;

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.set(MONDAY);
  desk = await ctx.as("tiepnhan.quangthuan");
});
afterAll(async () => ctx?.close());

interface Reception {
  dossier: { id: string; code: string };
  receipt: { form: { id: string; url: string } };
}

async function receive(): Promise<Reception> {
  const res = await desk.post("/api/v1/dossiers", receptionBody());
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Reception;
}

async function formRow(id: string) {
  return ctx.handle.db.selectFrom("dossier_forms").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

async function storedForms(dossierId: string): Promise<number> {
  const rows = await ctx.handle.db
    .selectFrom("dossier_files")
    .select("file_id")
    .where("dossier_id", "=", dossierId)
    .where("role", "=", "form")
    .execute();
  return rows.length;
}

async function download(url: string, code: string): Promise<void> {
  const res = await desk.get(url);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers["content-type"]).toBe("application/pdf");
  expect(flat(inspectPdf(res.rawPayload).text)).toContain(code);
}

describe("dossier forms rendered off the request path", () => {
  it("answers a reception with its receipt queued, not drawn; a download waits for the render under way", async () => {
    let open = () => {};
    gate = new Promise((resolve) => {
      open = resolve;
    });
    // The render is held at the gate until the reception has answered: an action that waited for it would hang.
    const received = await receive();
    const { id, url } = received.receipt.form;
    const code = received.dossier.code;
    const queued = await formRow(id);
    expect(queued.file_id).toBeNull();
    expect(queued.render_queued_at).not.toBeNull();

    const downloading = download(url, code);
    open();
    await downloading;
    await ctx.app.formRenders.settled();
    // Drawn once (whichever of the kick and the download claimed it first, the other waited for it), stored once.
    expect(drawn).toEqual([`receipt:${code}`]);
    expect((await formRow(id)).file_id).not.toBeNull();
    expect(await storedForms(received.dossier.id)).toBe(1);
    await download(url, code);
    expect(drawn).toEqual([`receipt:${code}`]);
  });

  it("draws once, in the pass, a form a crash left with its lease run out, and not one whose lease still runs", async () => {
    drawn.length = 0;
    const kick = ctx.app.formRenders.kick;
    // A process that stopped after commit, before or during the render: nothing kicked.
    ctx.app.formRenders.kick = () => {};
    const crashed = await receive();
    const busy = await receive();
    ctx.app.formRenders.kick = kick;
    const now = ctx.clock.now.getTime();
    await ctx.handle.db
      .updateTable("dossier_forms")
      .set({ render_attempts: 1, render_lease_until: new Date(now - 1000) })
      .where("id", "=", crashed.receipt.form.id)
      .execute();
    await ctx.handle.db
      .updateTable("dossier_forms")
      .set({ render_attempts: 1, render_lease_until: new Date(now + FORM_LEASE_SECONDS * 1000) })
      .where("id", "=", busy.receipt.form.id)
      .execute();

    expect(await ctx.app.formRenders.pass()).toEqual({ done: 1, failed: 0 });
    expect(drawn).toEqual([`receipt:${crashed.dossier.code}`]);
    const rendered = await formRow(crashed.receipt.form.id);
    expect(rendered.file_id).not.toBeNull();
    expect(rendered.render_attempts).toBe(2);
    expect(rendered.render_lease_until).toBeNull();
    expect(await storedForms(crashed.dossier.id)).toBe(1);
    expect((await formRow(busy.receipt.form.id)).file_id).toBeNull();

    // Nothing is drawn twice: the next pass finds nothing due.
    expect(await ctx.app.formRenders.pass()).toEqual({ done: 0, failed: 0 });
    expect(drawn).toEqual([`receipt:${crashed.dossier.code}`]);

    // Once the other lease has run out, that form is due again.
    ctx.clock.set(new Date(now + (FORM_LEASE_SECONDS + 1) * 1000).toISOString());
    expect(await ctx.app.formRenders.pass()).toEqual({ done: 1, failed: 0 });
    expect(await storedForms(busy.dossier.id)).toBe(1);
    ctx.clock.set(MONDAY);
  });

  it("takes a backlog larger than one claim in one pass (a restart after many unrendered forms)", async () => {
    const received = await receive();
    await ctx.app.formRenders.settled();
    const source = await formRow(received.receipt.form.id);
    // One more than a claim takes (20): copies of the receipt's frozen data, queued and never rendered.
    const backlog = 21;
    await ctx.handle.db
      .insertInto("dossier_forms")
      .values(
        Array.from({ length: backlog }, () => ({
          dossier_id: source.dossier_id,
          kind: source.kind,
          form_set: source.form_set,
          number: source.number,
          title: source.title,
          data: JSON.stringify(source.data),
          issued_at: source.issued_at,
          issued_by: source.issued_by,
          render_queued_at: ctx.clock.now,
        })),
      )
      .execute();
    drawn.length = 0;
    expect(await ctx.app.formRenders.pass()).toEqual({ done: backlog, failed: 0 });
    expect(drawn.length).toBe(backlog);
    expect(await storedForms(received.dossier.id)).toBe(1 + backlog);
  });

  it("returns the PDF of a form downloaded before any render ran, and stores it", async () => {
    drawn.length = 0;
    const kick = ctx.app.formRenders.kick;
    ctx.app.formRenders.kick = () => {};
    const received = await receive();
    ctx.app.formRenders.kick = kick;
    expect((await formRow(received.receipt.form.id)).file_id).toBeNull();
    await download(received.receipt.form.url, received.dossier.code);
    expect(drawn).toEqual([`receipt:${received.dossier.code}`]);
    expect(await storedForms(received.dossier.id)).toBe(1);
    expect(await ctx.app.formRenders.pass()).toEqual({ done: 0, failed: 0 });
    expect(drawn).toEqual([`receipt:${received.dossier.code}`]);
  });

  it("prints the applicant's copy in the render pool", async () => {
    drawn.length = 0;
    const res = await desk.post("/api/v1/dossiers", receptionBody());
    const body = res.json() as Reception & { receipt: { secret: string; citizenCopyUrl: string } };
    await ctx.app.formRenders.settled();
    const copy = await desk.post(body.receipt.citizenCopyUrl, { secret: body.receipt.secret });
    expect(copy.statusCode, copy.body).toBe(200);
    expect(flat(inspectPdf(copy.rawPayload).text)).toContain("Liên 2: Giao người nộp hồ sơ");
    expect(drawn).toEqual([`receipt:${body.dossier.code}`, `receipt:${body.dossier.code}`]);
  });
});
