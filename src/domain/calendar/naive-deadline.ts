/**
 * A deliberately plain implementation of the deadline rule, walking day by day and checking each day against
 * weekend and holiday sets. It is the reference the property tests compare the fast path with, and the
 * baseline of bench/calendar-deadlines.ts.
 */
import type { HolidayDecision } from "./decisions.ts";
import { yearDayEntries } from "./holidays.ts";
import { type Instant, instantAt, localDayOf, localTimeOfDay } from "./instant.ts";
import type { DayNumber } from "./local-date.ts";
import type { NormalizedSchedule } from "./working-schedule.ts";

export class NaiveCalendar {
  private readonly offWeekdays = new Set<DayNumber>();
  private readonly workedWeekends = new Set<DayNumber>();

  constructor(
    readonly schedule: NormalizedSchedule,
    firstYear: number,
    lastYear: number,
    decisions?: readonly HolidayDecision[],
    unit?: string | readonly string[],
  ) {
    for (let year = firstYear; year <= lastYear; year++) {
      for (const entry of yearDayEntries(year, decisions, unit)) {
        if (entry.off) this.offWeekdays.add(entry.day);
        else this.workedWeekends.add(entry.day);
      }
    }
  }

  isWorkingDay(day: DayNumber): boolean {
    if (this.offWeekdays.has(day)) return false;
    if (this.workedWeekends.has(day)) return true;
    const weekday = ((((day + 3) % 7) + 7) % 7) + 1;
    return this.schedule.workingWeekday[weekday] as boolean;
  }

  /**
   * The due instant for `ms` > 0 of working time: start on the next working day after a late reception, then
   * walk session by session.
   */
  due(receivedAt: Instant, ms: number): Instant {
    const { starts, ends, cutoffMs } = this.schedule;
    let day = localDayOf(receivedAt);
    let tod = localTimeOfDay(receivedAt);
    if (!this.isWorkingDay(day) || (cutoffMs !== null && tod > cutoffMs)) {
      day++;
      while (!this.isWorkingDay(day)) day++;
      tod = 0;
    }
    let remaining = ms;
    for (;;) {
      if (this.isWorkingDay(day)) {
        for (let i = 0; i < starts.length; i++) {
          const from = Math.max(tod, starts[i] as number);
          const to = ends[i] as number;
          if (from >= to) continue;
          if (remaining <= to - from) return instantAt(day, from + remaining);
          remaining -= to - from;
        }
      }
      day++;
      tod = 0;
    }
  }
}
