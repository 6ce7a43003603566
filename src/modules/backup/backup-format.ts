/**
 * The backup file: gzip-compressed JSON lines.
 *   {"kind":"header","format":"motcua-backup","version":1,"createdAt":…,"engine":…,"migrations":[…]}
 *   {"kind":"table","name":"units","rows":N}      followed by N lines {"kind":"row","json":"<row_to_json text>"}
 *   {"kind":"file","sha256":…,"data":"<base64>"}
 *   {"kind":"end","sha256":"<SHA-256 of every line before this one, newline included>","tables":{…},"files":N,
 *    "fingerprints":{"units":{"rows":N,"md5":"…"},…}}
 * The fingerprints (row count and content hash of each table, taken in the backup's snapshot) let a restore prove
 * that it reproduced the data exactly; backups written before they existed have none.
 * Rows are PostgreSQL's own JSON rendering of each row, so restoring through json_populate_record gives back the
 * same values on either engine.
 */
export const BACKUP_FORMAT = "motcua-backup";
export const BACKUP_VERSION = 1;

export type BackupLine =
  | {
      kind: "header";
      format: typeof BACKUP_FORMAT;
      version: number;
      createdAt: string;
      engine: string;
      migrations: string[];
    }
  | { kind: "table"; name: string; rows: number }
  | { kind: "row"; json: string }
  | { kind: "file"; sha256: string; data: string }
  | {
      kind: "end";
      sha256: string;
      tables: Record<string, number>;
      files: number;
      fingerprints?: TableFingerprints;
    };

/** Row count and content hash of every table: what a restore must reproduce exactly. */
export type TableFingerprints = Record<string, { rows: number; md5: string }>;

/** Tables the backup leaves out: migration bookkeeping is rebuilt by migrating the target. */
export const SKIPPED_TABLES = new Set(["schema_migrations", "schema_migrations_lock"]);
