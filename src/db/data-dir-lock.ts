import fs from "node:fs";
import path from "node:path";

/**
 * One motcua process per data directory. PGlite is a single-process engine: two processes on one directory
 * corrupt it, and a process killed with SIGKILL leaves PGlite's postmaster.pid behind, on which the next start
 * hangs. The lock file records our pid; a lock whose process is gone is stale, and only then do we clear it
 * together with PGlite's leftover postmaster.pid.
 */
export class DataDirBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `Thư mục dữ liệu ${dataDir} đang được tiến trình motcua khác (pid ${pid}) sử dụng. / ` +
        `The data directory ${dataDir} is in use by another motcua process (pid ${pid}). Stop it first.`,
    );
  }
}

export interface DataDirLock {
  release(): void;
  /** True when a stale lock of a killed process was cleared on the way in. */
  recoveredStaleLock: boolean;
}

const LOCK_FILE = "motcua.lock";

export function lockDataDir(dataDir: string, pgDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, LOCK_FILE);
  let recoveredStaleLock = false;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(lockPath, "wx");
      fs.writeSync(fd, `${process.pid}\n`);
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      if (recoveredStaleLock) removeStalePostmasterPid(pgDir);
      return { release: () => releaseLock(lockPath), recoveredStaleLock };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readLockPid(lockPath);
      if (holder !== null && holder !== process.pid && isMotcuaProcessAlive(holder)) {
        throw new DataDirBusyError(dataDir, holder);
      }
      fs.rmSync(lockPath, { force: true });
      recoveredStaleLock = true;
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}

function readLockPid(lockPath: string): number | null {
  try {
    const pid = Number.parseInt(fs.readFileSync(lockPath, "utf8").trim(), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isMotcuaProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  // The pid may have been reused by an unrelated program after a crash; on Linux we can tell.
  try {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
    return cmdline.includes("node") || cmdline.includes("motcua");
  } catch {
    return true;
  }
}

function removeStalePostmasterPid(pgDir: string): void {
  fs.rmSync(path.join(pgDir, "postmaster.pid"), { force: true });
}

function releaseLock(lockPath: string): void {
  if (readLockPid(lockPath) === process.pid) fs.rmSync(lockPath, { force: true });
}
