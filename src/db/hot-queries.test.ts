/**
 * The hot paths use indexes: over a generated dataset large enough that PostgreSQL's planner prefers an index to
 * reading a table (50,000 dossiers across the demo units), the queries the real functions send (inbox boxes, a
 * dossier by code for staff and for the public lookup, the tracking book, the report) are captured as compiled
 * (SQL and parameters), explained, and the test fails when a plan reads a big table sequentially.
 *
 * PostgreSQL only: a plan is the server's choice, and the embedded engine is for single-office installations
 * whose tables never reach the sizes where the choice matters.
 */
import { type CompiledQuery, Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl, withDatabase } from "../../test/support/engine.ts";
import { createTestDb } from "../../test/support/test-db.ts";
import { rangePeriod } from "../domain/reports/periods.ts";
import type { StaffPrincipal } from "../modules/auth/principal.ts";
import { inbox, searchDossiers } from "../modules/dossiers/inbox.ts";
import { lookupDossier } from "../modules/dossiers/lookup.ts";
import { trackingBook } from "../modules/dossiers/registers.ts";
import { dossierReport } from "../modules/reports/dossier-report.ts";
import { seedDemoIfEmpty } from "../seed/demo.ts";
import { staffPrincipal } from "../seed/demo-dossiers.ts";
import type { DbHandle } from "./connection.ts";
import type { Database } from "./database.ts";

const url = testDatabaseUrl();
const NOW = new Date("2026-11-30T02:00:00Z");
const DOSSIERS = 50_000;
/** A table at least this large (after ANALYZE) must never be read whole by a hot query. */
const BIG = 10_000;
const QUANG_THUAN = "000.17.31.H06";

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  Plans?: PlanNode[];
}

function seqScans(node: PlanNode, big: Set<string>): string[] {
  const here =
    node["Node Type"] === "Seq Scan" && node["Relation Name"] && big.has(node["Relation Name"])
      ? [node["Relation Name"]]
      : [];
  return [...here, ...(node.Plans ?? []).flatMap((child) => seqScans(child, big))];
}

/**
 * Copies every demo dossier and its steps until there are DOSSIERS, spread over the units (all but agencies) and
 * back in time (one hour per copy).
 */
async function generate(db: Kysely<Database>): Promise<void> {
  const columns = async (table: string) =>
    (
      await sql<{ name: string }>`
        SELECT column_name AS name FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name = ${table} AND is_generated = 'NEVER'
        ORDER BY ordinal_position`.execute(db)
    ).rows.map((r) => r.name);
  const demo = Number(
    (await sql<{ n: number }>`SELECT count(*)::int AS n FROM dossiers`.execute(db)).rows[0]?.n ?? 0,
  );
  expect(demo).toBeGreaterThan(0);
  const copies = Math.ceil(DOSSIERS / demo);
  await sql`
    CREATE TABLE hot_copies AS
    SELECT d.id AS old_id, gen_random_uuid() AS new_id, g AS n,
      (SELECT array_agg(id ORDER BY code) FROM units WHERE kind <> 'agency') AS units
    FROM dossiers d, generate_series(1, ${copies}) g
  `.execute(db);
  const unitOf = sql`c.units[1 + (c.n % array_length(c.units, 1))]`;
  const override: Record<string, ReturnType<typeof sql>> = {
    id: sql`c.new_id`,
    code: sql`d.code || '-' || c.n`,
    // (agency, date, seq) is unique: each copy its own agency.
    code_agency: sql`d.code_agency || '.' || c.n`,
    received_unit_id: unitOf,
    current_unit_id: unitOf,
    received_at: sql`d.received_at - make_interval(hours => c.n)`,
    created_at: sql`d.created_at - make_interval(hours => c.n)`,
  };
  const dossierColumns = await columns("dossiers");
  await sql`
    INSERT INTO dossiers (${sql.join(dossierColumns.map((c) => sql.ref(c)))})
    SELECT ${sql.join(dossierColumns.map((c) => override[c] ?? sql.ref(`d.${c}`)))}
    FROM hot_copies c JOIN dossiers d ON d.id = c.old_id
  `.execute(db);
  const taskOverride: Record<string, ReturnType<typeof sql>> = {
    id: sql`gen_random_uuid()`,
    dossier_id: sql`c.new_id`,
    unit_id: unitOf,
    // A unit's tables are mostly history: a step is open in one copy in ten, so an officer has a working list
    // (dozens of open steps), not a thousand.
    finished_at: sql`CASE WHEN c.n % 10 = 0 THEN t.finished_at ELSE coalesce(t.finished_at, t.started_at) END`,
  };
  const taskColumns = await columns("dossier_tasks");
  await sql`
    INSERT INTO dossier_tasks (${sql.join(taskColumns.map((c) => sql.ref(c)))})
    SELECT ${sql.join(taskColumns.map((c) => taskOverride[c] ?? sql.ref(`t.${c}`)))}
    FROM hot_copies c JOIN dossier_tasks t ON t.dossier_id = c.old_id
  `.execute(db);
  await sql`DROP TABLE hot_copies`.execute(db);
  await sql`ANALYZE`.execute(db);
}

