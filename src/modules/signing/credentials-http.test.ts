import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestClient } from "../../../test/support/test-app.ts";
import type { SigningCredential } from "../../contracts/signing.ts";
import { derToPem } from "../../signing/asn1.ts";
import { writePkcs12 } from "../../signing/pkcs12.ts";
import { issueCertificate, type TestPki } from "../../signing/test-pki.ts";
import { samplePdf, sharedPki } from "../../signing/test-support.ts";
import {
  b64,
  DEMO_SIGNING,
  expectError,
  personalCredentials,
  type SigningTestContext,
  signingTestContext,
  unitCredentials,
} from "./http-test-support.ts";

const DAY = 24 * 3600 * 1000;
let ctx: SigningTestContext;
let pki: TestPki;
let leader: TestClient;
let clerk: TestClient;

async function p12For(
  options: Parameters<typeof issueCertificate>[0],
  password = "mat-khau-1",
): Promise<string> {
  const issued = await issueCertificate({ issuer: pki.root, ...options });
  return b64(writePkcs12({ ...issued, chain: [pki.root.certificate], password }));
}

const upload = (client: TestClient, body: Record<string, unknown>) =>
  client.post("/api/v1/signing/credentials", { kind: "p12", owner: "personal", ...body });

beforeAll(async () => {
  ctx = await signingTestContext();
  pki = await sharedPki();
  leader = await ctx.as("lanhdao.quangthuan");
  clerk = await ctx.as("vanthu.quangthuan");
});
afterAll(async () => ctx?.close());

async function auditCount(action: string): Promise<number> {
  const rows = await ctx.handle.db
    .selectFrom("audit_log")
    .select("id")
    .where("action", "=", action)
    .execute();
  return rows.length;
}

