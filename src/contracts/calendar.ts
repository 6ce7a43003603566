import { z } from "zod";
import type { DecisionDayOff, Evidence } from "../domain/calendar/decisions.ts";
import type { SkipReason } from "../domain/calendar/explain.ts";
import type { HolidayKey } from "../domain/calendar/holiday-rules.ts";
import type { DayKind } from "../domain/calendar/holidays.ts";
import { IsoDate, LIMITS, NonEmpty } from "./common.ts";
import { UnitCode } from "./units.ts";

/**
 * The calendar's HTTP contracts (DESIGN.md "Contracts that must hold"). The web app imports these too, so the
 * domain's types are imported as types only: the lunar tables stay on the server.
 */

/** Each list is checked against the domain's union: a key added there fails the type check here. */
function enumOf<K extends string>(keys: Record<K, true>): [K, ...K[]] {
  return Object.keys(keys) as [K, ...K[]];
}

export const HOLIDAY_KEYS = enumOf<HolidayKey>({
  "new-year": true,
  tet: true,
  "hung-kings": true,
  reunification: true,
  labour: true,
  "national-day": true,
  "culture-day": true,
});
export const HolidayKeySchema = z.enum(HOLIDAY_KEYS);

const DAY_KINDS = enumOf<DayKind>({
  holiday: true,
  compensatory: true,
  swap: true,
  extra: true,
  "make-up": true,
});
const SKIP_REASONS = enumOf<SkipReason | "make-up">({
  weekend: true,
  "rest-day": true,
  holiday: true,
  compensatory: true,
  swap: true,
  extra: true,
  "make-up": true,
});
export const EVIDENCE = enumOf<Evidence>({ text: true, secondary: true, unconfirmed: true });
export const DAY_OFF_KINDS = enumOf<DecisionDayOff["kind"]>({ holiday: true, swap: true, extra: true });

// ---- Query strings. Values stay text here; the domain parses them, so that an impossible date or an absurd
// duration gets the calendar's own error code (INVALID_DATE, DURATION_OUT_OF_RANGE, …).

const DateText = z
  .string()
  .max(10)
  .regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD")
  .describe("A date, YYYY-MM-DD");
const YearText = z
  .string()
  .max(6)
  .regex(/^-?\d{1,5}$/, "year")
  .describe("A year, e.g. 2026");
const InstantText = z
  .string()
  .min(10)
  .max(40)
  .describe("ISO-8601; without an offset the time is read as Vietnamese local time (+07:00)");
const AmountText = z
  .string()
  .max(24)
  .regex(/^-?\d{1,15}(\.\d{1,6})?$/, "number");
const UnitParam = z
  .string()
  .min(1)
  .max(40)
  .describe("A unit's identifier code (mã định danh); the unit's working hours and its decisions apply");
const BoolText = z.enum(["true", "false"]);

export const LunarQuery = z.strictObject({ date: DateText });
export const LunarMonthsQuery = z.strictObject({ year: YearText });
export const HolidaysQuery = z.strictObject({ year: YearText, unit: UnitParam.optional() });
export const DeadlineQuery = z.strictObject({
  from: InstantText,
  workingDays: AmountText.optional().describe("Working days (give this or workingHours)"),
  workingHours: AmountText.optional().describe("Working hours (give this or workingDays)"),
  sameDay: BoolText.optional().describe(
    "true: a same-day limit ('trong ngày'): the end of the reception's working day, or of the next one when received after 15:00 (give this, workingDays or workingHours)",
  ),
  unit: UnitParam.optional(),
  explain: BoolText.optional().describe("true: also list the days skipped and why"),
  cutoff: BoolText.optional().describe(
    "Working hours only: apply the late-reception rule (after 15:00 counts from the next working day); default false. Whole working days and same-day limits are legal periods (Civil Code art. 147–148) and ignore it",
  ),
});
export const WorkingTimeQuery = z.strictObject({
  from: InstantText,
  to: InstantText,
  unit: UnitParam.optional(),
});

// ---- Responses.

export const LunarDateResponse = z.object({
  year: z.number().int().describe("The Gregorian year in which this lunar year's Tết falls"),
  month: z.number().int(),
  day: z.number().int(),
  leap: z.boolean(),
});

export const LunarMonthItem = z.object({
  /** First day (mùng 1) and last day of the month. */
  start: z.string(),
  end: z.string(),
  year: z.number().int(),
  month: z.number().int(),
  leap: z.boolean(),
  length: z.number().int(),
});
export const LunarMonthsResponse = z.object({ items: z.array(LunarMonthItem) });