describe.skipIf(!url)("hot queries use indexes (PostgreSQL)", () => {
  let handle: DbHandle;
  let pool: pg.Pool;
  let captured: CompiledQuery[] = [];
  let capturing: Kysely<Database>;
  let big: Set<string>;

  beforeAll(async () => {
    handle = await createTestDb();
    await seedDemoIfEmpty(handle.db, NOW);
    await generate(handle.db);
    const name = (await sql<{ name: string }>`SELECT current_database() AS name`.execute(handle.db)).rows[0]
      ?.name as string;
    pool = new pg.Pool({ connectionString: withDatabase(url as string, name), max: 2 });
    capturing = new Kysely<Database>({
      dialect: new PostgresDialect({ pool }),
      log: (event) => {
        if (event.level === "query") captured.push(event.query);
      },
    });
    big = new Set(
      (
        await sql<{ name: string }>`
          SELECT relname AS name FROM pg_class
          WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace AND reltuples >= ${BIG}`.execute(
          handle.db,
        )
      ).rows.map((r) => r.name),
    );
  }, 300_000);
  afterAll(async () => {
    await capturing?.destroy();
    await handle?.close();
  });

  /** Runs a hot path on the capturing handle and returns the big tables its plans read whole, by query. */
  async function scansOf(run: (db: Kysely<Database>) => Promise<unknown>): Promise<string[]> {
    captured = [];
    await run(capturing).catch(() => undefined);
    expect(captured.length).toBeGreaterThan(0);
    const found: string[] = [];
    for (const query of captured) {
      const { rows } = await pool.query(`EXPLAIN (FORMAT JSON) ${query.sql}`, [...query.parameters]);
      const plan = (rows[0]["QUERY PLAN"] as { Plan: PlanNode }[])[0]?.Plan as PlanNode;
      for (const table of seqScans(plan, big))
        found.push(`${table}: ${query.sql.replace(/\s+/g, " ").slice(0, 400)}`);
    }
    return found;
  }

  async function staffOf(role: string, unitCode: string | null = QUANG_THUAN): Promise<StaffPrincipal> {
    const row = await handle.db
      .selectFrom("staff")
      .innerJoin("units", "units.id", "staff.unit_id")
      .select("staff.username")
      .$if(unitCode !== null, (q) => q.where("units.code", "=", unitCode as string))
      .where(sql<boolean>`${role} = ANY (staff.roles)`)
      .orderBy("staff.username")
      .executeTakeFirstOrThrow();
    return staffPrincipal(handle.db, row.username);
  }

  it("generated a dataset where dossiers and their steps are big tables", () => {
    expect(big.has("dossiers")).toBe(true);
    expect(big.has("dossier_tasks")).toBe(true);
  });

  it("inbox: every box of a reception officer and of a specialist, and the overdue filter", async () => {
    const found: string[] = [];
    for (const role of ["reception", "specialist"]) {
      const principal = await staffOf(role);
      for (const box of [
        "todo",
        "mine",
        "role",
        "unit",
        "desk",
        "transferred_in",
        "transferred_out",
      ] as const) {
        for (const scan of await scansOf((db) => inbox(db, principal, { box }, NOW)))
          found.push(`${role} ${box} ${scan}`);
      }
      for (const scan of await scansOf((db) => inbox(db, principal, { box: "todo", overdue: "true" }, NOW)))
        found.push(`${role} overdue ${scan}`);
    }
    expect(found).toEqual([]);
  });

  it("a dossier by code, phone or name in the staff search, and by code in the public lookup", async () => {
    const principal = await staffOf("reception");
    const row = await handle.db
      .selectFrom("dossiers")
      .select("code")
      .where("code", "is not", null)
      .where("received_unit_id", "=", principal.unitId)
      .orderBy("code")
      .executeTakeFirstOrThrow();
    const code = row.code as string;
    const found: string[] = [];
    // An officer of the commune, and a supervisor who reads every unit below the province: for the latter only
    // the identifier narrows, so each thing the search box takes (code, phone, name) needs its index.
    for (const who of [principal, await staffOf("supervisor", null)]) {
      for (const q of [code, "0912 345 678", "Nguyễn Văn"]) {
        for (const scan of await scansOf((db) => searchDossiers(db, who, { q }, NOW)))
          found.push(`${who.username} ${q}: ${scan}`);
      }
    }
    const lookup = (db: Kysely<Database>) =>
      lookupDossier(db, { code, secret: "not-the-secret" }, "203.0.113.9", NOW);
    for (const scan of await scansOf(lookup)) found.push(`lookup ${scan}`);
    expect(found).toEqual([]);
  });

  it("the tracking book of a unit for a month", async () => {
    const principal = await staffOf("reception");
    expect(
      await scansOf((db) =>
        trackingBook(db, principal, { unit: QUANG_THUAN, from: "2026-11-01", to: "2026-11-30" }, NOW),
      ),
    ).toEqual([]);
  });

  it("the report of a unit for a month, alone and with its subtree", async () => {
    const unit = await handle.db
      .selectFrom("units")
      .selectAll()
      .where("code", "=", QUANG_THUAN)
      .executeTakeFirstOrThrow();
    const period = rangePeriod("2026-11-01", "2026-11-30");
    if (!period) throw new Error("period");
    for (const rollup of [false, true]) {
      expect(await scansOf((db) => dossierReport(db, unit, period, rollup, NOW)), `rollup ${rollup}`).toEqual(
        [],
      );
    }
  });
});
