/**
 * The paper evaluation slip typed in at the desk (TT 01/2018 art. 12; criteria of NĐ 61/2018 art. 31): recorded as
 * a paper rating with the officer who entered it, in the audit trail, counted in the unit's satisfaction report;
 * "online service quality" refused for a counter dossier; one rating per dossier; only the receiving desk types it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestClient, type TestContext } from "../../../test/support/test-app.ts";
import { MONDAY, QUANG_THUAN, receptionBody } from "./test-support.ts";

let ctx: TestContext;
let desk: TestClient;
let specialist: TestClient;
let otherDesk: TestClient;
let dossierId: string;

const SCORES = {
  processing_time: 2,
  agencies_contacted: 1,
  contacts_to_complete: 2,
  information_accuracy: 2,
  staff_attitude: 0,
  result_legality_and_costs: 2,
  feedback_answers: null,
};

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.set(MONDAY);
  [desk, specialist, otherDesk] = await Promise.all(
    ["tiepnhan.quangthuan", "chuyenvien.quangthuan", "tiepnhan.phuthong"].map((u) => ctx.as(u)),
  );
  const res = await desk.post("/api/v1/dossiers", receptionBody());
  expect(res.statusCode, res.body).toBe(201);
  dossierId = res.json().dossier.id;
});
afterAll(async () => ctx?.close());

describe("the paper evaluation slip typed in at the desk (TT 01/2018 art. 12, NĐ 61/2018 art. 31)", () => {
  const path = () => `/api/v1/dossiers/${dossierId}/ratings/paper`;

  it("offers the desk (not the specialist) the button to type the slip in", async () => {
    const actions = async (c: TestClient) =>
      ((await c.get(`/api/v1/dossiers/${dossierId}`)).json() as { actions: string[] }).actions;
    expect(await actions(desk)).toContain("rate_paper");
    expect(await actions(specialist)).not.toContain("rate_paper");
  });

  it("refuses the online service criterion for a dossier received at the counter (422, NĐ 61/2018 art. 31)", async () => {
    const res = await desk.post(path(), { scores: { ...SCORES, online_service_quality: 2 } });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.code).toBe("CRITERION_NOT_APPLICABLE");
    const rows = await ctx.handle.db
      .selectFrom("dossier_ratings")
      .select("id")
      .where("dossier_id", "=", dossierId)
      .execute();
    expect(rows).toEqual([]);
  });

  it("lets only the receiving desk type it in: 403 for the specialist, 404 for another commune's desk", async () => {
    expect((await specialist.post(path(), { scores: SCORES })).statusCode).toBe(403);
    expect((await otherDesk.post(path(), { scores: SCORES })).statusCode).toBe(404);
  });

  it("records the slip as a paper rating with the officer who entered it, audited and counted in the report", async () => {
    const res = await desk.post(path(), { scores: SCORES, comment: "Cán bộ hướng dẫn chưa rõ" });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.channel).toBe("paper");
    expect(body.enteredBy.name).toBeTruthy();
    expect(body.scores.online_service_quality).toBeNull();
    const row = await ctx.handle.db
      .selectFrom("dossier_ratings as r")
      .innerJoin("staff as s", "s.id", "r.entered_by")
      .select(["r.channel", "r.citizen_id", "r.staff_attitude", "r.online_service_quality", "s.username"])
      .where("r.dossier_id", "=", dossierId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      channel: "paper",
      citizen_id: null,
      staff_attitude: 0,
      online_service_quality: null,
      username: "tiepnhan.quangthuan",
    });
    const audit = await ctx.handle.db
      .selectFrom("audit_log")
      .select(["action", "actor_id"])
      .where("entity_id", "=", dossierId)
      .where("action", "=", "dossier.rating.paper")
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor_id).toBe(body.enteredBy.id);

    const leader = await ctx.as("lanhdao.quangthuan");
    const report = await leader.get(
      `/api/v1/portal/satisfaction?unit=${QUANG_THUAN}&from=2026-11-30&to=2026-11-30`,
    );
    expect(report.statusCode, report.body).toBe(200);
    const attitude = report
      .json()
      .criteria.find((c: { criterion: string }) => c.criterion === "staff_attitude");
    expect(attitude.distribution).toEqual({ "0": 1, "1": 0, "2": 0 });
    const online = report
      .json()
      .criteria.find((c: { criterion: string }) => c.criterion === "online_service_quality");
    expect(online.count).toBe(0);
  });

  it("keeps one rating per dossier (409 ALREADY_RATED) and no longer offers the button", async () => {
    const detail = (await desk.get(`/api/v1/dossiers/${dossierId}`)).json() as { actions: string[] };
    expect(detail.actions).not.toContain("rate_paper");
    const res = await desk.post(path(), { scores: SCORES });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("ALREADY_RATED");
  });
});
