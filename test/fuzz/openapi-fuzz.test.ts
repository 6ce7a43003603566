import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestClient, type TestContext } from "../support/test-app.ts";

/**
 * Property-based fuzzing of every route in the OpenAPI document: random and hostile path parameters, query
 * strings and bodies, sent anonymously and as a system admin (with a valid CSRF token, so the request reaches the
 * handler). No answer may be a 5xx, carry a stack trace, or leave the error shape of DESIGN.md.
 * Fixed seed and bounded runs here; `FUZZ_RUNS=2000 FUZZ_SEED=… npm run fuzz` for a longer, nightly-style run.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 6);
const SEED = Number(process.env.FUZZ_SEED ?? 20261128);

interface Operation {
  method: string;
  path: string;
  hasBody: boolean;
}

let ctx: TestContext;
let admin: TestClient;
let operations: Operation[] = [];

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.as("admin");
  const doc = (await ctx.client().get("/api/v1/openapi.json")).json() as {
    paths: Record<string, Record<string, { requestBody?: unknown }>>;
  };
  operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      hasBody: op.requestBody !== undefined,
    })),
  );
});
afterAll(async () => ctx?.close());

const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 50 }),
  fc.constantFrom(
    "../../etc/passwd",
    "..%2F..%2Fetc%2Fpasswd",
    "' OR '1'='1",
    "1; DROP TABLE units; --",
    "<script>alert(1)</script>",
    "%00",
    "\u0000",
    "Chứng thực bản sao",
    "9".repeat(400),
    "00000000-0000-0000-0000-000000000000",
    "-1",
    "1e309",
    "NaN",
    "null",
  ),
  fc.string({ minLength: 5000, maxLength: 20000 }),
);

/** Nesting `depth` levels deep, alternating objects and arrays (linear in size: no shared subtrees). */
function deep(depth: number): unknown {
  let v: unknown = "x";
  for (let i = 0; i < depth; i++) v = i % 2 ? { a: v } : [v];
  return v;
}

const hostileBody = fc.oneof(
  fc.anything({ maxDepth: 4 }),
  fc.jsonValue({ maxDepth: 5 }),
  fc.dictionary(hostileString, fc.oneof(hostileString, fc.integer(), fc.boolean(), fc.constant(null))),
  fc.constant(deep(200)),
  fc.constant({ __proto__: { isAdmin: true }, constructor: { prototype: { x: 1 } } }),
);

const rawPayload = fc.oneof(
  fc.constant({
    type: "application/json",
    bytes: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
  }),
  fc.constant({ type: "application/json", bytes: Buffer.from('{"a":') }),
  fc.constant({ type: "text/plain", bytes: Buffer.from("hello") }),
  fc.constant({ type: "application/xml", bytes: Buffer.from("<a>&xxe;</a>") }),
  fc.constant({ type: "multipart/form-data; boundary=x", bytes: Buffer.from("--x\r\nbroken") }),
  fc.uint8Array({ maxLength: 300 }).map((b) => ({ type: "application/json", bytes: Buffer.from(b) })),
);

function fillPath(path: string, values: string[]): string {
  let i = 0;
  return path.replace(/\{[^}]+\}/g, () => encodeURIComponent(values[i++ % values.length] ?? "x"));
}

function assertWellFormed(
  op: Operation,
  res: { statusCode: number; body: string; headers: Record<string, unknown> },
) {
  const where = `${op.method} ${op.path} → ${res.statusCode}`;
  expect(res.statusCode, where).toBeLessThan(500);
  expect(res.body, where).not.toMatch(/\bat .+\.(ts|js):\d+/);
  expect(res.body, where).not.toMatch(/node_modules|Kysely|PGlite|syntax error at/i);
  if (res.statusCode >= 400 && String(res.headers["content-type"] ?? "").includes("json")) {
    const body = JSON.parse(res.body) as {
      error?: { code?: unknown; message?: unknown; messageEn?: unknown };
    };
    expect(typeof body.error?.code, where).toBe("string");
    expect(typeof body.error?.message, where).toBe("string");
    expect(typeof body.error?.messageEn, where).toBe("string");
  }
}

describe("fuzzing every OpenAPI route", () => {
  it("covers a meaningful number of routes", () => {
    expect(operations.length).toBeGreaterThan(15);
  });

  it("never answers 5xx or leaks internals to hostile JSON", async () => {
    for (const op of operations) {
      const started = performance.now();
      await fc.assert(
        fc.asyncProperty(
          fc.array(hostileString, { minLength: 1, maxLength: 3 }),
          fc.dictionary(fc.string({ maxLength: 12 }), hostileString, { maxKeys: 4 }),
          hostileBody,
          fc.boolean(),
          async (pathValues, query, body, asAdmin) => {
            const client = asAdmin ? admin : ctx.client();
            const qs = new URLSearchParams(query).toString();
            const url = `${fillPath(op.path, pathValues)}${qs ? `?${qs}` : ""}`;
            const res = await client.request({
              method: op.method as "GET",
              url,
              ...(op.method === "GET" || op.method === "DELETE"
                ? {}
                : { payload: JSON.stringify(body ?? null) }),
              headers: op.method === "GET" ? {} : { "content-type": "application/json" },
            });
            assertWellFormed(op, res);
          },
        ),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
      if (process.env.FUZZ_TRACE)
        console.log(`${op.method} ${op.path}: ${Math.round(performance.now() - started)} ms`);
    }
  }, 600_000);

  it("never answers 5xx to invalid UTF-8, truncated JSON or wrong content types", async () => {
    for (const op of operations.filter((o) => o.method !== "GET")) {
      await fc.assert(
        fc.asyncProperty(rawPayload, async (raw) => {
          const res = await admin.request({
            method: op.method as "POST",
            url: fillPath(op.path, ["00000000-0000-4000-8000-000000000000"]),
            payload: raw.bytes,
            headers: { "content-type": raw.type },
          });
          assertWellFormed(op, res);
        }),
        { numRuns: Math.max(3, Math.floor(RUNS / 2)), seed: SEED, endOnFailure: true },
      );
    }
  }, 600_000);
});
