import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestClient } from "../../../test/support/test-app.ts";
import type { SigningCredential, SignResult } from "../../contracts/signing.ts";
import { hasPdfsig, pdfsig, samplePdf } from "../../signing/test-support.ts";
import { verifyAuditLog } from "../audit/audit-log.ts";
import {
  b64,
  bytesOf,
  DEMO_SIGNING,
  expectError,
  personalCredentials,
  type SigningTestContext,
  signingTestContext,
  signOk,
  unitCredentials,
  verifyOk,
} from "./http-test-support.ts";

let ctx: SigningTestContext;
let leader: TestClient;
let clerk: TestClient;
let personal: SigningCredential;
let seal: SigningCredential;
let original: Uint8Array;
let first: SignResult;
let second: SignResult;

const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

beforeAll(async () => {
  ctx = await signingTestContext();
  leader = await ctx.as("lanhdao.quangthuan");
  clerk = await ctx.as("vanthu.quangthuan");
  [personal] = await personalCredentials(leader);
  [seal] = await unitCredentials(clerk, ctx.quangThuan);
  original = await samplePdf();
  first = await signOk(leader, {
    file: b64(original),
    fileName: "quyet-dinh-49.pdf",
    credentialId: personal.id,
    password: DEMO_SIGNING.password,
    mode: "personal",
    authority: "TM. ỦY BAN NHÂN DÂN",
  });
  second = await signOk(clerk, {
    fileId: first.file.id,
    credentialId: seal.id,
    password: DEMO_SIGNING.password,
    mode: "seal",
    authority: "TM. ỦY BAN NHÂN DÂN",
  });
});
afterAll(async () => ctx?.close());

describe("demo signing credentials", () => {
  it("are the leader's personal certificate and the commune's seal, sealed at rest", async () => {
    expect(personal).toMatchObject({
      owner: "staff",
      storage: "p12",
      commonName: DEMO_SIGNING.leader.name,
      organization: DEMO_SIGNING.agencyName,
      status: "active",
      testPki: true,
    });
    expect(seal).toMatchObject({
      owner: "unit",
      unitId: ctx.quangThuan,
      commonName: DEMO_SIGNING.agencyName,
    });
    const rows = await ctx.handle.db
      .selectFrom("signing_credentials")
      .select(["sealed_p12", "certificate"])
      .execute();
    for (const row of rows) {
      const sealed = Buffer.from(row.sealed_p12 ?? new Uint8Array());
      expect(sealed.subarray(0, 4).toString("latin1")).toBe("MCP1");
      // No PKCS#12 structure (and so no key bag) is stored in the clear.
      expect(sealed.includes(Buffer.from(row.certificate))).toBe(false);
    }
  });

  it("lists a unit's seal for its clerk and leader, not for another unit's staff", async () => {
    expect((await unitCredentials(leader, ctx.quangThuan)).map((c) => c.id)).toEqual([seal.id]);
    const other = await ctx.as("lanhdao.phuthong");
    expectError(await other.get(`/api/v1/signing/units/${ctx.quangThuan}/credentials`), 403, "FORBIDDEN");
    expect(await personalCredentials(other)).toEqual([]);
  });
});

