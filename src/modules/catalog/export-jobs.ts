/**
 * Catalog exports run as jobs (issue 23, item 10): the request answers at once with the job, the export runs in
 * the background of the process that took it and writes how far it has got into its row (at most every 200 ms),
 * then stores the file. Any process answers the progress and the download from the row; only the officer who
 * asked sees the job (another gets 404). A process that stops mid-way leaves the job "running": the next look at
 * it after ten minutes calls it failed.
 */
import type { FastifyBaseLogger } from "fastify";
import type { Selectable } from "kysely";
import type { z } from "zod";
import type { FileStore } from "../../adapters/storage/file-store.ts";
import type { ExportJob, ExportJobInput } from "../../contracts/catalog.ts";
import type { Db } from "../../db/database.ts";
import type { ExportJobTable } from "../../db/tables/files.ts";
import { AppError } from "../../errors.ts";
import { assertCan, requireStaff } from "../auth/policy.ts";
import { actorOf, type Principal } from "../auth/principal.ts";
import { storeBytes } from "../files/store-upload.ts";
import { getUnitByCode } from "../units/queries.ts";
import { TREE_ROOT } from "./service.ts";
import { exportCatalog } from "./transfer.ts";

const WRITE_EVERY_MS = 200;
const STALE_AFTER_MS = 10 * 60_000;

type Row = Selectable<ExportJobTable>;

export function jobView(row: Row, now: Date): ExportJob {
  const stale =
    row.status === "running" && now.getTime() - new Date(row.created_at).getTime() > STALE_AFTER_MS;
  const status = stale ? "failed" : row.status;
  return {
    id: row.id,
    format: row.kind === "catalog_xlsx" ? "xlsx" : "json",
    status,
    done: row.done,
    total: row.total,
    filename: row.filename,
    fileUrl: status === "done" ? `/api/v1/catalog/export-jobs/${row.id}/file` : null,
    errorCode: stale ? "EXPORT_INTERRUPTED" : row.error_code,
    createdAt: new Date(row.created_at).toISOString(),
    finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
  };
}

export async function startExportJob(
  deps: { db: Db; files: FileStore; clock: () => Date; log: FastifyBaseLogger },
  principal: Principal,
  input: z.infer<typeof ExportJobInput>,
): Promise<ExportJob> {
  const staff = requireStaff(principal);
  const { db, clock } = deps;
  if (input.owner) assertCan(staff, "catalog.read", await getUnitByCode(db, input.owner));
  else assertCan(staff, "catalog.read", TREE_ROOT);
  const now = clock();
  const row = await db
    .insertInto("export_jobs")
    .values({
      staff_id: staff.staffId,
      kind: input.format === "xlsx" ? "catalog_xlsx" : "catalog_json",
      owner_code: input.owner ?? null,
      status: "running",
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  void run(deps, row, input, staff).catch((error: unknown) =>
    deps.log.error({ err: error, jobId: row.id }, "export job failed"),
  );
  return jobView(row, now);
}

async function run(
  deps: { db: Db; files: FileStore; clock: () => Date },
  row: Row,
  input: z.infer<typeof ExportJobInput>,
  staff: ReturnType<typeof requireStaff>,
): Promise<void> {
  const { db } = deps;
  let writtenAt = 0;
  let pending: Promise<unknown> = Promise.resolve();
  try {
    const file = await exportCatalog(db, input.format, input.owner, deps.clock(), (done, total) => {
      const t = Date.now();
      if (t - writtenAt < WRITE_EVERY_MS && done < total) return;
      writtenAt = t;
      pending = pending.then(() =>
        db
          .updateTable("export_jobs")
          .set({ done: Math.min(done, total), total })
          .where("id", "=", row.id)
          .where("status", "=", "running")
          .execute(),
      );
    });
    await pending;
    const now = deps.clock();
    await db.transaction().execute(async (tx) => {
      const stored = await storeBytes(
        tx,
        deps.files,
        { bytes: file.bytes, name: file.filename, mime: file.contentType.split(";")[0] ?? file.contentType },
        { unitId: staff.unitId, purpose: "catalog_export", actor: actorOf(staff), now },
      );
      await tx
        .updateTable("export_jobs")
        .set({ status: "done", file_id: stored.id, filename: file.filename, finished_at: now })
        .where("id", "=", row.id)
        .execute();
    });
  } catch (error) {
    await pending.catch(() => undefined);
    await db
      .updateTable("export_jobs")
      .set({
        status: "failed",
        error_code: error instanceof AppError ? error.code : "EXPORT_FAILED",
        finished_at: deps.clock(),
      })
      .where("id", "=", row.id)
      .execute();
    throw error;
  }
}

/** The caller's own job; anyone else's, or none, is 404. */
export async function ownJob(db: Db, principal: Principal, id: string): Promise<Row> {
  const staff = requireStaff(principal);
  const row = await db
    .selectFrom("export_jobs")
    .selectAll()
    .where("id", "=", id)
    .where("staff_id", "=", staff.staffId)
    .executeTakeFirst();
  if (!row) throw new AppError("NOT_FOUND", { details: { entity: "export_job" } });
  return row;
}

export async function jobFile(db: Db, files: FileStore, principal: Principal, id: string) {
  const row = await ownJob(db, principal, id);
  if (row.status !== "done" || !row.file_id) throw new AppError("NOT_FOUND", { details: { entity: "file" } });
  const file = await db
    .selectFrom("files")
    .select(["sha256", "mime", "name"])
    .where("id", "=", row.file_id)
    .executeTakeFirstOrThrow();
  return { ...file, bytes: await files.get(file.sha256) };
}