export const HolidayItem = z.object({
  date: z.string(),
  name: z.string(),
  nameEn: z.string(),
  source: z.string(),
  kind: z.enum(DAY_KINDS),
  holiday: HolidayKeySchema.optional(),
  decisionId: z.string().optional(),
  working: z.literal(true).optional(),
});
export type HolidayItem = z.infer<typeof HolidayItem>;
export const HolidaysResponse = z.object({ items: z.array(HolidayItem) });

const ExplainedDay = z.object({
  date: z.string(),
  reason: z.enum(SKIP_REASONS),
  name: z.string(),
  nameEn: z.string(),
  source: z.string().optional(),
  decisionId: z.string().optional(),
});
export const DeadlineResponse = z.object({
  due: z.string().describe("ISO-8601 with +07:00"),
  explanation: z
    .object({
      receivedAt: z.string(),
      lateReception: z.boolean(),
      countingStart: z.string(),
      due: z.string(),
      skipped: z.array(ExplainedDay),
      workedWeekendDays: z.array(ExplainedDay),
    })
    .optional(),
});
export type DeadlineResponse = z.infer<typeof DeadlineResponse>;

export const WorkingTimeResponse = z.object({
  from: z.string(),
  to: z.string(),
  milliseconds: z.number(),
  hours: z.number(),
  workingDays: z.number().describe("In working days of the unit's schedule (7.5 hours by default)"),
});

// ---- Yearly decisions (administration).

export const DecisionId = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, "decision id: lower-case letters, digits and dashes, e.g. 2027-tet");

const DayOffSchema = z.strictObject({
  date: IsoDate,
  kind: z.enum(DAY_OFF_KINDS),
  holiday: HolidayKeySchema.optional(),
  name: NonEmpty(LIMITS.name).optional(),
  nameEn: NonEmpty(LIMITS.name).optional(),
});
const WorkingDaySchema = z.strictObject({
  date: IsoDate,
  replaces: IsoDate.optional(),
  name: NonEmpty(LIMITS.name).optional(),
  nameEn: NonEmpty(LIMITS.name).optional(),
});
export const DecisionScopeSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("national") }),
  z.strictObject({ kind: z.literal("units"), unitCodes: z.array(UnitCode).min(1).max(200) }),
]);

const DecisionFields = {
  year: z.number().int().min(1995).max(2199),
  title: NonEmpty(LIMITS.name),
  titleEn: NonEmpty(LIMITS.name).optional(),
  source: NonEmpty(1000).describe("The legal act: number, date and issuer"),
  evidence: z.enum(EVIDENCE),
  scope: DecisionScopeSchema,
  supersedes: z.array(HolidayKeySchema).max(HOLIDAY_KEYS.length),
  daysOff: z.array(DayOffSchema).max(60),
  workingDays: z.array(WorkingDaySchema).max(60),
  note: z.string().trim().max(LIMITS.longText).nullable().optional(),
};

export const HolidayDecisionInput = z.strictObject({
  id: DecisionId.optional().describe("Chosen when absent"),
  ...DecisionFields,
});
export const HolidayDecisionUpdate = z.strictObject({ ...DecisionFields, version: z.number().int().min(1) });
export const DecisionVersionQuery = z.strictObject({ version: z.string().regex(/^\d{1,9}$/) });
export const DecisionListQuery = z.strictObject({ year: YearText.optional() });

export const HolidayDecision = z.object({
  id: z.string(),
  year: z.number().int(),
  title: z.string(),
  titleEn: z.string(),
  source: z.string(),
  evidence: z.enum(EVIDENCE),
  scope: z.object({ kind: z.enum(["national", "units"]), unitCodes: z.array(z.string()) }),
  supersedes: z.array(HolidayKeySchema),
  daysOff: z.array(
    z.object({
      date: z.string(),
      kind: z.enum(DAY_OFF_KINDS),
      holiday: HolidayKeySchema.optional(),
      name: z.string().optional(),
      nameEn: z.string().optional(),
    }),
  ),
  workingDays: z.array(
    z.object({
      date: z.string(),
      replaces: z.string().optional(),
      name: z.string().optional(),
      nameEn: z.string().optional(),
    }),
  ),
  note: z.string().nullable(),
  origin: z.enum(["shipped", "admin"]),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type HolidayDecision = z.infer<typeof HolidayDecision>;
