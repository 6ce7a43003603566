/**
 * The duty roster of a unit's desk for one week, from the weekly duty pattern, the members in post, the dated
 * absences and swaps and the unit's working calendar (holidays and swapped days of the calendar module); and the
 * changes to it, each of which tells the members concerned through the notification outbox.
 */
import type { z } from "zod";
import type { DutyInput, RosterChangeInput, RosterWeek } from "../../contracts/desk.ts";
import type { Executor } from "../../db/database.ts";
import { formatLocalDate, parseLocalDate } from "../../domain/calendar/index.ts";
import {
  buildRosterWeek,
  type CalendarDay,
  peopleAffected,
  type RosterChange,
} from "../../domain/desk/roster.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit/audit-log.ts";
import { calendarFor } from "../calendar/calendar-for.ts";
import { enqueueNotification } from "../notifications/outbox.ts";
import type { StaffAct } from "./members.ts";
import { localDate } from "./shared.ts";

/** The Monday of the week that holds `date`. */
export function weekStartOf(date: string): string {
  const day = parseLocalDate(date);
  // Day 0 of the day numbers is 1970-01-01, a Thursday: (day + 3) mod 7 is 0 on Mondays.
  return formatLocalDate(day - ((((day + 3) % 7) + 7) % 7));
}

export async function rosterWeek(
  db: Executor,
  unitId: string,
  week: string | undefined,
  now: Date,
): Promise<z.infer<typeof RosterWeek>> {
  const start = weekStartOf(week ?? localDate(now));
  const first = parseLocalDate(start);
  const dates = Array.from({ length: 7 }, (_, i) => formatLocalDate(first + i));
  const end = dates[6] as string;
  const calendar = await calendarFor(db, unitId);
  const days: CalendarDay[] = dates.map((date, i) => {
    const entry = calendar.dayEntry(date);
    return {
      date,
      weekday: i + 1,
      working: calendar.isWorkingDay(date),
      note: entry ? { name: entry.name, nameEn: entry.nameEn, kind: entry.kind } : null,
    };
  });
  const members = await db
    .selectFrom("desk_members")
    .selectAll()
    .where("unit_id", "=", unitId)
    .where("starts_on", "<=", end)
    .where((eb) => eb.or([eb("ends_on", "is", null), eb("ends_on", ">=", start)]))
    .execute();
  const duties = await db
    .selectFrom("desk_duties")
    .selectAll()
    .where("unit_id", "=", unitId)
    .where("valid_from", "<=", end)
    .where((eb) => eb.or([eb("valid_to", "is", null), eb("valid_to", ">=", start)]))
    .execute();
  const changes = await db
    .selectFrom("desk_roster_changes")
    .selectAll()
    .where("unit_id", "=", unitId)
    .where("on_date", ">=", start)
    .where("on_date", "<=", end)
    .execute();
  const built = buildRosterWeek({
    days,
    members: members.map((m) => ({
      id: m.id,
      name: m.full_name,
      title: m.title,
      fields: m.fields,
      startsOn: m.starts_on,
      endsOn: m.ends_on,
    })),
    duties: duties.map((d) => ({
      memberId: d.member_id,
      weekday: d.weekday,
      session: d.session,
      counter: d.counter,
      validFrom: d.valid_from,
      validTo: d.valid_to,
    })),
    changes: changes.map(
      (c): RosterChange =>
        c.kind === "swap" && c.substitute_id
          ? {
              kind: "swap",
              date: c.on_date,
              session: c.session,
              memberId: c.member_id,
              substituteId: c.substitute_id,
            }
          : { kind: "absence", date: c.on_date, session: c.session, memberId: c.member_id },
    ),
    // The desk must cover every field its members handle on every working day.
    fields: [
      ...new Set(members.filter((m) => m.ends_on === null || m.ends_on >= end).flatMap((m) => m.fields)),
    ].sort(),
  });
  return { weekStart: start, ...built };
}

const weekdayVi = (weekday: number) => (weekday === 7 ? "Chủ nhật" : `thứ ${weekday + 1}`);

const SESSION_VI = { morning: "sáng", afternoon: "chiều" } as const;

