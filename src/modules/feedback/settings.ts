/**
 * Unit settings of feedback handling: the answer deadline in working days (NĐ 20/2008/NĐ-CP sets none; see
 * src/domain/feedback/deadlines.ts for the default), and the API keys of Open311 clients that file on behalf of
 * others. Both are the unit administrator's (unit.manage).
 */
import { createHash, randomBytes } from "node:crypto";
import type { z } from "zod";
import type { FeedbackSettingsInput, Open311ClientInput } from "../../contracts/feedback.ts";
import type { Db, Executor } from "../../db/database.ts";
import { formatInstant } from "../../domain/calendar/index.ts";
import { DEFAULT_ANSWER_WORKING_DAYS } from "../../domain/feedback/index.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit/audit-log.ts";
import { assertCan, can, requireStaff } from "../auth/policy.ts";
import type { Principal } from "../auth/principal.ts";
import { getUnitByCode } from "../units/queries.ts";

export async function readSettings(db: Executor, principal: Principal, unitCode: string) {
  const unit = await getUnitByCode(db, unitCode);
  if (!can(principal, "unit.manage", unit)) assertCan(principal, "feedback.read", unit);
  const row = await db
    .selectFrom("feedback_settings")
    .selectAll()
    .where("unit_id", "=", unit.id)
    .executeTakeFirst();
  return {
    unit: unit.code,
    answerWorkingDays: row?.answer_working_days ?? DEFAULT_ANSWER_WORKING_DAYS,
    source: row ? ("unit" as const) : ("default" as const),
    version: row?.version ?? 0,
  };
}

export async function writeSettings(
  db: Db,
  principal: Principal,
  input: z.infer<typeof FeedbackSettingsInput>,
  now: Date,
) {
  const unit = await getUnitByCode(db, input.unit);
  const staff = assertCan(principal, "unit.manage", unit);
  await db.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom("feedback_settings")
      .selectAll()
      .where("unit_id", "=", unit.id)
      .forUpdate()
      .executeTakeFirst();
    if ((row?.version ?? 0) !== input.version)
      throw new AppError("CONFLICT", { details: { current: row?.version ?? 0 } });
    if (row) {
      await tx
        .updateTable("feedback_settings")
        .set({ answer_working_days: input.answerWorkingDays, version: row.version + 1, updated_at: now })
        .where("unit_id", "=", unit.id)
        .execute();
    } else {
      await tx
        .insertInto("feedback_settings")
        .values({ unit_id: unit.id, answer_working_days: input.answerWorkingDays, updated_at: now })
        .execute();
    }
    await recordAudit(
      tx,
      {
        actor: { kind: "staff", id: staff.staffId },
        action: "feedback.settings",
        entityType: "unit",
        entityId: unit.id,
        unitId: unit.id,
        summary: { answerWorkingDays: input.answerWorkingDays, before: row?.answer_working_days ?? null },
      },
      now,
    );
  });
  return readSettings(db, principal, input.unit);
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export async function createOpen311Client(
  db: Db,
  principal: Principal,
  input: z.infer<typeof Open311ClientInput>,
  now: Date,
) {
  const unit = await getUnitByCode(db, input.unit);
  const staff = assertCan(principal, "unit.manage", unit);
  const apiKey = randomBytes(24).toString("base64url");
  const row = await db.transaction().execute(async (tx) => {
    const created = await tx
      .insertInto("open311_clients")
      .values({
        unit_id: unit.id,
        name: input.name,
        key_hash: hashApiKey(apiKey),
        created_by: staff.staffId,
        created_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(
      tx,
      {
        actor: { kind: "staff", id: staff.staffId },
        action: "open311_client.create",
        entityType: "open311_client",
        entityId: created.id,
        unitId: unit.id,
        summary: { name: input.name },
      },
      now,
    );
    return created;
  });
  return {
    id: row.id,
    unit: unit.code,
    name: row.name,
    active: row.active,
    createdAt: formatInstant(now.getTime()),
    apiKey,
  };
}

export async function listOpen311Clients(db: Executor, principal: Principal, unitCode: string) {
  requireStaff(principal);
  const unit = await getUnitByCode(db, unitCode);
  assertCan(principal, "unit.manage", unit);
  const rows = await db
    .selectFrom("open311_clients")
    .selectAll()
    .where("unit_id", "=", unit.id)
    .orderBy("created_at")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    unit: unit.code,
    name: r.name,
    active: r.active,
    createdAt: formatInstant(new Date(r.created_at).getTime()),
  }));
}

/** The active client of an api_key, or null; an unknown key is refused by the caller (403). */
export async function clientOfKey(db: Executor, key: string): Promise<{ id: string; unitId: string } | null> {
  const row = await db
    .selectFrom("open311_clients")
    .select(["id", "unit_id"])
    .where("key_hash", "=", hashApiKey(key))
    .where("active", "=", true)
    .executeTakeFirst();
  return row ? { id: row.id, unitId: row.unit_id } : null;
}
