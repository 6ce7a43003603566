import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { Kysely, PGliteDialect, PostgresDialect } from "kysely";
import pg from "pg";
import { type DataDirLock, lockDataDir } from "./data-dir-lock.ts";
import type { Database } from "./database.ts";

export type Engine = "pglite" | "postgres";

export interface DbHandle {
  db: Kysely<Database>;
  engine: Engine;
  close(): Promise<void>;
  /** The embedded engine itself, for snapshots (dump/load) and backups; undefined on PostgreSQL. */
  pglite?: PGlite;
}

// bigint (int8) and numeric come back as strings from pg; we keep counts as numbers (cast in SQL where needed)
// and parse int8 so both engines agree.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(1082, (v) => v); // date stays "YYYY-MM-DD", as on PGlite

/** How long opening a connection may take when the server does not answer (a restart, a failover). */
const CONNECT_TIMEOUT_MS = 5_000;

class ClientWithConnectTimeout extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super({
      ...(typeof config === "string" ? { connectionString: config } : config),
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    });
  }
}

export interface PostgresOptions {
  /**
   * Told when a pooled connection breaks (the server restarted, an administrator ended the backend): the pool drops
   * that connection and opens a new one on the next request, so this is for the log only.
   */
  onConnectionLost?: (error: Error) => void;
}

export async function openPostgres(
  url: string,
  poolSize = 10,
  options: PostgresOptions = {},
): Promise<DbHandle> {
  // The timeout bounds opening a connection (an unreachable server), not the wait for a free one: the pool's own
  // connectionTimeoutMillis would also end requests queued behind a busy pool, turning load into 503s.
  const pool = new pg.Pool({ connectionString: url, max: poolSize, Client: ClientWithConnectTimeout });
  const tell =
    options.onConnectionLost ??
    ((error: Error) =>
      process.emitWarning(`PostgreSQL closed a connection: ${error.message}`, { code: "MOTCUA_PG_IDLE" }));
  // An idle client's error reaches both listeners below (the pool re-emits it): told once.
  const told = new WeakSet<Error>();
  const lost = (error: Error) => {
    if (told.has(error)) return;
    told.add(error);
    tell(error);
  };
  // Without a listener an idle connection's error (57P01 "terminating connection due to administrator command"
  // during a restart) is an unhandled 'error' event that ends the process. The pool removes an idle client itself.
  pool.on("error", lost);
  // pool.end() resolves when its clients have been asked to end, not when their sockets are closed; close()
  // waits for the sockets too, so a database can be dropped right after without killing a live backend.
  const open = new Set<pg.PoolClient>();
  // A checked-out client that breaks between two queries of a transaction emits 'error' too; its next query fails
  // (the request answers 503) and the pool discards it on release because it is no longer queryable.
  pool.on("connect", (client) => {
    client.on("error", lost);
    open.add(client);
    client.once("end", () => open.delete(client));
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: "postgres",
    close: async () => {
      const closing = [...open].map((client) => new Promise((resolve) => client.once("end", resolve)));
      await db.destroy();
      await Promise.all(closing);
    },
  };
}

/** PGlite in a directory (durable) or in memory (dataDir undefined), with the extensions the schema uses. */
export async function openPglite(
  dataDir: string | undefined,
  options: { loadDataDir?: Blob } = {},
): Promise<DbHandle> {
  let lock: DataDirLock | undefined;
  let pgDir: string | undefined;
  if (dataDir) {
    pgDir = path.join(dataDir, "pg");
    lock = lockDataDir(dataDir, pgDir);
  }
  try {
    const pglite = await PGlite.create({
      ...(pgDir ? { dataDir: pgDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      extensions: { unaccent, pg_trgm },
      parsers: { 20: (v: string) => Number.parseInt(v, 10), 1082: (v: string) => v },
    });
    const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
    return {
      db,
      engine: "pglite",
      pglite,
      close: async () => {
        await db.destroy();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

export function openDatabase(
  opts: { databaseUrl?: string | undefined; dataDir: string } & PostgresOptions,
): Promise<DbHandle> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, 10, opts) : openPglite(opts.dataDir);
}
