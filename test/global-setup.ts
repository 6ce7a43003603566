import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openPglite } from "../src/db/connection.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import { testDatabaseUrl, withDatabase } from "./support/engine.ts";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteSnapshot: string;
    pgTemplate: string;
  }
}

/**
 * Migrates one database for the whole run: a PGlite snapshot that every test file loads, or on PostgreSQL a
 * template database that every test file clones. Each test file then owns a fresh, migrated database.
 */
export default async function setup(project: TestProject) {
  const url = testDatabaseUrl();
  if (url) {
    const template = `motcua_tpl_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: withDatabase(url, "postgres") });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${template}`);
    const { openPostgres } = await import("../src/db/connection.ts");
    const handle = await openPostgres(withDatabase(url, template), 1);
    await migrateToLatest(handle.db);
    await handle.close();
    project.provide("pgTemplate", template);
    project.provide("pgliteSnapshot", "");
    return async () => {
      const dbs = await admin.query<{ datname: string }>(
        "SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2",
        [`motcua_t_${process.pid}_%`, template],
      );
      for (const { datname } of dbs.rows)
        await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
      await admin.end();
    };
  }
  const handle = await openPglite(undefined);
  await migrateToLatest(handle.db);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "motcua-test-"));
  const file = path.join(dir, "migrated.tar");
  const snapshot = await handle.pglite?.dumpDataDir("none");
  if (!snapshot) throw new Error("PGlite snapshot failed");
  fs.writeFileSync(file, Buffer.from(await snapshot.arrayBuffer()));
  await handle.close();
  project.provide("pgliteSnapshot", file);
  project.provide("pgTemplate", "");
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
