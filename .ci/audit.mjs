// `npm audit --omit=dev`: fails on a high or critical advisory for a production dependency. Where the advisories
// service does not answer (a network that blocks it, an error status), npm prints no report: this says so in one
// line and passes, and the release procedure's audit (SECURITY.md) stands in. Extra arguments go to npm audit.
import { spawnSync } from "node:child_process";

const run = spawnSync("npm", ["audit", "--omit=dev", "--json", ...process.argv.slice(2)], {
  encoding: "utf8",
  timeout: 120_000,
});
let report = null;
try {
  report = JSON.parse(run.stdout);
} catch {
  // No JSON at all: npm did not get as far as a report.
}
const counts = report?.metadata?.vulnerabilities;
if (!counts) {
  const reason =
    report?.message ??
    report?.error?.summary ??
    (run.error?.message || run.stderr?.trim().split("\n").at(-1) || `npm exit status ${run.status}`);
  console.log(`advisories service unreachable, audit skipped (${reason})`);
  process.exit(0);
}
for (const [name, finding] of Object.entries(report.vulnerabilities ?? {})) {
  if (finding.severity !== "high" && finding.severity !== "critical") continue;
  const titles = finding.via.filter((v) => typeof v === "object").map((v) => `${v.title} ${v.url}`);
  console.log(
    `${finding.severity}: ${name} ${finding.range} ${titles.join("; ") || `(via ${finding.via.join(", ")})`}`,
  );
}
const serious = (counts.high ?? 0) + (counts.critical ?? 0);
console.log(
  `npm audit --omit=dev: ${counts.critical ?? 0} critical, ${counts.high ?? 0} high, ${counts.moderate ?? 0} moderate, ${counts.low ?? 0} low`,
);
process.exit(serious > 0 ? 1 : 0);
