import { randomBytes } from "node:crypto";
import fs from "node:fs";
import pg from "pg";
import { inject } from "vitest";
import { type DbHandle, openPglite, openPostgres } from "../../src/db/connection.ts";
import { testDatabaseUrl, withDatabase } from "./engine.ts";

/** A fresh, migrated database for one test file, on the engine the run uses. */
export async function createTestDb(): Promise<DbHandle> {
  const url = testDatabaseUrl();
  if (url) {
    const name = `motcua_t_${process.ppid}_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: withDatabase(url, "postgres") });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject("pgTemplate")}`);
    } finally {
      await admin.end();
    }
    const handle = await openPostgres(withDatabase(url, name), 12);
    return {
      ...handle,
      close: async () => {
        // The pool's connections are closed when close() resolves; without FORCE, a connection something else
        // still holds (a leaked pool) fails the drop and the test file, rather than being killed mid-query.
        await handle.close();
        const drop = new pg.Client({ connectionString: withDatabase(url, "postgres") });
        await drop.connect();
        try {
          await drop.query(`DROP DATABASE IF EXISTS ${name}`);
        } finally {
          await drop.end();
        }
      },
    };
  }
  const snapshot = fs.readFileSync(inject("pgliteSnapshot"));
  return openPglite(undefined, { loadDataDir: new Blob([snapshot]) });
}
