/**
 * Issue 14, finding 2: CSRF is decided on the route the router matched, whatever the spelling of the request
 * line (percent-encoded path, absolute form), and the token is bound to the session it was issued in.
 * Raw sockets, because an HTTP client library would normalise the request line the attack depends on.
 */
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../../src/modules/auth/sessions.ts";
import { createTestContext, type TestContext } from "../support/test-app.ts";

let ctx: TestContext;
let port: number;
beforeAll(async () => {
  ctx = await createTestContext();
  await ctx.app.listen({ port: 0, host: "127.0.0.1" });
  port = (ctx.app.server.address() as net.AddressInfo).port;
}, 300_000);
afterAll(async () => ctx?.close());

/** Sends one request exactly as written and returns the status and the error code of the answer. */
function raw(
  requestLine: string,
  headers: Record<string, string>,
  body = "",
): Promise<{ status: number; code: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    const lines = [
      requestLine,
      `Host: 127.0.0.1:${port}`,
      ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
      `Content-Length: ${Buffer.byteLength(body)}`,
      "Connection: close",
      "",
      body,
    ];
    let answer = "";
    socket.on("data", (chunk) => {
      answer += chunk.toString("utf8");
    });
    socket.on("error", reject);
    socket.on("end", () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
      const code = /"code":"([A-Z_]+)"/.exec(answer)?.[1] ?? "";
      resolve({ status, code });
    });
    socket.write(lines.join("\r\n"));
  });
}

async function signedInAdmin() {
  const admin = await ctx.as("admin");
  const cookie = [...admin.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  return { admin, cookie };
}

describe("CSRF on the matched route (issue 14, finding 2)", () => {
  const spellings = (p: number) => [
    "POST /%61pi/v1/auth/logout HTTP/1.1",
    "POST /api/v1/auth/%6cogout HTTP/1.1",
    "POST /api/%76%31/auth/logout HTTP/1.1",
    `POST http://127.0.0.1:${p}/api/v1/auth/logout HTTP/1.1`,
    `POST http://127.0.0.1:${p}/%61pi/v1/auth/logout HTTP/1.1`,
  ];

  it("refuses a state-changing request without a token however its path is spelt; the session survives", async () => {
    const { admin, cookie } = await signedInAdmin();
    const answers: string[] = [];
    for (const line of spellings(port)) {
      const res = await raw(line, { Cookie: cookie, "Content-Type": "application/json" }, "{}");
      answers.push(`${line}: ${res.status} ${res.code}`);
    }
    expect(answers).toEqual(spellings(port).map((line) => `${line}: 403 CSRF_INVALID`));
    expect((await admin.get("/api/v1/auth/me")).statusCode).toBe(200);
  }, 120_000);

  it("the same spellings with the session's own token are accepted (the route really is reached)", async () => {
    const { admin, cookie } = await signedInAdmin();
    const token = await admin.csrf();
    const fresh = { Cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join("; ") };
    const res = await raw(
      `POST http://127.0.0.1:${port}/%61pi/v1/auth/logout HTTP/1.1`,
      {
        ...fresh,
        "x-csrf-token": token,
        "Content-Type": "application/json",
      },
      "{}",
    );
    expect(res.status).toBe(200);
    expect(cookie).toContain(SESSION_COOKIE);
  }, 120_000);

  it("binds the token to the session: a token and secret cookie from another session are refused", async () => {
    // The attacker's own (anonymous) token and secret cookie, tossed into the victim's browser.
    const attacker = ctx.client();
    const attackerToken = await attacker.csrf();
    const attackerSecret = attacker.cookies.get("motcua_csrf") as string;
    expect(attackerSecret).toBeTruthy();
    const { admin } = await signedInAdmin();
    const victimSession = admin.cookies.get(SESSION_COOKIE) as string;
    const res = await raw(
      "POST /api/v1/auth/logout HTTP/1.1",
      {
        Cookie: `${SESSION_COOKIE}=${victimSession}; motcua_csrf=${attackerSecret}`,
        "x-csrf-token": attackerToken,
        "Content-Type": "application/json",
      },
      "{}",
    );
    expect(`${res.status} ${res.code}`).toBe("403 CSRF_INVALID");
    expect((await admin.get("/api/v1/auth/me")).statusCode).toBe(200);
  }, 120_000);
});
