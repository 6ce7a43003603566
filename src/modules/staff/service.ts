import type { Selectable } from "kysely";
import type { z } from "zod";
import type { PasswordReset, Staff, StaffInput, StaffUpdate } from "../../contracts/staff.ts";
import type { Db, Executor } from "../../db/database.ts";
import type { StaffTable } from "../../db/tables/foundation.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit/audit-log.ts";
import { updateVersioned } from "../audit/versioned-update.ts";
import { staffNameKey } from "../auth/login.ts";
import { assertStrongPassword, hashPassword } from "../auth/passwords.ts";
import { assertCan, assertMayGrantRoles, assertMayManageAccount } from "../auth/policy.ts";
import { actorOf, type Principal } from "../auth/principal.ts";
import { clearRateLimit } from "../auth/rate-limit.ts";
import { destroySessionsOf } from "../auth/sessions.ts";
import { escapeLike, getUnit } from "../units/queries.ts";

type StaffRow = Selectable<StaffTable> & { unit_name: string };

export function toStaff(row: StaffRow): Staff {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    username: row.username,
    fullName: row.full_name,
    position: row.position,
    email: row.email,
    phone: row.phone,
    roles: row.roles,
    active: row.active,
    totpEnabled: row.totp_enabled,
    mustChangePassword: row.must_change_password,
    version: row.version,
  };
}

function staffQuery(db: Executor) {
  return db
    .selectFrom("staff")
    .innerJoin("units", "units.id", "staff.unit_id")
    .selectAll("staff")
    .select("units.name as unit_name");
}

export async function getStaffRow(db: Executor, id: string): Promise<StaffRow & { unit_path: string }> {
  const row = await staffQuery(db)
    .select("units.path as unit_path")
    .where("staff.id", "=", id)
    .executeTakeFirst();
  if (!row) throw new AppError("NOT_FOUND", { details: { entity: "staff", id } });
  return row;
}

export async function listStaff(
  db: Executor,
  scope: { unitId: string } | { pathPrefix: string } | null,
  filter: { unitId?: string },
): Promise<StaffRow[]> {
  let q = staffQuery(db);
  if (scope && "unitId" in scope) q = q.where("staff.unit_id", "=", scope.unitId);
  if (scope && "pathPrefix" in scope) q = q.where("units.path", "like", `${escapeLike(scope.pathPrefix)}%`);
  if (filter.unitId) q = q.where("staff.unit_id", "=", filter.unitId);
  return q.orderBy("units.name").orderBy("staff.full_name").limit(1000).execute();
}

export async function createStaff(
  db: Db,
  principal: Principal,
  input: z.infer<typeof StaffInput>,
  now: Date,
): Promise<StaffRow> {
  const unit = await getUnit(db, input.unitId);
  assertCan(principal, "staff.manage", unit);
  assertMayGrantRoles(principal, input.roles);
  assertStrongPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (tx) => {
    const taken = await tx
      .selectFrom("staff")
      .select("id")
      .where((eb) => eb(eb.fn("lower", ["username"]), "=", input.username.toLowerCase()))
      .executeTakeFirst();
    if (taken) throw new AppError("USERNAME_TAKEN");
    const row = await tx
      .insertInto("staff")
      .values({
        unit_id: input.unitId,
        username: input.username,
        full_name: input.fullName,
        position: input.position ?? null,
        email: input.email ?? null,
        phone: input.phone ?? null,
        roles: [...new Set(input.roles)],
        password_hash: passwordHash,
        must_change_password: true,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(
      tx,
      {
        actor: actorOf(principal),
        action: "staff.create",
        entityType: "staff",
        entityId: row.id,
        unitId: input.unitId,
        summary: { after: { username: input.username, roles: input.roles } },
      },
      now,
    );
    return getStaffRow(tx, row.id);
  });
}

function sameRoles(a: readonly string[], b: readonly string[]): boolean {
  return new Set(a).size === new Set(b).size && a.every((r) => b.includes(r));
}

export async function updateStaff(
  db: Db,
  principal: Principal,
  id: string,
  input: z.infer<typeof StaffUpdate>,
  now: Date,
): Promise<StaffRow> {
  return db.transaction().execute(async (tx) => {
    const before = await getStaffRow(tx, id);
    assertCan(principal, "staff.manage", { id: before.unit_id, path: before.unit_path });
    assertMayManageAccount(principal, before, {
      roles: input.roles !== undefined && !sameRoles(input.roles, before.roles),
      active: input.active !== undefined && input.active !== before.active,
    });
    if (input.roles) assertMayGrantRoles(principal, input.roles);
    await updateVersioned(tx, {
      table: "staff",
      id,
      version: input.version,
      changes: {
        ...(input.fullName !== undefined && { full_name: input.fullName }),
        ...(input.position !== undefined && { position: input.position }),
        ...(input.email !== undefined && { email: input.email }),
        ...(input.phone !== undefined && { phone: input.phone }),
        ...(input.roles !== undefined && { roles: [...new Set(input.roles)] }),
        ...(input.active !== undefined && { active: input.active }),
        updated_at: now,
      },
      audit: () => ({
        actor: actorOf(principal),
        action: "staff.update",
        entityType: "staff",
        entityId: id,
        unitId: before.unit_id,
        summary: {
          before: { roles: before.roles, active: before.active, fullName: before.full_name },
          after: { roles: input.roles ?? before.roles, active: input.active ?? before.active },
        },
      }),
      now,
      entity: "staff",
    });
    if (input.active === false) await destroySessionsOf(tx, { kind: "staff", id });
    return getStaffRow(tx, id);
  });
}

/** An admin sets a temporary password: every session of the account ends and it must be changed at next sign-in. */
export async function resetStaffPassword(
  db: Db,
  principal: Principal,
  id: string,
  input: z.infer<typeof PasswordReset>,
  now: Date,
): Promise<void> {
  const target = await getStaffRow(db, id);
  assertCan(principal, "staff.manage", { id: target.unit_id, path: target.unit_path });
  assertMayManageAccount(principal, target);
  assertStrongPassword(input.newPassword);
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (tx) => {
    // The version read before the (slow) hashing: an edit of the account meanwhile is a 409, not a lost update.
    await updateVersioned(tx, {
      table: "staff",
      id,
      version: target.version,
      changes: {
        password_hash: passwordHash,
        must_change_password: true,
        failed_logins: 0,
        locked_until: null,
        updated_at: now,
      },
      audit: () => ({
        actor: actorOf(principal),
        action: "staff.password_reset",
        entityType: "staff",
        entityId: id,
        unitId: target.unit_id,
        summary: {},
      }),
      now,
      entity: "staff",
    });
    await destroySessionsOf(tx, { kind: "staff", id });
    // A temporary password from an administrator also lifts a sign-in lock.
    await clearRateLimit(tx, staffNameKey(target.username));
  });
}