describe("uploading a personal PKCS#12", () => {
  let uploaded: SigningCredential;

  it("stores it sealed, describes the certificate, and audits it", async () => {
    const events = await auditCount("signing.credential.create");
    const res = await upload(leader, {
      p12: b64(pki.officials[1].p12),
      password: pki.password,
      label: "Token dự phòng",
    });
    expect(res.statusCode).toBe(201);
    uploaded = res.json() as SigningCredential;
    expect(uploaded).toMatchObject({
      owner: "staff",
      storage: "p12",
      label: "Token dự phòng",
      commonName: "Trần Thị Bình",
      title: "Phó Chủ tịch",
      status: "active",
      keyType: "RSA",
      testPki: true,
      version: 1,
    });
    expect((await personalCredentials(leader)).map((c) => c.id)).toContain(uploaded.id);
    expect(await auditCount("signing.credential.create")).toBe(events + 1);
    const row = await ctx.handle.db
      .selectFrom("signing_credentials")
      .select(["sealed_p12"])
      .where("id", "=", uploaded.id)
      .executeTakeFirstOrThrow();
    expect(
      Buffer.from(row.sealed_p12 ?? []).includes(Buffer.from(pki.officials[1].p12.subarray(0, 64))),
    ).toBe(false);
  });

  it("refuses the same certificate twice while the first is live", async () => {
    expectError(
      await upload(leader, { p12: b64(pki.officials[1].p12), password: pki.password }),
      409,
      "DUPLICATE",
    );
  });

  it("refuses a wrong password, an expired or not yet valid certificate, and one that may not sign", async () => {
    const events = await auditCount("signing.credential.create");
    const good = await p12For({ subject: { commonName: "Lò Văn Đúng" } });
    expectError(await upload(leader, { p12: good, password: "sai-mat-khau" }), 422, "WRONG_P12_PASSWORD");
    const expired = await p12For({
      subject: { commonName: "Hết Hạn" },
      notBefore: new Date(Date.now() - 800 * DAY),
      notAfter: new Date(Date.now() - DAY),
    });
    const res = await upload(leader, { p12: expired, password: "mat-khau-1" });
    expectError(res, 422, "CERT_EXPIRED");
    expect((res.json() as { error: { message: string } }).error.message).toBe("Chứng thư số đã hết hạn.");
    const later = await p12For({
      subject: { commonName: "Chưa Đến" },
      notBefore: new Date(Date.now() + 10 * DAY),
    });
    expectError(await upload(leader, { p12: later, password: "mat-khau-1" }), 422, "CERT_NOT_YET_VALID");
    const encipher = await p12For({ subject: { commonName: "Mã Hóa" }, keyUsage: ["keyEncipherment"] });
    expectError(await upload(leader, { p12: encipher, password: "mat-khau-1" }), 422, "CERT_KEY_USAGE");
    const none = await p12For({ subject: { commonName: "Không Khai" }, keyUsage: [] });
    expectError(await upload(leader, { p12: none, password: "mat-khau-1" }), 422, "CERT_KEY_USAGE");
    expect(await auditCount("signing.credential.create")).toBe(events);
  });

  it("refuses what is not a PKCS#12, and one above the size limit", async () => {
    expectError(await upload(leader, { p12: b64(await samplePdf()), password: "x" }), 400, "P12_INVALID");
    expectError(
      await upload(leader, { p12: b64(new Uint8Array(64 * 1024 + 1)), password: "x" }),
      413,
      "UPLOAD_TOO_LARGE",
    );
    expectError(await upload(leader, { p12: "not base64!", password: "x" }), 400, "VALIDATION_FAILED");
    expectError(
      await upload(ctx.client(), { p12: b64(pki.officials[0].p12), password: pki.password }),
      401,
      "UNAUTHENTICATED",
    );
  });

  it("is revoked by its holder: the sealed keystore is wiped and it can no longer sign", async () => {
    const stale = await leader.post(`/api/v1/signing/credentials/${uploaded.id}/revoke`, { version: 99 });
    expectError(stale, 409, "CONFLICT");
    const other = await ctx.as("lanhdao.phuthong");
    expectError(
      await other.post(`/api/v1/signing/credentials/${uploaded.id}/revoke`, { version: 1 }),
      403,
      "FORBIDDEN",
    );
    const res = await leader.post(`/api/v1/signing/credentials/${uploaded.id}/revoke`, {
      version: 1,
      reason: "Mất thiết bị",
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "revoked", revokeReason: "Mất thiết bị", version: 2 });
    const row = await ctx.handle.db
      .selectFrom("signing_credentials")
      .select(["sealed_p12", "revoked_at"])
      .where("id", "=", uploaded.id)
      .executeTakeFirstOrThrow();
    expect(row.sealed_p12).toBeNull();
    expect(row.revoked_at).not.toBeNull();
    expectError(
      await leader.post(`/api/v1/signing/credentials/${uploaded.id}/revoke`, { version: 2 }),
      409,
      "CREDENTIAL_REVOKED",
    );
    const sign = await leader.post("/api/v1/signing/sign", {
      file: b64(await samplePdf()),
      credentialId: uploaded.id,
      password: pki.password,
      mode: "personal",
    });
    expectError(sign, 409, "CREDENTIAL_REVOKED");
    expect(await auditCount("signing.credential.revoke")).toBe(1);
    // Revoked, it no longer blocks uploading the same certificate again.
    expect(
      (await upload(leader, { p12: b64(pki.officials[1].p12), password: pki.password })).statusCode,
    ).toBe(201);
  });
});

describe("a unit's seal credential", () => {
  it("is added by the unit's clerk, who keeps the seal, and listed for the unit", async () => {
    const res = await clerk.post("/api/v1/signing/credentials", {
      kind: "p12",
      owner: "unit",
      unitId: ctx.quangThuan,
      p12: b64(pki.agency.p12),
      password: pki.password,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ owner: "unit", unitId: ctx.quangThuan, staffId: null });
    expect(await unitCredentials(clerk, ctx.quangThuan)).toHaveLength(2);
  });

  it("cannot be added by a leader (no signing.manage), nor for another unit", async () => {
    const body = (unitId: string) => ({
      kind: "p12",
      owner: "unit",
      unitId,
      p12: b64(pki.agency.p12),
      password: pki.password,
    });
    expectError(await leader.post("/api/v1/signing/credentials", body(ctx.quangThuan)), 403, "FORBIDDEN");
    const phuThong = await ctx.unitId("000.01.31.H06");
    expectError(await clerk.post("/api/v1/signing/credentials", body(phuThong)), 403, "FORBIDDEN");
    expectError(
      await clerk.post("/api/v1/signing/credentials", { ...body(ctx.quangThuan), unitId: undefined }),
      400,
      "VALIDATION_FAILED",
    );
  });

  it("is revoked by the district's unit administrator (subtree), not by the leader", async () => {
    const seal = (await unitCredentials(clerk, ctx.quangThuan)).find((c) => c.commonName === pki.agency.name);
    if (!seal) throw new Error("seal missing");
    expectError(
      await leader.post(`/api/v1/signing/credentials/${seal.id}/revoke`, { version: 1 }),
      403,
      "FORBIDDEN",
    );
    const admin = await ctx.as("quantri.bachthong");
    const res = await admin.post(`/api/v1/signing/credentials/${seal.id}/revoke`, { version: 1 });
    expect(res.statusCode).toBe(200);
    const demoSeal = (await unitCredentials(clerk, ctx.quangThuan)).find((c) => c.id !== seal.id);
    expect(demoSeal?.status).toBe("active");
  });
});

