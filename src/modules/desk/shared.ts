import type { Selectable } from "kysely";
import type { z } from "zod";
import type { DeskDocument, DeskProfile, Member } from "../../contracts/desk.ts";
import type { Executor } from "../../db/database.ts";
import type { DeskDocumentTable, DeskMemberTable, DeskProfileTable } from "../../db/tables/desk.ts";
import { formatLocalDate, localDayOf } from "../../domain/calendar/index.ts";
import { AppError } from "../../errors.ts";

/** The local date (UTC+7) of an instant, "YYYY-MM-DD": queue numbers start again every local day. */
export function localDate(at: Date): string {
  return formatLocalDate(localDayOf(at.getTime()));
}

export const iso = (d: Date | string) => new Date(d).toISOString();

export function memberOf(r: Selectable<DeskMemberTable>): z.infer<typeof Member> {
  return {
    id: r.id,
    staffId: r.staff_id,
    fullName: r.full_name,
    role: r.role,
    title: r.title,
    fields: r.fields,
    counter: r.counter,
    phone: r.phone,
    secondedFrom: r.seconded_from,
    secondedTo: r.seconded_to,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
  };
}

export function profileOf(r: Selectable<DeskProfileTable>): z.infer<typeof DeskProfile> {
  return {
    model: r.model,
    name: r.name,
    address: r.address,
    openingHours: r.opening_hours,
    feedbackAddress: r.feedback_address,
    feedbackPhone: r.feedback_phone,
    feedbackEmail: r.feedback_email,
    version: r.version,
  };
}

export function documentOf(r: Selectable<DeskDocumentTable>): z.infer<typeof DeskDocument> {
  return {
    id: r.id,
    kind: r.kind,
    version: r.version,
    title: r.title,
    body: r.body,
    issuedRef: r.issued_ref,
    createdAt: iso(r.created_at),
    publishedAt: r.published_at ? iso(r.published_at) : null,
  };
}

const ROLE_ORDER = { head: 0, deputy: 1, officer: 2 } as const;

/** Members in post on a date, head first, then deputies, then officers by counter. */
export async function membersOn(db: Executor, unitId: string, date: string) {
  const rows = await db
    .selectFrom("desk_members")
    .selectAll()
    .where("unit_id", "=", unitId)
    .where("starts_on", "<=", date)
    .where((eb) => eb.or([eb("ends_on", "is", null), eb("ends_on", ">=", date)]))
    .execute();
  return rows.sort(
    (a, b) =>
      ROLE_ORDER[a.role] - ROLE_ORDER[b.role] ||
      (a.counter ?? 100) - (b.counter ?? 100) ||
      a.full_name.localeCompare(b.full_name, "vi"),
  );
}

export async function profileRow(db: Executor, unitId: string) {
  return db.selectFrom("desk_profiles").selectAll().where("unit_id", "=", unitId).executeTakeFirst();
}

export async function requireProfile(db: Executor, unitId: string) {
  const row = await profileRow(db, unitId);
  if (!row) throw new AppError("DESK_NOT_SET_UP");
  return row;
}

/** The latest published version of each kind of document. */
export async function publishedDocuments(db: Executor, unitId: string) {
  const rows = await db
    .selectFrom("desk_documents")
    .selectAll()
    .where("unit_id", "=", unitId)
    .where("published_at", "is not", null)
    .orderBy("kind")
    .orderBy("version", "desc")
    .execute();
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!latest.has(r.kind)) latest.set(r.kind, r);
  return [...latest.values()];
}
