import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { z } from "zod";
import type {
  HolidayDecisionInput,
  HolidayDecision as HolidayDecisionT,
  HolidayDecisionUpdate,
} from "../../contracts/calendar.ts";
import type { Db, Executor, Tx } from "../../db/database.ts";
import {
  CalendarInputError,
  type DecisionScope,
  type HolidayDecision,
  parseHolidayDecisions,
} from "../../domain/calendar/index.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit/audit-log.ts";
import { updateVersioned } from "../audit/versioned-update.ts";
import { assertCan, requireStaff, widestScope } from "../auth/policy.ts";
import { actorOf, type Principal, type StaffPrincipal } from "../auth/principal.ts";
import { type HolidayDecisionRow, toDecision } from "./decision-rows.ts";
import { calendarAppError } from "./errors.ts";

/**
 * The yearly decisions as stored data: list, read, create, edit, delete, for those allowed calendar.manage
 * (system administrators, over the whole tree). Each change is one transaction with its audit event and a new
 * decisions token, which retires every cached calendar (calendar-for.ts).
 */

type Fields = Omit<z.infer<typeof HolidayDecisionUpdate>, "version">;

/** The tree's root as a policy target: a national decision needs the "all" scope. */
const TREE_ROOT = { id: "", path: "/" };

function requireManager(principal: Principal): StaffPrincipal {
  const staff = requireStaff(principal);
  if (widestScope(staff, "calendar.manage") === null) {
    throw new AppError("FORBIDDEN", { details: { action: "calendar.manage" } });
  }
  return staff;
}

/**
 * The caller may manage decisions of this scope: national needs "all"; units need each unit in scope. A new
 * scope must name existing units; a stored one may name a unit since renamed, which only "all" covers.
 */
async function assertScope(
  db: Executor,
  principal: Principal,
  scope: DecisionScope,
  stored = false,
): Promise<void> {
  if (scope.kind === "national") {
    assertCan(principal, "calendar.manage", TREE_ROOT);
    return;
  }
  const codes = [...new Set(scope.unitCodes)];
  const units = await db
    .selectFrom("units")
    .select(["id", "code", "path"])
    .where("code", "in", codes)
    .execute();
  const missing = codes.filter((code) => !units.some((u) => u.code === code));
  if (missing.length > 0) {
    if (!stored) throw new AppError("UNKNOWN_UNIT", { details: { unitCodes: missing } });
    assertCan(principal, "calendar.manage", TREE_ROOT);
  }
  for (const unit of units) assertCan(principal, "calendar.manage", unit);
}

function invalid(id: string, problem: { vi: string; en: string }): never {
  throw new AppError("INVALID_DECISION", {
    vi: `Quyết định về ngày nghỉ ${id} không hợp lệ: ${problem.vi}`,
    en: `Holiday decision ${id} is invalid: ${problem.en}`,
    details: { id, problem: problem.en },
  });
}

/** The domain's checks (weekdays off, weekend working days, no date twice, …) plus: dates near the year. */
function validated(id: string, input: Fields): HolidayDecision {
  let decision: HolidayDecision;
  try {
    [decision] = parseHolidayDecisions([
      {
        id,
        year: input.year,
        title: input.title,
        titleEn: input.titleEn ?? input.title,
        source: input.source,
        evidence: input.evidence,
        scope: input.scope,
        supersedes: input.supersedes,
        daysOff: input.daysOff,
        workingDays: input.workingDays,
        ...(input.note ? { note: input.note } : {}),
      },
    ]) as [HolidayDecision];
  } catch (error) {
    if (error instanceof CalendarInputError) throw calendarAppError(error);
    throw error;
  }
  const dates = [
    ...decision.daysOff.map((d) => d.date),
    ...decision.workingDays.flatMap((w) => (w.replaces ? [w.date, w.replaces] : [w.date])),
  ];
  const far = dates.find((date) => Math.abs(Number(date.slice(0, 4)) - decision.year) > 1);
  if (far) {
    invalid(id, {
      vi: `ngày ${far} cách năm ${decision.year} quá một năm`,
      en: `${far} is more than a year away from ${decision.year}`,
    });
  }
  return decision;
}

function columns(decision: HolidayDecision) {
  return {
    year: decision.year,
    title: decision.title,
    title_en: decision.titleEn,
    source: decision.source,
    evidence: decision.evidence,
    scope_kind: decision.scope.kind,
    unit_codes: decision.scope.kind === "units" ? [...decision.scope.unitCodes] : [],
    supersedes: [...decision.supersedes],
    days_off: JSON.stringify(decision.daysOff) as never,
    working_days: JSON.stringify(decision.workingDays) as never,
    note: decision.note ?? null,
  };
}

