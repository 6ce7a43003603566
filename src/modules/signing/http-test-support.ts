/**
 * Helpers for the signing HTTP tests only: a test context with the demo signing credentials seeded (the test
 * harness skips them: key generation and scrypt cost about two seconds), and small request helpers.
 */
import type { LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import { createTestContext, type TestClient, type TestContext } from "../../../test/support/test-app.ts";
import type { SigningCredential, SignResult, VerifyReport } from "../../contracts/signing.ts";
import { DEMO_SIGNING, seedDemoSigning } from "../../seed/demo-signing.ts";

export { DEMO_SIGNING };

export interface SigningTestContext extends TestContext {
  /** UBND xã Quang Thuận. */
  quangThuan: string;
}

export async function signingTestContext(env?: NodeJS.ProcessEnv): Promise<SigningTestContext> {
  const ctx = await createTestContext(env ? { env } : {});
  // The test PKI is issued at the real current time; the API's clock must not lag it.
  ctx.clock.set(new Date());
  await ctx.handle.db
    .transaction()
    .execute((tx) =>
      seedDemoSigning(tx, { serverSecret: ctx.app.deps.config.signingKeySecret, now: ctx.clock.now }),
    );
  return Object.assign(ctx, { quangThuan: await ctx.unitId(DEMO_SIGNING.unitCode) });
}

export function b64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("base64");
}

export function bytesOf(base64: string): Uint8Array {
  return new Uint8Array(Buffer.from(base64, "base64"));
}

export function expectError(res: LightMyRequestResponse, status: number, code: string): void {
  expect({ status: res.statusCode, code: (res.json() as { error?: { code?: string } }).error?.code }).toEqual(
    {
      status,
      code,
    },
  );
}

export async function personalCredentials(client: TestClient): Promise<SigningCredential[]> {
  const res = await client.get("/api/v1/signing/credentials");
  expect(res.statusCode).toBe(200);
  return (res.json() as { items: SigningCredential[] }).items;
}

export async function unitCredentials(client: TestClient, unitId: string): Promise<SigningCredential[]> {
  const res = await client.get(`/api/v1/signing/units/${unitId}/credentials`);
  expect(res.statusCode).toBe(200);
  return (res.json() as { items: SigningCredential[] }).items;
}

export async function signOk(client: TestClient, body: Record<string, unknown>): Promise<SignResult> {
  const res = await client.post("/api/v1/signing/sign", body);
  if (res.statusCode !== 201) throw new Error(`sign: ${res.statusCode} ${res.body.slice(0, 500)}`);
  return res.json() as SignResult;
}

export async function verifyOk(client: TestClient, pdf: Uint8Array): Promise<VerifyReport> {
  const res = await client.post("/api/v1/signing/verify", { file: b64(pdf) });
  if (res.statusCode !== 200) throw new Error(`verify: ${res.statusCode} ${res.body.slice(0, 500)}`);
  return res.json() as VerifyReport;
}
