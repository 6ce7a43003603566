import type { AddressInfo } from "node:net";
import net from "node:net";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestClient, type TestContext } from "../support/test-app.ts";

/**
 * Property-based fuzzing of every route in the OpenAPI document: random and hostile path parameters, query
 * strings and bodies, sent anonymously and as a system admin (with a valid CSRF token, so the request reaches the
 * handler). No answer may be a 5xx, carry a stack trace, or leave the error shape of DESIGN.md. Hostile inputs
 * include lone UTF-16 surrogates (JSON `"\ud800"` escapes, and their WTF-8 bytes in paths), percent-encoded
 * spellings of every route's path (`/%61pi/v1/…`) and absolute-form request lines (`POST http://host/api/v1/…`,
 * sent on a raw socket, because an HTTP client would rewrite the request line).
 * Fixed seed and bounded runs here; `FUZZ_RUNS=2000 FUZZ_SEED=… npm run fuzz` for a longer, nightly-style run.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 6);
const SEED = Number(process.env.FUZZ_SEED ?? 20261128);

interface Operation {
  method: string;
  path: string;
  hasBody: boolean;
  /** The JSON schema of the body, when the route takes one. */
  bodySchema?: Schema;
}

/** The parts of JSON Schema the OpenAPI document uses. */
interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  pattern?: string;
  format?: string;
  minimum?: number;
  minItems?: number;
}

let ctx: TestContext;
let admin: TestClient;
let operations: Operation[] = [];
let port: number;
/** Requests sent, per test, for the figures in SECURITY.md (`FUZZ_TRACE=1` prints them). */
const sent: Record<string, number> = {};
const count = (test: string) => {
  sent[test] = (sent[test] ?? 0) + 1;
};

beforeAll(async () => {
  ctx = await createTestContext();
  await ctx.app.listen({ port: 0, host: "127.0.0.1" });
  port = (ctx.app.server.address() as AddressInfo).port;
  admin = await ctx.as("admin");
  const doc = (await ctx.client().get("/api/v1/openapi.json")).json() as {
    paths: Record<
      string,
      Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>
    >;
  };
  operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => {
      const bodySchema = op.requestBody?.content?.["application/json"]?.schema;
      return {
        method: method.toUpperCase(),
        path,
        hasBody: op.requestBody !== undefined,
        ...(bodySchema ? { bodySchema } : {}),
      };
    }),
  );
});
afterAll(async () => {
  if (process.env.FUZZ_TRACE)
    console.log(`routes: ${operations.length}, requests per test: ${JSON.stringify(sent)}`);
  await ctx?.close();
});

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
    "\ud800",
    "a\udfffb",
    "\udc00\ud800",
    "Hồ sơ \ud83d",
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
  // Lone surrogates as JSON escapes (valid UTF-8, invalid Unicode), in a value and in a key.
  fc.constant({ type: "application/json", bytes: Buffer.from('{"a":"\\ud800","b":["x\\udfff"]}') }),
  fc.constant({ type: "application/json", bytes: Buffer.from('{"\\udc00":1,"reason":"\\ud83d"}') }),
  // A surrogate's own bytes in UTF-8 (ED A0 80): invalid UTF-8.
  fc.constant({
    type: "application/json",
    bytes: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]),
  }),
  fc.constant({ type: "text/plain", bytes: Buffer.from("hello") }),
  fc.constant({ type: "application/xml", bytes: Buffer.from("<a>&xxe;</a>") }),
  fc.constant({ type: "multipart/form-data; boundary=x", bytes: Buffer.from("--x\r\nbroken") }),
  fc.uint8Array({ maxLength: 300 }).map((b) => ({ type: "application/json", bytes: Buffer.from(b) })),
);

/** Signing out as the admin would leave every later admin request anonymous: these go anonymously. */
function endsSession(op: Operation): boolean {
  return op.path.endsWith("/logout");
}

const LONE_SURROGATE_TEXT = "Hồ sơ \ud800 lẻ";

