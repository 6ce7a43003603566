/**
 * The duty roster of a unit's desk for one week, from the weekly duty pattern, the members in post, the dated
 * absences and swaps and the unit's working calendar (holidays and swapped days of the calendar module); and the
 * changes to it, each of which tells the members concerned through the notification outbox.
 */
import type { z } from "zod";
import type {
  DutyInput,
  EndDutyInput,
  HolidayDutyInput,
  RosterChangeInput,
  RosterWeek,
} from "../../contracts/desk.ts";
import type { Executor } from "../../db/database.ts";
import { formatLocalDate, parseLocalDate } from "../../domain/calendar/index.ts";
import { FIELDS } from "../../domain/catalog/fields.ts";
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
  const holidayDuties = await db
    .selectFrom("desk_holiday_duties")
    .selectAll()
    .where("unit_id", "=", unitId)
    .where("on_date", ">=", start)
    .where("on_date", "<=", end)
    .where("cancelled_at", "is", null)
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
    holidayDuties: holidayDuties.map((d) => ({
      id: d.id,
      date: d.on_date,
      memberId: d.member_id,
      counter: d.counter,
      field: d.field,
      startsAt: d.starts_at,
      endsAt: d.ends_at,
      note: d.note,
    })),
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

/**
 * The row of the same person in post on `date`: a member picked by an earlier position (the form, a bookmark) is
 * followed through their changes of position (replaced_by). An absence or a swap is about the person — leave,
 * training, a stand-in — not about the post, so a desk manager who records "Hà is away on the 16th" expects it to
 * hold whatever Hà's title is that day; refusing would make them look up which row of hers is current.
 */
async function personOn(act: StaffAct, id: string, date: string) {
  let row = await memberOfUnit(act, id);
  for (let hops = 0; row.ends_on !== null && row.ends_on < date && row.replaced_by && hops < 50; hops++)
    row = await memberOfUnit(act, row.replaced_by);
  return row;
}

