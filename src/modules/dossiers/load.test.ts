/**
 * loadForAction's order (issue 15 item 3): visibility (404), then the action's authorization (403), then the
 * version (409). A caller who sees the dossier but may not act is refused whatever version it sends, so it never
 * learns whether its version was current; an authorized caller with a stale version is told of the conflict.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestClient, type TestContext } from "../../../test/support/test-app.ts";
import { act, type DossierJson, MONDAY, receptionBody } from "./test-support.ts";

let ctx: TestContext;
let desk: TestClient;
let specialist: TestClient;
let leader: TestClient;
let supervisor: TestClient;
let otherDesk: TestClient;
let d: DossierJson;

const code = (res: { body: string }) => (JSON.parse(res.body) as { error?: { code?: string } }).error?.code;

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.set(MONDAY);
  [desk, specialist, leader, supervisor, otherDesk] = await Promise.all(
    [
      "tiepnhan.quangthuan",
      "chuyenvien.quangthuan",
      "lanhdao.quangthuan",
      "giamsat.bachthong",
      "tiepnhan.phuthong",
    ].map((u) => ctx.as(u)),
  );
  const res = await desk.post("/api/v1/dossiers", receptionBody());
  d = (res.json() as { dossier: DossierJson }).dossier;
  // Reception → specialist → the leader's step (civil status workflow: reception, specialist, leader, clerk).
  d = await act(desk, d.id, "forward", { version: d.version });
  d = await act(specialist, d.id, "forward", { version: d.version });
  expect(d.task?.role).toBe("leader");
});
afterAll(async () => ctx?.close());

describe("loadForAction: the action's authorization before the version check", () => {
  const stale = () => d.version - 1;

  it("refuses a supervisor (who reads the dossier, but may not approve) with 403 for a stale version", async () => {
    expect((await supervisor.get(`/api/v1/dossiers/${d.id}`)).statusCode).toBe(200);
    const res = await supervisor.post(`/api/v1/dossiers/${d.id}/approve`, { version: stale() });
    expect([res.statusCode, code(res)]).toEqual([403, "FORBIDDEN"]);
    // The same refusal with the current version: the answer does not depend on the version.
    const live = await supervisor.post(`/api/v1/dossiers/${d.id}/approve`, { version: d.version });
    expect([live.statusCode, code(live)]).toEqual([403, "FORBIDDEN"]);
  });

  it("refuses the officers of other roles at the leader's step with 403 for a stale version", async () => {
    const cases = [
      [specialist, "approve", {}],
      [desk, "reject", { reason: "Thử" }],
      [desk, "stop", { reason: "Thử", basis: "Điều 21 Nghị định 118/2025/NĐ-CP" }],
      [specialist, "apology", { reason: "Thử", newAppointment: "2026-12-10T09:00:00+07:00" }],
      [specialist, "withdraw", { reason: "Thử" }],
    ] as const;
    for (const [client, path, body] of cases) {
      const res = await client.post(`/api/v1/dossiers/${d.id}/${path}`, { version: stale(), ...body });
      expect([path, res.statusCode, code(res)]).toEqual([path, 403, "FORBIDDEN"]);
    }
  });

  it("hides the dossier from another commune's desk (404) before anything else", async () => {
    const res = await otherDesk.post(`/api/v1/dossiers/${d.id}/withdraw`, { version: stale() });
    expect([res.statusCode, code(res)]).toEqual([404, "NOT_FOUND"]);
  });

  it("tells the authorized leader of the stale version with 409 CONFLICT, and nothing changes", async () => {
    const res = await leader.post(`/api/v1/dossiers/${d.id}/approve`, { version: stale() });
    expect([res.statusCode, code(res)]).toEqual([409, "CONFLICT"]);
    expect((JSON.parse(res.body) as { error: { details: unknown } }).error.details).toEqual({
      currentVersion: d.version,
    });
    const now = (await leader.get(`/api/v1/dossiers/${d.id}`)).json() as DossierJson;
    expect([now.version, now.status, now.task?.role]).toEqual([d.version, d.status, "leader"]);
  });

  it("tells an authorized caller of a stale version first when the state moved past the action", async () => {
    const res = await desk.post("/api/v1/dossiers", receptionBody());
    let w = (res.json() as { dossier: DossierJson }).dossier;
    w = await act(desk, w.id, "forward", { version: w.version });
    w = await act(specialist, w.id, "forward", { version: w.version });
    const read = w.version;
    // The applicant withdraws at the desk while the leader still has the dossier open: no open step any more.
    w = await act(desk, w.id, "withdraw", { version: w.version, reason: "Người nộp xin rút." });
    const late = await leader.post(`/api/v1/dossiers/${w.id}/approve`, { version: read });
    expect([late.statusCode, code(late)]).toEqual([409, "CONFLICT"]);
    const current = await leader.post(`/api/v1/dossiers/${w.id}/approve`, { version: w.version });
    expect([current.statusCode, code(current)]).toEqual([409, "EVENT_NOT_ALLOWED"]);
    // A refusal of the caller itself stays a refusal, whatever the version.
    const stop = await desk.post(`/api/v1/dossiers/${w.id}/stop`, {
      version: read,
      reason: "Thử",
      basis: "Điều 21 Nghị định 118/2025/NĐ-CP",
    });
    expect([stop.statusCode, code(stop)]).toEqual([403, "FORBIDDEN"]);
  });
});
