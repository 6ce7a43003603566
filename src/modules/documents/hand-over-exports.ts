/**
 * The year's hand-over list (mục lục hồ sơ, tài liệu nộp lưu, NĐ 30/2020 Điều 28–31) printed as PDF, off the
 * request path as the report files are: a request writes a row of hand_over_list_exports with its audit entry in one
 * transaction and answers at once; a background pass claims due rows with `claimLeased` (src/db/job-lease.ts:
 * attempt counted, lease set, so several processes share the work and a crashed pass is retried after its lease),
 * reads the list, draws it and keeps the bytes on the row.
 */
import type { Db } from "../../db/database.ts";
import { type PassTiming, periodicPass, runFileJobs, withLease } from "../../db/job-lease.ts";
import { AppError } from "../../errors.ts";
import { renderInPool } from "../../pdf/pool.ts";
import { recordAudit } from "../audit/audit-log.ts";
import type { StaffPrincipal } from "../auth/principal.ts";
import { getUnit } from "../units/queries.ts";
import { handOverListOf, mayReadFiles } from "./work-file-lifecycle.ts";

export const HAND_OVER_EXPORT_LIMITS = { attempts: 3, leaseSeconds: 5 * 60 } as const;

const forbidden = () => new AppError("FORBIDDEN", { details: { action: "document.read" } });

/** The unit, once the caller may read its work files (the clerk, the leader, its officers who draft). */
export async function handOverUnit(db: Db, staff: StaffPrincipal, unitId: string) {
  const unit = await getUnit(db, unitId);
  if (!mayReadFiles(staff, unit)) throw forbidden();
  return unit;
}

export async function requestHandOverListExport(
  db: Db,
  staff: StaffPrincipal,
  unitId: string,
  year: number,
  now: Date,
): Promise<{ id: string }> {
  const unit = await handOverUnit(db, staff, unitId);
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto("hand_over_list_exports")
      .values({ unit_id: unit.id, requested_by: staff.staffId, year, requested_at: now })
      .returning(["id"])
      .executeTakeFirstOrThrow();
    await recordAudit(
      tx,
      {
        actor: { kind: "staff", id: staff.staffId },
        action: "work_file.hand_over_list.export",
        entityType: "hand_over_list_export",
        entityId: row.id,
        unitId: unit.id,
        summary: { year, format: "pdf" },
      },
      now,
    );
    return row;
  });
}

/** An export of the unit (hidden as 404 when it belongs to another unit). */
export async function findHandOverListExport(db: Db, unitId: string, id: string) {
  const row = await db
    .selectFrom("hand_over_list_exports")
    .select(["id", "year", "status", "filename", "error", "content", "requested_at", "finished_at"])
    .where("id", "=", id)
    .where("unit_id", "=", unitId)
    .executeTakeFirst();
  if (!row) throw new AppError("NOT_FOUND", { details: { entity: "hand_over_list_export", id } });
  return row;
}

interface Claimed {
  id: string;
  unit_id: string;
  year: number;
  requested_at: Date;
  attempts: number;
}

const QUEUE = {
  table: "hand_over_list_exports",
  orderBy: "requested_at",
  returning: ["id", "unit_id", "year", "requested_at", "attempts"],
  maxAttempts: HAND_OVER_EXPORT_LIMITS.attempts,
  leaseSeconds: HAND_OVER_EXPORT_LIMITS.leaseSeconds,
  giveUp: { error: "error", finishedAt: "finished_at" },
} as const;

/** One pass: claim, read and draw each list, keep its bytes. Returns how many were done and failed. */
export function runHandOverListPass(
  db: Db,
  now: Date,
  limit = 2,
  leaseSeconds?: number,
): Promise<{ done: number; failed: number }> {
  return runFileJobs<Claimed>(db, withLease(QUEUE, leaseSeconds), now, limit, async (job) => {
    const unit = await getUnit(db, job.unit_id);
    const list = await handOverListOf(db, unit, job.year);
    return {
      content: await renderInPool("handOverListPdf", { ...list, printedAt: new Date(job.requested_at) }),
      filename: `muc-luc-ho-so-nop-luu-${unit.code}-${job.year}.pdf`,
    };
  });
}

/** Runs passes every `intervalMs` until stopped; a pass never overlaps the previous one. */
export function handOverListWorker(
  db: Db,
  clock: () => Date,
  onError: (error: unknown) => void,
  timing: PassTiming = {},
) {
  return periodicPass(
    () => runHandOverListPass(db, clock(), 2, timing.leaseSeconds),
    onError,
    timing.intervalMs ?? 2_000,
  );
}
