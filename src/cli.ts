import cluster from "node:cluster";
import { parseArgs } from "node:util";
import { cliProgress } from "./cli-progress.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { openDatabase } from "./db/connection.ts";
import { DataDirBusyError } from "./db/data-dir-lock.ts";
import { migrateToLatest } from "./db/migrate.ts";
import { verifyAuditLog } from "./modules/audit/audit-log.ts";
import { seedDemoIfEmpty } from "./seed/demo.ts";
import { startServer } from "./server.ts";

const USAGE = `motcua — một cửa

Usage:
  motcua serve [--demo] [--workers N]
                                 start the server (PORT, DATA_DIR, DATABASE_URL …); --demo seeds demo data unless DEMO=0;
                                 --workers N (or WORKERS): N processes sharing the port, 1 to 64, PostgreSQL only
  motcua migrate                 apply pending database migrations
  motcua seed                    seed demo data into an empty database
  motcua audit-verify            check the audit chain; exit 1 and name the first broken entry
  motcua backup --out FILE       one file with the database and stored files, checksummed (server may be running)
  motcua restore --in FILE       into a new data directory (DATA_DIR) or an empty PostgreSQL (DATABASE_URL)
  motcua sign --in A.pdf --out B.pdf --p12 C.p12 --password P
  motcua verify B.pdf [--trust root.pem]
  motcua pki init --out DIR      make a test PKI (demo and tests only)
`;

type Command = (argv: string[]) => Promise<number>;

const commands: Record<string, Command> = {
  async serve(argv) {
    const { values } = parseArgs({
      args: argv,
      options: { demo: { type: "boolean", default: false }, workers: { type: "string" } },
    });
    const config = loadConfig(process.env, {
      demo: values.demo,
      ...(values.workers === undefined ? {} : { workers: values.workers }),
    });
    if (config.workers > 1 || cluster.isWorker) {
      const { serveCluster } = await import("./cluster.ts");
      process.exit(await serveCluster(config));
    }
    const server = await startServer(config);
    const shutdown = async (signal: string) => {
      server.app.log.info({ signal }, "shutting down");
      await server.stop();
      process.exit(0);
    };
    process.once("SIGINT", () => void shutdown("SIGINT"));
    process.once("SIGTERM", () => void shutdown("SIGTERM"));
    return new Promise<number>(() => {});
  },

  async migrate() {
    const config = loadConfig(process.env, { demo: true });
    const handle = await openDatabase(config);
    try {
      const applied = await migrateToLatest(handle.db);
      console.log(applied.length ? `Applied: ${applied.join(", ")}` : "The database is up to date.");
      return 0;
    } finally {
      await handle.close();
    }
  },

  async seed() {
    const config = loadConfig(process.env, { demo: true });
    const handle = await openDatabase(config);
    try {
      await migrateToLatest(handle.db);
      const seeded = await seedDemoIfEmpty(handle.db, new Date(), {
        signingKeySecret: config.signingKeySecret,
        progress: cliProgress(),
      });
      console.log(seeded ? "Demo data seeded." : "The database already has data; nothing seeded.");
      return 0;
    } finally {
      await handle.close();
    }
  },

  async "audit-verify"() {
    const config = loadConfig(process.env, { demo: true });
    const handle = await openDatabase(config);
    try {
      const result = await verifyAuditLog(handle.db);
      console.log(JSON.stringify(result, null, 2));
      if (!result.ok && result.firstBreak) {
        const b = result.firstBreak;
        console.error(`Audit chain broken at entry id=${b.id} (chain ${b.chain}, seq ${b.seq}): ${b.reason}`);
      }
      return result.ok ? 0 : 1;
    } finally {
      await handle.close();
    }
  },
};

commands.backup = async (argv) => (await import("./modules/backup/cli.ts")).runBackup(argv);
commands.restore = async (argv) => (await import("./modules/backup/cli.ts")).runRestore(argv);

async function loadSigningCli() {
  return import("./modules/signing/cli.ts");
}
commands.sign = async (argv) => (await loadSigningCli()).runSign(argv);
commands.verify = async (argv) => (await loadSigningCli()).runVerify(argv);
commands.pki = async (argv) => (await loadSigningCli()).runPki(argv);

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    console.log(USAGE);
    return name && name !== "help" && name !== "--help" ? 2 : 0;
  }
  try {
    return await command(rest);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DataDirBusyError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}
