import { randomUUID } from "node:crypto";
import { DEFAULT_WORKING_HOURS } from "../contracts/units.ts";
import type { Tx } from "../db/database.ts";
import { recordAudit } from "../modules/audit/audit-log.ts";
import { hashPassword } from "../modules/auth/passwords.ts";
import { DEMO_PASSWORD, DEMO_STAFF, DEMO_UNITS } from "./demo-units.ts";

const SYSTEM = { kind: "system", id: null } as const;

/** Inserts the demo tree and accounts; returns unit ids by demo key. */
export async function seedUnitsAndStaff(tx: Tx, now: Date): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const paths = new Map<string, { path: string; depth: number }>();
  for (const u of DEMO_UNITS) {
    const id = randomUUID();
    const parent = u.parent ? paths.get(u.parent) : undefined;
    const path = `${parent?.path ?? "/"}${id}/`;
    const depth = parent ? parent.depth + 1 : 0;
    ids.set(u.key, id);
    paths.set(u.key, { path, depth });
    await tx
      .insertInto("units")
      .values({
        id,
        code: u.code,
        gso_code: u.gsoCode ?? null,
        name: u.name,
        kind: u.kind,
        parent_id: u.parent ? (ids.get(u.parent) ?? null) : null,
        path,
        depth,
        address: u.address ?? null,
        working_hours: JSON.stringify(DEFAULT_WORKING_HOURS) as never,
        valid_from: u.validFrom ?? null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await recordAudit(
      tx,
      {
        actor: SYSTEM,
        action: "unit.create",
        entityType: "unit",
        entityId: id,
        unitId: id,
        summary: { after: { code: u.code, name: u.name, kind: u.kind }, seed: "demo" },
      },
      now,
    );
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const s of DEMO_STAFF) {
    const unitId = ids.get(s.unit);
    if (!unitId) throw new Error(`demo staff ${s.username}: unknown unit ${s.unit}`);
    const row = await tx
      .insertInto("staff")
      .values({
        unit_id: unitId,
        username: s.username,
        full_name: s.fullName,
        position: s.position,
        roles: s.roles,
        password_hash: passwordHash,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(
      tx,
      {
        actor: SYSTEM,
        action: "staff.create",
        entityType: "staff",
        entityId: row.id,
        unitId,
        summary: { after: { username: s.username, roles: s.roles }, seed: "demo" },
      },
      now,
    );
  }
  return ids;
}
