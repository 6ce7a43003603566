/**
 * CI cannot pass a broken run: throwaway test files (written to a temporary directory, never part of the suite)
 * go through the reporter and `.ci/summarize.mjs` exactly as `.ci/run` sends the real suite, and every way a
 * file can break must come out as a failure with a non-zero exit.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CiReport } from "../support/ci-reporter.ts";

const root = path.resolve(import.meta.dirname, "../..");
const vitest = path.join(root, "node_modules/.bin/vitest");
const summarize = path.join(root, ".ci/summarize.mjs");

const FILES: Record<string, string> = {
  "passes.test.ts": `it("passes", () => expect(1 + 1).toBe(2));`,
  "setup-throws.test.ts": `
    beforeAll(() => { throw new Error("setup broke"); });
    it("never runs", () => expect(true).toBe(true));`,
  "load-fails.test.ts": `
    import "./no-such-module.ts";
    it("never collected", () => expect(true).toBe(true));`,
  "late-error.test.ts": `
    it("passes, and leaves an error behind it", () => {
      setTimeout(() => { throw new Error("thrown after the test finished"); }, 10);
    });
    it("waits for it", async () => { await new Promise((r) => setTimeout(r, 200)); });`,
  "afterall-throws.test.ts": `
    afterAll(() => { throw new Error("teardown broke"); });
    it("passes", () => expect(true).toBe(true));`,
};

let dir: string;
let clean: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "motcua-ci-proof-"));
  for (const [name, text] of Object.entries(FILES)) fs.writeFileSync(path.join(dir, name), text);
  const reporter = path.join(root, "test/support/ci-reporter.ts");
  fs.writeFileSync(
    path.join(dir, "vitest.config.mjs"),
    `import { reporters } from ${JSON.stringify(reporter)};
     export default { test: { globals: true, include: ["*.test.ts"], reporters: reporters() } };`,
  );
  clean = fs.mkdtempSync(path.join(dir, "clean-"));
  testRun(clean, "clean", ["passes.test.ts"]);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** One run as .ci/run makes it: CI_REPORT set, the exit status kept beside the report. */
function testRun(out: string, run: string, files: string[]): void {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const result = spawnSync(vitest, ["run", "--root", dir, "--config", "vitest.config.mjs", ...files], {
    cwd: dir,
    env: { ...env, CI_REPORT: path.join(out, `${run}.json`), TZ: "UTC" },
    encoding: "utf8",
  });
  fs.writeFileSync(path.join(out, `${run}.exit`), `${result.status}\n`);
}

/** A run of one passing file, copied in as the runs a case does not break. */
function copyCleanRun(out: string, run: string): void {
  for (const ext of ["json", "exit"])
    fs.copyFileSync(path.join(clean, `clean.${ext}`), path.join(out, `${run}.${ext}`));
}

function summary(out: string): { status: number | null; stdout: string } {
  const result = spawnSync(process.execPath, [summarize, out, "3", "0"], { encoding: "utf8" });
  return { status: result.status, stdout: result.stdout };
}

describe("the CI summary", () => {
  it("counts a throwing beforeAll, a file that fails to load, an error after a test and a throwing afterAll", () => {
    const out = fs.mkdtempSync(path.join(dir, "out-"));
    testRun(out, "pglite", Object.keys(FILES));
    const report = JSON.parse(fs.readFileSync(path.join(out, "pglite.json"), "utf8")) as CiReport;
    const byFile = Object.fromEntries(report.files.map((f) => [path.basename(f.file), f]));
    expect(byFile["setup-throws.test.ts"]).toMatchObject({
      state: "failed",
      passed: 0,
      failed: [],
      skipped: 1,
    });
    expect(byFile["setup-throws.test.ts"]?.errors).toEqual(["Error: setup broke"]);
    expect(byFile["load-fails.test.ts"]?.state).toBe("failed");
    expect(byFile["load-fails.test.ts"]?.errors).toHaveLength(1);
    expect(byFile["late-error.test.ts"]).toMatchObject({ state: "passed", passed: 2, errors: [] });
    expect(byFile["afterall-throws.test.ts"]?.errors).toEqual(["Error: teardown broke"]);
    expect(report.unhandledErrors).toEqual(["Error: thrown after the test finished"]);

    // The other three runs of a CI run, passing, so that only the broken one decides.
    for (const run of ["postgres", "e2e-pglite", "e2e-postgres"]) copyCleanRun(out, run);
    const { status, stdout } = summary(out);
    expect(stdout).toContain(
      "FAILED setup-throws.test.ts (the file itself, its tests did not run): Error: setup broke",
    );
    expect(stdout).toContain("FAILED error outside any test: Error: thrown after the test finished");
    // 3 checks + passes (1) + late-error (2) + afterall-throws (1) + three passing runs (3) = 10 passed;
    // setup-throws, load-fails, the late error and the throwing afterAll are the 4 failures.
    expect(stdout.trim().split("\n").at(-1)).toBe("10 passed, 4 failed");
    expect(status).toBe(1);
  }, 120_000);

  it("passes a clean run and fails one whose report or exit status is missing or non-zero", () => {
    const out = fs.mkdtempSync(path.join(dir, "out-"));
    for (const run of ["pglite", "postgres", "e2e-pglite", "e2e-postgres"]) copyCleanRun(out, run);
    expect(summary(out)).toEqual({ status: 0, stdout: expect.stringMatching(/\n7 passed, 0 failed\n$/) });

    fs.writeFileSync(path.join(out, "postgres.exit"), "1\n");
    expect(summary(out).stdout).toMatch(/FAILED PostgreSQL: exit status 1\n[\s\S]*\n7 passed, 1 failed\n$/);

    fs.writeFileSync(path.join(out, "postgres.exit"), "0\n");
    fs.rmSync(path.join(out, "e2e-postgres.json"));
    const missing = summary(out);
    expect(missing.stdout).toMatch(/Chromium on PostgreSQL: no report[\s\S]*\n6 passed, 1 failed\n$/);
    expect(missing.status).toBe(1);
  });
});
