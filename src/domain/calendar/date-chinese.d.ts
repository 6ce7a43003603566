/**
 * The part of date-chinese (MIT, github.com/commenthol/date-chinese) that the lunar module uses. The package
 * ships its own declarations, but its `exports` map has no "types" condition, so TypeScript's NodeNext
 * resolution cannot find them.
 */
declare module "date-chinese" {
  export class CalendarChinese {
    constructor();
    cycle: number;
    year: number;
    month: number;
    leap: boolean;
    day: number;
    /** Julian ephemeris day of local midnight starting the lunar new year that falls in Gregorian `gyear`. */
    newYear(gyear: number): number;
    /** The first new moon day (as local midnight, in JDE) on or after `jde`. */
    nextNewMoon(jde: number): number;
    /** The last new moon day (as local midnight, in JDE) on or before `jde`. */
    previousNewMoon(jde: number): number;
    /** Local midnight (JDE) of the day containing `jde`, in the calendar's zone. */
    midnight(jde: number): number;
    /** Major solar term at `jde` and the sun's apparent longitude in degrees. */
    inMajorSolarTerm(jde: number): { term: number; lon: number };
    fromJDE(jde: number): this;
    fromGregorian(year: number, month: number, day: number): this;
    toGregorian(gyear?: number): { year: number; month: number; day: number };
  }
  export class CalendarVietnamese extends CalendarChinese {}
}
