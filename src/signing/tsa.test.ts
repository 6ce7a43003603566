import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpTimestampAuthority } from "../adapters/timestamp/http-tsa.ts";
import { type LocalTsaServer, startLocalTsaServer } from "../adapters/timestamp/local-tsa-server.ts";
import { isAppError } from "../errors.ts";
import { digest } from "./asn1.ts";
import { checkCms } from "./cms-verify.ts";
import { TEST_TSA_POLICY } from "./local-tsa.ts";
import { sharedPki } from "./test-support.ts";
import { readTimestampToken } from "./tsa.ts";

let server: LocalTsaServer;

beforeAll(async () => {
  const pki = await sharedPki();
  server = await startLocalTsaServer({
    certificate: pki.tsa.certificate,
    privateKey: pki.tsa.privateKey,
    chain: [pki.root.certificate],
  });
});

afterAll(async () => {
  await server.close();
});

describe("the local timestamp authority", () => {
  it("answers an RFC 3161 request over HTTP with a signed token for the digest", async () => {
    const imprint = digest("sha256", new TextEncoder().encode("chữ ký cần đóng dấu thời gian"));
    const token = await new HttpTimestampAuthority(server.url).timestamp(imprint, "sha256");
    const { signedData, info } = readTimestampToken(token);
    expect(Buffer.from(info.imprint).equals(Buffer.from(imprint))).toBe(true);
    expect(info.policy).toBe(TEST_TSA_POLICY);
    expect(Math.abs(info.genTime.getTime() - Date.now())).toBeLessThan(60_000);
    const check = await checkCms(
      signedData,
      { digest: () => new Uint8Array(0), bytes: () => new Uint8Array(0) },
      "self",
    );
    expect(check.digestMatches && check.signatureValid).toBe(true);
    expect(check.hasSigningCertificateV2).toBe(true);
  });

  it("rejects SHA-1 requests, which the client reports as TSA_FAILED", async () => {
    const error = await new HttpTimestampAuthority(server.url)
      .timestamp(digest("sha1", new Uint8Array([1])), "sha1")
      .catch((e: unknown) => e);
    expect(isAppError(error, "TSA_FAILED")).toBe(true);
  });

  it("refuses other content types with 415", async () => {
    const response = await fetch(server.url, {
      method: "POST",
      body: "x",
      headers: { "content-type": "text/plain" },
    });
    expect(response.status).toBe(415);
  });

  it("reports an unreachable authority as TSA_FAILED", async () => {
    const error = await new HttpTimestampAuthority("http://127.0.0.1:9/tsa", { timeoutMs: 2000 })
      .timestamp(new Uint8Array(32), "sha256")
      .catch((e: unknown) => e);
    expect(isAppError(error, "TSA_FAILED")).toBe(true);
  });
});
