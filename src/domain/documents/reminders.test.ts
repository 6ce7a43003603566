import { describe, expect, it } from "vitest";
import { assignmentTiming, dueSoonFrom, reminderDue } from "./index.ts";

describe("assignment reminders (NĐ 30/2020 Điều 24; one working day ahead, motcua's choice)", () => {
  // Days as numbers; 5 and 6 are a weekend, 7 a holiday, 12 and 13 the next weekend.
  const off = new Set([5, 6, 7, 12, 13]);
  const calendar = { isWorkingDay: (d: number) => !off.has(d) };

  it("is due soon from the working day before the due date", () => {
    expect(dueSoonFrom(calendar, 3)).toBe(2);
    // Due on 8 (after a weekend and a holiday): the working day before is 4.
    expect(dueSoonFrom(calendar, 8)).toBe(4);
    // Due on a day off (6): the working day before it is 4.
    expect(dueSoonFrom(calendar, 6)).toBe(4);
  });

  it("is neither before, due soon up to the due date, overdue after it", () => {
    expect(assignmentTiming(calendar, 8, 3)).toBeNull();
    expect(assignmentTiming(calendar, 8, 4)).toBe("due_soon");
    expect(assignmentTiming(calendar, 8, 7)).toBe("due_soon");
    expect(assignmentTiming(calendar, 8, 8)).toBe("due_soon");
    expect(assignmentTiming(calendar, 8, 9)).toBe("overdue");
  });

  it("sends reminders on working days only", () => {
    expect(reminderDue(calendar, 8, 5)).toBeNull();
    expect(reminderDue(calendar, 8, 4)).toBe("due_soon");
    // Due on 11 (a Friday): overdue from 12, reminded on 14, the first working day after.
    expect(reminderDue(calendar, 11, 12)).toBeNull();
    expect(reminderDue(calendar, 11, 13)).toBeNull();
    expect(reminderDue(calendar, 11, 14)).toBe("overdue");
  });
});
