// Adds up the Vitest JSON reports of a CI run and the static checks; prints "N passed, M failed".
import fs from "node:fs";
import path from "node:path";

const [outDir, checksPassed, checksFailed, ...failedChecks] = process.argv.slice(2);
const suites = [
  ["PGlite", "pglite.json"],
  ["PostgreSQL", "postgres.json"],
  ["Chromium", "e2e.json"],
];
let passed = Number(checksPassed);
let failed = Number(checksFailed);
for (const name of failedChecks) console.log(`FAILED check: ${name}`);
for (const [name, file] of suites) {
  const full = path.join(outDir, file);
  if (!fs.existsSync(full)) {
    console.log(`${name}: no report (the run did not complete)`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(fs.readFileSync(full, "utf8"));
  const suiteFailures = report.testResults.filter(
    (r) => r.status === "failed" && r.assertionResults.length === 0,
  );
  console.log(
    `${name}: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests} skipped` +
      (suiteFailures.length ? `, ${suiteFailures.length} test files failed to run` : ""),
  );
  for (const r of report.testResults) {
    for (const a of r.assertionResults) if (a.status === "failed") console.log(`  FAILED ${a.fullName}`);
    if (r.status === "failed" && r.assertionResults.length === 0)
      console.log(`  FAILED to run ${r.name}: ${r.message}`);
  }
  passed += report.numPassedTests;
  failed += report.numFailedTests + suiteFailures.length;
  if (report.numTotalTests === 0) failed += 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
