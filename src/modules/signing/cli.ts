/**
 * `motcua sign`, `motcua verify` and `motcua pki init`. Each returns the process exit code:
 * 0 success; 1 refused (signing error) or not verified; 2 bad usage or unreadable input.
 */
import { readFile, writeFile } from "node:fs/promises";
import { type ParseArgsOptionsConfig, parseArgs } from "node:util";
import { HttpTimestampAuthority } from "../../adapters/timestamp/http-tsa.ts";
import { isAppError } from "../../errors.ts";
import type { AppearanceKind, AppearanceOptions } from "../../signing/appearance.ts";
import { certificateBytes } from "../../signing/asn1.ts";
import { loadP12 } from "../../signing/keys.ts";
import { sign } from "../../signing/sign.ts";
import { createTestPki } from "../../signing/test-pki.ts";
import { verifyPdf } from "../../signing/verify.ts";
import { writeTestPki } from "./test-pki-files.ts";

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

const processIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

class UsageError extends Error {}

const SIGN_USAGE = `Usage: motcua sign --in A.pdf --out B.pdf --p12 C.p12 (--password P | --password-file F)
  [--reason TEXT] [--location TEXT] [--appearance signer|seal|corner|none] [--position "Chủ tịch"]
  [--authority "TM. Ủy ban nhân dân"] [--name TEXT] [--organization TEXT] [--document-number "49/QĐ-UBND"]
  [--image seal.png] [--page N (1-based)] [--rect x,y,width,height (points)] [--field NAME] [--tsa URL]`;

const VERIFY_USAGE = "Usage: motcua verify B.pdf [--trust root.pem ...]";
const PKI_USAGE = "Usage: motcua pki init --out DIR [--password P] [--agency NAME]";

function parse(argv: string[], options: ParseArgsOptionsConfig, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function required(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== "string" || value === "") throw new UsageError(`--${name} is required`);
  return value;
}

function optional(values: Record<string, unknown>, name: string): string | undefined {
  const value = values[name];
  return typeof value === "string" ? value : undefined;
}

async function readInput(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    throw new UsageError(`Cannot read ${path}: ${error instanceof Error ? error.message : error}`);
  }
}

function parseRect(text: string): AppearanceOptions["rect"] {
  const parts = text.split(",").map(Number);
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n)) || parts[2] <= 0 || parts[3] <= 0) {
    throw new UsageError("--rect wants x,y,width,height in points");
  }
  return { x: parts[0], y: parts[1], width: parts[2], height: parts[3] };
}

async function appearanceFrom(values: Record<string, unknown>): Promise<AppearanceOptions | false> {
  const kind = optional(values, "appearance") ?? "signer";
  if (kind === "none") return false;
  if (!["signer", "seal", "corner"].includes(kind))
    throw new UsageError("--appearance is signer, seal, corner or none");
  const page = optional(values, "page");
  const pageNumber = page === undefined ? undefined : Number(page);
  if (pageNumber !== undefined && (!Number.isInteger(pageNumber) || pageNumber < 1)) {
    throw new UsageError("--page is a page number from 1");
  }
  const image = optional(values, "image");
  const rect = optional(values, "rect");
  return {
    kind: kind as AppearanceKind,
    page: pageNumber === undefined ? undefined : pageNumber - 1,
    rect: rect ? parseRect(rect) : undefined,
    position: optional(values, "position"),
    authority: optional(values, "authority"),
    signerName: optional(values, "name"),
    organization: optional(values, "organization"),
    documentNumber: optional(values, "document-number"),
    image: image ? await readInput(image) : undefined,
  };
}

async function guarded(io: CliIo, usage: string, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n${usage}`);
      return 2;
    }
    if (isAppError(error)) {
      io.err(JSON.stringify(error.toBody(), null, 2));
      return 1;
    }
    throw error;
  }
}

export async function runSign(argv: string[], io: CliIo = processIo): Promise<number> {
  return guarded(io, SIGN_USAGE, async () => {
    const { values } = parse(argv, {
      in: { type: "string" },
      out: { type: "string" },
      p12: { type: "string" },
      password: { type: "string" },
      "password-file": { type: "string" },
      reason: { type: "string" },
      location: { type: "string" },
      appearance: { type: "string" },
      position: { type: "string" },
      authority: { type: "string" },
      name: { type: "string" },
      organization: { type: "string" },
      "document-number": { type: "string" },
      image: { type: "string" },
      page: { type: "string" },
      rect: { type: "string" },
      field: { type: "string" },
      tsa: { type: "string" },
    });
    const input = await readInput(required(values, "in"));
    const out = required(values, "out");
    const p12 = await readInput(required(values, "p12"));
    const passwordFile = optional(values, "password-file");
    const password = passwordFile
      ? Buffer.from(await readInput(passwordFile))
          .toString("utf8")
          .replace(/\r?\n$/, "")
      : optional(values, "password");
    if (password === undefined) throw new UsageError("--password or --password-file is required");
    const tsa = optional(values, "tsa");
    const result = await sign(input, {
      signer: loadP12(p12, password),
      reason: optional(values, "reason"),
      location: optional(values, "location"),
      appearance: await appearanceFrom(values),
      fieldName: optional(values, "field"),
      timestampAuthority: tsa ? new HttpTimestampAuthority(tsa) : undefined,
    });
    await writeFile(out, result.pdf);
    io.out(
      JSON.stringify(
        {
          out,
          fieldName: result.fieldName,
          level: result.level,
          signer: result.signer.subject.text,
          signingTime: result.signingTime.toISOString(),
          sha256Before: result.sha256Before,
          sha256After: result.sha256After,
        },
        null,
        2,
      ),
    );
    return 0;
  });
}

export async function runVerify(argv: string[], io: CliIo = processIo): Promise<number> {
  return guarded(io, VERIFY_USAGE, async () => {
    const { values, positionals } = parse(argv, { trust: { type: "string", multiple: true } }, true);
    if (positionals.length !== 1) throw new UsageError("Give exactly one PDF");
    const trusted: Uint8Array[] = [];
    for (const path of (values.trust as string[] | undefined) ?? []) {
      try {
        trusted.push(...certificateBytes(await readInput(path)));
      } catch (error) {
        if (error instanceof UsageError) throw error;
        throw new UsageError(`${path} is not a certificate`);
      }
    }
    const report = await verifyPdf(await readInput(positionals[0]), { trustedRoots: trusted });
    io.out(JSON.stringify(report, null, 2));
    if (report.signatureCount === 0) io.err("No signatures found.");
    return report.valid ? 0 : 1;
  });
}

export async function runPki(argv: string[], io: CliIo = processIo): Promise<number> {
  return guarded(io, PKI_USAGE, async () => {
    const [command, ...rest] = argv;
    if (command !== "init")
      throw new UsageError(command ? `Unknown pki command ${command}` : "Missing pki command");
    const { values } = parse(rest, {
      out: { type: "string" },
      password: { type: "string" },
      agency: { type: "string" },
    });
    const dir = required(values, "out");
    const pki = await createTestPki({
      password: optional(values, "password"),
      agencyName: optional(values, "agency"),
    });
    const files = await writeTestPki(dir, pki);
    io.out(
      JSON.stringify(
        { dir, files, password: pki.password, warning: "Test PKI: never trust it outside demo mode" },
        null,
        2,
      ),
    );
    return 0;
  });
}
