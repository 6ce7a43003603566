/**
 * The duty roster (lịch trực) of the desk for one week: who sits at which counter in which session, built from the
 * weekly duty pattern, the members in post, the dated absences and swaps, and the unit's working calendar.
 *
 * Choices where no rule exists (no national template for the roster, DOMAIN.md "The desk itself" [?]):
 * - a day off in the calendar (holiday, compensatory day, swapped day) has no weekly duties, whatever the pattern
 *   says; it has only the duties dated for it (on call during Tết, say), each with its own hours;
 * - a worked weekend day (make-up Saturday) takes the pattern of Monday, the day a swap most often moves;
 * - a field is "uncovered" on a working day when no one on duty that day, morning or afternoon, handles it.
 */
export type Session = "morning" | "afternoon";
export const SESSIONS: readonly Session[] = ["morning", "afternoon"];

export interface RosterMember {
  id: string;
  name: string;
  title: string;
  fields: readonly string[];
  startsOn: string;
  endsOn: string | null;
}

export interface DutyPattern {
  memberId: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  session: Session;
  counter: number;
  validFrom: string;
  validTo: string | null;
}

export type RosterChange =
  | { kind: "absence"; date: string; session: Session; memberId: string }
  | { kind: "swap"; date: string; session: Session; memberId: string; substituteId: string };

/** A duty dated for one day off (holiday on-call), with its own hours. */
export interface HolidayDuty {
  id: string;
  date: string;
  memberId: string;
  counter: number;
  field: string | null;
  /** "HH:MM" */
  startsAt: string;
  endsAt: string;
  note: string | null;
}

export interface CalendarDay {
  /** YYYY-MM-DD */
  date: string;
  weekday: number;
  working: boolean;
  /** Holiday, compensatory, swapped or make-up day, as the calendar names it. */
  note: { name: string; nameEn: string; kind: string } | null;
}

export interface RosterSlot {
  session: Session;
  counter: number;
  memberId: string;
  memberName: string;
  title: string;
  fields: string[];
  /** Set when this member stands in for another (a swap). */
  standsInFor: { memberId: string; memberName: string } | null;
}

export interface RosterDay extends CalendarDay {
  slots: RosterSlot[];
  absent: { session: Session; memberId: string; memberName: string }[];
  holidayDuties: (HolidayDuty & { memberName: string; title: string })[];
  /** Fields with nobody on duty on this working day. */
  uncoveredFields: string[];
}

export interface RosterWeek {
  days: RosterDay[];
  warnings: { date: string; field: string }[];
}

const within = (date: string, from: string, to: string | null) => from <= date && (to === null || date <= to);

export function buildRosterWeek(input: {
  days: readonly CalendarDay[];
  members: readonly RosterMember[];
  duties: readonly DutyPattern[];
  changes: readonly RosterChange[];
  holidayDuties?: readonly HolidayDuty[];
  /** The fields the desk must cover on every working day. */
  fields: readonly string[];
}): RosterWeek {
  const byId = new Map(input.members.map((m) => [m.id, m]));
  const days = input.days.map((day): RosterDay => {
    if (!day.working) {
      const holidayDuties = (input.holidayDuties ?? [])
        .filter((d) => d.date === day.date)
        .flatMap((d) => {
          const member = byId.get(d.memberId);
          if (!member || !within(day.date, member.startsOn, member.endsOn)) return [];
          return [{ ...d, memberName: member.name, title: member.title }];
        })
        .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.counter - b.counter);
      return { ...day, slots: [], absent: [], holidayDuties, uncoveredFields: [] };
    }
    const patternDay = day.weekday >= 6 ? 1 : day.weekday;
    const slots: RosterSlot[] = [];
    const absent: RosterDay["absent"] = [];
    for (const duty of input.duties) {
      if (duty.weekday !== patternDay || !within(day.date, duty.validFrom, duty.validTo)) continue;
      const member = byId.get(duty.memberId);
      if (!member || !within(day.date, member.startsOn, member.endsOn)) continue;
      const change = input.changes.find(
        (c) => c.date === day.date && c.session === duty.session && c.memberId === member.id,
      );
      if (change) absent.push({ session: duty.session, memberId: member.id, memberName: member.name });
      const sitter = change?.kind === "swap" ? byId.get(change.substituteId) : change ? undefined : member;
      if (!sitter || !within(day.date, sitter.startsOn, sitter.endsOn)) continue;
      slots.push({
        session: duty.session,
        counter: duty.counter,
        memberId: sitter.id,
        memberName: sitter.name,
        title: sitter.title,
        fields: [...sitter.fields],
        standsInFor: sitter === member ? null : { memberId: member.id, memberName: member.name },
      });
    }
    slots.sort((a, b) => SESSIONS.indexOf(a.session) - SESSIONS.indexOf(b.session) || a.counter - b.counter);
    const covered = new Set(slots.flatMap((s) => s.fields));
    return {
      ...day,
      slots,
      absent,
      holidayDuties: [],
      uncoveredFields: input.fields.filter((f) => !covered.has(f)),
    };
  });
  return {
    days,
    warnings: days.flatMap((d) => d.uncoveredFields.map((field) => ({ date: d.date, field }))),
  };
}

/** The people a roster change concerns: the member who is away and the one who stands in. */
export function peopleAffected(change: RosterChange): string[] {
  return change.kind === "swap" ? [change.memberId, change.substituteId] : [change.memberId];
}
