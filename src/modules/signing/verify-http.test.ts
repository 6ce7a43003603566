import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestClient } from "../../../test/support/test-app.ts";
import type { SignResult, TrustedRoot, VerifyReport } from "../../contracts/signing.ts";
import { derToPem } from "../../signing/asn1.ts";
import { fixturePath, readFixture, samplePdf, sharedPki } from "../../signing/test-support.ts";
import { storeBytes } from "../files/store-upload.ts";
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
import { VERIFY_RATE_LIMIT } from "./verification.ts";

let ctx: SigningTestContext;
let admin: TestClient;
let signed: SignResult;

beforeAll(async () => {
  ctx = await signingTestContext();
  admin = await ctx.as("admin");
  const leader = await ctx.as("lanhdao.quangthuan");
  const [credential] = await personalCredentials(leader);
  signed = await signOk(leader, {
    file: b64(await samplePdf()),
    fileName: "Quyết định cấp giấy phép cho bà Phạm Thị Ngọc Ánh.pdf",
    credentialId: credential.id,
    password: DEMO_SIGNING.password,
    mode: "personal",
  });
});
afterAll(async () => ctx?.close());

describe("POST /signing/verify", () => {
  it("keeps CSRF on: an anonymous visitor first fetches a token like the web page does", async () => {
    const res = await ctx.client().post("/api/v1/signing/verify", { file: signed.pdf }, { csrf: false });
    expectError(res, 403, "CSRF_INVALID");
    expect((await verifyOk(ctx.client(), bytesOf(signed.pdf))).valid).toBe(true);
  });

  it("verifies PDFs signed by other software: poppler/NSS and OpenSSL-made CMS placed by pdf-lib", async () => {
    const poppler = await verifyOk(ctx.client(), readFixture("signed-by-poppler.pdf"));
    expect(poppler).toMatchObject({ valid: true, signatureCount: 1 });
    expect(poppler.signatures[0]).toMatchObject({
      status: "valid",
      subFilter: "adbe.pkcs7.detached",
      signer: { commonName: "Trần Thị Độc Lập", organization: "UBND xã Quang Thuận" },
      certificateValidAtSigningTime: true,
      chain: { status: "unknown-issuer" },
    });
    const openssl = await verifyOk(ctx.client(), readFixture("signed-by-openssl.pdf"));
    expect(openssl.valid).toBe(true);
    expect(openssl.signatures[0].intact).toBe(true);
    const tampered = await verifyOk(ctx.client(), readFixture("signed-by-poppler-tampered.pdf"));
    expect(tampered).toMatchObject({ valid: false, modified: true });
  });

  it("reports an unsigned PDF as having no signature, and refuses what is not a PDF", async () => {
    const report = await verifyOk(ctx.client(), await samplePdf());
    expect(report).toMatchObject({ valid: false, signatureCount: 0, signatures: [] });
    expectError(
      await ctx.client().post("/api/v1/signing/verify", { file: b64(Buffer.from("plain text")) }),
      400,
      "PDF_INVALID",
    );
    expectError(
      await ctx.client().post("/api/v1/signing/verify", { file: b64(Buffer.from("%PDF-1.7\ngarbage")) }),
      400,
      "PDF_INVALID",
    );
  });

  it("is limited per client address", async () => {
    const from = (address: string) => {
      const client = ctx.client();
      return (body: unknown) =>
        client.request({
          method: "POST",
          url: "/api/v1/signing/verify",
          payload: body as object,
          remoteAddress: address,
        });
    };
    const busy = from("203.0.113.7");
    const tiny = { file: b64(Buffer.from("not a pdf")) };
    for (let i = 0; i < VERIFY_RATE_LIMIT.limit; i++) expect((await busy(tiny)).statusCode).toBe(400);
    const limited = await busy(tiny);
    expectError(limited, 429, "RATE_LIMITED");
    expect(limited.json()).toMatchObject({
      error: { details: { retryAfterSeconds: VERIFY_RATE_LIMIT.windowSeconds } },
    });
    expect((await from("203.0.113.8")(tiny)).statusCode).toBe(400);
    ctx.clock.advance(VERIFY_RATE_LIMIT.windowSeconds * 1000 + 1);
    expect((await busy(tiny)).statusCode).toBe(400);
  });
});

describe("GET /signing/verify/:fileId", () => {
  it("verifies a document the unit issued for anyone, without its name", async () => {
    const res = await ctx.client().get(`/api/v1/signing/verify/${signed.file.id}`);
    expect(res.statusCode).toBe(200);
    const report = res.json() as VerifyReport;
    expect(report.valid).toBe(true);
    expect(report.document).toMatchObject({
      fileId: signed.file.id,
      name: null,
      unitName: DEMO_SIGNING.agencyName,
      unitCode: DEMO_SIGNING.unitCode,
    });
    const staff = await ctx.as("chuyenvien.quangthuan");
    const own = (await staff.get(`/api/v1/signing/verify/${signed.file.id}`)).json() as VerifyReport;
    expect(own.document?.name).toBe(signed.file.name);
  });

  it("keeps other stored files private, and unknown ids unknown", async () => {
    const file = await ctx.handle.db.transaction().execute((tx) =>
      storeBytes(
        tx,
        ctx.app.deps.files,
        { bytes: bytesOf(signed.pdf), name: "ho-so.pdf", mime: "application/pdf" },
        {
          unitId: ctx.quangThuan,
          purpose: "dossier_component",
          actor: { kind: "system", id: null },
          now: ctx.clock.now,
        },
      ),
    );
    expectError(await ctx.client().get(`/api/v1/signing/verify/${file.id}`), 404, "NOT_FOUND");
    const other = await ctx.as("lanhdao.phuthong");
    expectError(await other.get(`/api/v1/signing/verify/${file.id}`), 404, "NOT_FOUND");
    const reader = await ctx.as("lanhdao.quangthuan");
    expect((await reader.get(`/api/v1/signing/verify/${file.id}`)).statusCode).toBe(200);
    expectError(
      await ctx.client().get("/api/v1/signing/verify/00000000-0000-4000-8000-000000000000"),
      404,
      "NOT_FOUND",
    );
  });
});

