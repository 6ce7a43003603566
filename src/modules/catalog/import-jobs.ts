/**
 * Catalog imports run as jobs (issue 23, item 10). The upload request reads and checks the whole file (a bad row is
 * answered at once, 422 IMPORT_INVALID with every issue, as the synchronous import does), keeps it in an
 * import_jobs row with the number of procedures, and answers 202 with the job. A background pass claims due jobs
 * with `claimLeased` (src/db/job-lease.ts: one UPDATE over a batch picked with FOR UPDATE SKIP LOCKED) (attempt counted, lease set: several processes share
 * the work, a pass that dies is taken up again after its lease) and writes the file in one transaction, all or
 * nothing; the job's result is written in that same transaction, so it commits with the procedures.
 *
 * Progress (procedures done of total) is written outside the import transaction, by statements on `db` that the
 * import never waits for. On PostgreSQL they run on another pooled connection and commit at once, so readers see
 * the count move. PGlite has a single connection, held by the transaction: the statements queue behind it (not
 * awaited inside it, so nothing deadlocks) and readers wait too, so there a job is seen at 0/N, then N/N. Awaiting
 * them, or writing them inside the transaction, would deadlock on PGlite or stay invisible on PostgreSQL.
 *
 * Only the officer who asked, and an administrator of that officer's unit, read the job; anyone else gets 404.
 */
import type { z } from "zod";
import type { ImportInput, ImportIssue, ImportJob, ImportResult } from "../../contracts/catalog.ts";
import type { Db } from "../../db/database.ts";
import { claimLeased, type PassTiming, periodicPass, withLease } from "../../db/job-lease.ts";
import { AppError } from "../../errors.ts";
import { can, requireStaff } from "../auth/policy.ts";
import type { Principal, StaffPrincipal } from "../auth/principal.ts";
import { getUnit } from "../units/queries.ts";
import { checkImport, writeImport } from "./transfer.ts";

export const IMPORT_JOB_LIMITS = { attempts: 3, leaseSeconds: 10 * 60, writeEveryMs: 200 } as const;

interface JobRow {
  id: string;
  status: "pending" | "running" | "done" | "failed";
  dry_run: boolean;
  done: number;
  total: number;
  result: unknown;
  error_code: string | null;
  issues: unknown;
  created_at: Date;
  finished_at: Date | null;
}

export function importJobView(row: JobRow): ImportJob {
  return {
    id: row.id,
    status: row.status,
    dryRun: row.dry_run,
    done: row.done,
    total: row.total,
    result: (row.result as ImportResult | null) ?? null,
    errorCode: row.error_code,
    issues: (row.issues as ImportIssue[] | null) ?? [],
    createdAt: new Date(row.created_at).toISOString(),
    finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
  };
}

const VIEW_COLUMNS = [
  "id",
  "status",
  "dry_run",
  "done",
  "total",
  "result",
  "error_code",
  "issues",
  "created_at",
  "finished_at",
] as const;

/** Checks the file in full (4xx on any bad row) and queues it; the job answers with done 0 of total. */
export async function startImportJob(
  db: Db,
  principal: Principal,
  input: z.infer<typeof ImportInput>,
  now: Date,
): Promise<ImportJob> {
  const staff = requireStaff(principal);
  const checked = await checkImport(db, principal, input, now);
  const row = await db
    .insertInto("import_jobs")
    .values({
      staff_id: staff.staffId,
      unit_id: staff.unitId,
      format: input.format,
      owner_code: input.owner ?? null,
      dry_run: checked.dryRun,
      content: Buffer.from(input.file, "base64"),
      status: "pending",
      total: checked.candidates.length,
      created_at: now,
    })
    .returning(VIEW_COLUMNS)
    .executeTakeFirstOrThrow();
  return importJobView(row);
}

/** The job, for the officer who asked or an administrator of their unit; anyone else (or no job) gets 404. */
export async function readImportJob(db: Db, principal: Principal, id: string): Promise<ImportJob> {
  const staff = requireStaff(principal);
  const row = await db
    .selectFrom("import_jobs")
    .select([...VIEW_COLUMNS, "staff_id", "unit_id"])
    .where("id", "=", id)
    .executeTakeFirst();
  const allowed =
    row && (row.staff_id === staff.staffId || can(staff, "staff.manage", await getUnit(db, row.unit_id)));
  if (!row || !allowed) throw new AppError("NOT_FOUND", { details: { entity: "import_job" } });
  return importJobView(row);
}

interface Claimed {
  id: string;
  staff_id: string;
  format: "json" | "xlsx";
  owner_code: string | null;
  dry_run: boolean;
  content: Uint8Array;
  attempts: number;
}

const IMPORT_QUEUE = {
  table: "import_jobs",
  orderBy: "created_at",
  returning: ["id", "staff_id", "format", "owner_code", "dry_run", "content", "attempts"],
  maxAttempts: IMPORT_JOB_LIMITS.attempts,
  leaseSeconds: IMPORT_JOB_LIMITS.leaseSeconds,
  giveUp: { error: "error_code", value: "IMPORT_FAILED", finishedAt: "finished_at" },
} as const;

function claimImports(db: Db, now: Date, limit: number, leaseSeconds?: number): Promise<Claimed[]> {
  return claimLeased<Claimed>(db, withLease(IMPORT_QUEUE, leaseSeconds), now, limit);
}

