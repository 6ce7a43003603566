import { randomUUID } from "node:crypto";
import type { z } from "zod";
import {
  DEFAULT_WORKING_HOURS,
  type UnitDeactivate,
  type UnitInput,
  type UnitMove,
  type UnitUpdate,
} from "../../contracts/units.ts";
import type { Db, Tx } from "../../db/database.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit/audit-log.ts";
import { lockVersioned, updateVersioned } from "../audit/versioned-update.ts";
import { assertCan } from "../auth/policy.ts";
import { actorOf, type Principal } from "../auth/principal.ts";
import { catalogWritten } from "../catalog/search-index.ts";
import { escapeLike, findUnitByCode, getUnit, type UnitRow } from "./queries.ts";

/** The tree's root as a policy target: only an "all" scope covers it. */
const TREE_ROOT = { id: "", path: "/" };

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "23505";
}

export async function createUnit(
  db: Db,
  principal: Principal,
  input: z.infer<typeof UnitInput>,
  now: Date,
): Promise<UnitRow> {
  return db.transaction().execute(async (tx) => {
    const parent = input.parentId ? await getUnit(tx, input.parentId) : null;
    assertCan(principal, "unit.manage", parent ?? TREE_ROOT);
    if (parent && !parent.active) throw new AppError("UNIT_INACTIVE");
    if (await findUnitByCode(tx, input.code)) throw new AppError("UNIT_CODE_TAKEN");
    const id = randomUUID();
    const path = `${parent?.path ?? "/"}${id}/`;
    let row: UnitRow;
    try {
      row = await tx
        .insertInto("units")
        .values({
          id,
          code: input.code,
          gso_code: input.gsoCode ?? null,
          name: input.name,
          short_name: input.shortName ?? null,
          kind: input.kind,
          parent_id: parent?.id ?? null,
          path,
          depth: (parent?.depth ?? -1) + 1,
          address: input.address ?? null,
          phone: input.phone ?? null,
          email: input.email ?? null,
          website: input.website ?? null,
          working_hours: JSON.stringify(input.workingHours ?? DEFAULT_WORKING_HOURS) as never,
          valid_from: input.validFrom ?? null,
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError("UNIT_CODE_TAKEN");
      throw error;
    }
    await recordAudit(
      tx,
      {
        actor: actorOf(principal),
        action: "unit.create",
        entityType: "unit",
        entityId: id,
        unitId: id,
        summary: { after: { code: row.code, name: row.name, kind: row.kind, parentId: row.parent_id } },
      },
      now,
    );
    return row;
  });
}

function lockForUpdate(tx: Tx, id: string, version: number): Promise<UnitRow> {
  return lockVersioned(tx, "units", id, version, "unit");
}

export async function updateUnit(
  db: Db,
  principal: Principal,
  id: string,
  input: z.infer<typeof UnitUpdate>,
  now: Date,
): Promise<UnitRow> {
  return db.transaction().execute(async (tx) => {
    assertCan(principal, "unit.manage", await getUnit(tx, id));
    const before = await lockForUpdate(tx, id, input.version);
    if (input.code && input.code !== before.code && (await findUnitByCode(tx, input.code))) {
      throw new AppError("UNIT_CODE_TAKEN");
    }
    const changes = {
      ...(input.code !== undefined && { code: input.code }),
      ...(input.gsoCode !== undefined && { gso_code: input.gsoCode }),
      ...(input.name !== undefined && { name: input.name }),
      ...(input.shortName !== undefined && { short_name: input.shortName }),
      ...(input.kind !== undefined && { kind: input.kind }),
      ...(input.address !== undefined && { address: input.address }),
      ...(input.phone !== undefined && { phone: input.phone }),
      ...(input.email !== undefined && { email: input.email }),
      ...(input.website !== undefined && { website: input.website }),
      ...(input.validFrom !== undefined && { valid_from: input.validFrom }),
      ...(input.workingHours !== undefined && { working_hours: JSON.stringify(input.workingHours) as never }),
    };
    return updateVersioned(tx, {
      table: "units",
      id,
      version: before.version,
      changes: { ...changes, updated_at: now },
      audit: (after) => ({
        actor: actorOf(principal),
        action: "unit.update",
        entityType: "unit",
        entityId: id,
        unitId: id,
        summary: { before: pick(before, Object.keys(changes)), after: pick(after, Object.keys(changes)) },
      }),
      now,
      entity: "unit",
    });
  });
}

export async function moveUnit(
  db: Db,
  principal: Principal,
  id: string,
  input: z.infer<typeof UnitMove>,
  now: Date,
): Promise<UnitRow> {
  return db.transaction().execute(async (tx) => {
    const unit = await getUnit(tx, id);
    const newParent = await getUnit(tx, input.parentId);
    assertCan(principal, "unit.manage", unit);
    assertCan(principal, "unit.manage", newParent);
    if (newParent.path.startsWith(unit.path)) throw new AppError("UNIT_MOVE_CYCLE");
    if (!newParent.active) throw new AppError("UNIT_INACTIVE");
    const before = await lockForUpdate(tx, id, input.version);
    const newPath = `${newParent.path}${id}/`;
    const depthDelta = newParent.depth + 1 - before.depth;
    const descendants = await tx
      .selectFrom("units")
      .select(["id", "path", "depth"])
      .where("path", "like", `${escapeLike(before.path)}%`)
      .where("id", "!=", id)
      .forUpdate()
      .execute();
    for (const d of descendants) {
      await tx
        .updateTable("units")
        .set({
          path: newPath + d.path.slice(before.path.length),
          depth: d.depth + depthDelta,
          updated_at: now,
        })
        .where("id", "=", d.id)
        .execute();
    }
    return updateVersioned(tx, {
      table: "units",
      id,
      version: before.version,
      changes: { parent_id: newParent.id, path: newPath, depth: newParent.depth + 1, updated_at: now },
      audit: (after) => ({
        actor: actorOf(principal),
        action: "unit.move",
        entityType: "unit",
        entityId: id,
        unitId: id,
        summary: { before: { parentId: before.parent_id }, after: { parentId: after.parent_id } },
      }),
      now,
      entity: "unit",
    });
  });
}

/** Units with history are never deleted: they are deactivated, with an end date and an optional successor. */
export async function setUnitActive(
  db: Db,
  principal: Principal,
  id: string,
  active: boolean,
  input: z.infer<typeof UnitDeactivate>,
  now: Date,
): Promise<UnitRow> {
  return db.transaction().execute(async (tx) => {
    // Whether a unit is active decides which procedures search lists as online.
    catalogWritten();
    assertCan(principal, "unit.manage", await getUnit(tx, id));
    const before = await lockForUpdate(tx, id, input.version);
    if (!active) {
      const activeChild = await tx
        .selectFrom("units")
        .select("id")
        .where("parent_id", "=", id)
        .where("active", "=", true)
        .executeTakeFirst();
      if (activeChild) throw new AppError("UNIT_HAS_ACTIVE_CHILDREN");
      if (input.successorId) await getUnit(tx, input.successorId);
    }
    return updateVersioned(tx, {
      table: "units",
      id,
      version: before.version,
      changes: {
        active,
        valid_to: active ? null : (input.validTo ?? now.toISOString().slice(0, 10)),
        successor_id: active ? null : (input.successorId ?? null),
        updated_at: now,
      },
      audit: (after) => ({
        actor: actorOf(principal),
        action: active ? "unit.activate" : "unit.deactivate",
        entityType: "unit",
        entityId: id,
        unitId: id,
        summary: { before: { active: before.active }, after: { active, successorId: after.successor_id } },
      }),
      now,
      entity: "unit",
    });
  });
}

function pick(row: UnitRow, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = (row as unknown as Record<string, unknown>)[k];
  return out;
}
