import type { FileStore } from "../../adapters/storage/file-store.ts";
import type { Config } from "../../config.ts";
import type { Db } from "../../db/database.ts";

export interface DocumentDeps {
  db: Db;
  files: FileStore;
  config: Pick<Config, "demo" | "signingKeySecret">;
  clock: () => Date;
}
