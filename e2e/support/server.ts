import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { withDatabase } from "../../test/support/engine.ts";
import { freePort, waitForHealth } from "../../test/support/http.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface ProductServer {
  url: string;
  port: number;
  /** Everything the server printed, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

/** On PostgreSQL (DATABASE_URL set) every run gets a database of its own, dropped at the end. */
async function freshDatabase(baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `motcua_e2e_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: withDatabase(baseUrl, "postgres") });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(baseUrl, name),
    drop: async () => {
      const client = new pg.Client({ connectionString: withDatabase(baseUrl, "postgres") });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

/**
 * Starts the product as a user would (`motcua serve --demo`) on a free port, a fresh data directory and, when
 * DATABASE_URL is set, a fresh PostgreSQL database; resolves once GET /health answers ok.
 */
export async function startServer(env: Record<string, string> = {}): Promise<ProductServer> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "motcua-e2e-"));
  const database = process.env.DATABASE_URL ? await freshDatabase(process.env.DATABASE_URL) : null;
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
    ...env,
  };
  if (database) childEnv.DATABASE_URL = database.url;
  else delete childEnv.DATABASE_URL;

  const child = spawn(process.execPath, [path.join(ROOT, "bin/motcua.js"), "serve", "--demo"], {
    cwd: ROOT,
    env: childEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  const append = (chunk: Buffer) => {
    log = (log + chunk.toString("utf8")).slice(-20_000);
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  const output = () => log;
  const url = `http://127.0.0.1:${port}`;

  async function stop() {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited(child);
      clearTimeout(timer);
    }
    await database?.drop().catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  try {
    // Start-up migrates and seeds the demo data: about a minute on a busy machine.
    await waitForHealth(url, { timeoutMs: 240_000, exited: exited(child), output });
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port, output, stop };
}
