import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type ErrorCode, isAppError } from "../errors.ts";
import { loadP12, sealP12, unlockStoredP12, unsealP12 } from "./keys.ts";
import { writePkcs12 } from "./pkcs12.ts";
import { issueCertificate, type TestPki } from "./test-pki.ts";
import { hasOpenssl, readFixture, sharedPki } from "./test-support.ts";

function codeOf(action: () => unknown): ErrorCode | string {
  try {
    action();
  } catch (error) {
    return isAppError(error) ? error.code : String(error);
  }
  return "no error";
}

const DAY = 24 * 3600 * 1000;
let pki: TestPki;

beforeAll(async () => {
  pki = await sharedPki();
});

async function p12For(options: Parameters<typeof issueCertificate>[0]): Promise<Uint8Array> {
  const issued = await issueCertificate({ issuer: pki.root, ...options });
  return writePkcs12({ ...issued, chain: [pki.root.certificate], password: "pw" });
}

describe("loading PKCS#12 keystores", () => {
  it("opens an official's keystore and finds the certificate that matches the key, with the chain", () => {
    const credential = loadP12(pki.officials[0].p12, pki.password);
    expect(credential.keyType).toBe("RSA");
    expect(credential.info.subject.commonName).toBe("Nguyễn Văn An");
    expect(credential.info.subject.organization).toBe("UBND xã Quang Thuận");
    expect(credential.info.keyUsage).toEqual(["digitalSignature", "nonRepudiation"]);
    expect(credential.chain).toHaveLength(1);
  });

  it("refuses a wrong password with WRONG_P12_PASSWORD", () => {
    expect(codeOf(() => loadP12(pki.officials[0].p12, "not the password"))).toBe("WRONG_P12_PASSWORD");
  });

  it("refuses an expired certificate with CERT_EXPIRED", async () => {
    const p12 = await p12For({
      subject: { commonName: "Hết Hạn" },
      notBefore: new Date(Date.now() - 800 * DAY),
      notAfter: new Date(Date.now() - DAY),
    });
    expect(codeOf(() => loadP12(p12, "pw"))).toBe("CERT_EXPIRED");
    expect(loadP12(p12, "pw", { check: false }).info.subject.commonName).toBe("Hết Hạn");
  });

  it("refuses a certificate that is not valid yet with CERT_NOT_YET_VALID", async () => {
    const p12 = await p12For({
      subject: { commonName: "Chưa Hiệu Lực" },
      notBefore: new Date(Date.now() + 10 * DAY),
    });
    expect(codeOf(() => loadP12(p12, "pw"))).toBe("CERT_NOT_YET_VALID");
  });

  it("refuses certificates without digitalSignature or nonRepudiation with CERT_KEY_USAGE", async () => {
    const encipherOnly = await p12For({ subject: { commonName: "Mã Hóa" }, keyUsage: ["keyEncipherment"] });
    const noExtension = await p12For({ subject: { commonName: "Không Khai Báo" }, keyUsage: [] });
    expect(codeOf(() => loadP12(encipherOnly, "pw"))).toBe("CERT_KEY_USAGE");
    expect(codeOf(() => loadP12(noExtension, "pw"))).toBe("CERT_KEY_USAGE");
  });

  it("accepts a certificate with nonRepudiation only", async () => {
    const p12 = await p12For({ subject: { commonName: "Chống Chối Bỏ" }, keyUsage: ["nonRepudiation"] });
    expect(loadP12(p12, "pw").info.keyUsage).toEqual(["nonRepudiation"]);
  });

  it("refuses bytes that are not PKCS#12 with P12_INVALID", () => {
    expect(codeOf(() => loadP12(new TextEncoder().encode("%PDF-1.7 not a keystore"), "pw"))).toBe(
      "P12_INVALID",
    );
  });

  it("opens EC keys", async () => {
    const p12 = await p12For({ subject: { commonName: "Khóa EC" }, keyType: "EC" });
    expect(loadP12(p12, "pw").keyType).toBe("EC");
  });
});

