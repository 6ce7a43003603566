import type { AddressInfo } from "node:net";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestClient, type TestContext } from "../../test/support/test-app.ts";
import { BODY_LIMIT_BYTES } from "../app.ts";

let ctx: TestContext;
let admin: TestClient;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.as("admin");
});
afterAll(async () => ctx?.close());

async function postRaw(body: string | Buffer, contentType = "application/json") {
  return admin.request({
    method: "POST",
    url: "/api/v1/units",
    payload: body,
    headers: { "content-type": contentType },
  });
}

function expectErrorShape(res: { statusCode: number; json(): unknown }, status: number, code: string) {
  expect(res.statusCode).toBe(status);
  const body = res.json() as { error: { code: string; message: string; messageEn: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
  expect(body.error.messageEn.length).toBeGreaterThan(0);
}

describe("bad input", () => {
  it("answers malformed JSON with 400 INVALID_JSON", async () => {
    expectErrorShape(await postRaw('{"code": "X",'), 400, "INVALID_JSON");
  });

  it("answers an empty JSON body with 400", async () => {
    expectErrorShape(await postRaw(""), 400, "INVALID_JSON");
  });

  it("answers invalid UTF-8 with 400 INVALID_UTF8", async () => {
    expectErrorShape(
      await postRaw(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])),
      400,
      "INVALID_UTF8",
    );
  });

  // Issue 14, finding 7: "\ud800" is valid JSON but not text; PostgreSQL refused it with a 500.
  it("refuses a lone UTF-16 surrogate (in a value or a key) with 400 INVALID_UNICODE, and writes nothing", async () => {
    const before = await ctx.handle.db.selectFrom("units").select("id").execute();
    for (const body of [
      '{"code":"000.76.31.H07","name":"Phòng \\ud800 thử","kind":"agency","parentId":null}',
      '{"code":"000.76.31.H07","name":"Phòng \\udfff","kind":"agency","parentId":null}',
      '{"code":"000.76.31.H07","name":"Phòng","kind":"agency","parentId":null,"\\ud83d":1}',
    ]) {
      expectErrorShape(await postRaw(body), 400, "INVALID_UNICODE");
    }
    expect((await ctx.handle.db.selectFrom("units").select("id").execute()).length).toBe(before.length);
    // A real pair (an emoji) is text, and goes on to the schema's own checks.
    const pair = await postRaw(
      '{"code":"000.76.31.H07","name":"Phòng \\ud83d\\ude00","kind":"planet","parentId":null}',
    );
    expectErrorShape(pair, 400, "VALIDATION_FAILED");
  });

  it("answers wrong types with 400 VALIDATION_FAILED and names the field", async () => {
    const res = await postRaw(
      JSON.stringify({ code: 42, name: ["x"], kind: "planet", parentId: "not-a-uuid" }),
    );
    expectErrorShape(res, 400, "VALIDATION_FAILED");
    expect(JSON.stringify(res.json().error.details)).toContain("code");
  });

  it("refuses a NUL or other control character in text with 400, not 500", async () => {
    const res = await postRaw(
      JSON.stringify({ code: "000.76.31.H06", name: "Phòng\u0000Thử", kind: "agency", parentId: null }),
    );
    expectErrorShape(res, 400, "VALIDATION_FAILED");
  });

  it("refuses unknown fields", async () => {
    const res = await postRaw(
      JSON.stringify({ code: "000.77.31.H06", name: "X", kind: "agency", parentId: null, isAdmin: true }),
    );
    expectErrorShape(res, 400, "VALIDATION_FAILED");
  });

  it("refuses prototype poisoning", async () => {
    const res = await postRaw('{"__proto__": {"admin": true}, "code": "000.78.31.H06"}');
    expect(res.statusCode).toBe(400);
  });

  it("answers an oversized body with 413", async () => {
    const huge = JSON.stringify({ name: "x".repeat(BODY_LIMIT_BYTES + 10) });
    expectErrorShape(await postRaw(huge), 413, "PAYLOAD_TOO_LARGE");
  });

  it("answers an unsupported content type with 415", async () => {
    expectErrorShape(
      await postRaw("code=1", "application/x-www-form-urlencoded"),
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    );
  });

  it("answers a malformed path parameter with 400, not 500", async () => {
    const res = await admin.get("/api/v1/units/%E0%A4%A");
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expectErrorShape(await admin.get("/api/v1/units/not-a-uuid"), 400, "VALIDATION_FAILED");
  });

  it("answers an unknown API route with 404 in the error shape", async () => {
    expectErrorShape(await admin.get("/api/v1/no-such-thing"), 404, "ROUTE_NOT_FOUND");
  });

  it("writes nothing when a request is refused", async () => {
    const before = await ctx.handle.db
      .selectFrom("units")
      .select(({ fn }) => fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    await postRaw(JSON.stringify({ code: "000.79.31.H06", name: "", kind: "agency", parentId: null }));
    const after = await ctx.handle.db
      .selectFrom("units")
      .select(({ fn }) => fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});

describe("security headers", () => {
  it("sends a strict CSP, frame denial, no-sniff and a referrer policy", async () => {
    const res = await ctx.client().get("/health");
    expect(res.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(res.headers["content-security-policy"]).not.toContain("unsafe-inline");
    expect(res.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(res.headers["x-frame-options"]).toBe("DENY");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(res.headers["strict-transport-security"]).toBeUndefined();
  });
});

describe("OpenAPI", () => {
  it("documents every /api/v1 route as OpenAPI 3.1", async () => {
    const doc = (await ctx.client().get("/api/v1/openapi.json")).json() as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.openapi).toBe("3.1.0");
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)),
    );
    const missing: string[] = [];
    expect(ctx.app.motcuaRoutes.length).toBeGreaterThan(10);
    for (const route of ctx.app.motcuaRoutes) {
      if (!route.url.startsWith("/api/v1/") || route.url === "/api/v1/openapi.json") continue;
      const openapiPath = route.url.replace(/:([A-Za-z0-9_]+)/g, "{$1}");
      if (!documented.has(`${route.method} ${openapiPath}`)) missing.push(`${route.method} ${openapiPath}`);
    }
    expect(missing).toEqual([]);
  });

  it("serves the docs UI", async () => {
    const res = await ctx.client().get("/api/docs/");
    expect(res.statusCode).toBe(200);
  });

  it("answers what the HTTP parser refuses (a 20 KB request line, a malformed request) in the error shape, on a raw socket", async () => {
    await ctx.app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = ctx.app.server.address() as AddressInfo;
    const send = (text: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = net.connect(port, "127.0.0.1");
        let answer = "";
        socket.on("data", (chunk) => {
          answer += chunk.toString("utf8");
        });
        socket.on("error", reject);
        socket.on("end", () => resolve(answer));
        socket.write(text);
      });
    const shapeOf = (answer: string) => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]);
      const body = JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4)) as {
        error: { code: string; message: string; messageEn: string };
      };
      return { status, code: body.error.code, messages: Boolean(body.error.message && body.error.messageEn) };
    };
    const long = await send(`GET /api/v1/units?q=${"a".repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(shapeOf(long)).toEqual({ status: 431, code: "HEADERS_TOO_LARGE", messages: true });
    const broken = await send("POST /api/v1/units HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n");
    expect(shapeOf(broken)).toEqual({ status: 400, code: "MALFORMED_REQUEST", messages: true });
  });
});
