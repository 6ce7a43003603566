/**
 * How every use case changes a dossier: lock the row and check the version the caller read → run the pure
 * transition() → write the new state → append the dossier's event and the audit entry → carry out the machine's
 * effects (commit.ts), all in the caller's one transaction. A stale version is a 409 CONFLICT; a refusal of the machine is a 4xx with the machine's code.
 */
import { sql, type Updateable } from "kysely";
import type { FileStore } from "../../adapters/storage/file-store.ts";
import type { Tx } from "../../db/database.ts";
import type { DossierTable } from "../../db/tables/dossiers.ts";
import type { WorkingCalendar } from "../../domain/calendar/index.ts";
import {
  type DossierEffect,
  type DossierEvent,
  type DossierState,
  type TransitionContext,
  type TransitionError,
  transition,
} from "../../domain/dossier/index.ts";
import { AppError, type ErrorCode } from "../../errors.ts";
import { recordAudit } from "../audit/audit-log.ts";
import { actorOf, type StaffPrincipal } from "../auth/principal.ts";
import { type DossierRow, specsOf, stateOf, workflowOf } from "./state.ts";

export interface DossierDeps {
  /** Where rendered forms are stored; null (seeding) leaves them to be rendered on first download. */
  files: FileStore | null;
  publicUrl: string;
  /** "on_download": issued forms are drawn when first downloaded, not after the action commits. */
  forms?: "on_commit" | "on_download";
}

/** One use case: its transaction, who acts, when, and the forms to render once it commits. */
export interface ActionContext {
  tx: Tx;
  principal: StaffPrincipal;
  now: Date;
  deps: DossierDeps;
  pendingForms: string[];
}

export async function lockDossier(tx: Tx, id: string): Promise<DossierRow> {
  const row = await tx.selectFrom("dossiers").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
  if (!row) throw new AppError("NOT_FOUND", { details: { entity: "dossier", id } });
  return row;
}

export function assertVersion(row: DossierRow, version: number): void {
  if (row.version !== version) throw new AppError("CONFLICT", { details: { currentVersion: row.version } });
}

export function machineError(error: TransitionError): AppError {
  return new AppError(error.code as ErrorCode, {
    ...(error.details === undefined ? {} : { details: error.details }),
    vi: error.messageVi,
    en: error.message,
  });
}

/** Runs the machine on the row's state; throws its refusal. */
export function applyEvent(
  row: DossierRow,
  event: DossierEvent,
  now: Date,
  calendar: WorkingCalendar,
  offers?: TransitionContext["offers"],
): { state: DossierState; effects: DossierEffect[] } {
  const result = transition(stateOf(row), event, {
    now: now.getTime(),
    calendar,
    workflow: specsOf(workflowOf(row)),
    ...(offers ? { offers } : {}),
  });
  if (!result.ok) throw machineError(result.error);
  return { state: result.state, effects: result.effects };
}

export interface EventRecord {
  action: string;
  fromStatus: string | null;
  /** The acting unit (the audit chain the entry goes to); the caller's unit by default. */
  unitId?: string;
  stepIndex?: number | null;
  detail?: Record<string, unknown>;
}

/**
 * Writes the changes with the next version, appends the event and the audit entry. A change the machine decided
 * goes through commitTransition (commit.ts), which also carries out the machine's effects; this alone is for
 * changes outside the machine (claiming or assigning a step).
 */
export async function saveDossier(
  ctx: ActionContext,
  row: DossierRow,
  changes: Updateable<DossierTable>,
  record: EventRecord,
): Promise<DossierRow> {
  const { tx, now } = ctx;
  const next = await tx
    .updateTable("dossiers")
    .set({ ...changes, version: row.version + 1, updated_at: now })
    .where("id", "=", row.id)
    .where("version", "=", row.version)
    .returningAll()
    .executeTakeFirst();
  if (!next) throw new AppError("CONFLICT", { details: { currentVersion: null } });
  await appendEvent(ctx, next, record);
  return next;
}

/** Appends the dossier's history entry and the audit entry (the row is locked by the caller). */
export async function appendEvent(ctx: ActionContext, row: DossierRow, record: EventRecord): Promise<void> {
  const { tx, now, principal } = ctx;
  const unitId = record.unitId ?? principal.unitId;
  const stepIndex = record.stepIndex === undefined ? row.step_index : record.stepIndex;
  const detail = record.detail ?? {};
  await sql`
    INSERT INTO dossier_events
      (dossier_id, seq, at, unit_id, actor_id, action, from_status, to_status, step_index, detail)
    SELECT ${row.id}::uuid, coalesce(max(seq), 0) + 1, ${now}::timestamptz, ${unitId}::uuid,
           ${principal.staffId}::uuid, ${record.action}::text, ${record.fromStatus}::text, ${row.status}::text,
           ${stepIndex}::int, ${JSON.stringify(detail)}::jsonb
    FROM dossier_events WHERE dossier_id = ${row.id}::uuid
  `.execute(tx);
  await recordAudit(
    tx,
    {
      actor: actorOf(principal),
      action: `dossier.${record.action}`,
      entityType: "dossier",
      entityId: row.id,
      unitId,
      summary: {
        code: row.code,
        from: record.fromStatus,
        to: row.status,
        step: stepIndex,
        version: row.version,
        ...detail,
      },
    },
    now,
  );
}