describe("keystores written by OpenSSL", () => {
  it("opens the OpenSSL 3 default format with a Vietnamese password", () => {
    const credential = loadP12(readFixture("openssl/signer-aes.p12"), "mật khẩu 123");
    expect(credential.info.subject.commonName).toBe("Lê Thị Hồng Gấm");
    expect(credential.chain).toHaveLength(1);
  });

  it("opens the legacy 3DES format and refuses its wrong password", () => {
    expect(loadP12(readFixture("openssl/signer-3des.p12"), "secret").info.subject.organization).toBe(
      "UBND phường Bến Nghé",
    );
    expect(codeOf(() => loadP12(readFixture("openssl/signer-3des.p12"), "Secret"))).toBe(
      "WRONG_P12_PASSWORD",
    );
  });

  it("refuses RC2-encrypted keystores with P12_UNSUPPORTED rather than a wrong-password error", () => {
    expect(codeOf(() => loadP12(readFixture("openssl/signer-rc2.p12"), "secret"))).toBe("P12_UNSUPPORTED");
  });

  it.skipIf(!hasOpenssl)("writes keystores that OpenSSL opens (skipped without the openssl command)", () => {
    const dir = mkdtempSync(join(tmpdir(), "motcua-p12-"));
    try {
      const file = join(dir, "agency.p12");
      writeFileSync(file, pki.agency.p12);
      const run = spawnSync("openssl", ["pkcs12", "-in", file, "-passin", `pass:${pki.password}`, "-nodes"], {
        encoding: "utf8",
      });
      expect(run.status).toBe(0);
      expect(run.stdout).toContain("BEGIN PRIVATE KEY");
      expect(run.stdout.match(/BEGIN CERTIFICATE/g)).toHaveLength(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("keystores sealed at rest", () => {
  const serverSecret = "server secret from configuration";
  const context = "user:42";

  it("opens only with the server secret, the holder's password and the same owner", () => {
    const { sealed, credential } = sealP12(pki.officials[1].p12, {
      serverSecret,
      password: pki.password,
      context,
    });
    expect(credential.info.subject.commonName).toBe("Trần Thị Bình");
    expect(Buffer.from(sealed).includes(Buffer.from(pki.officials[1].p12.subarray(0, 64)))).toBe(false);
    const unlocked = unlockStoredP12(sealed, { serverSecret, password: pki.password, context });
    expect(unlocked.certificate).toEqual(credential.certificate);
    expect(codeOf(() => unsealP12(sealed, { serverSecret, password: "wrong", context }))).toBe(
      "WRONG_P12_PASSWORD",
    );
    expect(
      codeOf(() => unsealP12(sealed, { serverSecret: "other secret", password: pki.password, context })),
    ).toBe("STORED_KEY_MISMATCH");
    expect(
      codeOf(() => unsealP12(sealed, { serverSecret, password: pki.password, context: "user:43" })),
    ).toBe("WRONG_P12_PASSWORD");
    expect(
      codeOf(() => unsealP12(sealed.subarray(0, 20), { serverSecret, password: pki.password, context })),
    ).toBe("STORED_KEY_INVALID");
  });

  it("refuses to store a keystore whose password is wrong", () => {
    expect(codeOf(() => sealP12(pki.agency.p12, { serverSecret, password: "nope", context }))).toBe(
      "WRONG_P12_PASSWORD",
    );
  });

  it("refuses a flipped bit in the stored blob", () => {
    const { sealed } = sealP12(pki.agency.p12, { serverSecret, password: pki.password, context });
    sealed[sealed.length - 1] ^= 1;
    expect(codeOf(() => unsealP12(sealed, { serverSecret, password: pki.password, context }))).toBe(
      "WRONG_P12_PASSWORD",
    );
  });
});