describe("trusted roots configured by the system administrator", () => {
  const rootPem = () => readFileSync(fixturePath("test-root-ca.pem"), "utf8");

  it("lists the demo test root, active in demo mode", async () => {
    const res = await admin.get("/api/v1/signing/trusted-roots");
    expect(res.statusCode).toBe(200);
    const items = (res.json() as { items: TrustedRoot[] }).items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ testPki: true, active: true });
  });

  it("are for the system administrator only", async () => {
    const unitAdmin = await ctx.as("quantri.bachthong");
    expectError(await unitAdmin.get("/api/v1/signing/trusted-roots"), 403, "FORBIDDEN");
    expectError(
      await unitAdmin.post("/api/v1/signing/trusted-roots", { certificate: rootPem() }),
      403,
      "FORBIDDEN",
    );
    expectError(await ctx.client().get("/api/v1/signing/trusted-roots"), 401, "UNAUTHENTICATED");
  });

  it("make a chain trusted once added, and unknown again once removed", async () => {
    const before = await verifyOk(ctx.client(), readFixture("signed-by-poppler.pdf"));
    expect(before.signatures[0].chain.status).toBe("unknown-issuer");
    const res = await admin.post("/api/v1/signing/trusted-roots", {
      certificate: rootPem(),
      label: "CA thử nghiệm",
    });
    expect(res.statusCode).toBe(201);
    const root = res.json() as TrustedRoot;
    expect(root).toMatchObject({ label: "CA thử nghiệm", testPki: false, active: true });
    expectError(
      await admin.post("/api/v1/signing/trusted-roots", { certificate: rootPem() }),
      409,
      "DUPLICATE",
    );
    const trusted = await verifyOk(ctx.client(), readFixture("signed-by-poppler.pdf"));
    expect(trusted.trustedRoots).toBe(2);
    expect(trusted.signatures[0].chain.status).toBe("trusted");
    const removed = await admin.delete(`/api/v1/signing/trusted-roots/${root.id}`);
    expect(removed.statusCode).toBe(200);
    expectError(await admin.delete(`/api/v1/signing/trusted-roots/${root.id}`), 404, "NOT_FOUND");
    const after = await verifyOk(ctx.client(), readFixture("signed-by-poppler.pdf"));
    expect(after.signatures[0].chain.status).toBe("unknown-issuer");
    const actions = await ctx.handle.db
      .selectFrom("audit_log")
      .select("action")
      .where("entity_id", "=", root.id)
      .orderBy("id")
      .execute();
    expect(actions.map((a) => a.action)).toEqual(["signing.trusted_root.add", "signing.trusted_root.remove"]);
  });

  it("refuse a certificate that is not a CA, and text that is not a certificate", async () => {
    const signer = readFileSync(fixturePath("test-signer.pem"), "utf8");
    expectError(
      await admin.post("/api/v1/signing/trusted-roots", { certificate: signer }),
      422,
      "ROOT_NOT_CA",
    );
    expectError(
      await admin.post("/api/v1/signing/trusted-roots", { certificate: "xyz" }),
      400,
      "CERTIFICATE_INVALID",
    );
  });
});

describe("outside demo mode", () => {
  let prod: SigningTestContext;
  beforeAll(async () => {
    prod = await signingTestContext({
      DEMO: "0",
      COOKIE_SECRET: "a-cookie-secret-of-at-least-thirty-two-chars",
      SIGNING_KEY_SECRET: "a-signing-secret-of-at-least-thirty-two-chars",
    });
  });
  afterAll(async () => prod?.close());

  it("the test PKI is neither trusted, nor accepted, nor usable", async () => {
    const leader = await prod.as("lanhdao.quangthuan");
    const [credential] = await personalCredentials(leader);
    const sign = await leader.post("/api/v1/signing/sign", {
      file: b64(await samplePdf()),
      credentialId: credential.id,
      password: DEMO_SIGNING.password,
      mode: "personal",
    });
    expectError(sign, 422, "TEST_PKI_REFUSED");
    const pki = await sharedPki();
    const upload = await leader.post("/api/v1/signing/credentials", {
      kind: "p12",
      owner: "personal",
      p12: b64(pki.officials[0].p12),
      password: pki.password,
    });
    expectError(upload, 422, "TEST_PKI_REFUSED");
    const prodAdmin = await prod.as("admin");
    const roots = (await prodAdmin.get("/api/v1/signing/trusted-roots")).json() as { items: TrustedRoot[] };
    expect(roots.items.map((r) => [r.testPki, r.active])).toEqual([[true, false]]);
    expectError(
      await prodAdmin.post("/api/v1/signing/trusted-roots", { certificate: derToPem(pki.root.certificate) }),
      422,
      "TEST_PKI_REFUSED",
    );
    // A document signed with the demo PKI still verifies as intact, but its issuer is not trusted here.
    const report = await verifyOk(prod.client(), bytesOf(signed.pdf));
    expect(report).toMatchObject({ valid: true, trustedRoots: 0 });
    expect(report.signatures[0].chain.status).toBe("unknown-issuer");
  });
});