/** The officer as they are now (roles or unit may have changed since the upload); null when no longer active. */
async function staffPrincipal(db: Db, staffId: string): Promise<StaffPrincipal | null> {
  const staff = await db
    .selectFrom("staff")
    .innerJoin("units", "units.id", "staff.unit_id")
    .select(["staff.id", "staff.username", "staff.full_name", "staff.roles", "staff.active", "staff.unit_id"])
    .select(["units.path", "units.active as unit_active"])
    .where("staff.id", "=", staffId)
    .executeTakeFirst();
  if (!staff?.active || !staff.unit_active) return null;
  return {
    kind: "staff",
    staffId: staff.id,
    username: staff.username,
    fullName: staff.full_name,
    unitId: staff.unit_id,
    unitPath: staff.path,
    roles: staff.roles,
    sessionHash: "",
  };
}

async function fail(db: Db, job: Claimed, error: unknown, now: Date): Promise<void> {
  const known = error instanceof AppError;
  const issues = known ? (error.details as { issues?: unknown } | undefined)?.issues : undefined;
  await db
    .updateTable("import_jobs")
    .set({
      status: "failed",
      error_code: known ? error.code : "IMPORT_FAILED",
      issues: Array.isArray(issues) ? JSON.stringify(issues) : null,
      content: null,
      lease_until: null,
      finished_at: now,
    })
    .where("id", "=", job.id)
    // Still this pass's claim: a pass whose lease ran out and was taken over writes nothing.
    .where("status", "=", "running")
    .where("attempts", "=", job.attempts)
    .execute();
}

/** Runs one claimed job: the file checked again against the catalog as it is now, then written all or nothing. */
async function runJob(db: Db, job: Claimed, clock: () => Date): Promise<"done" | "failed"> {
  const principal = await staffPrincipal(db, job.staff_id);
  if (!principal) {
    await fail(db, job, new AppError("FORBIDDEN"), clock());
    return "failed";
  }
  let writtenAt = 0;
  let pending: Promise<unknown> = Promise.resolve();
  const onProgress = (done: number, total: number) => {
    const t = Date.now();
    if (t - writtenAt < IMPORT_JOB_LIMITS.writeEveryMs && done < total) return;
    writtenAt = t;
    pending = pending
      .then(() =>
        db
          .updateTable("import_jobs")
          .set({ done: Math.min(done, total) })
          .where("id", "=", job.id)
          .where("status", "=", "running")
          .execute(),
      )
      .catch(() => undefined);
  };
  const now = clock();
  /** A finished job: its count, its result, and the file it no longer needs. */
  const doneColumns = (result: unknown, done: number) => ({
    status: "done" as const,
    done,
    result: JSON.stringify(result),
    content: null,
    lease_until: null,
    finished_at: clock(),
  });
  try {
    const input = {
      format: job.format,
      file: Buffer.from(job.content).toString("base64"),
      owner: job.owner_code,
      dryRun: job.dry_run,
    };
    const checked = await checkImport(db, principal, input, now);
    const result = await writeImport(db, principal, checked, now, {
      onProgress,
      finish: async (tx, result) => {
        const marked = await tx
          .updateTable("import_jobs")
          .set({ ...doneColumns(result, checked.candidates.length), total: checked.candidates.length })
          .where("id", "=", job.id)
          // Still this pass's claim: a pass whose lease ran out and was taken over writes nothing.
          .where("status", "=", "running")
          .where("attempts", "=", job.attempts)
          .executeTakeFirst();
        // The claim was lost (lease run out, another pass took the job): roll the import back rather than apply
        // the file a second time.
        if (Number(marked.numUpdatedRows) !== 1) throw new AppError("CONFLICT", { details: { job: job.id } });
      },
    });
    await pending;
    if (result.dryRun) {
      // A dry run is rolled back, its result with it: recorded after.
      await db
        .updateTable("import_jobs")
        .set(doneColumns(result, checked.candidates.length))
        .where("id", "=", job.id)
        // Still this pass's claim: a pass whose lease ran out and was taken over writes nothing.
        .where("status", "=", "running")
        .where("attempts", "=", job.attempts)
        .execute();
    }
    return "done";
  } catch (error) {
    await pending;
    await fail(db, job, error, clock());
    return "failed";
  }
}

/** One pass: claim due jobs and run each. Returns how many finished and failed. */
export async function runImportPass(
  db: Db,
  clock: () => Date,
  limit = 1,
  leaseSeconds?: number,
): Promise<{ done: number; failed: number }> {
  const jobs = await claimImports(db, clock(), limit, leaseSeconds);
  let done = 0;
  let failed = 0;
  for (const job of jobs) {
    if ((await runJob(db, job, clock)) === "done") done++;
    else failed++;
  }
  return { done, failed };
}

/** Runs passes every `intervalMs` until stopped; a pass never overlaps the previous one. */
export function importWorker(
  db: Db,
  clock: () => Date,
  onError: (error: unknown) => void,
  timing: PassTiming = {},
) {
  return periodicPass(
    () => runImportPass(db, clock, 1, timing.leaseSeconds),
    onError,
    timing.intervalMs ?? 60_000,
  );
}
