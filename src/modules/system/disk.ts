import { type DiskSpace, measureDiskSpace } from "../../adapters/storage/disk-space.ts";
import type { AppDeps } from "../../app.ts";

/** The directories this server writes to: the embedded database's (PGlite only) and the file store. */
export function serverDiskSpace(deps: Pick<AppDeps, "engine" | "config">): Promise<DiskSpace[]> {
  return measureDiskSpace(
    [
      // On PostgreSQL the database's disk is the database server's to watch; ours holds the file store.
      ...(deps.engine === "pglite" ? [{ role: "data" as const, dir: deps.config.dataDir }] : []),
      { role: "files" as const, dir: deps.config.filesDir },
    ],
    deps.config.diskLowFreeBytes,
  );
}
