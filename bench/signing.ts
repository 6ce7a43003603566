/**
 * Signatures per second on a one-page and a 50-page PDF, against loading and saving the same PDF with
 * @libpdf/core without signing (title changed, then a full or an incremental save), in the same run.
 * Signing is PAdES B-B with an RSA-2048 key from the test PKI, visible (the Decree 30 signer block, fonts
 * subset) and invisible; B-T adds a token from the in-process TSA; verification checks the one signature.
 * Prints JSON.
 *
 *   npx tsx bench/signing.ts [seconds per case]
 */
import os from "node:os";
import { PDF } from "@libpdf/core";
import { loadP12 } from "../src/signing/keys.ts";
import { LocalTimestampAuthority } from "../src/signing/local-tsa.ts";
import { sign } from "../src/signing/sign.ts";
import { createTestPki } from "../src/signing/test-pki.ts";
import { samplePdf } from "../src/signing/test-support.ts";
import { verifyPdf } from "../src/signing/verify.ts";

const seconds = Number(process.argv[2] ?? 3);

interface Figure {
  ms: number;
  perSecond: number;
  runs: number;
}

/**
 * Runs the cases in rounds, one run of each per round, so that load from other work on the shared machine
 * falls on all of them alike; reports medians.
 */
async function measureInterleaved(
  cases: Record<string, () => Promise<unknown>>,
): Promise<Record<string, Figure>> {
  const entries = Object.entries(cases);
  for (let i = 0; i < 3; i++) for (const [, body] of entries) await body();
  const times = new Map<string, number[]>(entries.map(([name]) => [name, []]));
  const deadline = performance.now() + seconds * 1000 * entries.length;
  for (let round = 0; round < 15 || performance.now() < deadline; round++) {
    for (const [name, body] of entries) {
      const start = performance.now();
      await body();
      times.get(name)?.push(performance.now() - start);
    }
  }
  const result: Record<string, Figure> = {};
  for (const [name, list] of times) {
    list.sort((a, b) => a - b);
    const median = list[Math.floor(list.length / 2)];
    result[name] = {
      ms: Math.round(median * 100) / 100,
      perSecond: Math.round((1000 / median) * 10) / 10,
      runs: list.length,
    };
  }
  return result;
}

const pki = await createTestPki();
const signer = loadP12(pki.officials[0].p12, pki.password);
const tsa = new LocalTimestampAuthority({ certificate: pki.tsa.certificate, privateKey: pki.tsa.privateKey });
const results: Record<string, unknown> = {};

for (const pages of [1, 50]) {
  const input = await samplePdf(pages);
  const signed = (await sign(input, { signer })).pdf;
  const figures = await measureInterleaved({
    // An unchanged document saves as its own bytes, so the baseline changes the title to make libpdf write.
    fullSave: async () => {
      const pdf = await PDF.load(input);
      pdf.setTitle("Bench");
      return pdf.save();
    },
    incrementalSave: async () => {
      const pdf = await PDF.load(input);
      pdf.setTitle("Bench");
      return pdf.save({ incremental: true });
    },
    visible: () => sign(input, { signer }),
    invisible: () => sign(input, { signer, appearance: false }),
    timestamped: () => sign(input, { signer, timestampAuthority: tsa }),
    verify: () => verifyPdf(signed),
  });
  const { fullSave, incrementalSave, visible, invisible, timestamped, verify } = figures;
  const ratio = (a: { ms: number }, b: { ms: number }) => Math.round((a.ms / b.ms) * 100) / 100;
  results[`${pages}-page`] = {
    bytes: input.length,
    baseline: { loadAndFullSave: fullSave, loadAndIncrementalSave: incrementalSave },
    signVisibleBB: {
      ...visible,
      timesFullSave: ratio(visible, fullSave),
      timesIncremental: ratio(visible, incrementalSave),
    },
    signInvisibleBB: {
      ...invisible,
      timesFullSave: ratio(invisible, fullSave),
      timesIncremental: ratio(invisible, incrementalSave),
    },
    signVisibleBT: { ...timestamped, timesFullSave: ratio(timestamped, fullSave) },
    verifyOneSignature: { ...verify, timesFullSave: ratio(verify, fullSave) },
  };
}

console.log(
  JSON.stringify(
    {
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version },
      secondsPerCase: seconds,
      results,
    },
    null,
    2,
  ),
);
