import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestClient } from "../../../test/support/test-app.ts";
import type { ExternalPrepared, SigningCredential, SignResult } from "../../contracts/signing.ts";
import { derToPem } from "../../signing/asn1.ts";
import { buildSignedAttributes, buildSignedData } from "../../signing/cms.ts";
import { CredentialDigestSigner, decodeSigningRequest } from "../../signing/external-signer.ts";
import { signData } from "../../signing/key-algorithms.ts";
import { type SigningCredential as LoadedCredential, loadP12 } from "../../signing/keys.ts";
import type { TestPki } from "../../signing/test-pki.ts";
import { hasPdfsig, pdfsig, samplePdf, sharedPki } from "../../signing/test-support.ts";
import {
  b64,
  bytesOf,
  expectError,
  type SigningTestContext,
  signingTestContext,
  verifyOk,
} from "./http-test-support.ts";

/**
 * The external-signer flow over HTTP, driven by the core's reference client: the "token" holds the key (here a
 * PKCS#12 loaded in the test, never sent), the server only ever sees the certificate and the signature.
 */
let ctx: SigningTestContext;
let pki: TestPki;
let leader: TestClient;
let clerk: TestClient;
let personalToken: SigningCredential;
let sealToken: SigningCredential;
let leaderKey: LoadedCredential;
let agencyKey: LoadedCredential;

async function register(client: TestClient, body: Record<string, unknown>): Promise<SigningCredential> {
  const res = await client.post("/api/v1/signing/credentials", { kind: "certificate", ...body });
  if (res.statusCode !== 201) throw new Error(`register: ${res.statusCode} ${res.body}`);
  return res.json() as SigningCredential;
}

async function prepare(client: TestClient, body: Record<string, unknown>): Promise<ExternalPrepared> {
  const res = await client.post("/api/v1/signing/external/prepare", body);
  if (res.statusCode !== 201) throw new Error(`prepare: ${res.statusCode} ${res.body}`);
  return res.json() as ExternalPrepared;
}

/** What a USB token does with the request: the reference client checks the digest and signs it. */
async function tokenSignature(key: LoadedCredential, prepared: ExternalPrepared): Promise<string> {
  if (!prepared.request) throw new Error("no request for a digest signer");
  const signer = new CredentialDigestSigner(key);
  return b64(await signer.signDigest(decodeSigningRequest(prepared.request)));
}

/** What a remote signing service returning a whole CMS does with the document digest. */
function remoteCms(key: LoadedCredential, prepared: ExternalPrepared): string {
  const attributes = buildSignedAttributes({
    contentDigest: bytesOf(prepared.documentDigest),
    hash: prepared.hash,
    certificate: key.certificate,
    keyType: key.keyType,
  });
  return b64(
    buildSignedData({
      signedAttributes: attributes,
      signature: signData(key.privateKey, prepared.hash, attributes.der),
      hash: prepared.hash,
      keyType: key.keyType,
      certificate: key.certificate,
      chain: key.chain,
    }),
  );
}

beforeAll(async () => {
  ctx = await signingTestContext();
  pki = await sharedPki();
  leader = await ctx.as("lanhdao.quangthuan");
  clerk = await ctx.as("vanthu.quangthuan");
  leaderKey = loadP12(pki.officials[0].p12, pki.password);
  agencyKey = loadP12(pki.agency.p12, pki.password);
  personalToken = await register(leader, {
    owner: "personal",
    certificate: derToPem(pki.officials[0].certificate),
    chain: [derToPem(pki.root.certificate)],
    label: "USB token",
  });
  sealToken = await register(clerk, {
    owner: "unit",
    unitId: ctx.quangThuan,
    certificate: derToPem(pki.agency.certificate),
    chain: [derToPem(pki.root.certificate)],
  });
});
afterAll(async () => ctx?.close());