/**
 * A body shaped as the route's schema asks, with a lone surrogate in every free-text field (no pattern, format or
 * enum): the input most likely to get past validation and reach the database, which refuses lone surrogates.
 */
function surrogateBody(schema: Schema, depth = 0): unknown {
  if (depth > 10) return null;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const types = [schema.type ?? []].flat();
  const constrained = (s: Schema) => Boolean(s.pattern || (s.format && s.format !== "uuid"));
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) {
    const real = alternatives.find((a) => a.type !== "null") ?? alternatives[0] ?? {};
    const nullable = alternatives.some((a) => a.type === "null");
    return nullable && constrained(real) ? null : surrogateBody(real, depth + 1);
  }
  if (schema.allOf?.[0]) return surrogateBody(schema.allOf[0], depth + 1);
  const type = types.find((t) => t !== "null");
  if (types.includes("null") && constrained(schema)) return null;
  switch (type) {
    case "object":
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([k, v]) => [k, surrogateBody(v, depth + 1)]),
      );
    case "array":
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () =>
        surrogateBody(schema.items ?? {}, depth + 1),
      );
    case "integer":
    case "number":
      return schema.minimum ?? 1;
    case "boolean":
      return true;
    case "null":
      return null;
    default:
      if (schema.format === "uuid") return "00000000-0000-4000-8000-000000000000";
      if (schema.format === "date") return "2026-12-07";
      if (schema.format === "date-time") return "2026-12-07T08:00:00.000Z";
      return constrained(schema) ? "x" : LONE_SURROGATE_TEXT;
  }
}

/** Percent-encodes a path parameter; a lone surrogate, which encodeURIComponent refuses, goes as its WTF-8 bytes. */
function encodeSegment(value: string): string {
  let out = "";
  for (const ch of value) {
    const unit = ch.charCodeAt(0);
    if (ch.length === 1 && unit >= 0xd800 && unit <= 0xdfff) {
      out += [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join("");
    } else out += encodeURIComponent(ch);
  }
  return out;
}

function fillPath(path: string, values: string[]): string {
  let i = 0;
  return path.replace(/\{[^}]+\}/g, () => encodeSegment(values[i++ % values.length] ?? "x"));
}

/** The path with the letters at the chosen positions percent-encoded (`/api` → `/%61pi`), as an attacker spells it. */
function respell(path: string, positions: number[]): string {
  const chosen = new Set(positions.map((p) => p % path.length));
  return [...path]
    .map((ch, i) => (chosen.has(i) && /[a-z0-9]/i.test(ch) ? `%${ch.charCodeAt(0).toString(16)}` : ch))
    .join("");
}

/** Sends one request exactly as written on a socket; answers the status, headers and body. */
function rawRequest(
  requestLine: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ statusCode: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    const head = [
      requestLine,
      `Host: 127.0.0.1:${port}`,
      ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
      `Content-Length: ${Buffer.byteLength(body)}`,
      "Connection: close",
      "",
      "",
    ].join("\r\n");
    const chunks: Buffer[] = [];
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("error", reject);
    socket.on("end", () => {
      const answer = Buffer.concat(chunks).toString("utf8");
      const split = answer.indexOf("\r\n\r\n");
      const headLines = answer.slice(0, split).split("\r\n");
      const parsed: Record<string, unknown> = {};
      for (const line of headLines.slice(1)) {
        const colon = line.indexOf(":");
        parsed[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
      }
      let text = answer.slice(split + 4);
      // Chunked answers: keep the chunks' data only.
      if (String(parsed["transfer-encoding"] ?? "").includes("chunked")) {
        let rest = text;
        text = "";
        for (;;) {
          const eol = rest.indexOf("\r\n");
          const size = Number.parseInt(rest.slice(0, eol), 16);
          if (!size) break;
          text += rest.slice(eol + 2, eol + 2 + size);
          rest = rest.slice(eol + 2 + size + 2);
        }
      }
      resolve({
        statusCode: Number(/^HTTP\/1\.1 (\d{3})/.exec(headLines[0] ?? "")?.[1] ?? 0),
        body: text,
        headers: parsed,
      });
    });
    socket.write(head + body);
  });
}

