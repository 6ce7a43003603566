/**
 * The desk's profile, members and documents. A member row is a position held over a period; a change of position
 * ends the old row the day before the new one starts (`replaces`), so the history of who held what is kept.
 * House rules and the regulation are versioned: a new text is a new version, published when ready; the public
 * page shows the latest published version (NĐ 61/2018 art. 8: the desk issues and posts its house rules).
 */
import type { z } from "zod";
import type { DeskProfileInput, DocumentInput, EndMemberInput, MemberInput } from "../../contracts/desk.ts";
import type { Tx } from "../../db/database.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit/audit-log.ts";
import type { StaffPrincipal } from "../auth/principal.ts";
import { documentOf, memberOf, profileOf } from "./shared.ts";

export interface StaffAct {
  tx: Tx;
  staff: StaffPrincipal;
  unitId: string;
  now: Date;
}

const actor = (s: StaffPrincipal) => ({ kind: "staff" as const, id: s.staffId });

export async function saveProfile(act: StaffAct, input: z.infer<typeof DeskProfileInput>) {
  const { tx, unitId, now } = act;
  const values = {
    model: input.model,
    name: input.name,
    address: input.address ?? null,
    opening_hours: input.openingHours,
    feedback_address: input.feedbackAddress,
    feedback_phone: input.feedbackPhone,
    feedback_email: input.feedbackEmail ?? null,
    updated_at: now,
  };
  const existing = await tx
    .selectFrom("desk_profiles")
    .select("version")
    .where("unit_id", "=", unitId)
    .forUpdate()
    .executeTakeFirst();
  if ((existing?.version ?? 0) !== input.version)
    throw new AppError("CONFLICT", { details: { current: existing?.version ?? 0 } });
  const row = existing
    ? await tx
        .updateTable("desk_profiles")
        .set((eb) => ({ ...values, version: eb("version", "+", 1) }))
        .where("unit_id", "=", unitId)
        .returningAll()
        .executeTakeFirstOrThrow()
    : await tx
        .insertInto("desk_profiles")
        .values({ unit_id: unitId, ...values })
        .returningAll()
        .executeTakeFirstOrThrow();
  await recordAudit(
    tx,
    {
      actor: actor(act.staff),
      action: "desk.profile.save",
      entityType: "desk_profile",
      entityId: unitId,
      unitId,
      summary: { model: input.model, version: row.version },
    },
    now,
  );
  return profileOf(row);
}

