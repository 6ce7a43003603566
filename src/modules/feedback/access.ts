/**
 * Who sees and who handles a feedback. A unit sees the feedback in its register now, the ones it received first and
 * the ones it forwarded (both sides keep the history); supervisors see their subtree. A record the caller may not
 * see answers 404, so that ids reveal nothing; a visible record the caller may not handle answers 403.
 */

import type { Selectable } from "kysely";
import { sql } from "kysely";
import type { Executor, Tx } from "../../db/database.ts";
import type { FeedbackTable } from "../../db/tables/feedback.ts";
import { AppError } from "../../errors.ts";
import type { Actor } from "../audit/audit-log.ts";
import { recordAudit } from "../audit/audit-log.ts";
import { type Action, can, requireStaff, type UnitRef } from "../auth/policy.ts";
import type { Principal, StaffPrincipal } from "../auth/principal.ts";

export type FeedbackRow = Selectable<FeedbackTable>;

export async function involvedUnits(
  db: Executor,
  row: Pick<FeedbackRow, "id" | "unit_id" | "received_unit_id">,
) {
  const { rows } = await sql<UnitRef>`
    SELECT u.id, u.path FROM units u
    WHERE u.id IN (${row.unit_id}, ${row.received_unit_id})
       OR u.id IN (SELECT e.unit_id FROM feedback_events e WHERE e.feedback_id = ${row.id})
  `.execute(db);
  return rows;
}

export async function findFeedback(db: Executor, id: string, forUpdate = false): Promise<FeedbackRow> {
  let q = db.selectFrom("feedback").selectAll().where("id", "=", id);
  if (forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw new AppError("NOT_FOUND", { details: { entity: "feedback" } });
  return row;
}

/** The caller may read the record; otherwise 404 (401 for anonymous callers). */
export async function assertCanReadFeedback(
  db: Executor,
  principal: Principal,
  row: FeedbackRow,
): Promise<StaffPrincipal> {
  const staff = requireStaff(principal);
  const units = await involvedUnits(db, row);
  if (!units.some((u) => can(staff, "feedback.read", u) || can(staff, "feedback.manage", u)))
    throw new AppError("NOT_FOUND", { details: { entity: "feedback" } });
  return staff;
}

/** The caller may take a handling step: it sees the record and holds `action` on the unit that has it now. */
export async function assertCanHandle(
  db: Executor,
  principal: Principal,
  row: FeedbackRow,
  action: Action = "feedback.manage",
): Promise<StaffPrincipal> {
  const staff = await assertCanReadFeedback(db, principal, row);
  const holder = await db
    .selectFrom("units")
    .select(["id", "path"])
    .where("id", "=", row.unit_id)
    .executeTakeFirstOrThrow();
  if (!can(staff, action, holder)) throw new AppError("FORBIDDEN", { details: { action } });
  return staff;
}

export interface FeedbackEvent {
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  detail?: Record<string, unknown>;
  /** The unit whose register the event belongs to; the record's unit by default. */
  unitId?: string;
}

/** Appends to the record's history and to the audit trail, in the caller's transaction. */
export async function recordFeedbackEvent(
  tx: Tx,
  row: Pick<FeedbackRow, "id" | "unit_id" | "code">,
  actor: Actor,
  event: FeedbackEvent,
  now: Date,
): Promise<void> {
  const unitId = event.unitId ?? row.unit_id;
  await tx
    .insertInto("feedback_events")
    .values({
      feedback_id: row.id,
      unit_id: unitId,
      at: now,
      action: event.action,
      actor_kind: actor.kind,
      actor_id: actor.id,
      from_status: event.fromStatus,
      to_status: event.toStatus,
      detail: JSON.stringify(event.detail ?? {}),
    })
    .execute();
  await recordAudit(
    tx,
    {
      actor,
      action: `feedback.${event.action}`,
      entityType: "feedback",
      entityId: row.id,
      unitId,
      summary: { code: row.code, from: event.fromStatus, to: event.toStatus, ...(event.detail ?? {}) },
    },
    now,
  );
}

/** Optimistic concurrency: the caller's version must be the row's. */
export function assertVersion(row: FeedbackRow, version: number): void {
  if (row.version !== version) throw new AppError("CONFLICT", { details: { current: row.version } });
}

export function staffActor(staff: StaffPrincipal): Actor {
  return { kind: "staff", id: staff.staffId };
}