function assertWellFormed(
  op: Operation,
  res: { statusCode: number; body: string; headers: Record<string, unknown> },
) {
  const where = `${op.method} ${op.path} → ${res.statusCode}`;
  expect(res.statusCode, where).toBeLessThan(500);
  expect(res.body, where).not.toMatch(/\bat .+\.(ts|js):\d+/);
  expect(res.body, where).not.toMatch(/node_modules|syntax error at/i);
  // The system status names the engine to the administrator on purpose; an error never does.
  if (res.statusCode >= 400) expect(res.body, where).not.toMatch(/Kysely|PGlite/i);
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
            const client = asAdmin && !endsSession(op) ? admin : ctx.client();
            const qs = new URLSearchParams(query).toString();
            const url = `${fillPath(op.path, pathValues)}${qs ? `?${qs}` : ""}`;
            count("json");
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
    // The admin's requests reached the handlers as the admin all along.
    expect((await admin.get("/api/v1/auth/me")).statusCode).toBe(200);
  }, 600_000);

  it("never answers 5xx to invalid UTF-8, truncated JSON or wrong content types", async () => {
    for (const op of operations.filter((o) => o.method !== "GET")) {
      await fc.assert(
        fc.asyncProperty(rawPayload, async (raw) => {
          count("raw");
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
  it("never answers 5xx to bodies shaped as each route asks with a lone surrogate in every free-text field", async () => {
    const answers: Record<string, number> = {};
    for (const op of operations.filter((o) => o.bodySchema)) {
      count("surrogate");
      const res = await admin.request({
        method: op.method as "POST",
        url: fillPath(op.path, ["00000000-0000-4000-8000-000000000000"]),
        payload: JSON.stringify(surrogateBody(op.bodySchema as Schema)),
        headers: { "content-type": "application/json" },
      });
      assertWellFormed(op, res);
      const code =
        res.statusCode >= 400 ? (res.json() as { error: { code: string } }).error.code : res.statusCode;
      answers[code] = (answers[code] ?? 0) + 1;
    }
    if (process.env.FUZZ_TRACE) console.log(`lone-surrogate bodies: ${JSON.stringify(answers)}`);
  }, 600_000);

  it("never answers 5xx to percent-encoded spellings of every route's path (/%61pi/v1/…)", async () => {
    for (const op of operations) {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
          fc.array(hostileString, { minLength: 1, maxLength: 3 }),
          hostileBody,
          fc.boolean(),
          async (positions, pathValues, body, asAdmin) => {
            count("encoded");
            const client = asAdmin && !endsSession(op) ? admin : ctx.client();
            const res = await client.request({
              method: op.method as "GET",
              url: respell(fillPath(op.path, pathValues), positions),
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
    }
  }, 600_000);

  it("never answers 5xx to absolute-form request lines (POST http://host/api/v1/…) on a raw socket", async () => {
    for (const op of operations) {
      await fc.assert(
        fc.asyncProperty(
          fc.array(hostileString, { minLength: 1, maxLength: 3 }),
          fc.array(fc.nat(), { maxLength: 3 }),
          hostileBody,
          fc.boolean(),
          async (pathValues, positions, body, asAdmin) => {
            count("absolute");
            const headers: Record<string, string> = { "Content-Type": "application/json" };
            if (asAdmin && !endsSession(op)) {
              headers["x-csrf-token"] = await admin.csrf();
              headers.Cookie = [...admin.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
            }
            const path = respell(fillPath(op.path, pathValues), positions);
            const res = await rawRequest(
              `${op.method} http://127.0.0.1:${port}${path} HTTP/1.1`,
              headers,
              op.method === "GET" ? "" : JSON.stringify(body ?? null),
            );
            expect(res.statusCode, `${op.method} ${path}`).toBeGreaterThan(0);
            assertWellFormed(op, res);
          },
        ),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    }
  }, 900_000);
});
