/**
 * `npm run test:crash`: the crash suite on PGlite and on PostgreSQL, CRASH_KILLS kills each (20 by default).
 * CRASH_ENGINES=pglite,postgres chooses the engines; the PostgreSQL run creates (and drops) a fresh database on
 * the server of CRASH_DATABASE_URL or DATABASE_URL.
 */
import { runCrashSuite } from "./crash-suite.ts";

const kills = Number.parseInt(process.env.CRASH_KILLS ?? "20", 10);
const engines = (process.env.CRASH_ENGINES ?? "pglite,postgres").split(",").map((e) => e.trim());
const postgresUrl =
  process.env.CRASH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

let failed = false;
const rows: string[] = [];
const deliveryRows: string[] = [];
for (const engine of engines) {
  if (engine !== "pglite" && engine !== "postgres") throw new Error(`unknown engine ${engine}`);
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
process.exit(failed ? 1 : 0);