describe("a PDF signed through the API by the leader, then sealed by the clerk", () => {
  it("returns the signed PDF, stored as a signed document, with SHA-256 before and after", async () => {
    expect(first.sha256Before).toBe(sha(original));
    expect(first.sha256After).toBe(sha(bytesOf(first.pdf)));
    expect(second.sha256Before).toBe(first.sha256After);
    expect(second.sha256After).toBe(sha(bytesOf(second.pdf)));
    expect(second.file).toMatchObject({ name: "quyet-dinh-49-da-ky.pdf", mime: "application/pdf" });
    expect(second.file.sha256).toBe(second.sha256After);
    expect(first.signer.commonName).toBe(DEMO_SIGNING.leader.name);
    expect(second.signer.commonName).toBe(DEMO_SIGNING.agencyName);
    expect(second.verifyUrl).toMatch(new RegExp(`/kiem-tra-chu-ky\\?file=${second.file.id}$`));
    const file = await ctx.handle.db
      .selectFrom("files")
      .selectAll()
      .where("id", "=", second.file.id)
      .executeTakeFirstOrThrow();
    expect(file).toMatchObject({ purpose: "signed_document", unit_id: ctx.quangThuan });
    expect(
      Buffer.from(await ctx.app.deps.files.get(file.sha256)).equals(Buffer.from(bytesOf(second.pdf))),
    ).toBe(true);
  });

  it("keeps the leader's signed revision byte for byte", () => {
    const a = bytesOf(first.pdf);
    expect(Buffer.from(bytesOf(second.pdf).subarray(0, a.length)).equals(Buffer.from(a))).toBe(true);
  });

  it("verifies through the public endpoint: both intact, signers named, chain to the demo root", async () => {
    const report = await verifyOk(ctx.client(), bytesOf(second.pdf));
    expect(report).toMatchObject({ valid: true, modified: false, signatureCount: 2, trustedRoots: 1 });
    const [leaderSig, sealSig] = report.signatures;
    expect(report.signatures.map((s) => s.status)).toEqual(["valid", "valid"]);
    expect(leaderSig.signer?.commonName).toBe(DEMO_SIGNING.leader.name);
    expect(leaderSig.signer?.organization).toBe(DEMO_SIGNING.agencyName);
    expect(leaderSig.laterChanges).toBe("signatures-only");
    expect(leaderSig.reason).toBe("Ký duyệt (TM. ỦY BAN NHÂN DÂN)");
    expect(sealSig.signer?.commonName).toBe(DEMO_SIGNING.agencyName);
    expect(sealSig.coversWholeDocument).toBe(true);
    for (const s of report.signatures) {
      expect(s.intact).toBe(true);
      expect(s.modifiedAfter).toBe(false);
      expect(s.certificateValidAtSigningTime).toBe(true);
      expect(s.chain.status).toBe("trusted");
      expect(s.signingCertificateV2).toBe(true);
      expect(s.subFilter).toBe("ETSI.CAdES.detached");
    }
  });

  it.skipIf(!hasPdfsig)("verifies in poppler's pdfsig (skipped when pdfsig is not installed)", () => {
    const output = pdfsig(bytesOf(second.pdf));
    expect(output.match(/Signature Validation: Signature is Valid\./g)).toHaveLength(2);
    expect(output).toContain(`Signer Certificate Common Name: ${DEMO_SIGNING.leader.name}`);
    expect(output).toContain(`Signer Certificate Common Name: ${DEMO_SIGNING.agencyName}`);
  });

  it("records ONE audit event per signature with both hashes, in an intact chain", async () => {
    for (const result of [first, second]) {
      const events = await ctx.handle.db
        .selectFrom("audit_log")
        .selectAll()
        .where("action", "=", "document.sign")
        .where("entity_id", "=", result.file.id)
        .execute();
      expect(events).toHaveLength(1);
      expect(events[0].summary).toMatchObject({
        sha256Before: result.sha256Before,
        sha256After: result.sha256After,
        credentialId: result.credentialId,
        mode: result.mode,
      });
      expect(events[0].unit_id).toBe(ctx.quangThuan);
    }
    expect((await verifyAuditLog(ctx.handle.db)).ok).toBe(true);
  });
});

describe("one byte changed in the signed content", () => {
  function tampered(): Uint8Array {
    const pdf = new Uint8Array(bytesOf(second.pdf));
    const text = Buffer.from(pdf).toString("latin1");
    const at = text.indexOf("stream\n", text.indexOf("/Filter /FlateDecode")) + "stream\n".length + 10;
    pdf[at] = pdf[at] === 0x41 ? 0x42 : 0x41;
    return pdf;
  }

  it("is reported as modified by the API", async () => {
    const report = await verifyOk(ctx.client(), tampered());
    expect(report.valid).toBe(false);
    expect(report.modified).toBe(true);
    expect(report.signatures.map((s) => s.status)).toEqual(["modified", "modified"]);
  });

  it.skipIf(!hasPdfsig)("and by pdfsig (skipped when pdfsig is not installed)", () => {
    expect(pdfsig(tampered()).match(/Digest Mismatch/g)).toHaveLength(2);
  });
});

