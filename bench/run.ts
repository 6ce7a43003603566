/**
 * Runs every benchmark in bench/ in turn (`npm run bench [name]`); each prints its own JSON. What needs a
 * PostgreSQL server runs when DATABASE_URL names one that answers, and is skipped with a line saying so when not;
 * a benchmark that fails is reported and the others still run (exit 1 at the end).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { withDatabase } from "../test/support/engine.ts";

/** What a benchmark needs of PostgreSQL: all of it, or one of its series (then it runs without that series). */
const POSTGRES: Record<string, { needs: "all" } | { needs: "series"; argsWithout: string[] }> = {
  "dossier-reception.ts": { needs: "all" },
  // bench/load.ts [seconds per step] [engines]: the embedded series alone.
  "load.ts": { needs: "series", argsWithout: ["5", "pglite"] },
};

async function postgresAnswers(url: string | undefined): Promise<string | null> {
  if (!url) return "DATABASE_URL is not set";
  const client = new pg.Client({
    connectionString: withDatabase(url, "postgres"),
    connectionTimeoutMillis: 5_000,
  });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (error) {
    return `the server of DATABASE_URL does not answer (${(error as Error).message})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const dir = path.dirname(new URL(import.meta.url).pathname);
const only = process.argv[2];
const noPostgres = await postgresAnswers(process.env.DATABASE_URL);
const failed: string[] = [];
for (const file of fs.readdirSync(dir).sort()) {
  if (!file.endsWith(".ts") || file === "run.ts" || file.includes(".test.")) continue;
  if (only && !file.includes(only)) continue;
  console.log(`\n### ${file}`);
  const needs = POSTGRES[file];
  let args: string[] = [];
  if (needs && noPostgres) {
    if (needs.needs === "all") {
      console.log(`skipped: ${file} needs PostgreSQL and ${noPostgres}`);
      continue;
    }
    console.log(`skipped: the PostgreSQL series of ${file}, as ${noPostgres}; the others run`);
    args = needs.argsWithout;
  }
  const run = spawnSync(process.execPath, ["--import", "tsx", path.join(dir, file), ...args], {
    stdio: "inherit",
  });
  if (run.status !== 0) {
    console.log(`FAILED: ${file} (exit ${run.status ?? run.signal})`);
    failed.push(file);
  }
}
if (failed.length > 0) {
  console.log(`\n${failed.length} benchmark(s) failed: ${failed.join(", ")}`);
  process.exit(1);
}