async function notifyMember(
  act: StaffAct,
  memberId: string,
  data: { date: string; session: "morning" | "afternoon"; change: string },
  dedupeKey: string,
) {
  const member = await act.tx
    .selectFrom("desk_members as m")
    .leftJoin("staff as s", "s.id", "m.staff_id")
    .innerJoin("units as u", "u.id", "m.unit_id")
    .select([
      "m.full_name",
      "m.email",
      "m.phone",
      "s.email as staff_email",
      "s.phone as staff_phone",
      "u.name as unit_name",
    ])
    .where("m.id", "=", memberId)
    .executeTakeFirstOrThrow();
  await enqueueNotification(
    act.tx,
    {
      template: "desk.roster_changed",
      to: { email: member.email ?? member.staff_email, phone: member.phone ?? member.staff_phone },
      channels: ["email", "sms"],
      data: {
        name: member.full_name,
        unit: member.unit_name,
        date: data.date,
        session: SESSION_VI[data.session],
        change: data.change,
      },
      unitId: act.unitId,
      dedupeKey,
    },
    act.now,
  );
}

async function memberOfUnit(act: StaffAct, id: string) {
  const row = await act.tx
    .selectFrom("desk_members")
    .selectAll()
    .where("id", "=", id)
    .where("unit_id", "=", act.unitId)
    .executeTakeFirst();
  if (!row) throw new AppError("ROSTER_CHANGE_INVALID", { details: { memberId: id } });
  return row;
}

export async function addDuty(act: StaffAct, input: z.infer<typeof DutyInput>) {
  const member = await memberOfUnit(act, input.memberId);
  if (member.ends_on !== null && member.ends_on < input.validFrom)
    throw new AppError("ROSTER_CHANGE_INVALID", { details: { memberId: member.id } });
  const row = await act.tx
    .insertInto("desk_duties")
    .values({
      unit_id: act.unitId,
      member_id: member.id,
      weekday: input.weekday,
      session: input.session,
      counter: input.counter,
      valid_from: input.validFrom,
      valid_to: input.validTo ?? null,
      created_at: act.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordAudit(
    act.tx,
    {
      actor: { kind: "staff", id: act.staff.staffId },
      action: "desk.duty.add",
      entityType: "desk_duty",
      entityId: row.id,
      unitId: act.unitId,
      summary: {
        memberId: member.id,
        weekday: input.weekday,
        session: input.session,
        counter: input.counter,
      },
    },
    act.now,
  );
  await notifyMember(
    act,
    member.id,
    {
      date: input.validFrom,
      session: input.session,
      change: `trực quầy ${input.counter} vào ${weekdayVi(input.weekday)} hằng tuần`,
    },
    `desk-duty:${row.id}`,
  );
  return { id: row.id, ...input, validTo: input.validTo ?? null, memberName: member.full_name };
}

export async function addRosterChange(act: StaffAct, input: z.infer<typeof RosterChangeInput>) {
  const member = await memberOfUnit(act, input.memberId);
  const substitute = input.kind === "swap" ? await memberOfUnit(act, input.substituteId) : null;
  if (substitute?.id === member.id)
    throw new AppError("ROSTER_CHANGE_INVALID", { details: { substituteId: substitute.id } });
  // The member must be on duty in that session, by the roster as it stands.
  const week = await rosterWeek(act.tx, act.unitId, input.date, act.now);
  const day = week.days.find((d) => d.date === input.date);
  if (!day?.slots.some((s) => s.session === input.session && s.memberId === member.id))
    throw new AppError("ROSTER_CHANGE_INVALID", { details: { memberId: member.id, date: input.date } });
  const row = await act.tx
    .insertInto("desk_roster_changes")
    .values({
      unit_id: act.unitId,
      on_date: input.date,
      session: input.session,
      member_id: member.id,
      kind: input.kind,
      substitute_id: substitute?.id ?? null,
      reason: input.reason ?? null,
      created_at: act.now,
      created_by: act.staff.staffId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordAudit(
    act.tx,
    {
      actor: { kind: "staff", id: act.staff.staffId },
      action: `desk.roster.${input.kind}`,
      entityType: "desk_roster_change",
      entityId: row.id,
      unitId: act.unitId,
      summary: {
        date: input.date,
        session: input.session,
        memberId: member.id,
        substituteId: substitute?.id ?? null,
      },
    },
    act.now,
  );
  const change: RosterChange =
    input.kind === "swap"
      ? {
          kind: "swap",
          date: input.date,
          session: input.session,
          memberId: member.id,
          substituteId: input.substituteId,
        }
      : { kind: "absence", date: input.date, session: input.session, memberId: member.id };
  for (const id of peopleAffected(change)) {
    const text =
      id === member.id
        ? substitute
          ? `ông/bà nghỉ trực, ${substitute.full_name} trực thay`
          : "ông/bà nghỉ trực"
        : `ông/bà trực thay ${member.full_name}`;
    await notifyMember(
      act,
      id,
      { date: input.date, session: input.session, change: text },
      `desk-roster-change:${row.id}:${id}`,
    );
  }
  return { id: row.id };
}