describe("refusals", () => {
  const body = (
    credentialId: string,
    mode: "personal" | "seal",
    password: string = DEMO_SIGNING.password,
  ) => ({
    file: b64(original),
    credentialId,
    password,
    mode,
  });

  it("a wrong password, with a clear code, and nothing stored or audited", async () => {
    const before = await ctx.handle.db.selectFrom("files").select("id").execute();
    expectError(
      await leader.post("/api/v1/signing/sign", body(personal.id, "personal", "not-the-password")),
      422,
      "WRONG_P12_PASSWORD",
    );
    expect(await ctx.handle.db.selectFrom("files").select("id").execute()).toHaveLength(before.length);
    const failures = await ctx.handle.db
      .selectFrom("audit_log")
      .select(["entity_id", "actor_kind"])
      .where("action", "=", "signing.password_failed")
      .execute();
    expect(failures).toEqual([{ entity_id: personal.id, actor_kind: "staff" }]);
  });

  it("a timestamp when no timestamp authority is configured", async () => {
    expectError(
      await leader.post("/api/v1/signing/sign", { ...body(personal.id, "personal"), timestamp: true }),
      422,
      "TSA_NOT_CONFIGURED",
    );
  });

  it("anonymous signing", async () => {
    expectError(
      await ctx.client().post("/api/v1/signing/sign", body(seal.id, "seal")),
      401,
      "UNAUTHENTICATED",
    );
  });

  it("another unit's seal, another official's personal credential, and a seal used as personal", async () => {
    const otherLeader = await ctx.as("lanhdao.phuthong");
    expectError(await otherLeader.post("/api/v1/signing/sign", body(seal.id, "seal")), 403, "FORBIDDEN");
    expectError(
      await otherLeader.post("/api/v1/signing/sign", body(personal.id, "personal")),
      403,
      "FORBIDDEN",
    );
    expectError(await clerk.post("/api/v1/signing/sign", body(personal.id, "personal")), 403, "FORBIDDEN");
    expectError(
      await clerk.post("/api/v1/signing/sign", body(seal.id, "personal")),
      422,
      "SIGNING_MODE_MISMATCH",
    );
    expectError(
      await leader.post("/api/v1/signing/sign", body(personal.id, "seal")),
      422,
      "SIGNING_MODE_MISMATCH",
    );
  });

  it("staff without the right to sign, even with their unit's seal", async () => {
    const reception = await ctx.as("tiepnhan.quangthuan");
    expectError(await reception.post("/api/v1/signing/sign", body(seal.id, "seal")), 403, "FORBIDDEN");
  });

  it("a stored document of another unit", async () => {
    const otherLeader = await ctx.as("lanhdao.phuthong");
    const res = await otherLeader.post("/api/v1/signing/sign", {
      fileId: first.file.id,
      credentialId: seal.id,
      password: DEMO_SIGNING.password,
      mode: "seal",
    });
    expectError(res, 403, "FORBIDDEN");
  });

  it("a file that is not a PDF, and a request naming both a file and a stored one", async () => {
    expectError(
      await leader.post("/api/v1/signing/sign", {
        ...body(personal.id, "personal"),
        file: b64(Buffer.from("hello")),
      }),
      415,
      "UPLOAD_TYPE_NOT_ALLOWED",
    );
    expectError(
      await leader.post("/api/v1/signing/sign", { ...body(personal.id, "personal"), fileId: first.file.id }),
      400,
      "VALIDATION_FAILED",
    );
  });

  it("an image that is not a PNG, and a signing mode line outside Decree 30", async () => {
    expectError(
      await leader.post("/api/v1/signing/sign", {
        ...body(personal.id, "personal"),
        image: b64(Buffer.from("GIF89a")),
      }),
      400,
      "IMAGE_INVALID",
    );
    expectError(
      await leader.post("/api/v1/signing/sign", { ...body(personal.id, "personal"), authority: "THAY MẶT" }),
      400,
      "VALIDATION_FAILED",
    );
  });
});
