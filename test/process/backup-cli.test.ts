import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { openPglite } from "../../src/db/connection.ts";
import { tableFingerprints, verifyBackup } from "../../src/modules/backup/restore.ts";
import { freePort, waitForHealth } from "../support/http.ts";
import { startServerProcess } from "./server-process.ts";

const run = promisify(execFile);
const root = fs.mkdtempSync(path.join(os.tmpdir(), "motcua-backup-cli-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function cli(args: string[], env: NodeJS.ProcessEnv) {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  return run(process.execPath, [path.resolve("bin/motcua.js"), ...args], {
    env: { ...inherited, LOG_LEVEL: "silent", ...env },
  });
}

describe("npx motcua backup / restore", () => {
  it("backs up a running server's embedded database and restores it exactly into a new data directory", async () => {
    const source = path.join(root, "source");
    const target = path.join(root, "target");
    const file = path.join(root, "motcua.backup");
    const server = startServerProcess(source, await freePort());
    await waitForHealth(server.url, { timeoutMs: 300_000, exited: server.exited, output: server.output });
    try {
      const backup = await cli(["backup", "--out", file], { DATA_DIR: source });
      expect(JSON.parse(backup.stdout).tables.units).toBeGreaterThan(20);
    } finally {
      server.child.kill("SIGTERM");
      await server.exited;
    }
    const restore = await cli(["restore", "--in", file], { DATA_DIR: target });
    const restored = JSON.parse(restore.stdout);
    expect(restored.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(restored.verified).toBe(true);

    // The server kept working after the backup (mail delivery, reconciliation), so the reference is the snapshot
    // the backup recorded, not the source directory as it is now.
    const { fingerprints } = await verifyBackup(file);
    expect(fingerprints?.units?.rows).toBeGreaterThan(20);
    const b = await openPglite(target);
    const after = await tableFingerprints(b.db);
    await b.close();
    expect(after).toEqual(fingerprints);
  }, 600_000);

  it("shows its progress in plain lines when stderr is not a terminal (seed, backup, restore)", async () => {
    const dir = path.join(root, "plain");
    const copy = path.join(root, "plain-copy");
    const file = path.join(root, "plain.backup");
    const seed = await cli(["seed"], { DATA_DIR: dir });
    expect(seed.stderr).toMatch(/^Seed: 0\/(\d+)$/m);
    const steps = /^Seed: 0\/(\d+)$/m.exec(seed.stderr)?.[1];
    expect(seed.stderr).toMatch(new RegExp(`^Seed: done, ${steps}/${steps} in [0-9.]+ s$`, "m"));

    const backup = await cli(["backup", "--out", file], { DATA_DIR: dir });
    const summary = JSON.parse(backup.stdout) as { tables: Record<string, number>; files: number };
    const tables = Object.keys(summary.tables).length;
    expect(backup.stderr).toContain(`Backup: tables: 0/${tables}\n`);
    expect(backup.stderr).toMatch(/^Backup: tables: \d+\/\d+ \(50%\), \d+ to go, ~[0-9.]+ s$/m);
    expect(backup.stderr).toMatch(
      new RegExp(`^Backup: tables: done, ${tables}/${tables} in [0-9.]+ s$`, "m"),
    );
    expect(backup.stderr).toMatch(
      new RegExp(`^Backup: files: done, ${summary.files}/${summary.files} in [0-9.]+ s$`, "m"),
    );

    const restore = await cli(["restore", "--in", file], { DATA_DIR: copy });
    const total = Object.values(summary.tables).reduce((a, b) => a + b, 0) + summary.files;
    expect(restore.stderr).toMatch(/^Restore: checking the file: started$/m);
    expect(restore.stderr).toContain(`Restore: rows and files: 0/${total}\n`);
    expect(restore.stderr).toMatch(/^Restore: rows and files: \d+\/\d+ \(90%\), \d+ to go, ~[0-9.]+ s$/m);
    expect(restore.stderr).toMatch(new RegExp(`^Restore: rows and files: done, ${total}/${total} in`, "m"));
    // A log gets no terminal control characters; stdout keeps only the JSON summary.
    for (const out of [seed.stderr, backup.stderr, restore.stderr]) {
      expect(out.includes("\r") || out.includes("\u001b")).toBe(false);
    }
    expect(JSON.parse(restore.stdout).verified).toBe(true);
  }, 600_000);
});
