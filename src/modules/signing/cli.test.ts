import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { samplePdf } from "../../signing/test-support.ts";
import { type CliIo, runPki, runSign, runVerify } from "./cli.ts";

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

let dir: string;
let pkiInit: { code: number; files: string[] };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "motcua-cli-"));
  await writeFile(join(dir, "in.pdf"), await samplePdf(1));
  const io = capture();
  const code = await runPki(["init", "--out", join(dir, "pki"), "--password", "demo-pass"], io);
  pkiInit = { code, files: (JSON.parse(io.stdout[0] ?? "{}") as { files?: string[] }).files ?? [] };
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("motcua pki init, sign and verify", () => {
  it("makes a test PKI, signs twice and verifies with exit code 0", async () => {
    const pki = join(dir, "pki");
    expect(pkiInit.code).toBe(0);
    expect(pkiInit.files).toContain("root-ca.pem");
    expect(pkiInit.files).toContain("agency-seal.p12");
    const official = pkiInit.files.find((f) => f.startsWith("official-") && f.endsWith(".p12")) ?? "";

    const signIo = capture();
    const signed = join(dir, "signed.pdf");
    const code = await runSign(
      [
        "--in",
        join(dir, "in.pdf"),
        "--out",
        join(dir, "one.pdf"),
        "--p12",
        join(pki, official),
        "--password",
        "demo-pass",
      ].concat(["--reason", "Ký ban hành", "--authority", "TM. Ủy ban nhân dân", "--position", "Chủ tịch"]),
      signIo,
    );
    expect(code).toBe(0);
    const first = JSON.parse(signIo.stdout[0]) as {
      sha256Before: string;
      sha256After: string;
      fieldName: string;
    };
    expect(first.sha256Before).toMatch(/^[0-9a-f]{64}$/);
    expect(first.fieldName).toBe("motcua-signer-1");
    await writeFile(join(dir, "pw.txt"), "demo-pass\n");
    expect(
      await runSign(
        ["--in", join(dir, "one.pdf"), "--out", signed, "--p12", join(pki, "agency-seal.p12")].concat([
          "--password-file",
          join(dir, "pw.txt"),
          "--appearance",
          "seal",
        ]),
        capture(),
      ),
    ).toBe(0);

    const verifyIo = capture();
    expect(await runVerify([signed, "--trust", join(pki, "root-ca.pem")], verifyIo)).toBe(0);
    const report = JSON.parse(verifyIo.stdout[0]) as {
      signatures: { status: string; chain: { status: string } }[];
    };
    expect(report.signatures.map((s) => [s.status, s.chain.status])).toEqual([
      ["valid", "trusted"],
      ["valid", "trusted"],
    ]);
  });

  it("exits 1 when the document was modified, with the JSON report on stdout", async () => {
    const pki = join(dir, "pki");
    const signed = join(dir, "tamper.pdf");
    const args = ["--in", join(dir, "in.pdf"), "--out", signed, "--p12", join(pki, "agency-seal.p12")];
    expect(await runSign([...args, "--password", "demo-pass"], capture())).toBe(0);
    const bytes = await readFile(signed);
    bytes[400] ^= 0x01;
    await writeFile(signed, bytes);
    const io = capture();
    expect(await runVerify([signed], io)).toBe(1);
    expect(JSON.parse(io.stdout[0]).modified).toBe(true);
  });

  it("exits 1 with the error code when the password is wrong", async () => {
    const io = capture();
    const code = await runSign(
      [
        "--in",
        join(dir, "in.pdf"),
        "--out",
        join(dir, "x.pdf"),
        "--p12",
        join(dir, "pki", "agency-seal.p12"),
      ].concat(["--password", "wrong"]),
      io,
    );
    expect(code).toBe(1);
    expect(JSON.parse(io.stderr[0]).error.code).toBe("WRONG_P12_PASSWORD");
  });

  it("exits 2 on bad usage or a missing file, and 1 for a PDF without signatures", async () => {
    expect(await runVerify([], capture())).toBe(2);
    expect(await runVerify([join(dir, "missing.pdf")], capture())).toBe(2);
    expect(await runSign(["--in", join(dir, "in.pdf")], capture())).toBe(2);
    expect(await runPki(["make"], capture())).toBe(2);
    expect(await runVerify([join(dir, "in.pdf")], capture())).toBe(1);
  });
});
