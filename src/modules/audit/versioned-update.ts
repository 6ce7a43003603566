/**
 * The one shape of a change to a versioned row (optimistic concurrency): the caller names the version it read,
 * the UPDATE matches only that version and sets the next one, and the change's audit event is written in the same
 * transaction. A row changed meanwhile is a 409 CONFLICT with `details.currentVersion`; a row that is gone, a 404.
 *
 * It lives in the audit module because it writes the audit event (src/db never imports feature modules).
 */
import type { Selectable, Transaction, Updateable } from "kysely";
import type { Database, Tx } from "../../db/database.ts";
import { AppError } from "../../errors.ts";
import { type AuditEvent, recordAudit } from "./audit-log.ts";

/** Tables whose rows carry a string `id` and an integer `version`. */
export type VersionedTable = {
  [T in keyof Database]: Selectable<Database[T]> extends { id: string; version: number } ? T : never;
}[keyof Database];

export type VersionedRow<T extends VersionedTable> = Selectable<Database[T]>;

/** Untyped view of the transaction, for statements over a table chosen at run time. */
type AnyRow = { id: string; version: number };
type Loose = { t: AnyRow };
function loose(tx: Tx): Transaction<Loose> {
  return tx as unknown as Transaction<Loose>;
}
function named(table: VersionedTable): "t" {
  return table as unknown as "t";
}

function notFound(entity: string, id: string): AppError {
  return new AppError("NOT_FOUND", { details: { entity, id } });
}

/**
 * Locks the row (SELECT … FOR UPDATE) and checks the version the caller read: for use cases that must look at
 * the row before they decide on the change. 404 when the row is missing, 409 when its version differs.
 */
export async function lockVersioned<T extends VersionedTable>(
  tx: Tx,
  table: T,
  id: string,
  version: number,
  entity: string = table,
): Promise<VersionedRow<T>> {
  const row = await loose(tx)
    .selectFrom(named(table))
    .selectAll()
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound(entity, id);
  if (row.version !== version) throw new AppError("CONFLICT", { details: { currentVersion: row.version } });
  return row as unknown as VersionedRow<T>;
}

interface VersionedUpdateBase<T extends VersionedTable> {
  table: T;
  id: string;
  /** The version the caller read (the client's `version`, or the row it locked). */
  version: number;
  /** The columns to change; `version` is set by the helper. */
  changes: Omit<Updateable<Database[T]>, "version">;
  now: Date;
  /** The entity named in a 404's details (default: the table). */
  entity?: string;
}

export type VersionedUpdate<T extends VersionedTable> = VersionedUpdateBase<T> &
  (
    | {
        /** The audit event of the change, built from the row as it is after the update. */
        audit: (after: VersionedRow<T>) => AuditEvent;
      }
    | {
        /**
         * For a module whose own event log records the audit event too (feedback's events): called in the same
         * transaction after the update; it must call recordAudit.
         */
        record: (tx: Tx, after: VersionedRow<T>) => Promise<void>;
      }
  );

/**
 * UPDATE table SET changes, version = version + 1 WHERE id = … AND version = the version read; then the audit
 * event, in the caller's transaction (a failure later in it rolls both back). Returns the row after the update.
 */
export async function updateVersioned<T extends VersionedTable>(
  tx: Tx,
  update: VersionedUpdate<T>,
): Promise<VersionedRow<T>> {
  const db = loose(tx);
  const after = await db
    .updateTable(named(update.table))
    .set({ ...(update.changes as Partial<AnyRow>), version: update.version + 1 })
    .where("id", "=", update.id)
    .where("version", "=", update.version)
    .returningAll()
    .executeTakeFirst();
  if (!after) {
    const current = await db
      .selectFrom(named(update.table))
      .select("version")
      .where("id", "=", update.id)
      .executeTakeFirst();
    if (!current) throw notFound(update.entity ?? update.table, update.id);
    throw new AppError("CONFLICT", { details: { currentVersion: current.version } });
  }
  const row = after as unknown as VersionedRow<T>;
  if ("audit" in update) await recordAudit(tx, update.audit(row), update.now);
  else await update.record(tx, row);
  return row;
}
