/**
 * Fuzzing the dossier actions past the authorization layer: the repository's OpenAPI fuzz signs in as a system
 * administrator, whom every dossier route refuses early. Here officers of the desk, the processing steps and the
 * agency send bodies shaped like each action's (right keys, the dossier's current version most of the time, hostile
 * strings, extreme dates, ids that exist and ids that do not) at dossiers in many states, which the actions keep
 * moving. No answer may be a 5xx; every refusal keeps the error shape; the audit chain stays intact.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestClient, type TestContext } from "../../../test/support/test-app.ts";
import { verifyAuditLog } from "../audit/audit-log.ts";
import { act, type DossierJson, MONDAY, receptionBody, TU_PHAP } from "./test-support.ts";

const RUNS = Number(process.env.FUZZ_RUNS ?? 15);
const SEED = Number(process.env.FUZZ_SEED ?? 20261205);

let ctx: TestContext;
let officers: TestClient[] = [];
const dossiers: string[] = [];
const staffIds: string[] = [];

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.set(MONDAY);
  officers = await Promise.all(
    [
      "tiepnhan.quangthuan",
      "chuyenvien.quangthuan",
      "lanhdao.quangthuan",
      "vanthu.quangthuan",
      "tuphap.bachthong",
      "truongphong.tuphap",
    ].map((u) => ctx.as(u)),
  );
  const [desk, specialist, leader] = officers as [TestClient, TestClient, TestClient];
  for (let i = 0; i < 4; i++) {
    const res = await desk.post(
      "/api/v1/dossiers",
      receptionBody({ procedure: "thay-doi-cai-chinh-bo-sung-thong-tin-ho-tich", caseId: "bo-sung" }),
    );
    let d = (res.json() as { dossier: DossierJson }).dossier;
    if (i > 0) d = await act(desk, d.id, "forward", { version: d.version });
    if (i > 1) d = await act(specialist, d.id, "forward", { version: d.version });
    if (i > 2) {
      d = await act(leader, d.id, "transfer", {
        version: d.version,
        unitCode: TU_PHAP,
        reason: "Liên thông.",
      });
    }
    dossiers.push(d.id);
  }
  const rows = await ctx.handle.db.selectFrom("staff").select("id").limit(8).execute();
  staffIds.push(...rows.map((r) => r.id));
});
afterAll(async () => ctx?.close());

const hostile = fc.oneof(
  fc.string({ minLength: 1, maxLength: 40 }),
  fc.constantFrom(
    "Chứng thực bản sao",
    "' OR '1'='1",
    "<script>alert(1)</script>",
    "\u0000",
    "   ",
    "9".repeat(300),
    "000.20.31.H06",
    "000.21.31.H06",
    "000.17.31.H06",
    "H99",
  ),
);
const isoDate = fc.constantFrom("2026-11-30", "1900-01-01", "2999-12-31", "2026-02-28", "2000-01-01");
const instant = fc.oneof(
  fc
    .date({ min: new Date("1970-01-01"), max: new Date("9999-12-31"), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc.constantFrom("2026-12-07T16:00:00+07:00", "2026-11-30T08:00:00+07:00", "2027-01-04T09:00:00+07:00"),
);
const uuid = () => fc.oneof(fc.uuid(), fc.constantFrom(...staffIds));
const items = fc.array(fc.record({ name: hostile, reason: hostile }), { minLength: 0, maxLength: 3 });
const components = fc.array(
  fc.record({
    name: hostile,
    kind: fc.constantFrom("original", "copy", "certified_copy"),
    count: fc.integer({ min: 0, max: 120 }),
  }),
  { minLength: 0, maxLength: 3 },
);

const none = fc.constant({});
/** Each action with an arbitrary of its body (besides the version); made once the staff ids are known. */
const actions = (): Record<string, fc.Arbitrary<Record<string, unknown>>> => ({
  accept: none,
  refuse: fc.record({ reason: hostile }),
  "request-supplement": fc.record({ items }),
  "supplement-received": fc.record({ components }),
  "close-incomplete": none,
  claim: none,
  assign: fc.record({ assigneeId: uuid() }),
  forward: fc.record({ assigneeId: fc.option(uuid(), { nil: null }) }),
  "send-back": fc.record({ reason: hostile }),
  transfer: fc.record({ unitCode: hostile, reason: hostile }),
  "transfer-return": fc.record({
    outcome: fc.constantFrom("continue", "approved", "rejected"),
    reason: fc.option(hostile, { nil: null }),
  }),
  approve: none,
  reject: fc.record({ reason: hostile }),
  result: fc.record({
    number: hostile,
    signedOn: isoDate,
    signer: hostile,
    fileId: fc.option(uuid(), { nil: null }),
  }),
  apology: fc.record({ reason: hostile, newAppointment: instant }),
  stop: fc.record({ reason: hostile, basis: hostile }),
  withdraw: fc.record({ reason: fc.option(hostile, { nil: null }) }),
  return: fc.oneof(
    fc.record({ method: fc.constant("counter"), signedBy: hostile }),
    fc.record({ method: fc.constant("post"), trackingNumber: hostile }),
    fc.record({ method: fc.constant("online") }),
  ),
  notes: fc.record({ text: hostile }),
});