export async function addMember(act: StaffAct, input: z.infer<typeof MemberInput>) {
  const { tx, unitId, now } = act;
  if (input.secondedTo && (!input.secondedFrom || input.secondedTo < input.secondedFrom))
    throw new AppError("VALIDATION_FAILED", { details: { field: "secondedTo" } });
  if (input.staffId) {
    const staff = await tx
      .selectFrom("staff")
      .select("id")
      .where("id", "=", input.staffId)
      .where("unit_id", "=", unitId)
      .executeTakeFirst();
    if (!staff) throw new AppError("VALIDATION_FAILED", { details: { field: "staffId" } });
  }
  const old = input.replaces
    ? await tx
        .selectFrom("desk_members")
        .selectAll()
        .where("id", "=", input.replaces)
        .where("unit_id", "=", unitId)
        .forUpdate()
        .executeTakeFirst()
    : null;
  if (input.replaces && (!old || old.ends_on !== null || old.starts_on >= input.startsOn))
    throw new AppError("VALIDATION_FAILED", { details: { field: "replaces" } });
  const row = await tx
    .insertInto("desk_members")
    .values({
      unit_id: unitId,
      staff_id: input.staffId ?? null,
      full_name: input.fullName,
      role: input.role,
      title: input.title,
      fields: input.fields,
      counter: input.counter ?? null,
      phone: input.phone ?? null,
      email: input.email ?? null,
      seconded_from: input.secondedFrom ?? null,
      seconded_to: input.secondedTo ?? null,
      starts_on: input.startsOn,
      ends_on: null,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (old) {
    await movePosition(tx, old.id, row.id, input.startsOn);
    if (samePerson(old, row)) await moveDatedDuties(tx, old.id, row.id, input.startsOn);
  }
  await recordAudit(
    tx,
    {
      actor: actor(act.staff),
      action: "desk.member.add",
      entityType: "desk_member",
      entityId: row.id,
      unitId,
      summary: { role: row.role, title: row.title, counter: row.counter, replaces: input.replaces ?? null },
    },
    now,
  );
  return memberOf(row);
}

/**
 * A change of position: the old row ends the day before the new one starts, and the weekly duties go on under the
 * new row from its first day (those that started before end with the old row; later ones are handed over).
 */
async function movePosition(tx: Tx, oldId: string, newId: string, startsOn: string) {
  const dayBefore = new Date(Date.parse(`${startsOn}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  await tx.updateTable("desk_members").set({ ends_on: dayBefore }).where("id", "=", oldId).execute();
  const open = await tx
    .selectFrom("desk_duties")
    .selectAll()
    .where("member_id", "=", oldId)
    .where((eb) => eb.or([eb("valid_to", "is", null), eb("valid_to", ">=", startsOn)]))
    .execute();
  for (const duty of open) {
    if (duty.valid_from >= startsOn) {
      await tx.updateTable("desk_duties").set({ member_id: newId }).where("id", "=", duty.id).execute();
      continue;
    }
    await tx.updateTable("desk_duties").set({ valid_to: dayBefore }).where("id", "=", duty.id).execute();
    await tx
      .insertInto("desk_duties")
      .values({
        unit_id: duty.unit_id,
        member_id: newId,
        weekday: duty.weekday,
        session: duty.session,
        counter: duty.counter,
        valid_from: startsOn,
        valid_to: duty.valid_to,
        created_at: duty.created_at,
      })
      .execute();
  }
}

/** The new row is the same person's (a change of position) rather than someone else's taking over the post. */
const samePerson = (
  a: { staff_id: string | null; full_name: string },
  b: { staff_id: string | null; full_name: string },
) =>
  a.staff_id !== null || b.staff_id !== null
    ? a.staff_id === b.staff_id
    : a.full_name.trim().toLocaleLowerCase("vi") === b.full_name.trim().toLocaleLowerCase("vi");

/**
 * A change of position of the same person: what was recorded for them on dates from the change on — absences,
 * swaps (either side) and duties on days off — goes with them to the new row, and the old row points to the new
 * one so that later records made against the old row follow too (roster.ts, personOn). An absence is the
 * person's (leave, training), not the post's: a desk manager expects it to hold after the change, not to vanish
 * silently because the row it named has ended. Someone else taking over the post inherits none of it.
 */
async function moveDatedDuties(tx: Tx, oldId: string, newId: string, startsOn: string) {
  await tx.updateTable("desk_members").set({ replaced_by: newId }).where("id", "=", oldId).execute();
  await tx
    .updateTable("desk_roster_changes")
    .set({ member_id: newId })
    .where("member_id", "=", oldId)
    .where("on_date", ">=", startsOn)
    .execute();
  await tx
    .updateTable("desk_roster_changes")
    .set({ substitute_id: newId })
    .where("substitute_id", "=", oldId)
    .where("on_date", ">=", startsOn)
    .execute();
  await tx
    .updateTable("desk_holiday_duties")
    .set({ member_id: newId })
    .where("member_id", "=", oldId)
    .where("on_date", ">=", startsOn)
    .execute();
}

export async function endMember(act: StaffAct, memberId: string, input: z.infer<typeof EndMemberInput>) {
  const { tx, unitId, now } = act;
  const row = await tx
    .selectFrom("desk_members")
    .selectAll()
    .where("id", "=", memberId)
    .where("unit_id", "=", unitId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new AppError("NOT_FOUND", { details: { entity: "desk_member" } });
  if (row.ends_on !== null || input.endsOn < row.starts_on)
    throw new AppError("INVALID_STATE", { details: { endsOn: row.ends_on } });
  const updated = await tx
    .updateTable("desk_members")
    .set({ ends_on: input.endsOn })
    .where("id", "=", memberId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await tx
    .updateTable("desk_duties")
    .set({ valid_to: input.endsOn })
    .where("member_id", "=", memberId)
    .where("valid_to", "is", null)
    .execute();
  await recordAudit(
    tx,
    {
      actor: actor(act.staff),
      action: "desk.member.end",
      entityType: "desk_member",
      entityId: memberId,
      unitId,
      summary: { endsOn: input.endsOn },
    },
    now,
  );
  return memberOf(updated);
}

export async function addDocument(act: StaffAct, input: z.infer<typeof DocumentInput>) {
  const { tx, unitId, now } = act;
  // Serialise versions of one unit's documents: the profile row is the unit's desk lock.
  await tx.selectFrom("desk_profiles").select("unit_id").where("unit_id", "=", unitId).forUpdate().execute();
  const last = await tx
    .selectFrom("desk_documents")
    .select((eb) => eb.fn.max("version").as("v"))
    .where("unit_id", "=", unitId)
    .where("kind", "=", input.kind)
    .executeTakeFirst();
  const row = await tx
    .insertInto("desk_documents")
    .values({
      unit_id: unitId,
      kind: input.kind,
      version: Number(last?.v ?? 0) + 1,
      title: input.title,
      body: input.body,
      issued_ref: input.issuedRef ?? null,
      created_at: now,
      created_by: act.staff.staffId,
      published_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(
    tx,
    {
      actor: actor(act.staff),
      action: "desk.document.add",
      entityType: "desk_document",
      entityId: row.id,
      unitId,
      summary: { kind: row.kind, version: row.version },
    },
    now,
  );
  return documentOf(row);
}

export async function publishDocument(act: StaffAct, documentId: string) {
  const { tx, unitId, now } = act;
  const row = await tx
    .updateTable("desk_documents")
    .set({ published_at: now })
    .where("id", "=", documentId)
    .where("unit_id", "=", unitId)
    .where("published_at", "is", null)
    .returningAll()
    .executeTakeFirst();
  if (!row) {
    const exists = await tx
      .selectFrom("desk_documents")
      .select("id")
      .where("id", "=", documentId)
      .where("unit_id", "=", unitId)
      .executeTakeFirst();
    throw exists
      ? new AppError("INVALID_STATE", { details: { published: true } })
      : new AppError("NOT_FOUND", { details: { entity: "desk_document" } });
  }
  await recordAudit(
    tx,
    {
      actor: actor(act.staff),
      action: "desk.document.publish",
      entityType: "desk_document",
      entityId: row.id,
      unitId,
      summary: { kind: row.kind, version: row.version },
    },
    now,
  );
  return documentOf(row);
}
