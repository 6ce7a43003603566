/**
 * Inboxes (per person, per role, per unit, the desk's, transfers in and out) and search, each limited to what the
 * caller may read. Flags come from the clock passed in.
 */
import { type RawBuilder, sql } from "kysely";
import type { z } from "zod";
import type { DossierList, DossierSearchQuery, InboxQuery, Workload } from "../../contracts/dossiers.ts";
import type { Executor } from "../../db/database.ts";
import { formatInstant, parseInstant } from "../../domain/calendar/index.ts";
import { AppError } from "../../errors.ts";
import { can, requireStaff } from "../auth/policy.ts";
import type { Principal } from "../auth/principal.ts";
import { escapeLike, getUnitByCode } from "../units/queries.ts";
import { readableCondition } from "./access.ts";
import { summaries } from "./summaries.ts";

const DESK_STATUSES = [
  "submitted_online",
  "at_desk",
  "awaiting_supplement_before_acceptance",
  "awaiting_citizen_supplement",
  "result_ready",
  "rejected",
];

function and(parts: RawBuilder<boolean>[]): RawBuilder<boolean> {
  return parts.length === 0 ? sql<boolean>`true` : sql<boolean>`(${sql.join(parts, sql` AND `)})`;
}

/**
 * An online dossier submitted to the unit and not yet accepted: it has no step yet, but the desk must accept or
 * answer it within 8 working hours (NĐ 118/2025, Điều 15), so it is the reception officer's work.
 */
function waitingForAcceptance(unit: string): RawBuilder<boolean> {
  return sql<boolean>`(d.status = 'submitted_online' AND d.received_unit_id = ${unit})`;
}

/** Open and past due (running clock), or counted late; an online dossier past its acceptance deadline. */
function overdueCondition(now: Date): RawBuilder<boolean> {
  return sql<boolean>`((d.received_at IS NOT NULL AND d.completed_at IS NULL
    AND d.status NOT IN ('refused','returned','withdrawn','stopped','closed_incomplete')
    AND (d.late OR (d.clock = 'running' AND d.due_at < ${now})))
    OR (d.status = 'submitted_online' AND EXISTS (SELECT 1 FROM online_filings x
      WHERE x.dossier_id = d.id AND x.acceptance_due_at < ${now})))`;
}

export async function inbox(
  db: Executor,
  principal: Principal,
  query: z.infer<typeof InboxQuery>,
  now: Date,
): Promise<DossierList> {
  const staff = requireStaff(principal);
  const box = query.box ?? "todo";
  const me = staff.staffId;
  const unit = staff.unitId;
  const roles = staff.roles as string[];
  const parts: RawBuilder<boolean>[] = [];
  const readable = readableCondition(staff);
  if (readable) parts.push(readable);
  // An online draft is the citizen's own until it is submitted.
  parts.push(sql<boolean>`d.status <> 'draft_online'`);
  const inRoles = roles.length ? sql<boolean>`t.role IN (${sql.join(roles)})` : sql<boolean>`false`;
  switch (box) {
    case "todo":
      parts.push(
        roles.includes("reception")
          ? sql<boolean>`((t.unit_id = ${unit} AND (t.assignee_id = ${me} OR (t.assignee_id IS NULL AND ${inRoles})))
              OR (t.id IS NULL AND ${waitingForAcceptance(unit)}))`
          : sql<boolean>`t.unit_id = ${unit} AND (t.assignee_id = ${me} OR (t.assignee_id IS NULL AND ${inRoles}))`,
      );
      break;
    case "mine":
      parts.push(sql<boolean>`t.assignee_id = ${me}`);
      break;
    case "role":
      parts.push(sql<boolean>`t.unit_id = ${unit} AND ${inRoles}`);
      break;
    case "unit":
      parts.push(
        sql<boolean>`(d.current_unit_id = ${unit} OR d.received_unit_id = ${unit}) AND d.status NOT IN ('refused','returned','withdrawn','stopped','closed_incomplete')`,
      );
      break;
    case "desk":
      parts.push(sql<boolean>`d.received_unit_id = ${unit} AND d.status IN (${sql.join(DESK_STATUSES)})`);
      break;
    case "transferred_in":
      parts.push(
        sql<boolean>`EXISTS (SELECT 1 FROM dossier_transfers x WHERE x.dossier_id = d.id AND x.to_unit_id = ${unit} AND x.status = 'open')`,
      );
      break;
    case "transferred_out":
      parts.push(
        sql<boolean>`EXISTS (SELECT 1 FROM dossier_transfers x WHERE x.dossier_id = d.id AND x.from_unit_id = ${unit} AND x.status = 'open')`,
      );
      break;
  }
  if (query.overdue === "true") parts.push(overdueCondition(now));
  if (query.overdue === "false") parts.push(sql<boolean>`NOT ${overdueCondition(now)}`);
  const { items, total } = await summaries(
    db,
    and(parts),
    now.getTime(),
    { limit: query.limit ?? 50, offset: query.offset ?? 0 },
    sql`coalesce(t.due_at, CASE WHEN d.status = 'submitted_online' THEN o.acceptance_due_at END, d.due_at, d.created_at), d.id`,
  );
  return { items, total, now: formatInstant(now.getTime()) };
}

