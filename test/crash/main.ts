/**
 * `npm run test:crash`: the crash suite on PGlite and on PostgreSQL, CRASH_KILLS kills each (20 by default).
 * CRASH_ENGINES=pglite,postgres chooses the engines; the PostgreSQL run creates (and drops) a fresh database on
 * the server of CRASH_DATABASE_URL or DATABASE_URL. CRASH_SCENARIOS=receptions,background chooses the scenarios:
 * kills under a load of receptions and online submissions (crash-suite.ts), and kills while the background jobs
 * run (background-crash.ts).
 */
import { runBackgroundCrash } from "./background-crash.ts";
import { runCrashSuite } from "./crash-suite.ts";

const kills = Number.parseInt(process.env.CRASH_KILLS ?? "20", 10);
const engines = (process.env.CRASH_ENGINES ?? "pglite,postgres").split(",").map((e) => e.trim());
const postgresUrl =
  process.env.CRASH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

const scenarios = (process.env.CRASH_SCENARIOS ?? "receptions,background").split(",").map((e) => e.trim());

let failed = false;
const rows: string[] = [];
const deliveryRows: string[] = [];
const backgroundRows: string[] = [];
for (const engine of engines) {
  if (engine !== "pglite" && engine !== "postgres") throw new Error(`unknown engine ${engine}`);
  if (scenarios.includes("background")) {
    const b = await runBackgroundCrash({ engine, kills, postgresUrl, log: (l) => console.log(l) });
    for (const p of b.problems) console.error(`PROBLEM ${engine} background: ${p}`);
    failed ||= b.problems.length > 0;
    backgroundRows.push(
      `| ${engine} | ${b.kills} | ${b.jobsCutByKill} | ${b.reportExports} + ${b.handOverPrints} | ${b.catalogImports} | ` +
        `${b.ocrDocuments ?? "not run (no tesseract)"} | ${b.reminders} | ` +
        `${b.payments.paid} / ${b.payments.expired} / ${b.payments.failed} (${b.querydrCalls} querydr) | ` +
        `${b.emailsDelivered} / ${b.smsDelivered} (${b.resentUnderSameKey} re-sent under the same key) | ${b.jobsGivenUp} | ` +
        `${b.problems.length === 0 ? "yes" : `NO (${b.problems.length})`} | ${b.seconds} s |`,
    );
  }
  if (!scenarios.includes("receptions")) continue;
  const summary = await runCrashSuite({ engine, kills, postgresUrl, log: (l) => console.log(l) });
  for (const p of summary.problems) console.error(`PROBLEM ${engine}: ${p}`);
  failed ||= summary.problems.length > 0;
  rows.push(
    `| ${engine} | ${summary.kills} | ${summary.uploadsAnswered} | ${summary.receptionsAnswered} | ${summary.submissionsAnswered} | ` +
      `${summary.requestsFailedByKill} | ${summary.dossiersInDatabase} | ${summary.problems.length === 0 ? "yes" : `NO (${summary.problems.length})`} | ${summary.seconds} s |`,
  );
  deliveryRows.push(
    `| ${engine} | ${summary.kills} | ${summary.emailsDelivered} | ${summary.smsDelivered} | ${summary.deliveriesCutByKill} | ` +
      `${summary.resentUnderSameKey} | ${summary.problems.length === 0 ? "yes" : "NO"} |`,
  );
}
if (rows.length > 0) {
  console.log(
    "\n| engine | kills | uploads answered | receptions answered | online submissions answered | requests cut by a kill | dossiers in the database | all verified | time |",
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const r of rows) console.log(r);
  console.log(
    "\n| engine | kills | e-mails delivered (by Message-ID) | SMS delivered (by requestId) | deliveries cut by a kill | copies re-sent under the same key | each once at the far side |",
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- |");
  for (const r of deliveryRows) console.log(r);
}
if (backgroundRows.length > 0) {
  console.log(
    "\n| engine | kills | jobs a kill left running | report files + hand-over prints | catalog imports | OCR'd scans | reminders | payments paid / expired / failed | e-mails / SMS at the far side | jobs given up after 3 cut attempts | each done once, all verified | time |",
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const r of backgroundRows) console.log(r);
}
process.exit(failed ? 1 : 0);
