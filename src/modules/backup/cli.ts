import fs from "node:fs";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { LocalFileStore } from "../../adapters/storage/local-file-store.ts";
import { cliProgress, type Progress } from "../../cli-progress.ts";
import { loadConfig } from "../../config.ts";
import { openDatabase } from "../../db/connection.ts";
import { DataDirBusyError } from "../../db/data-dir-lock.ts";
import { migrateToLatest } from "../../db/migrate.ts";
import { writeBackup } from "./backup.ts";
import { CONTROL_HEADER, readControlFile } from "./control.ts";
import { BackupError, restoreBackup, verifyBackup } from "./restore.ts";

export async function runBackup(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { out: { type: "string" } } });
  if (!values.out) {
    console.error("Usage: motcua backup --out FILE");
    return 2;
  }
  const config = loadConfig(process.env, { demo: true });
  const tmp = `${values.out}.partial`;
  try {
    const summary = await backupTo(config, tmp, cliProgress());
    fs.renameSync(tmp, values.out);
    console.log(JSON.stringify({ file: values.out, ...summary }, null, 2));
    return 0;
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw error;
  }
}

async function backupTo(config: ReturnType<typeof loadConfig>, file: string, progress: Progress) {
  try {
    const handle = await openDatabase(config);
    try {
      await migrateToLatest(handle.db);
      return await writeBackup(
        handle.db,
        new LocalFileStore(config.filesDir),
        handle.engine,
        fs.createWriteStream(file),
        progress,
      );
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (!(error instanceof DataDirBusyError)) throw error;
    // The server holds the embedded database: ask it for the backup over loopback.
    const control = readControlFile(config.dataDir);
    if (!control || control.pid !== error.pid) throw error;
    const res = await fetch(`http://127.0.0.1:${control.port}/internal/backup`, {
      method: "POST",
      headers: { [CONTROL_HEADER]: control.token },
    });
    if (!res.ok || !res.body) throw new Error(`the running server refused the backup (HTTP ${res.status})`);
    progress.phase("Backup: from the running server", null);
    await pipeline(res.body, fs.createWriteStream(file));
    progress.phase("Backup: checking the file", null);
    const summary = await verifyBackup(file);
    progress.finish();
    return { tables: summary.tables, files: summary.files, sha256: summary.sha256 };
  }
}

export async function runRestore(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { in: { type: "string" } } });
  if (!values.in) {
    console.error("Usage: motcua restore --in FILE");
    return 2;
  }
  const config = loadConfig(process.env, { demo: true });
  const handle = await openDatabase(config);
  try {
    const summary = await restoreBackup(
      handle.db,
      new LocalFileStore(config.filesDir),
      values.in,
      cliProgress(),
    );
    console.log(JSON.stringify({ restored: values.in, ...summary }, null, 2));
    return 0;
  } catch (error) {
    if (error instanceof BackupError) {
      console.error(`Restore refused: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await handle.close();
  }
}
