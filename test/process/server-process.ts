import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  url: string;
  output(): string;
  exited: Promise<number | null>;
}

/**
 * Starts `motcua serve --demo` as a real process on the embedded database in `dataDir` (or on PostgreSQL when
 * `extraEnv` sets DATABASE_URL), with `extraArgs` after the command (e.g. --workers 2).
 */
export function startServerProcess(
  dataDir: string,
  port: number,
  extraEnv: NodeJS.ProcessEnv = {},
  extraArgs: string[] = [],
): ServerProcess {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, [path.resolve("bin/motcua.js"), "serve", "--demo", ...extraArgs], {
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
