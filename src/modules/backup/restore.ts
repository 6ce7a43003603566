import { createHash } from "node:crypto";
import fs from "node:fs";
import readline from "node:readline";
import { createGunzip } from "node:zlib";
import { sql } from "kysely";
import type { FileStore } from "../../adapters/storage/file-store.ts";
import type { Db } from "../../db/database.ts";
import { migrateToLatest } from "../../db/migrate.ts";
import {
  appliedMigrations,
  type BackupSummary,
  fingerprintsIn,
  tableFingerprints,
  userTables,
} from "./backup.ts";

export { tableFingerprints };

import { type Progress, silentProgress } from "../../cli-progress.ts";
import { BACKUP_FORMAT, type BackupLine, type TableFingerprints } from "./backup-format.ts";

export class BackupError extends Error {}

async function* lines(file: string): AsyncGenerator<{ text: string; line: BackupLine }> {
  const input = fs.createReadStream(file).pipe(createGunzip());
  const reader = readline.createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const text of reader) {
    if (text === "") continue;
    yield { text: `${text}\n`, line: JSON.parse(text) as BackupLine };
  }
}

/** First pass: the checksum and the structure, before anything is written. */
export async function verifyBackup(
  file: string,
): Promise<BackupSummary & { migrations: string[]; fingerprints: TableFingerprints | null }> {
  const hash = createHash("sha256");
  let header: Extract<BackupLine, { kind: "header" }> | undefined;
  let end: Extract<BackupLine, { kind: "end" }> | undefined;
  try {
    for await (const { text, line } of lines(file)) {
      if (end) throw new BackupError("data after the end record");
      if (line.kind === "end") end = line;
      else hash.update(text);
      if (line.kind === "header") header = line;
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`the backup file is unreadable: ${(error as Error).message}`);
  }
  if (!header || header.format !== BACKUP_FORMAT) throw new BackupError("not a motcua backup");
  if (!end) throw new BackupError("the backup is truncated (no end record)");
  const digest = hash.digest("hex");
  if (digest !== end.sha256)
    throw new BackupError(`checksum mismatch: expected ${end.sha256}, got ${digest}`);
  return {
    tables: end.tables,
    files: end.files,
    sha256: end.sha256,
    migrations: header.migrations,
    fingerprints: end.fingerprints ?? null,
  };
}

/**
 * Restores into an empty database: migrates it, loads every row through json_populate_record (exact types on both
 * engines) with triggers off (the audit log is append-only), resets identity sequences, and stores the files.
 * When the target runs the same migrations as the source, every table's row count and content hash must equal the
 * fingerprints taken in the backup's snapshot, or nothing is restored.
 */
export async function restoreBackup(
  db: Db,
  store: FileStore,
  file: string,
  progress: Progress = silentProgress,
): Promise<BackupSummary> {
  progress.phase("Restore: checking the file", null);
  const summary = await verifyBackup(file);
  progress.finish();
  await migrateToLatest(db);
  const known = new Set(await appliedMigrations(db));
  const unknown = summary.migrations.filter((m) => !known.has(m));
  if (unknown.length)
    throw new BackupError(`the backup comes from a newer version (migrations ${unknown.join(", ")})`);
  const tables = new Set(await userTables(db));
  // Content hashes compare only when both sides have the same schema (a newer target may add columns).
  const expected = summary.fingerprints;
  const verifiable =
    expected !== null &&
    known.size === summary.migrations.length &&
    summary.migrations.every((m) => known.has(m));
  const nonEmpty = await db.selectFrom("units").select("id").limit(1).executeTakeFirst();
  if (nonEmpty) throw new BackupError("the target database is not empty");

  await db.transaction().execute(async (tx) => {
    await sql`SET LOCAL session_replication_role = replica`.execute(tx);
    // Reference data that migrations insert (e.g. official holiday decisions) is replaced by the backup's copy.
    await sql`TRUNCATE ${sql.raw([...tables].map((t) => `"${t}"`).join(", "))} RESTART IDENTITY CASCADE`.execute(
      tx,
    );
    // Generated columns are recomputed by the database, not restored.
    const storedColumns = await sql<{ table_name: string; column_name: string }>`
      SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND is_generated = 'NEVER' ORDER BY table_name, ordinal_position
    `.execute(tx);
    const columnsOf = new Map<string, string[]>();
    for (const c of storedColumns.rows)
      columnsOf.set(c.table_name, [...(columnsOf.get(c.table_name) ?? []), c.column_name]);
    let table: string | undefined;
    let batch: string[] = [];
    const flush = async () => {
      if (!table || batch.length === 0) return;
      const columns = sql.join((columnsOf.get(table) ?? []).map((c) => sql.ref(c)));
      await sql`
        INSERT INTO ${sql.raw(`"${table}"`)} (${columns}) OVERRIDING SYSTEM VALUE
        SELECT ${columns} FROM json_populate_recordset(NULL::${sql.raw(`"${table}"`)}, ${`[${batch.join(",")}]`}::json)
      `.execute(tx);
      batch = [];
    };
    const rowCount = Object.values(summary.tables).reduce((a, b) => a + b, 0);
    progress.phase("Restore: rows and files", rowCount + summary.files);
    for await (const { line } of lines(file)) {
      if (line.kind === "row" || line.kind === "file") progress.advance();
      if (line.kind === "table") {
        await flush();
        if (!tables.has(line.name)) throw new BackupError(`unknown table ${line.name}`);
        table = line.name;
      } else if (line.kind === "row") {
        batch.push(line.json);
        if (batch.length >= 500) await flush();
      } else if (line.kind === "file") {
        await flush();
        const bytes = Buffer.from(line.data, "base64");
        const stored = await store.put(bytes);
        if (stored.sha256 !== line.sha256) throw new BackupError(`file ${line.sha256} is damaged`);
      }
    }
    await flush();
    progress.finish();
    const identities = await sql<{ table_name: string; column_name: string }>`
      SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND is_identity = 'YES'
    `.execute(tx);
    for (const { table_name, column_name } of identities.rows) {
      await sql`
        SELECT setval(pg_get_serial_sequence(${`"${table_name}"`}, ${column_name}),
                      COALESCE((SELECT max(${sql.ref(column_name)}) FROM ${sql.raw(`"${table_name}"`)}), 0) + 1, false)
      `.execute(tx);
    }
    if (verifiable) {
      const restored = await fingerprintsIn(tx);
      const differing = Object.keys(expected ?? {}).filter(
        (name) =>
          restored[name]?.rows !== expected?.[name]?.rows || restored[name]?.md5 !== expected?.[name]?.md5,
      );
      if (differing.length)
        throw new BackupError(`the restored data differs from the backup in ${differing.join(", ")}`);
    }
  });
  return { tables: summary.tables, files: summary.files, sha256: summary.sha256, verified: verifiable };
}
