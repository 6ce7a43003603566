import { z } from "zod";

/** One file system the server writes to: the embedded database's data directory, or the file store. */
export const DiskStatus = z.object({
  role: z.enum(["data", "files"]),
  freeBytes: z.number().int().nonnegative(),
  totalBytes: z.number().int().nonnegative(),
  low: z.boolean(),
});

/** What the system administrator's start page shows about the server's footing. */
export const SystemStatus = z.object({
  engine: z.enum(["pglite", "postgres"]),
  database: z.enum(["up", "down"]),
  /** DISK_LOW_FREE_MB in bytes: below this a disk is reported low. */
  lowBelowBytes: z.number().int().nonnegative(),
  disks: z.array(DiskStatus),
});
export type SystemStatus = z.infer<typeof SystemStatus>;
