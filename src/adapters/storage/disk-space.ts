import fs from "node:fs/promises";
import path from "node:path";

/** Free space of the file system holding one of the server's directories. */
export interface DiskSpace {
  /** What the directory holds, for the message: the embedded database's data directory or the file store. */
  role: "data" | "files";
  dir: string;
  /** Space an unprivileged process may still write (statfs bavail), the figure `df` shows as "Avail". */
  freeBytes: number;
  totalBytes: number;
  low: boolean;
}

/** The directory itself, or its nearest existing parent (the file store is created on first upload). */
async function existingAncestor(dir: string): Promise<string> {
  let current = path.resolve(dir);
  for (;;) {
    try {
      await fs.access(current);
      return current;
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return current;
      current = parent;
    }
  }
}

/**
 * One entry per file system (the data directory and the file store usually share one). A directory whose file
 * system cannot be read is left out rather than failing the caller: this is a warning, not a gate.
 */
export async function measureDiskSpace(
  dirs: { role: DiskSpace["role"]; dir: string }[],
  lowBelowBytes: number,
): Promise<DiskSpace[]> {
  const seen = new Set<string>();
  const out: DiskSpace[] = [];
  for (const { role, dir } of dirs) {
    try {
      const at = await existingAncestor(dir);
      const device = String((await fs.stat(at)).dev);
      if (seen.has(device)) continue;
      seen.add(device);
      const s = await fs.statfs(at);
      const freeBytes = s.bavail * s.bsize;
      out.push({ role, dir, freeBytes, totalBytes: s.blocks * s.bsize, low: freeBytes < lowBelowBytes });
    } catch {
      // not measurable here (a path on a file system that refuses statfs): no warning rather than a failure
    }
  }
  return out;
}

/** Measuring costs two system calls per directory; a health check polled every second reuses a recent figure. */
export function cachedDiskSpace(
  measure: () => Promise<DiskSpace[]>,
  maxAgeMs = 5_000,
): () => Promise<DiskSpace[]> {
  let last: { at: number; value: DiskSpace[] } | undefined;
  let pending: Promise<DiskSpace[]> | undefined;
  return () => {
    if (last && Date.now() - last.at < maxAgeMs) return Promise.resolve(last.value);
    pending ??= measure()
      .then((value) => {
        last = { at: Date.now(), value };
        return value;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };
}
