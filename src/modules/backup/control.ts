import { randomBytes, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { AppError } from "../../errors.ts";
import { writeBackup } from "./backup.ts";

/**
 * The embedded database admits one process. To take a backup while the server runs, `motcua backup` asks the
 * server itself over loopback, proving it is on the same machine with a token only the data directory's owner
 * can read (DATA_DIR/control.json, mode 0600, rewritten at every start).
 */
export interface ControlFile {
  pid: number;
  port: number;
  token: string;
}

export const CONTROL_FILE = "control.json";
export const CONTROL_HEADER = "x-motcua-control-token";

export function newControlToken(): string {
  return randomBytes(32).toString("base64url");
}

export function writeControlFile(dataDir: string, port: number, token: string): ControlFile {
  const control = { pid: process.pid, port, token };
  const file = path.join(dataDir, CONTROL_FILE);
  fs.writeFileSync(file, JSON.stringify(control), { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  return control;
}

export function readControlFile(dataDir: string): ControlFile | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(dataDir, CONTROL_FILE), "utf8")) as ControlFile;
  } catch {
    return null;
  }
}

function isLoopback(ip: string): boolean {
  return ip === "127.0.0.1" || ip === "::1" || ip === "::ffff:127.0.0.1";
}

export function registerControlRoutes(app: FastifyInstance, token: () => string | undefined): void {
  app.post(
    "/internal/backup",
    { schema: { hide: true }, config: { csrf: false } },
    async (request, reply) => {
      const expected = token();
      const given = request.headers[CONTROL_HEADER];
      const ok =
        expected !== undefined &&
        typeof given === "string" &&
        given.length === expected.length &&
        timingSafeEqual(Buffer.from(given), Buffer.from(expected)) &&
        isLoopback(request.socket.remoteAddress ?? "");
      // Without the token the route does not exist, as far as the caller can tell.
      if (!ok) throw new AppError("ROUTE_NOT_FOUND");
      reply.hijack();
      reply.raw.writeHead(200, { "content-type": "application/gzip" });
      const { db, files, engine } = app.deps;
      await writeBackup(db, files, engine, reply.raw);
      return reply;
    },
  );
}
