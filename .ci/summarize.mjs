// Adds up the static checks and the test runs of a CI run; prints "N passed, M failed" and exits 1 if M > 0.
//
// Each run left two files in the output directory: <run>.json, written by test/support/ci-reporter.ts, and
// <run>.exit, the exit status of the command. A run counts a failure for every failed test, for every test file
// with an error of its own (it failed to load, or a beforeAll/afterAll threw, which leaves its tests "skipped"),
// for every file that never finished, for every error thrown outside a test ("Unhandled Errors"), and, when
// none of those explains it, for a non-zero exit status, an interrupted run, a missing report or no tests at all.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const RUNS = [
  ["PGlite", "pglite"],
  ["PostgreSQL", "postgres"],
  ["Chromium on PGlite", "e2e-pglite"],
  ["Chromium on PostgreSQL", "e2e-postgres"],
];

/** @returns {{ passed: number, failed: number, lines: string[] }} */
export function summarizeRun(name, report, exitCode) {
  const lines = [];
  let passed = 0;
  let failed = 0;
  const fail = (line) => {
    failed += 1;
    lines.push(`  FAILED ${line}`);
  };
  if (!report) {
    fail(`${name}: no report (exit status ${exitCode ?? "unknown"}): the run did not complete`);
    return { passed, failed, lines: [`${name}: no report`, ...lines] };
  }
  let skipped = 0;
  let tests = 0;
  for (const file of report.files) {
    passed += file.passed;
    skipped += file.skipped;
    tests += file.passed + file.skipped + file.failed.length;
    for (const test of file.failed) fail(`${file.file} > ${test}`);
    for (const error of file.errors) fail(`${file.file} (the file itself, its tests did not run): ${error}`);
    const finished = ["passed", "failed", "skipped"].includes(file.state);
    if (!finished && file.errors.length === 0 && file.failed.length === 0)
      fail(`${file.file}: did not finish (${file.state})`);
    if (file.state === "failed" && file.errors.length === 0 && file.failed.length === 0)
      fail(`${file.file}: failed without a failed test`);
  }
  for (const error of report.unhandledErrors) fail(`error outside any test: ${error}`);
  if (tests === 0) fail(`${name}: no tests ran`);
  if (failed === 0 && report.reason !== "passed") fail(`${name}: the run ended "${report.reason}"`);
  if (failed === 0 && exitCode !== 0) fail(`${name}: exit status ${exitCode ?? "unknown"}`);
  const head = `${name}: ${passed} passed, ${failed} failed, ${skipped} skipped`;
  return { passed, failed, lines: [head, ...lines] };
}

function readExit(file) {
  if (!fs.existsSync(file)) return undefined;
  const code = Number.parseInt(fs.readFileSync(file, "utf8").trim(), 10);
  return Number.isNaN(code) ? undefined : code;
}

function main() {
  const [outDir, checksPassed, checksFailed, ...failedChecks] = process.argv.slice(2);
  let passed = Number(checksPassed);
  let failed = Number(checksFailed);
  for (const name of failedChecks) console.log(`FAILED check: ${name}`);
  for (const [name, run] of RUNS) {
    const reportFile = path.join(outDir, `${run}.json`);
    let report;
    if (fs.existsSync(reportFile)) {
      try {
        report = JSON.parse(fs.readFileSync(reportFile, "utf8"));
      } catch {
        report = undefined;
      }
    }
    const result = summarizeRun(name, report, readExit(path.join(outDir, `${run}.exit`)));
    for (const line of result.lines) console.log(line);
    passed += result.passed;
    failed += result.failed;
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