describe("signing with a USB token (digest signer) then a remote seal service (CMS signer)", () => {
  let personal: SignResult;
  let sealed: SignResult;

  it("prepares the leader's signature: the token gets the digest and the attributes, never a key", async () => {
    const prepared = await prepare(leader, {
      file: b64(await samplePdf()),
      fileName: "giay-chung-nhan.pdf",
      credentialId: personalToken.id,
      mode: "personal",
      authority: "KT. CHỦ TỊCH",
      position: "Phó Chủ tịch",
      signer: "digest",
    });
    expect(prepared).toMatchObject({ signer: "digest", hash: "sha256" });
    expect(prepared.request?.hash).toBe("sha256");
    expect(bytesOf(prepared.certificate)).toEqual(pki.officials[0].certificate);
    const res = await leader.post("/api/v1/signing/external/complete", {
      sessionId: prepared.sessionId,
      signature: await tokenSignature(leaderKey, prepared),
    });
    expect(res.statusCode).toBe(201);
    personal = res.json() as SignResult;
    expect(personal.signer.commonName).toBe("Nguyễn Văn An");
    expect(personal.file.name).toBe("giay-chung-nhan-da-ky.pdf");
  });

  it("then seals it with a CMS made elsewhere, and both verify", async () => {
    const prepared = await prepare(clerk, {
      fileId: personal.file.id,
      credentialId: sealToken.id,
      mode: "seal",
      signer: "cms",
    });
    expect(prepared.request).toBeUndefined();
    const res = await clerk.post("/api/v1/signing/external/complete", {
      sessionId: prepared.sessionId,
      cms: remoteCms(agencyKey, prepared),
    });
    expect(res.statusCode).toBe(201);
    sealed = res.json() as SignResult;
    expect(sealed.sha256Before).toBe(personal.sha256After);
    const report = await verifyOk(ctx.client(), bytesOf(sealed.pdf));
    expect(report.valid).toBe(true);
    expect(report.signatures.map((s) => [s.status, s.signer?.commonName])).toEqual([
      ["valid", "Nguyễn Văn An"],
      ["valid", pki.agency.name],
    ]);
    // The test PKI of this file is not among the configured roots: intact, but the issuer is unknown.
    expect(report.signatures.map((s) => s.chain.status)).toEqual(["unknown-issuer", "unknown-issuer"]);
    if (hasPdfsig) {
      expect(pdfsig(bytesOf(sealed.pdf)).match(/Signature Validation: Signature is Valid\./g)).toHaveLength(
        2,
      );
    }
  });

  it("audits each signature once, with both hashes and the kind of external signer", async () => {
    const events = await ctx.handle.db
      .selectFrom("audit_log")
      .select(["entity_id", "summary"])
      .where("action", "=", "document.sign")
      .orderBy("id")
      .execute();
    expect(events.map((e) => e.entity_id)).toEqual([personal.file.id, sealed.file.id]);
    expect(events[0].summary).toMatchObject({
      external: "digest",
      sha256Before: personal.sha256Before,
      sha256After: personal.sha256After,
    });
    expect(events[1].summary).toMatchObject({ external: "cms", sha256After: sealed.sha256After });
    expect(await ctx.handle.db.selectFrom("signing_sessions").select("id").execute()).toEqual([]);
  });
});

describe("external sessions refuse", () => {
  const preparePersonal = async () =>
    prepare(leader, {
      file: b64(await samplePdf()),
      credentialId: personalToken.id,
      mode: "personal",
      signer: "digest",
    });

  it("a signature that does not verify with the registered certificate", async () => {
    const prepared = await preparePersonal();
    const wrong = await tokenSignature(agencyKey, prepared);
    expectError(
      await leader.post("/api/v1/signing/external/complete", {
        sessionId: prepared.sessionId,
        signature: wrong,
      }),
      422,
      "SIGNATURE_MISMATCH",
    );
  });

  it("a CMS for a digest session, someone else's session, a second completion, an expired session", async () => {
    const prepared = await preparePersonal();
    const signature = await tokenSignature(leaderKey, prepared);
    expectError(
      await leader.post("/api/v1/signing/external/complete", {
        sessionId: prepared.sessionId,
        cms: signature,
      }),
      400,
      "VALIDATION_FAILED",
    );
    expectError(
      await clerk.post("/api/v1/signing/external/complete", { sessionId: prepared.sessionId, signature }),
      410,
      "SIGNING_SESSION_EXPIRED",
    );
    const ok = await leader.post("/api/v1/signing/external/complete", {
      sessionId: prepared.sessionId,
      signature,
    });
    expect(ok.statusCode).toBe(201);
    expectError(
      await leader.post("/api/v1/signing/external/complete", { sessionId: prepared.sessionId, signature }),
      410,
      "SIGNING_SESSION_EXPIRED",
    );
    const late = await preparePersonal();
    const lateSignature = await tokenSignature(leaderKey, late);
    ctx.clock.advance(11 * 60 * 1000);
    expectError(
      await leader.post("/api/v1/signing/external/complete", {
        sessionId: late.sessionId,
        signature: lateSignature,
      }),
      410,
      "SIGNING_SESSION_EXPIRED",
    );
  });

  it("another unit's seal and anonymous callers", async () => {
    const otherClerk = await ctx.as("lanhdao.phuthong");
    const body = { file: b64(await samplePdf()), credentialId: sealToken.id, mode: "seal", signer: "cms" };
    expectError(await otherClerk.post("/api/v1/signing/external/prepare", body), 403, "FORBIDDEN");
    expectError(await ctx.client().post("/api/v1/signing/external/prepare", body), 401, "UNAUTHENTICATED");
  });
});
