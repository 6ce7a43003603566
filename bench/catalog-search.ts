/**
 * Catalog search over 5,000 generated procedures beside the 48 real ones: p50/p99 latency of the search queries
 * the public catalog sends (diacritic-free words, a typo, a filter, a unit's offering), against a plain indexed
 * lookup of one procedure by its code, measured in the same run on the same database. Search answers from the
 * process's in-memory index (src/modules/catalog/search-index.ts), including its once-a-second version read; the
 * goal (issue #22) is search p99 at most 2x the lookup's (ratioP99). PGlite always; PostgreSQL too when
 * DATABASE_URL is set (a fresh database, dropped at the end). Prints JSON.
 *
 *   npx tsx bench/catalog-search.ts [rounds] [generated procedures]
 */
import os from "node:os";
import { sql } from "kysely";
import pg from "pg";
import { type DbHandle, openPglite, openPostgres } from "../src/db/connection.ts";
import type { Db } from "../src/db/database.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import type { FieldCode } from "../src/domain/catalog/fields.ts";
import { generateSyntheticProcedures } from "../src/domain/catalog/synthetic.ts";
import { searchProcedures } from "../src/modules/catalog/search-index.ts";
import { writeNewProcedures } from "../src/modules/catalog/service.ts";
import { seedDemoIfEmpty } from "../src/seed/demo.ts";

const rounds = Number(process.argv[2] ?? 40);
const SYNTHETIC = Number(process.argv[3] ?? 5_000);
const DAY = "2026-11-24";
const NOW = new Date("2026-11-24T02:00:00Z");
const QUANG_THUAN = "000.17.31.H06";

interface Case {
  label: string;
  q?: string;
  field?: FieldCode;
  unit?: boolean;
}

const CASES: Case[] = [
  { label: "chung thuc ban sao", q: "chung thuc ban sao" },
  { label: "typo: chung thuc ban sau", q: "chung thuc ban sau" },
  { label: "đăng ký khai sinh", q: "đăng ký khai sinh" },
  { label: "cap giay chung nhan", q: "cap giay chung nhan" },
  { label: "ho tro (short, common)", q: "ho tro" },
  { label: "nha van hoa thon", q: "nha van hoa thon" },
  { label: "code 2.000815", q: "2.000815" },
  { label: "khai sinh + field ho-tich", q: "khai sinh", field: "ho-tich" },
  { label: "chung thuc at a commune", q: "chung thuc", unit: true },
  { label: "browse a field (no words)", field: "chung-thuc" },
];

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return {
    n: sorted.length,
    p50Ms: round(percentile(sorted, 50)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(sorted[sorted.length - 1] ?? Number.NaN),
  };
}

async function load(db: Db): Promise<{ codes: string[]; unitId: string }> {
  await migrateToLatest(db);
  await seedDemoIfEmpty(db, NOW);
  const synthetic = generateSyntheticProcedures(SYNTHETIC);
  await db.transaction().execute((tx) =>
    writeNewProcedures(tx, synthetic, null, {
      principal: { kind: "anonymous" },
      now: NOW,
      source: "benchmark",
      actor: { kind: "system", id: null },
    }),
  );
  await sql`ANALYZE`.execute(db);
  const codes = (
    await db.selectFrom("procedures").select("code").where("code", "is not", null).execute()
  ).map((r) => r.code as string);
  const unit = await db
    .selectFrom("units")
    .select("id")
    .where("code", "=", QUANG_THUAN)
    .executeTakeFirstOrThrow();
  return { codes, unitId: unit.id };
}

async function measure(engine: string, handle: DbHandle) {
  const db = handle.db;
  const started = performance.now();
  const { codes, unitId } = await load(db);
  const loadMs = Math.round(performance.now() - started);
  const total = await db
    .selectFrom("procedures")
    .select(db.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();

  const search = (c: Case) =>
    searchProcedures(
      db,
      {
        ...(c.q ? { q: c.q } : {}),
        ...(c.field ? { field: c.field } : {}),
        limit: 20,
        offset: 0,
      },
      DAY,
      c.unit ? unitId : null,
    );
  let next = 0;
  const lookup = () => {
    next = (next * 1103515245 + 12345) % 2147483648;
    const code = codes[next % codes.length] as string;
    return db.selectFrom("procedures").selectAll().where("code", "=", code).executeTakeFirst();
  };

  // Warm-up: plans, caches, JIT.
  for (let i = 0; i < 3; i++) {
    for (const c of CASES) await search(c);
    for (let k = 0; k < 20; k++) await lookup();
  }
  const perCase = new Map<string, number[]>(CASES.map((c) => [c.label, []]));
  const allSearch: number[] = [];
  const lookups: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const c of CASES) {
      // Interleave: one search, then a few lookups, so both see the same machine state.
      let t = performance.now();
      await search(c);
      const ms = performance.now() - t;
      perCase.get(c.label)?.push(ms);
      allSearch.push(ms);
      for (let k = 0; k < 3; k++) {
        t = performance.now();
        await lookup();
        lookups.push(performance.now() - t);
      }
    }
  }
  const top = async (q: string) =>
    (await searchProcedures(db, { q, limit: 3, offset: 0 }, DAY, null)).items.map((i) => i.name);
  const searchStats = stats(allSearch);
  const lookupStats = stats(lookups);
  return {
    engine,
    procedures: total.n,
    loadMs,
    search: searchStats,
    lookupByCode: lookupStats,
    ratioP50: Math.round((searchStats.p50Ms / lookupStats.p50Ms) * 10) / 10,
    ratioP99: Math.round((searchStats.p99Ms / lookupStats.p99Ms) * 10) / 10,
    perQuery: Object.fromEntries([...perCase].map(([label, samples]) => [label, stats(samples)])),
    sanity: {
      "chung thuc ban sao": (await top("chung thuc ban sao"))[0],
      "chung thuc ban sau": (await top("chung thuc ban sau"))[0],
    },
  };
}

async function main() {
  const results = [];
  const lite = await openPglite(undefined);
  try {
    results.push(await measure("pglite", lite));
  } finally {
    await lite.close();
  }
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `motcua_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    const handle = await openPostgres(target.toString(), 4);
    try {
      results.push(await measure("postgres", handle));
    } finally {
      await handle.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }
  console.log(
    JSON.stringify(
      {
        machine: {
          cpus: os.cpus().length,
          loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10),
          node: process.version,
        },
        rounds,
        results,
      },
      null,
      2,
    ),
  );
}

await main();
