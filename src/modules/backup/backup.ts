import { createHash } from "node:crypto";
import { once } from "node:events";
import type { Writable } from "node:stream";
import { createGzip } from "node:zlib";
import { sql } from "kysely";
import type { FileStore } from "../../adapters/storage/file-store.ts";
import { type Progress, silentProgress } from "../../cli-progress.ts";
import type { Db, Executor, Tx } from "../../db/database.ts";
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupLine,
  SKIPPED_TABLES,
  type TableFingerprints,
} from "./backup-format.ts";

export async function userTables(db: Executor): Promise<string[]> {
  const rows = await sql<{ name: string }>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name
  `.execute(db);
  return rows.rows.map((r) => r.name).filter((n) => !SKIPPED_TABLES.has(n));
}

export async function appliedMigrations(db: Executor): Promise<string[]> {
  const rows = await sql<{ name: string }>`SELECT name FROM schema_migrations ORDER BY name`.execute(db);
  return rows.rows.map((r) => r.name);
}

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected table name ${name}`);
  return `"${name}"`;
}

export interface BackupSummary {
  tables: Record<string, number>;
  files: number;
  sha256: string;
  /** Restore only: whether the restored tables were compared with the backup's fingerprints and matched. */
  verified?: boolean;
}

/** Row count and content hash of every table, read in one transaction. */
export function tableFingerprints(db: Db): Promise<TableFingerprints> {
  return db.transaction().execute((tx) => fingerprintsIn(tx));
}

/**
 * Row count and content hash of every table, inside the caller's transaction. Rendered in UTC (row_to_json writes
 * timestamps in the session's time zone), so that two servers agree whatever their settings.
 */
export async function fingerprintsIn(tx: Tx): Promise<TableFingerprints> {
  await sql`SET LOCAL TimeZone = 'UTC'`.execute(tx);
  const out: TableFingerprints = {};
  for (const table of await userTables(tx)) {
    const r = await sql<{ rows: number; md5: string | null }>`
      SELECT count(*)::int AS rows,
             md5(coalesce(string_agg(row_to_json(t)::text, E'\n' ORDER BY row_to_json(t)::text), '')) AS md5
      FROM ${sql.raw(quoteIdent(table))} t
    `.execute(tx);
    out[table] = { rows: Number(r.rows[0]?.rows ?? 0), md5: r.rows[0]?.md5 ?? "" };
  }
  return out;
}

/**
 * Writes a consistent backup to `out` while the server keeps running: every table is read inside one
 * REPEATABLE READ transaction (a single snapshot on PostgreSQL; PGlite runs one transaction at a time).
 */
export async function writeBackup(
  db: Db,
  store: FileStore,
  engine: string,
  out: Writable,
  progress: Progress = silentProgress,
): Promise<BackupSummary> {
  const gzip = createGzip();
  gzip.pipe(out);
  const hash = createHash("sha256");
  const write = async (line: BackupLine) => {
    const text = `${JSON.stringify(line)}\n`;
    if (line.kind !== "end") hash.update(text);
    if (!gzip.write(text)) await once(gzip, "drain");
  };
  const tables: Record<string, number> = {};
  const fileHashes = new Set<string>();
  let fingerprints: TableFingerprints = {};
  await db
    .transaction()
    .setIsolationLevel("repeatable read")
    .execute(async (tx) => {
      await write({
        kind: "header",
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        createdAt: new Date().toISOString(),
        engine,
        migrations: await appliedMigrations(tx),
      });
      const names = await userTables(tx);
      progress.phase("Backup: tables", names.length);
      for (const table of names) {
        const rows = await sql<{ json: string }>`
          SELECT row_to_json(t)::text AS json FROM ${sql.raw(quoteIdent(table))} t
        `.execute(tx);
        tables[table] = rows.rows.length;
        await write({ kind: "table", name: table, rows: rows.rows.length });
        for (const row of rows.rows) await write({ kind: "row", json: row.json });
        progress.advance();
      }
      const referenced = await tx.selectFrom("files").select("sha256").distinct().execute();
      for (const r of referenced) fileHashes.add(r.sha256);
      fingerprints = await fingerprintsIn(tx);
    });
  progress.phase("Backup: files", fileHashes.size);
  for (const sha256 of [...fileHashes].sort()) {
    const data = await store.get(sha256);
    await write({ kind: "file", sha256, data: Buffer.from(data).toString("base64") });
    progress.advance();
  }
  progress.finish();
  const digest = hash.digest("hex");
  await write({ kind: "end", sha256: digest, tables, files: fileHashes.size, fingerprints });
  gzip.end();
  await once(out, "finish");
  return { tables, files: fileHashes.size, sha256: digest };
}
