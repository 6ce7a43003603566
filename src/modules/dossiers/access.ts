/**
 * Who sees and who acts on a dossier. A unit sees the dossiers it received, the ones it holds now and every one
 * transferred to it (past transfers included: both sides keep the whole history); supervisors see those of
 * their subtree. A dossier the caller may not see answers 404, so that codes and ids reveal nothing; a visible
 * dossier the caller may not act on answers 403.
 */
import { type RawBuilder, sql } from "kysely";
import type { Executor } from "../../db/database.ts";
import type { DossierRole } from "../../db/tables/dossiers.ts";
import { AppError } from "../../errors.ts";
import { type Action, can, listingScope, requireStaff, type UnitRef } from "../auth/policy.ts";
import type { Principal, StaffPrincipal } from "../auth/principal.ts";
import { escapeLike } from "../units/queries.ts";
import type { DossierRow } from "./state.ts";

/** The grant each workflow role acts with (the clerk issues the result document: document.manage). */
export const ROLE_ACTION: Record<DossierRole, Action> = {
  reception: "dossier.receive",
  specialist: "dossier.process",
  leader: "dossier.approve",
  clerk: "document.manage",
};

export interface UnitInfo extends UnitRef {
  code: string;
  name: string;
}

export async function unitInfo(db: Executor, id: string): Promise<UnitInfo> {
  const row = await db
    .selectFrom("units")
    .select(["id", "path", "code", "name"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw new AppError("NOT_FOUND", { details: { entity: "unit", id } });
  return row;
}

/** Every unit that sees the dossier, with its path. */
export async function involvedUnits(
  db: Executor,
  row: Pick<DossierRow, "id" | "received_unit_id" | "current_unit_id">,
): Promise<UnitRef[]> {
  const { rows } = await sql<UnitRef>`
    SELECT u.id, u.path FROM units u
    WHERE u.id IN (${row.received_unit_id}, ${row.current_unit_id})
       OR u.id IN (SELECT t.to_unit_id FROM dossier_transfers t WHERE t.dossier_id = ${row.id})
  `.execute(db);
  return rows;
}

/**
 * The caller may read the dossier; otherwise 404 (401 for anonymous callers). A citizen's online draft
 * (`draft_online`) is the citizen's own until submitted: no officer reads it, annotates it or opens its files.
 */
export async function assertCanRead(
  db: Executor,
  principal: Principal,
  row: Pick<DossierRow, "id" | "received_unit_id" | "current_unit_id" | "status">,
): Promise<StaffPrincipal> {
  const staff = requireStaff(principal);
  if (row.status === "draft_online") throw new AppError("NOT_FOUND", { details: { entity: "dossier" } });
  const units = await involvedUnits(db, row);
  if (!units.some((u) => can(staff, "dossier.read", u))) {
    throw new AppError("NOT_FOUND", { details: { entity: "dossier" } });
  }
  return staff;
}

/** The caller holds `role` and its grant covers `unit`; otherwise 403. */
export function assertActs(principal: Principal, role: DossierRole, unit: UnitRef): StaffPrincipal {
  const staff = requireStaff(principal);
  if (!staff.roles.includes(role) || !can(staff, ROLE_ACTION[role], unit)) {
    throw new AppError("FORBIDDEN", { details: { action: ROLE_ACTION[role], role } });
  }
  return staff;
}

export function acts(principal: StaffPrincipal, role: DossierRole, unit: UnitRef): boolean {
  return principal.roles.includes(role) && can(principal, ROLE_ACTION[role], unit);
}

/**
 * A SQL condition on dossier alias `d` limiting a listing to what the caller may read, or null for no limit.
 * Throws 403 when the caller may read no dossier at all.
 */
export function readableCondition(principal: Principal): RawBuilder<boolean> | null {
  const scope = listingScope(principal, "dossier.read");
  if (scope === null) return sql<boolean>`d.status <> 'draft_online'`;
  return sql<boolean>`(d.status <> 'draft_online' AND ${unitCondition(scope)})`;
}

// Each branch is an indexed column compared with a value or an array computed once (an uncorrelated ARRAY(...)):
// the planner can then combine the indexes (BitmapOr) instead of testing every dossier; a correlated EXISTS
// among the ORs made every inbox read the whole table (src/db/hot-queries.test.ts).
function unitCondition(scope: { unitId: string } | { pathPrefix: string }): RawBuilder<boolean> {
  if ("unitId" in scope) {
    const u = scope.unitId;
    return sql<boolean>`(d.received_unit_id = ${u} OR d.current_unit_id = ${u}
      OR d.id = ANY (ARRAY(SELECT t.dossier_id FROM dossier_transfers t WHERE t.to_unit_id = ${u})))`;
  }
  const prefix = `${escapeLike(scope.pathPrefix)}%`;
  const units = sql`ARRAY(SELECT su.id FROM units su WHERE su.path LIKE ${prefix})`;
  return sql<boolean>`(d.received_unit_id = ANY (${units}) OR d.current_unit_id = ANY (${units})
    OR d.id = ANY (ARRAY(SELECT t.dossier_id FROM dossier_transfers t JOIN units tu ON tu.id = t.to_unit_id
      WHERE tu.path LIKE ${prefix})))`;
}