export async function addRosterChange(act: StaffAct, input: z.infer<typeof RosterChangeInput>) {
  const member = await personOn(act, input.memberId, input.date);
  const substitute = input.kind === "swap" ? await personOn(act, input.substituteId, input.date) : null;
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
          substituteId: substitute?.id ?? input.substituteId,
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

const hoursVi = (d: { startsAt: string; endsAt: string }) => `${d.startsAt}–${d.endsAt}`;
const sessionOf = (startsAt: string) => (startsAt < "12:00" ? "morning" : "afternoon");

/**
 * A duty on a day off (holiday, Tết, a Sunday): the day must be a day off in the unit's calendar — a working day has
 * the weekly roster, changed by absences and swaps — and the member must be in post that day.
 */
export async function addHolidayDuty(act: StaffAct, input: z.infer<typeof HolidayDutyInput>) {
  if (input.endsAt <= input.startsAt)
    throw new AppError("VALIDATION_FAILED", { details: { field: "endsAt" } });
  if (input.field && !FIELDS.some((f) => f.code === input.field))
    throw new AppError("VALIDATION_FAILED", { details: { field: "field" } });
  const calendar = await calendarFor(act.tx, act.unitId);
  if (calendar.isWorkingDay(input.date))
    throw new AppError("HOLIDAY_DUTY_ON_WORKING_DAY", { details: { date: input.date } });
  const member = await personOn(act, input.memberId, input.date);
  if (member.starts_on > input.date || (member.ends_on !== null && member.ends_on < input.date))
    throw new AppError("ROSTER_CHANGE_INVALID", { details: { memberId: member.id, date: input.date } });
  const row = await act.tx
    .insertInto("desk_holiday_duties")
    .values({
      unit_id: act.unitId,
      member_id: member.id,
      on_date: input.date,
      counter: input.counter,
      field: input.field ?? null,
      starts_at: input.startsAt,
      ends_at: input.endsAt,
      note: input.note ?? null,
      created_at: act.now,
      created_by: act.staff.staffId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordAudit(
    act.tx,
    {
      actor: { kind: "staff", id: act.staff.staffId },
      action: "desk.holiday_duty.add",
      entityType: "desk_holiday_duty",
      entityId: row.id,
      unitId: act.unitId,
      summary: {
        date: input.date,
        memberId: member.id,
        counter: input.counter,
        field: input.field ?? null,
        hours: hoursVi(input),
      },
    },
    act.now,
  );
  const field = input.field ? FIELDS.find((f) => f.code === input.field)?.nameVi : null;
  await notifyMember(
    act,
    member.id,
    {
      date: input.date,
      session: sessionOf(input.startsAt),
      change: `ông/bà trực ngày nghỉ tại quầy ${input.counter}, ${hoursVi(input)}${field ? `, lĩnh vực ${field}` : ""}`,
    },
    `desk-holiday-duty:${row.id}`,
  );
  return {
    id: row.id,
    date: input.date,
    memberId: member.id,
    memberName: member.full_name,
    title: member.title,
    counter: input.counter,
    field: input.field ?? null,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    note: input.note ?? null,
  };
}

/** Cancelling a duty on a day off: the row stays (cancelled_at), the member is told. */
export async function cancelHolidayDuty(act: StaffAct, id: string) {
  const row = await act.tx
    .selectFrom("desk_holiday_duties")
    .selectAll()
    .where("id", "=", id)
    .where("unit_id", "=", act.unitId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new AppError("NOT_FOUND", { details: { entity: "desk_holiday_duty" } });
  if (row.cancelled_at !== null) throw new AppError("INVALID_STATE", { details: { cancelled: true } });
  await act.tx
    .updateTable("desk_holiday_duties")
    .set({ cancelled_at: act.now })
    .where("id", "=", id)
    .execute();
  await recordAudit(
    act.tx,
    {
      actor: { kind: "staff", id: act.staff.staffId },
      action: "desk.holiday_duty.cancel",
      entityType: "desk_holiday_duty",
      entityId: id,
      unitId: act.unitId,
      summary: { date: row.on_date, memberId: row.member_id },
    },
    act.now,
  );
  await notifyMember(
    act,
    row.member_id,
    {
      date: row.on_date,
      session: sessionOf(row.starts_at),
      change: `ông/bà không còn phải trực ngày nghỉ tại quầy ${row.counter}, ${hoursVi({ startsAt: row.starts_at, endsAt: row.ends_at })}`,
    },
    `desk-holiday-duty-cancel:${id}`,
  );
  return { id };
}

/**
 * Ending one weekly duty: `lastDay` is the last day it applies. The rosters already worked stay as they were, so the
 * last day cannot be before yesterday (ending "from today" is lastDay = yesterday); a last day before the duty
 * starts removes it — it never ran, and the audit trail keeps what it was.
 */
export async function endDuty(act: StaffAct, id: string, input: z.infer<typeof EndDutyInput>) {
  const duty = await act.tx
    .selectFrom("desk_duties as d")
    .innerJoin("desk_members as m", "m.id", "d.member_id")
    .selectAll("d")
    .select("m.full_name")
    .where("d.id", "=", id)
    .where("d.unit_id", "=", act.unitId)
    .forUpdate()
    .executeTakeFirst();
  if (!duty) throw new AppError("NOT_FOUND", { details: { entity: "desk_duty" } });
  const yesterday = formatLocalDate(parseLocalDate(localDate(act.now)) - 1);
  if (input.lastDay < yesterday) throw new AppError("VALIDATION_FAILED", { details: { field: "lastDay" } });
  if (duty.valid_to !== null && duty.valid_to <= input.lastDay)
    throw new AppError("INVALID_STATE", { details: { validTo: duty.valid_to } });
  const removed = input.lastDay < duty.valid_from;
  if (removed) await act.tx.deleteFrom("desk_duties").where("id", "=", id).execute();
  else
    await act.tx.updateTable("desk_duties").set({ valid_to: input.lastDay }).where("id", "=", id).execute();
  await recordAudit(
    act.tx,
    {
      actor: { kind: "staff", id: act.staff.staffId },
      action: removed ? "desk.duty.remove" : "desk.duty.end",
      entityType: "desk_duty",
      entityId: id,
      unitId: act.unitId,
      summary: {
        memberId: duty.member_id,
        weekday: duty.weekday,
        session: duty.session,
        counter: duty.counter,
        validFrom: duty.valid_from,
        lastDay: input.lastDay,
      },
    },
    act.now,
  );
  const firstOff = removed ? duty.valid_from : formatLocalDate(parseLocalDate(input.lastDay) + 1);
  await notifyMember(
    act,
    duty.member_id,
    {
      date: firstOff,
      session: duty.session,
      change: `ông/bà thôi trực quầy ${duty.counter} vào ${weekdayVi(duty.weekday)} hằng tuần từ ngày ${firstOff}`,
    },
    `desk-duty-end:${id}:${input.lastDay}`,
  );
  return {
    id,
    memberId: duty.member_id,
    memberName: duty.full_name,
    weekday: duty.weekday,
    session: duty.session,
    counter: duty.counter,
    validFrom: duty.valid_from,
    validTo: removed ? null : input.lastDay,
    removed,
  };
}
