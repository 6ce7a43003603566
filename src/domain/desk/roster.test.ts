import { describe, expect, it } from "vitest";
import { buildRosterWeek, type CalendarDay, type DutyPattern, type RosterMember } from "./roster.ts";

const members: RosterMember[] = [
  { id: "a", name: "An", title: "Tư pháp", fields: ["ho-tich"], startsOn: "2026-01-01", endsOn: null },
  { id: "b", name: "Bình", title: "Địa chính", fields: ["dat-dai"], startsOn: "2026-01-01", endsOn: null },
  {
    id: "c",
    name: "Cúc",
    title: "Văn hóa",
    fields: ["bao-tro-xa-hoi"],
    startsOn: "2026-01-01",
    endsOn: "2026-12-02",
  },
];
const everyWorkday = (memberId: string, counter: number): DutyPattern[] =>
  [1, 2, 3, 4, 5].flatMap((weekday) =>
    (["morning", "afternoon"] as const).map((session) => ({
      memberId,
      weekday,
      session,
      counter,
      validFrom: "2026-01-01",
      validTo: null,
    })),
  );
const duties = [...everyWorkday("a", 1), ...everyWorkday("b", 2), ...everyWorkday("c", 3)];
/** Week of Monday 30/11/2026; Saturday 5/12 made a working day here to test the make-up rule. */
const days: CalendarDay[] = [
  "2026-11-30",
  "2026-12-01",
  "2026-12-02",
  "2026-12-03",
  "2026-12-04",
  "2026-12-05",
  "2026-12-06",
].map((date, i) => ({
  date,
  weekday: i + 1,
  working: i < 5 || i === 5,
  note: i === 5 ? { name: "Làm bù", nameEn: "Make-up", kind: "make-up" } : null,
}));
const fields = ["bao-tro-xa-hoi", "dat-dai", "ho-tich"];

describe("buildRosterWeek", () => {
  it("puts no one on a day off, whatever the weekly pattern says", () => {
    const withHoliday = days.map((d) =>
      d.date === "2026-12-01"
        ? { ...d, working: false, note: { name: "Nghỉ lễ", nameEn: "Holiday", kind: "holiday" } }
        : d,
    );
    const week = buildRosterWeek({ days: withHoliday, members, duties, changes: [], fields });
    expect(week.days[1]?.slots).toEqual([]);
    expect(week.days[1]?.uncoveredFields).toEqual([]);
    expect(week.days[0]?.slots).toHaveLength(6);
  });

  it("gives a worked Saturday Monday's duties (of the members still in post), and Sunday none", () => {
    const week = buildRosterWeek({ days, members, duties, changes: [], fields });
    // Cúc's post ended on Wednesday 2/12, so Saturday has Monday's pattern without her.
    expect(week.days[5]?.slots.map((s) => s.memberId)).toEqual(["a", "b", "a", "b"]);
    expect(week.days[6]?.slots).toEqual([]);
  });

  it("drops a member after the position ended and warns for the field left uncovered", () => {
    const week = buildRosterWeek({ days, members, duties, changes: [], fields });
    expect(week.days[2]?.slots.some((s) => s.memberId === "c")).toBe(true);
    expect(week.days[3]?.slots.some((s) => s.memberId === "c")).toBe(false);
    expect(week.warnings).toEqual([
      { date: "2026-12-03", field: "bao-tro-xa-hoi" },
      { date: "2026-12-04", field: "bao-tro-xa-hoi" },
      { date: "2026-12-05", field: "bao-tro-xa-hoi" },
    ]);
  });

  it("puts the stand-in at the absent member's counter; an absence of one session leaves the field covered", () => {
    const week = buildRosterWeek({
      days,
      members,
      duties,
      changes: [
        { kind: "swap", date: "2026-11-30", session: "morning", memberId: "a", substituteId: "b" },
        { kind: "absence", date: "2026-11-30", session: "afternoon", memberId: "b" },
      ],
      fields,
    });
    const monday = week.days[0];
    expect(monday?.slots.filter((s) => s.session === "morning" && s.counter === 1)).toEqual([
      expect.objectContaining({ memberId: "b", standsInFor: { memberId: "a", memberName: "An" } }),
    ]);
    expect(monday?.slots.some((s) => s.session === "afternoon" && s.memberId === "b")).toBe(false);
    expect(monday?.absent).toHaveLength(2);
    expect(monday?.uncoveredFields).toEqual([]);
  });

  it("lists on a day off only the duties dated for it, earliest first, of members in post that day; none on a working day or on Sunday without one", () => {
    const withHoliday = days.map((d) =>
      d.date === "2026-12-03"
        ? { ...d, working: false, note: { name: "Nghỉ lễ", nameEn: "Holiday", kind: "holiday" } }
        : d,
    );
    const onCall = (id: string, date: string, memberId: string, startsAt: string) => ({
      id,
      date,
      memberId,
      counter: 1,
      field: "ho-tich",
      startsAt,
      endsAt: "17:00",
      note: null,
    });
    const week = buildRosterWeek({
      days: withHoliday,
      members,
      duties,
      changes: [],
      holidayDuties: [
        onCall("late", "2026-12-03", "a", "13:30"),
        onCall("early", "2026-12-03", "b", "07:30"),
        // Cúc's post ended on 2/12: her duty on the 3rd is not shown.
        onCall("gone", "2026-12-03", "c", "07:30"),
        // A working day keeps its weekly pattern only.
        onCall("working", "2026-12-02", "a", "07:30"),
      ],
      fields,
    });
    const holiday = week.days[3];
    expect(holiday?.slots).toEqual([]);
    expect(holiday?.holidayDuties.map((d) => [d.id, d.memberName])).toEqual([
      ["early", "Bình"],
      ["late", "An"],
    ]);
    expect(week.days[2]?.holidayDuties).toEqual([]);
    expect(week.days[6]?.holidayDuties).toEqual([]);
    expect(week.warnings.some((w) => w.date === "2026-12-03")).toBe(false);
  });
});