describe("fuzzing dossier actions as officers", () => {
  it("never answers 5xx, whatever the action, the officer, the state and the body", async () => {
    const seen = new Map<string, number>();
    for (const [path, bodies] of Object.entries(actions())) {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 0, max: officers.length - 1 }),
          fc.integer({ min: 0, max: dossiers.length - 1 }),
          bodies,
          fc.integer({ min: 0, max: 9 }),
          async (who, which, body, versionSkew) => {
            const client = officers[who] as TestClient;
            const id = dossiers[which] as string;
            const current = await ctx.handle.db
              .selectFrom("dossiers")
              .select("version")
              .where("id", "=", id)
              .executeTakeFirstOrThrow();
            const version = versionSkew < 7 ? current.version : versionSkew;
            const payload = path === "notes" ? body : { version, ...body };
            const res = await client.post(`/api/v1/dossiers/${id}/${path}`, payload);
            const where = `${path} ${JSON.stringify(payload).slice(0, 300)} → ${res.statusCode} ${res.body.slice(0, 300)}`;
            const key = `${path} ${res.statusCode}${res.statusCode >= 400 ? ` ${res.json().error?.code}` : ""}`;
            seen.set(key, (seen.get(key) ?? 0) + 1);
            expect(res.statusCode, where).toBeLessThan(500);
            if (res.statusCode >= 400) expect(typeof res.json().error?.code, where).toBe("string");
          },
        ),
        { numRuns: RUNS, seed: SEED },
      );
    }
    if (process.env.FUZZ_REPORT)
      console.log(
        [...seen]
          .sort()
          .map(([k, v]) => `${v}\t${k}`)
          .join("\n"),
      );
    const audit = await verifyAuditLog(ctx.handle.db);
    expect(audit.ok).toBe(true);
  });

  it("never answers 5xx to hostile listings, registers and lookups", async () => {
    const dates = fc.oneof(isoDate, fc.constantFrom("2026-13-01", "2026-02-30", "0000-01-01", "9999-12-31"));
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: officers.length - 1 }),
        fc.oneof(
          fc
            .record({
              q: hostile,
              status: fc.constantFrom("received", "returned", "nope"),
              from: dates,
              to: dates,
            })
            .map((q) => `/api/v1/dossiers?${new URLSearchParams(q)}`),
          fc
            .record({
              box: fc.constantFrom("todo", "mine", "role", "unit", "desk", "transferred_in", "x"),
              overdue: fc.constantFrom("true", "false"),
            })
            .map((q) => `/api/v1/dossiers/inbox?${new URLSearchParams(q)}`),
          fc
            .record({
              unit: hostile,
              from: dates,
              to: dates,
              format: fc.constantFrom("json", "pdf", "xlsx", "csv"),
            })
            .map((q) => `/api/v1/dossiers/tracking-book?${new URLSearchParams(q)}`),
          fc
            .record({ code: hostile, secret: hostile })
            .map((q) => `/api/v1/dossiers/lookup?${new URLSearchParams(q)}`),
          fc
            .record({ format: fc.constantFrom("json", "pdf", "xlsx", "doc") })
            .map((q) => `/api/v1/dossiers/${dossiers[0]}/control-sheet?${new URLSearchParams(q)}`),
        ),
        async (who, url) => {
          const res = await (officers[who] as TestClient).get(url);
          expect(res.statusCode, `${url} → ${res.statusCode} ${res.body.slice(0, 200)}`).toBeLessThan(500);
        },
      ),
      { numRuns: RUNS * 4, seed: SEED },
    );
  });
});