describe("a certificate whose key stays on a token", () => {
  it("is registered without a key and cannot sign on the server", async () => {
    const res = await leader.post("/api/v1/signing/credentials", {
      kind: "certificate",
      owner: "personal",
      certificate: derToPem(pki.officials[0].certificate),
      chain: [derToPem(pki.root.certificate)],
    });
    expect(res.statusCode).toBe(201);
    const credential = res.json() as SigningCredential;
    expect(credential).toMatchObject({ storage: "external", commonName: "Nguyễn Văn An" });
    const sign = await leader.post("/api/v1/signing/sign", {
      file: b64(await samplePdf()),
      credentialId: credential.id,
      password: "whatever",
      mode: "personal",
    });
    expectError(sign, 422, "CREDENTIAL_EXTERNAL");
  });

  it("refuses what is not a certificate, and a CA certificate that may not sign", async () => {
    const register = (certificate: string) =>
      leader.post("/api/v1/signing/credentials", { kind: "certificate", owner: "personal", certificate });
    expectError(
      await register("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"),
      400,
      "CERTIFICATE_INVALID",
    );
    expectError(await register("hello world"), 400, "CERTIFICATE_INVALID");
    expectError(await register(derToPem(pki.root.certificate)), 422, "CERT_KEY_USAGE");
  });
});

describe("wrong passwords at signing time", () => {
  it("pause the credential after five attempts", async () => {
    const [demo] = (await personalCredentials(leader)).filter(
      (c) => c.commonName === DEMO_SIGNING.leader.name,
    );
    const pdf = b64(await samplePdf());
    const attempt = (password: string) =>
      leader.post("/api/v1/signing/sign", { file: pdf, credentialId: demo.id, password, mode: "personal" });
    for (let i = 0; i < 5; i++) expectError(await attempt(`sai-${i}`), 422, "WRONG_P12_PASSWORD");
    expectError(await attempt(DEMO_SIGNING.password), 429, "RATE_LIMITED");
    ctx.clock.advance(16 * 60 * 1000);
    expect((await attempt(DEMO_SIGNING.password)).statusCode).toBe(201);
  });

  it("are counted before they are tried (issue 14, finding 1): of 60 parallel attempts (59 wrong, the right one last) at most five are tried, the rest refused untried, and the credential is paused", async () => {
    ctx.clock.advance(16 * 60 * 1000);
    const [demo] = (await personalCredentials(leader)).filter(
      (c) => c.commonName === DEMO_SIGNING.leader.name,
    );
    const pdf = b64(await samplePdf());
    const attempt = (password: string) =>
      leader.post("/api/v1/signing/sign", { file: pdf, credentialId: demo.id, password, mode: "personal" });
    const audited = await auditCount("signing.password_failed");
    const passwords = [...Array.from({ length: 59 }, (_, i) => `sai-song-song-${i}`), DEMO_SIGNING.password];
    const answers = await Promise.all(passwords.map(attempt));
    const codes: Record<string, number> = {};
    for (const res of answers) {
      const code = res.statusCode === 201 ? "201" : (res.json() as { error: { code: string } }).error.code;
      codes[code] = (codes[code] ?? 0) + 1;
    }
    const tried = (codes.WRONG_P12_PASSWORD ?? 0) + (codes["201"] ?? 0);
    expect(tried, JSON.stringify(codes)).toBeLessThanOrEqual(5);
    expect(codes.RATE_LIMITED, JSON.stringify(codes)).toBe(60 - tried);
    expect(await auditCount("signing.password_failed")).toBe(audited + (codes.WRONG_P12_PASSWORD ?? 0));
    // Paused now, even for the right password.
    expectError(await attempt(DEMO_SIGNING.password), 429, "RATE_LIMITED");
    ctx.clock.advance(16 * 60 * 1000);
    expect((await attempt(DEMO_SIGNING.password)).statusCode).toBe(201);
  }, 300_000);
});