/** A new token retires every cached calendar, in every process. */
async function bumpDecisionsToken(tx: Tx): Promise<void> {
  await tx
    .updateTable("calendar_state")
    .set({ version: sql`version + 1`, token: sql`gen_random_uuid()` })
    .where("id", "=", 1)
    .execute();
}

async function audit(
  tx: Tx,
  principal: Principal,
  action: "create" | "update" | "delete",
  id: string,
  summary: { before?: HolidayDecisionT; after?: HolidayDecisionT },
  now: Date,
): Promise<void> {
  const strip = (d: HolidayDecisionT | undefined) => {
    if (!d) return undefined;
    const { updatedAt: _updatedAt, ...rest } = d;
    return rest;
  };
  await recordAudit(
    tx,
    {
      actor: actorOf(principal),
      action: `calendar.decision.${action}`,
      entityType: "holiday_decision",
      entityId: id,
      unitId: null,
      summary: {
        ...(summary.before ? { before: strip(summary.before) } : {}),
        ...(summary.after ? { after: strip(summary.after) } : {}),
      },
    },
    now,
  );
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "23505";
}

export async function listDecisions(
  db: Db,
  principal: Principal,
  year: number | undefined,
): Promise<HolidayDecisionRow[]> {
  requireManager(principal);
  let q = db.selectFrom("holiday_decisions").selectAll().where("deleted_at", "is", null);
  if (year !== undefined) q = q.where("year", "=", year);
  return q.orderBy("year", "desc").orderBy("id").execute();
}

async function findLive(db: Executor, id: string, lock: boolean): Promise<HolidayDecisionRow> {
  let q = db.selectFrom("holiday_decisions").selectAll().where("id", "=", id);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row || row.deleted_at !== null) {
    throw new AppError("NOT_FOUND", { details: { entity: "holiday_decision", id } });
  }
  return row;
}

export async function getDecision(db: Db, principal: Principal, id: string): Promise<HolidayDecisionRow> {
  requireManager(principal);
  return findLive(db, id, false);
}

export async function createDecision(
  db: Db,
  principal: Principal,
  input: z.infer<typeof HolidayDecisionInput>,
  now: Date,
): Promise<HolidayDecisionRow> {
  requireManager(principal);
  const id = input.id ?? `${input.year}-${randomUUID().slice(0, 8)}`;
  const decision = validated(id, input);
  return db.transaction().execute(async (tx) => {
    await assertScope(tx, principal, decision.scope);
    const taken = await tx
      .selectFrom("holiday_decisions")
      .select("id")
      .where("id", "=", id)
      .executeTakeFirst();
    if (taken) throw new AppError("DUPLICATE", { details: { id } });
    let row: HolidayDecisionRow;
    try {
      row = await tx
        .insertInto("holiday_decisions")
        .values({ id, ...columns(decision), origin: "admin", created_at: now, updated_at: now })
        .returningAll()
        .executeTakeFirstOrThrow();
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError("DUPLICATE", { details: { id } });
      throw error;
    }
    await bumpDecisionsToken(tx);
    await audit(tx, principal, "create", id, { after: toDecision(row) }, now);
    return row;
  });
}

export async function updateDecision(
  db: Db,
  principal: Principal,
  id: string,
  input: z.infer<typeof HolidayDecisionUpdate>,
  now: Date,
): Promise<HolidayDecisionRow> {
  requireManager(principal);
  const decision = validated(id, input);
  return db.transaction().execute(async (tx) => {
    const before = await findLive(tx, id, true);
    await assertScope(tx, principal, decisionScopeOf(before), true);
    await assertScope(tx, principal, decision.scope);
    const after = await updateVersioned(tx, {
      table: "holiday_decisions",
      id,
      version: input.version,
      changes: { ...columns(decision), updated_at: now },
      record: (t, row) =>
        audit(t, principal, "update", id, { before: toDecision(before), after: toDecision(row) }, now),
      now,
      entity: "holiday_decision",
    });
    await bumpDecisionsToken(tx);
    return after;
  });
}

/** Deleted decisions keep their row (deleted_at): the id stays taken and a shipped one is not inserted again. */
export async function deleteDecision(
  db: Db,
  principal: Principal,
  id: string,
  version: number,
  now: Date,
): Promise<void> {
  requireManager(principal);
  await db.transaction().execute(async (tx) => {
    const before = await findLive(tx, id, true);
    await assertScope(tx, principal, decisionScopeOf(before), true);
    await updateVersioned(tx, {
      table: "holiday_decisions",
      id,
      version,
      changes: { deleted_at: now, updated_at: now },
      record: (t) => audit(t, principal, "delete", id, { before: toDecision(before) }, now),
      now,
      entity: "holiday_decision",
    });
    await bumpDecisionsToken(tx);
  });
}

function decisionScopeOf(row: HolidayDecisionRow): DecisionScope {
  return row.scope_kind === "national" ? { kind: "national" } : { kind: "units", unitCodes: row.unit_codes };
}