/** Local date "YYYY-MM-DD" → the instant its day starts in Vietnam. */
export function dayStart(date: string): Date {
  return new Date(parseInstant(`${date}T00:00:00+07:00`));
}

export async function searchDossiers(
  db: Executor,
  principal: Principal,
  query: z.infer<typeof DossierSearchQuery>,
  now: Date,
): Promise<DossierList> {
  const staff = requireStaff(principal);
  const parts: RawBuilder<boolean>[] = [];
  const readable = readableCondition(staff);
  if (readable) parts.push(readable);
  parts.push(sql<boolean>`d.status <> 'draft_online'`);
  if (query.unit) {
    const unit = await getUnitByCode(db, query.unit);
    if (!can(staff, "dossier.read", unit))
      throw new AppError("FORBIDDEN", { details: { action: "dossier.read" } });
    parts.push(sql<boolean>`d.received_unit_id = ${unit.id}`);
  }
  if (query.status) parts.push(sql<boolean>`d.status = ${query.status}`);
  if (query.q) parts.push(identifierCondition(query.q.trim()));
  if (query.from) parts.push(sql<boolean>`d.created_at >= ${dayStart(query.from)}`);
  if (query.to)
    parts.push(sql<boolean>`d.created_at < ${new Date(dayStart(query.to).getTime() + 86_400_000)}`);
  const { items, total } = await summaries(db, and(parts), now.getTime(), {
    limit: query.limit ?? 50,
    offset: query.offset ?? 0,
  });
  return { items, total, now: formatInstant(now.getTime()) };
}

/**
 * Any identifier of a dossier: its code (or the start of it), its online reference (DVC-…, or the start of it),
 * the applicant's identity number or phone (compared as digits), or part of their name (case and diacritics aside).
 */
export function identifierCondition(q: string): RawBuilder<boolean> {
  const like = `%${escapeLike(q)}%`;
  const prefix = `${escapeLike(q.toUpperCase())}%`;
  const digits = q.replace(/[^0-9]/g, "");
  const byPhone =
    digits.length >= 8 && /^[+0-9 .()-]+$/.test(q)
      ? sql<boolean>` OR regexp_replace(coalesce(d.applicant->>'phone', ''), '[^0-9]', '', 'g') IN (${digits}, ${phoneVariant(digits)})`
      : sql<boolean>``;
  return sql<boolean>`(d.code LIKE ${prefix} OR d.applicant_identity = ${q}
    OR EXISTS (SELECT 1 FROM online_filings x WHERE x.dossier_id = d.id AND x.reference LIKE ${prefix})
    OR f_unaccent(d.applicant_name) LIKE f_unaccent(${like})${byPhone})`;
}

/** The same Vietnamese number written the other way: 0912… ↔ 84912…. */
function phoneVariant(digits: string): string {
  if (digits.startsWith("84")) return `0${digits.slice(2)}`;
  if (digits.startsWith("0")) return `84${digits.slice(1)}`;
  return digits;
}

/** The counts the staff home page shows: the caller's to-do list by urgency, and what waits for applicants. */
export async function workload(db: Executor, principal: Principal, now: Date): Promise<Workload> {
  const staff = requireStaff(principal);
  const todo = await inbox(db, principal, { box: "todo", limit: 500 }, now);
  const overdue = (i: DossierList["items"][number]) =>
    i.flags.overdue || i.flags.stepOverdue || i.flags.onlineAcceptanceOverdue;
  const readable = readableCondition(staff);
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM dossiers d
    WHERE ${and([
      ...(readable ? [readable] : []),
      sql<boolean>`(d.current_unit_id = ${staff.unitId} OR d.received_unit_id = ${staff.unitId})`,
      sql<boolean>`d.status IN ('awaiting_supplement_before_acceptance', 'awaiting_citizen_supplement')`,
    ])}
  `.execute(db);
  return {
    todo: todo.total,
    waitingAcceptance: todo.items.filter((i) => i.status === "submitted_online").length,
    overdue: todo.items.filter(overdue).length,
    dueSoon: todo.items.filter(
      (i) => !overdue(i) && (i.flags.dueSoon || i.flags.stepDueSoon || i.flags.onlineAlert),
    ).length,
    awaitingSupplement: rows[0]?.n ?? 0,
  };
}
