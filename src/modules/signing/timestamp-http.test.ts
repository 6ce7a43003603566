import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestClient } from "../../../test/support/test-app.ts";
import { type LocalTsaServer, startLocalTsaServer } from "../../adapters/timestamp/local-tsa-server.ts";
import type { SigningCredential } from "../../contracts/signing.ts";
import { samplePdf, sharedPki } from "../../signing/test-support.ts";
import {
  b64,
  bytesOf,
  DEMO_SIGNING,
  expectError,
  personalCredentials,
  type SigningTestContext,
  signingTestContext,
  signOk,
  verifyOk,
} from "./http-test-support.ts";

/** PAdES B-T through the API: SIGNING_TSA_URL points at the core's local RFC 3161 authority. */
let tsa: LocalTsaServer;
let tsaRunning = false;
let ctx: SigningTestContext;
let leader: TestClient;
let credential: SigningCredential;

beforeAll(async () => {
  const pki = await sharedPki();
  tsa = await startLocalTsaServer({
    certificate: pki.tsa.certificate,
    privateKey: pki.tsa.privateKey,
    chain: [pki.root.certificate],
  });
  tsaRunning = true;
  ctx = await signingTestContext({ SIGNING_TSA_URL: tsa.url });
  leader = await ctx.as(DEMO_SIGNING.leader.username);
  [credential] = await personalCredentials(leader);
});
afterAll(async () => {
  await ctx?.close();
  if (tsaRunning) await tsa.close();
});

const body = async () => ({
  file: b64(await samplePdf()),
  credentialId: credential.id,
  password: DEMO_SIGNING.password,
  mode: "personal",
  timestamp: true,
});

describe("signing with a timestamp", () => {
  it("adds the authority's timestamp (B-T), which the verifier takes as the signing time", async () => {
    const signed = await signOk(leader, await body());
    expect(signed.level).toBe("B-T");
    const report = await verifyOk(ctx.client(), bytesOf(signed.pdf));
    expect(report.valid).toBe(true);
    const [signature] = report.signatures;
    expect(signature.signingTimeSource).toBe("timestamp");
    expect(signature.timestamp).toMatchObject({ intact: true, authority: "motcua Test TSA" });
  });

  it("answers 503 TSA_FAILED when the authority is down, and stores nothing", async () => {
    await tsa.close();
    tsaRunning = false;
    const files = await ctx.handle.db.selectFrom("files").select("id").execute();
    expectError(await leader.post("/api/v1/signing/sign", await body()), 503, "TSA_FAILED");
    expect(await ctx.handle.db.selectFrom("files").select("id").execute()).toHaveLength(files.length);
  });
});
