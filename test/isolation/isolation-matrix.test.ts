/**
 * The isolation matrix (issue 8): every /api/v1 route the app registers × every principal (each staff role at its
 * unit, anonymous) × the principal's own unit, a sibling, the parent and a child, against the real app. Each cell's
 * expected answer is written once in expectations.ts; a registered route missing there (or in requests.ts) fails,
 * so a new route cannot slip through. A cell that answers otherwise fails with a diff of expected and observed
 * answers (there is no mode that records the observed table: the table is written from the policy, by hand).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession, SESSION_COOKIE } from "../../src/modules/auth/sessions.ts";
import { createTestContext, type TestClient, type TestContext } from "../support/test-app.ts";
import { EXPECTATIONS } from "./expectations.ts";
import {
  ACCOUNTS,
  ANONYMOUS_RELATED,
  buildFixture,
  type Fixture,
  PRINCIPALS,
  type PrincipalName,
  RELATED,
  RELATIONS,
  type UnitFx,
} from "./fixture.ts";
import { type Answer, answerOf, RELATION_INDEX } from "./matrix.ts";
import { CALLS, type MatrixRequest } from "./requests.ts";

let ctx: TestContext;
let fx: Fixture;
const clients = new Map<PrincipalName, TestClient>();

async function clientOf(p: PrincipalName, fresh = false): Promise<TestClient> {
  if (p === "citizen") {
    // The citizen's session is made once; routes that end sessions are last for it (see ORDER).
    if (fresh) fx.citizen = await freshCitizen();
    return fx.citizen;
  }
  if (fresh || !clients.has(p)) clients.set(p, p === "anonymous" ? ctx.client() : await ctx.as(ACCOUNTS[p]));
  return clients.get(p) as TestClient;
}

async function freshCitizen(): Promise<TestClient> {
  const client = ctx.client();
  const { token } = await createSession(
    ctx.handle.db,
    { kind: "citizen", id: fx.citizenId },
    { ip: null, userAgent: "matrix", ttlHours: 24, now: ctx.clock.now },
  );
  client.cookies.set(SESSION_COOKIE, token);
  return client;
}

function routesUnderTest(): string[] {
  return [
    ...new Set(
      ctx.app.motcuaRoutes.filter((r) => r.url.startsWith("/api/v1/")).map((r) => `${r.method} ${r.url}`),
    ),
  ];
}

/** Destructive cells last: a system admin's allowed change must not alter what the others meet. */
const ORDER: PrincipalName[] = [...PRINCIPALS.filter((p) => p !== "systemAdmin"), "systemAdmin"];

function relatedUnit(p: PrincipalName, relation: (typeof RELATIONS)[number]): UnitFx | null {
  const key = p === "anonymous" ? ANONYMOUS_RELATED[relation] : RELATED[p][relation];
  return key ? fx.units[key] : null;
}

async function send(client: TestClient, req: MatrixRequest) {
  return client.request({
    method: req.method as "GET",
    url: req.url,
    ...(req.payload === undefined ? {} : { payload: req.payload as object }),
  });
}

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.set("2026-11-30T02:00:00Z");
  fx = await buildFixture(ctx);
}, 300_000);
afterAll(async () => ctx?.close());

describe("isolation matrix", () => {
  it("has an expectation and a request for every /api/v1 route, and none for a route that is gone", () => {
    const routes = routesUnderTest();
    expect(routes.length).toBeGreaterThan(80);
    expect(routes.filter((r) => !(r in EXPECTATIONS))).toEqual([]);
    expect(routes.filter((r) => !(r in CALLS))).toEqual([]);
    expect(Object.keys(EXPECTATIONS).filter((r) => !routes.includes(r))).toEqual([]);
    for (const r of routes) expect(EXPECTATIONS[r]?.scope, r).toBe(CALLS[r]?.scope);
  });

  it("answers every cell as written", async () => {
    const mismatches: string[] = [];
    const expectedCells: Record<string, Answer | null | undefined> = {};
    const observedCells: Record<string, Answer | string | null> = {};
    for (const route of routesUnderTest()) {
      const call = CALLS[route];
      const expected = EXPECTATIONS[route];
      if (!call || !expected) continue;
      for (const p of ORDER) {
        if (call.scope === "none") {
          const res = await send(await clientOf(p), call.build(fx));
          if (call.resetsSession) await clientOf(p, true);
          const got = answerOf(res.statusCode, res.body);
          const want = (expected.row as Record<PrincipalName, Answer>)[p];
          const cell = `${route} as ${p}`;
          expectedCells[cell] = want;
          observedCells[cell] = got;
          if (got !== want) mismatches.push(`${cell}: ${res.statusCode} (${res.body.slice(0, 160)})`);
          continue;
        }
        for (const relation of RELATIONS) {
          const u = relatedUnit(p, relation);
          const cellExists = u !== null && (call.needs === undefined || u[call.needs] !== undefined);
          const spec = (expected.row as Record<PrincipalName, Answer | readonly (Answer | null)[]>)[p];
          const want = Array.isArray(spec)
            ? spec[RELATION_INDEX[relation]]
            : cellExists
              ? (spec ?? null)
              : null;
          const cell = `${route} as ${p} on ${relation}`;
          expectedCells[cell] = want;
          if (!cellExists || !u) {
            observedCells[cell] = null;
            continue;
          }
          const res = await send(await clientOf(p), call.build(u, fx));
          const got = answerOf(res.statusCode, res.body);
          observedCells[cell] = got;
          if (got !== want)
            mismatches.push(`${cell} (${u.key}): ${res.statusCode} (${res.body.slice(0, 160)})`);
        }
      }
    }
    // The diff names every cell that answered otherwise than written; the message shows what it answered.
    expect(observedCells, mismatches.join("\n")).toStrictEqual(expectedCells);
    // Every cell of every route is asserted (about 2,000 on the demo tree).
    const cells = Object.values(observedCells).filter((a) => a !== null).length;
    expect(cells).toBeGreaterThan(1500);
  }, 600_000);
});
