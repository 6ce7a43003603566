import { type DiskSpace, measureDiskSpace } from "../../adapters/storage/disk-space.ts";
import type { Config } from "../../config.ts";
import type { Engine } from "../../db/connection.ts";

/** The directories this server writes to: the embedded database's (PGlite only) and the file store. */
export function serverDiskSpace(deps: {
  engine: Engine;
  config: Pick<Config, "dataDir" | "filesDir" | "diskLowFreeBytes">;
}): Promise<DiskSpace[]> {
  return measureDiskSpace(
    [
      // On PostgreSQL the database's disk is the database server's to watch; ours holds the file store.
      ...(deps.engine === "pglite" ? [{ role: "data" as const, dir: deps.config.dataDir }] : []),
      { role: "files" as const, dir: deps.config.filesDir },
    ],
    deps.config.diskLowFreeBytes,
  );
}
