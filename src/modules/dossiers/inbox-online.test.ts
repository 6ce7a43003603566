/**
 * An online dossier filed through an e-form built from the catalog reaches the reception officer's default inbox
 * ("Việc cần làm") with its acceptance deadline, and staff find it by any of its identifiers within their units.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestClient, type TestContext } from "../../../test/support/test-app.ts";
import { b64, citizenClient, MONDAY, PNG, QUANG_THUAN } from "../portal/test-support.ts";

/** Đăng ký giám hộ: a TT 04/2020 procedure with no dedicated e-form, two cases that add components. */
const GUARDIANSHIP = "dang-ky-giam-ho";

let ctx: TestContext;
let citizen: TestClient;
let desk: TestClient;
let specialist: TestClient;
let otherDesk: TestClient;
let id: string;
let reference: string;
/** The desk's counts before the filing (the demo data has dossiers of its own). */
let before: Record<string, number>;

interface Summary {
  id: string;
  status: string;
  onlineReference: string | null;
  acceptanceDueAt: string | null;
  flags: { onlineAlert: boolean; onlineAcceptanceOverdue: boolean };
}

function ok<T>(res: { statusCode: number; body: string; json: () => unknown }, status = 200): T {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}

beforeAll(async () => {
  ctx = await createTestContext({ env: { SESSION_TTL_HOURS: "240" } });
  ctx.clock.set(MONDAY);
  citizen = (await citizenClient(ctx, { name: "Lục Văn Giám", identity: "006090077777" })).client;
  [desk, specialist, otherDesk] = await Promise.all(
    ["tiepnhan.quangthuan", "chuyenvien.quangthuan", "tiepnhan.phuthong"].map((u) => ctx.as(u)),
  );
  before = ok(await desk.get("/api/v1/dossiers/workload"));
});
afterAll(async () => ctx?.close());

describe("an online dossier under an e-form built from the catalog", () => {
  it("files Đăng ký giám hộ under the case 'giám hộ cử', which asks for the nomination", async () => {
    const form = ok<{
      definition: { key: string };
      components: { componentId: string; cases: string[] | null }[];
    }>(await ctx.client().get(`/api/v1/portal/procedures/${GUARDIANSHIP}/eform`));
    expect(form.definition.key).toBe("ho-so-truc-tuyen-dang-ky-giam-ho");
    expect(form.components.find((c) => c.componentId === "van-ban-cu-giam-ho")?.cases).toEqual([
      "giam-ho-cu",
    ]);

    let draft = ok<{ id: string; version: number; components: { componentId: string; required: boolean }[] }>(
      await citizen.post("/api/v1/portal/dossiers", {
        procedure: GUARDIANSHIP,
        unit: QUANG_THUAN,
        caseId: "giam-ho-cu",
      }),
      201,
    );
    id = draft.id;
    expect(draft.components.map((c) => [c.componentId, c.required])).toEqual([
      ["to-khai", true],
      ["giay-to-tuy-than", true],
      ["van-ban-cu-giam-ho", true],
    ]);
    draft = ok(
      await citizen.patch(`/api/v1/portal/dossiers/${id}/draft`, {
        version: draft.version,
        answers: { requestContent: "Đăng ký giám hộ cho cháu Lục Văn Nhỏ", declaration: true },
        returnMethod: "counter",
      }),
    );
    let version = draft.version;
    for (const componentId of ["to-khai", "giay-to-tuy-than", "van-ban-cu-giam-ho"]) {
      version = ok<{ version: number }>(
        await citizen.post(`/api/v1/portal/dossiers/${id}/uploads`, {
          version,
          componentId,
          filename: `${componentId}.png`,
          file: b64(PNG),
        }),
        201,
      ).version;
    }
    const submitted = ok<{ reference: string }>(
      await citizen.post(`/api/v1/portal/dossiers/${id}/submit`, { version }),
    );
    reference = submitted.reference;
    expect(reference).toMatch(/^DVC-\d{6}-[A-Z0-9]{8}$/);
  });

  it("shows in the reception officer's default inbox with the 8-working-hour acceptance deadline (NĐ 118/2025)", async () => {
    const todo = ok<{ items: Summary[] }>(await desk.get("/api/v1/dossiers/inbox"));
    const item = todo.items.find((i) => i.id === id);
    expect(item?.status).toBe("submitted_online");
    expect(item?.onlineReference).toBe(reference);
    // Submitted Monday 30/11/2026 09:00 (+07:00) at a desk open 07:30–11:30 and 13:30–17:00: Monday gives 2.5 + 3.5
    // working hours, the last 2 run on Tuesday from 07:30, so the 8 working hours end Tuesday 09:30.
    expect(item?.acceptanceDueAt).toBe("2026-12-01T09:30:00+07:00");
    expect(item?.flags).toMatchObject({ onlineAlert: false, onlineAcceptanceOverdue: false });
  });

  it("counts it on the reception officer's home page as waiting for acceptance, not yet due soon", async () => {
    expect(ok(await desk.get("/api/v1/dossiers/workload"))).toEqual({
      ...before,
      todo: (before.todo ?? 0) + 1,
      waitingAcceptance: (before.waitingAcceptance ?? 0) + 1,
    });
  });

  it("is not in a specialist's to-do list: acceptance is the desk's work", async () => {
    const todo = ok<{ items: Summary[] }>(await specialist.get("/api/v1/dossiers/inbox"));
    expect(todo.items.map((i) => i.id)).not.toContain(id);
  });

  it("turns red in the inbox once the acceptance deadline passes", async () => {
    ctx.clock.set("2026-12-01T02:30:01Z");
    const overdue = ok<{ items: Summary[] }>(await desk.get("/api/v1/dossiers/inbox?overdue=true"));
    expect(overdue.items.find((i) => i.id === id)?.flags.onlineAcceptanceOverdue).toBe(true);
    const todo = ok<{ items: Summary[] }>(await desk.get("/api/v1/dossiers/inbox"));
    expect(todo.items.map((i) => i.id)).toContain(id);
    const later = ok<Record<string, number>>(await desk.get("/api/v1/dossiers/workload"));
    expect(later.overdue).toBeGreaterThanOrEqual((before.overdue ?? 0) + 1);
    ctx.clock.set(MONDAY);
  });

  it.each([
    ["the online reference", () => reference],
    ["the start of the online reference, in lower case", () => reference.slice(0, 12).toLowerCase()],
    ["the applicant's name without diacritics", () => "luc van giam"],
    ["the applicant's CCCD", () => "006090077777"],
    ["the applicant's phone as written", () => "0912 345 678"],
    ["the applicant's phone in international form", () => "+84912345678"],
  ])("finds the dossier by %s", async (_what, q) => {
    const found = ok<{ items: Summary[] }>(await desk.get(`/api/v1/dossiers?q=${encodeURIComponent(q())}`));
    expect(found.items.map((i) => i.id)).toContain(id);
  });

  it("does not find it for a desk of another commune, even by its reference", async () => {
    const found = ok<{ items: Summary[] }>(
      await otherDesk.get(`/api/v1/dossiers?q=${encodeURIComponent(reference)}`),
    );
    expect(found.items.map((i) => i.id)).not.toContain(id);
  });
});
