/**
 * The PostgreSQL pool's life cycle: a database can be dropped as soon as close() resolves, and a connection the
 * server ends under a live pool is a warning, not a crash. Runs on the PostgreSQL run only (DATABASE_URL).
 */
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testDatabaseUrl, withDatabase } from "../../test/support/engine.ts";
import { openPostgres } from "./connection.ts";

const url = testDatabaseUrl();
const warnings: string[] = [];
const onWarning = (warning: Error & { code?: string }) => {
  if (warning.code === "MOTCUA_PG_IDLE") warnings.push(warning.message);
};

describe.skipIf(!url)("PostgreSQL pool", () => {
  let name: string;
  let admin: pg.Client;
  beforeEach(async () => {
    warnings.length = 0;
    process.on("warning", onWarning);
    name = `motcua_conn_${randomBytes(6).toString("hex")}`;
    admin = new pg.Client({ connectionString: withDatabase(url ?? "", "postgres") });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
  });
  afterEach(async () => {
    process.off("warning", onWarning);
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it("has ended every connection when close() resolves, so dropping the database right after kills none", async () => {
    for (let round = 0; round < 3; round++) {
      const handle = await openPostgres(withDatabase(url ?? "", name), 12);
      await Promise.all(Array.from({ length: 12 }, () => sql`SELECT pg_sleep(0.01)`.execute(handle.db)));
      await handle.close();
      // FORCE would terminate any backend still attached; a terminated client of the pool would report it.
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${name}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(warnings).toEqual([]);
  });

  it("survives the server ending an idle connection: a warning, then the next query reconnects", async () => {
    const handle = await openPostgres(withDatabase(url ?? "", name), 2);
    try {
      await sql`SELECT 1`.execute(handle.db);
      await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [name]);
      await expect.poll(() => warnings.length, { timeout: 5_000 }).toBe(1);
      expect(warnings[0]).toContain("terminating connection due to administrator command");
      const row = await sql<{ one: number }>`SELECT 1 AS one`.execute(handle.db);
      expect(row.rows).toEqual([{ one: 1 }]);
    } finally {
      await handle.close();
    }
  });
});
