/**
 * Steps as work items (tasks): each step a unit works on a dossier is a row with its role, its assignee and its
 * own due instant — the step's share of the processing time (splitDeadline). At most one task is open per
 * dossier; inboxes read the open ones.
 */
import { sql } from "kysely";
import type { Executor, Tx } from "../../db/database.ts";
import type { DossierRole, StepRecord } from "../../db/tables/dossiers.ts";
import { type Instant, splitDeadline, type WorkingCalendar } from "../../domain/calendar/index.ts";
import { AppError } from "../../errors.ts";
import type { TaskRow } from "./state.ts";

export interface NewTask {
  dossierId: string;
  unitId: string;
  stepIndex: number;
  subIndex?: number | null;
  role: DossierRole;
  name: string;
  dueAt: Instant;
  assigneeId?: string | null;
  transferId?: string | null;
  now: Date;
}

export async function openTask(tx: Tx, task: NewTask): Promise<TaskRow> {
  const { rows } = await sql<TaskRow>`
    INSERT INTO dossier_tasks
      (dossier_id, seq, unit_id, step_index, sub_index, role, name, assignee_id, due_at, started_at, transfer_id)
    SELECT ${task.dossierId}::uuid, coalesce(max(seq), 0) + 1, ${task.unitId}::uuid, ${task.stepIndex}::int,
           ${task.subIndex ?? null}::int, ${task.role}::text, ${task.name}::text, ${task.assigneeId ?? null}::uuid,
           ${new Date(task.dueAt)}::timestamptz, ${task.now}::timestamptz, ${task.transferId ?? null}::uuid
    FROM dossier_tasks WHERE dossier_id = ${task.dossierId}::uuid
    RETURNING *
  `.execute(tx);
  return rows[0] as TaskRow;
}

export async function openTaskOf(db: Executor, dossierId: string): Promise<TaskRow | undefined> {
  return db
    .selectFrom("dossier_tasks")
    .selectAll()
    .where("dossier_id", "=", dossierId)
    .where("finished_at", "is", null)
    .executeTakeFirst();
}

export async function closeOpenTask(
  tx: Tx,
  dossierId: string,
  close: { now: Date; by: string | null; outcome: string },
): Promise<TaskRow | undefined> {
  return tx
    .updateTable("dossier_tasks")
    .set({ finished_at: close.now, finished_by: close.by, outcome: close.outcome })
    .where("dossier_id", "=", dossierId)
    .where("finished_at", "is", null)
    .returningAll()
    .executeTakeFirst();
}

/** Who last worked a step (to hand a dossier sent back, or restarted, to the same person). */
export async function lastHolder(
  db: Executor,
  dossierId: string,
  unitId: string,
  stepIndex: number,
  subIndex: number | null,
): Promise<string | null> {
  let q = db
    .selectFrom("dossier_tasks")
    .select(["assignee_id", "finished_by"])
    .where("dossier_id", "=", dossierId)
    .where("unit_id", "=", unitId)
    .where("step_index", "=", stepIndex);
  q = subIndex === null ? q.where("sub_index", "is", null) : q.where("sub_index", "=", subIndex);
  const row = await q.orderBy("seq", "desc").limit(1).executeTakeFirst();
  return row ? (row.finished_by ?? row.assignee_id) : null;
}

/** The assignee is an active officer of the unit with the step's role. */
export async function checkAssignee(
  db: Executor,
  assigneeId: string,
  unitId: string,
  role: DossierRole,
): Promise<void> {
  const row = await db
    .selectFrom("staff")
    .select(["id", "roles", "unit_id", "active"])
    .where("id", "=", assigneeId)
    .executeTakeFirst();
  if (!row?.active || row.unit_id !== unitId || !row.roles.includes(role)) {
    throw new AppError("ASSIGNEE_INVALID", { details: { assigneeId, role } });
  }
}

/**
 * Due instants of `steps` sharing `totalMs` of working time from `start`, by their shares; the last one ends
 * exactly at start + totalMs.
 */
export function splitDues(
  calendar: WorkingCalendar,
  start: Instant,
  totalMs: number,
  steps: readonly Pick<StepRecord, "share">[],
): Instant[] {
  if (steps.length === 0) return [];
  return splitDeadline(
    calendar,
    start,
    totalMs,
    steps.map((s) => Math.max(1, s.share)),
  ).map((s) => s.due);
}

/** The step that records the result after approval at `decidedAt`: the first clerk step after it, or itself. */
export function resultStepAfter(workflow: readonly StepRecord[], decidedAt: number): number {
  for (let i = decidedAt + 1; i < workflow.length; i++) if (workflow[i]?.role === "clerk") return i;
  return decidedAt;
}
