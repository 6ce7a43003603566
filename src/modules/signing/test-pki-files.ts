/** The test PKI written out as files (`motcua pki`), for demos and for trying the CLI by hand. */
import { chmod, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { slugify } from "../../domain/text/vietnamese.ts";
import { derToPem } from "../../signing/asn1.ts";
import type { TestPki } from "../../signing/test-pki.ts";

/** Writes the PKI to `dir` and returns the file names written. */
export async function writeTestPki(dir: string, pki: TestPki): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files: [string, string | Uint8Array, boolean][] = [
    ["root-ca.pem", derToPem(pki.root.certificate), false],
    ["root-ca.key.pem", pki.root.privateKey.export({ format: "pem", type: "pkcs8" }).toString(), true],
    ["tsa.pem", derToPem(pki.tsa.certificate), false],
    ["tsa.key.pem", pki.tsa.privateKey.export({ format: "pem", type: "pkcs8" }).toString(), true],
    ["agency-seal.p12", pki.agency.p12, true],
    ["agency-seal.pem", derToPem(pki.agency.certificate), false],
  ];
  for (const official of pki.officials) {
    files.push([`official-${slugify(official.name)}.p12`, official.p12, true]);
    files.push([`official-${slugify(official.name)}.pem`, derToPem(official.certificate), false]);
  }
  files.push([
    "README.txt",
    [
      "motcua test PKI — for demos and tests only. Nothing here may be trusted outside demo mode.",
      `PKCS#12 password: ${pki.password}`,
      `Agency seal: agency-seal.p12 (${pki.agency.name})`,
      ...pki.officials.map((o) => `Official: official-${slugify(o.name)}.p12 (${o.name}, ${o.title ?? ""})`),
      "Root to configure as trusted in demo mode: root-ca.pem. Timestamp authority: tsa.pem + tsa.key.pem.",
      "",
    ].join("\n"),
    false,
  ]);
  for (const [file, content, secret] of files) {
    const path = join(dir, file);
    await writeFile(path, content);
    if (secret) await chmod(path, 0o600);
  }
  return files.map(([file]) => file);
}
