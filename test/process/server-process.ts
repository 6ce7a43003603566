import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  url: string;
  output(): string;
  exited: Promise<number | null>;
}

/** Starts `motcua serve` as a real process on the embedded database in `dataDir`. */
export function startServerProcess(
  dataDir: string,
  port: number,
  extraEnv: NodeJS.ProcessEnv = {},
): ServerProcess {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, [path.resolve("bin/motcua.js"), "serve", "--demo"], {
    env: {
      ...inherited,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, port, url: `http://127.0.0.1:${port}`, output: () => output, exited };
}

export async function waitForHealth(
  url: string,
  timeoutMs = 60_000,
  exited?: Promise<unknown>,
): Promise<number> {
  const started = Date.now();
  let gone = false;
  void exited?.then(() => {
    gone = true;
  });
  while (Date.now() - started < timeoutMs) {
    if (gone) throw new Error("server exited before it became healthy");
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) return Date.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server at ${url} not healthy after ${timeoutMs} ms`);
}
