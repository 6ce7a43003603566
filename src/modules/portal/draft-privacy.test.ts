/**
 * Issue 14, finding 8: a citizen's online draft is the citizen's own until submitted. An officer of the unit the
 * draft is addressed to reads no detail of it and cannot annotate it (404, as for a dossier it may not see);
 * the same officer reads and annotates a dossier of its unit, so the refusal is the draft rule.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/support/test-app.ts";
import { citizenClient, MARITAL, MONDAY, QUANG_THUAN } from "./test-support.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.set(MONDAY);
}, 300_000);
afterAll(async () => ctx?.close());

describe("a citizen's draft stays the citizen's (issue 14, finding 8)", () => {
  it("staff of the addressed unit get 404 on the draft's detail and notes", async () => {
    const citizen = (await citizenClient(ctx)).client;
    const draft = await citizen.post("/api/v1/portal/dossiers", { procedure: MARITAL, unit: QUANG_THUAN });
    expect(draft.statusCode, draft.body).toBe(201);
    const id = (draft.json() as { id: string }).id;
    for (const username of ["tiepnhan.quangthuan", "chuyenvien.quangthuan", "lanhdao.quangthuan"]) {
      const officer = await ctx.as(username);
      const read = await officer.get(`/api/v1/dossiers/${id}`);
      expect(`${username} ${read.statusCode}`).toBe(`${username} 404`);
      const note = await officer.post(`/api/v1/dossiers/${id}/notes`, { text: "Ghi chú vào bản nháp" });
      expect(`${username} ${note.statusCode}`).toBe(`${username} 404`);
    }
    const notes = await ctx.handle.db
      .selectFrom("audit_log")
      .select("action")
      .where("entity_id", "=", id)
      .where("action", "like", "%note%")
      .execute();
    expect(notes).toEqual([]);
    // The citizen still reads its own draft.
    expect((await citizen.get(`/api/v1/portal/dossiers/${id}`)).statusCode).toBe(200);
  }, 120_000);

  it("the same officer reads a dossier of its unit (the refusal above is the draft rule)", async () => {
    const officer = await ctx.as("tiepnhan.quangthuan");
    const row = await ctx.handle.db
      .selectFrom("dossiers")
      .select("id")
      .where("status", "<>", "draft_online")
      .where("received_unit_id", "=", await unitOf("tiepnhan.quangthuan"))
      .executeTakeFirst();
    expect(row).toBeDefined();
    expect((await officer.get(`/api/v1/dossiers/${row?.id}`)).statusCode).toBe(200);
  }, 120_000);
});

async function unitOf(username: string): Promise<string> {
  const row = await ctx.handle.db
    .selectFrom("staff")
    .select("unit_id")
    .where("username", "=", username)
    .executeTakeFirstOrThrow();
  return row.unit_id;
}
