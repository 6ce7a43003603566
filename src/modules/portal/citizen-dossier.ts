/**
 * A citizen's own online dossier: loading it (another citizen's, or a counter dossier, answers 404 as if it did not
 * exist), locking it at the version the citizen read, and writing a change with its history entry and audit entry
 * in the same transaction. Citizens are not staff: the history names no officer, and the audit actor is the citizen.
 */
import { sql, type Updateable } from "kysely";
import type { Executor, Tx } from "../../db/database.ts";
import type { DossierTable } from "../../db/tables/dossiers.ts";
import type { DossierEffect } from "../../domain/dossier/index.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit/audit-log.ts";
import type { CitizenPrincipal, Principal } from "../auth/principal.ts";
import { carryOut } from "../dossiers/commit.ts";
import type { DossierRow } from "../dossiers/state.ts";

export function requireCitizenPrincipal(principal: Principal): CitizenPrincipal {
  if (principal.kind !== "citizen") throw new AppError("UNAUTHENTICATED");
  return principal;
}

/** The dossier if the citizen owns it; otherwise 404. */
export async function ownDossier(db: Executor, citizen: CitizenPrincipal, id: string): Promise<DossierRow> {
  const row = await db
    .selectFrom("dossiers")
    .selectAll()
    .where("id", "=", id)
    .where("citizen_id", "=", citizen.citizenId)
    .executeTakeFirst();
  if (!row) throw new AppError("NOT_FOUND", { details: { entity: "dossier" } });
  return row;
}

/** Locks the citizen's dossier and checks the version they read (409 when stale). */
export async function lockOwnDossier(
  tx: Tx,
  citizen: CitizenPrincipal,
  id: string,
  version: number,
): Promise<DossierRow> {
  const row = await tx
    .selectFrom("dossiers")
    .selectAll()
    .where("id", "=", id)
    .where("citizen_id", "=", citizen.citizenId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new AppError("NOT_FOUND", { details: { entity: "dossier" } });
  if (row.version !== version) throw new AppError("CONFLICT", { details: { currentVersion: row.version } });
  return row;
}

export interface CitizenAct {
  tx: Tx;
  citizen: CitizenPrincipal;
  now: Date;
  /** For links in notifications. */
  publicUrl: string;
}

export interface CitizenRecord {
  action: string;
  fromStatus: string | null;
  detail?: Record<string, unknown>;
  /** false: an edit of a draft (audited, versioned) that the dossier's timeline does not list. */
  history?: boolean;
}

/**
 * Writes the changes with the next version, the dossier's history entry and the audit entry, and carries out the
 * machine's effects of the citizen's act (commit.ts): a form issued on the citizen's act names no officer and is
 * rendered on first download.
 */
export async function saveAsCitizen(
  act: CitizenAct,
  row: DossierRow,
  changes: Updateable<DossierTable>,
  record: CitizenRecord,
  effects: readonly DossierEffect[] = [],
): Promise<DossierRow> {
  const next = await act.tx
    .updateTable("dossiers")
    .set({ ...changes, version: row.version + 1, updated_at: act.now })
    .where("id", "=", row.id)
    .where("version", "=", row.version)
    .returningAll()
    .executeTakeFirst();
  if (!next) throw new AppError("CONFLICT", { details: { currentVersion: null } });
  await appendCitizenEvent(act, next, record);
  const issuer = {
    tx: act.tx,
    now: act.now,
    deps: { publicUrl: act.publicUrl },
    principal: { staffId: null, fullName: "Cổng Dịch vụ công (trực tuyến)" },
    pendingForms: [],
  };
  await carryOut(issuer, next, effects);
  return next;
}

/** Appends the history and audit entries of a citizen's act on a locked dossier. */
export async function appendCitizenEvent(
  act: CitizenAct,
  row: DossierRow,
  record: CitizenRecord,
): Promise<void> {
  const { tx, now, citizen } = act;
  const detail = { by: "citizen", ...(record.detail ?? {}) };
  if (record.history !== false) {
    await sql`
    INSERT INTO dossier_events
      (dossier_id, seq, at, unit_id, actor_id, action, from_status, to_status, step_index, detail)
    SELECT ${row.id}::uuid, coalesce(max(seq), 0) + 1, ${now}::timestamptz, ${row.received_unit_id}::uuid,
           NULL, ${record.action}::text, ${record.fromStatus}::text, ${row.status}::text,
           ${row.step_index}::int, ${JSON.stringify(detail)}::jsonb
    FROM dossier_events WHERE dossier_id = ${row.id}::uuid
  `.execute(tx);
  }
  await recordAudit(
    tx,
    {
      actor: { kind: "citizen", id: citizen.citizenId },
      action: `portal.${record.action}`,
      entityType: "dossier",
      entityId: row.id,
      unitId: row.received_unit_id,
      summary: { code: row.code, from: record.fromStatus, to: row.status, version: row.version, ...detail },
    },
    now,
  );
}
