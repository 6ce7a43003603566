/**
 * Yearly official decisions on days off: the exact Tết and National Day days, swapped working days
 * (hoán đổi ngày làm việc) with their make-up Saturdays (làm bù), and local days off. They are data, edited
 * by a system administrator and stored by the application; `parseHolidayDecisions` validates what comes
 * from storage or an API body. A decision applies nationally or to the units listed (and to their subtrees,
 * when the caller passes a unit's ancestor codes too).
 */
import { CalendarInputError } from "./errors.ts";
import type { HolidayKey } from "./holiday-rules.ts";
import { HOLIDAY_NAMES } from "./holiday-rules.ts";
import { civilFromDayNumber, isWeekend, parseLocalDate } from "./local-date.ts";

/** How the decision's content was checked: read in the legal text, reported by the press, or not confirmed. */
export type Evidence = "text" | "secondary" | "unconfirmed";

export type DecisionScope = { kind: "national" } | { kind: "units"; unitCodes: readonly string[] };

export interface DecisionDayOff {
  date: string;
  /** holiday: a statutory holiday placed by the decision; swap: a working day given off in exchange for a
   *  make-up day; extra: any other day off the decision grants. */
  kind: "holiday" | "swap" | "extra";
  holiday?: HolidayKey;
  name?: string;
  nameEn?: string;
}

export interface DecisionWorkingDay {
  /** A Saturday or Sunday worked instead of a swapped day. */
  date: string;
  /** The weekday given off in exchange. */
  replaces?: string;
  name?: string;
  nameEn?: string;
}

export interface HolidayDecision {
  id: string;
  /** The year whose statutory holidays `supersedes` refers to. */
  year: number;
  title: string;
  titleEn: string;
  /** The legal act: number, date and issuer, e.g. "Thông báo 9441/TB-BNV ngày 16/10/2025 của Bộ Nội vụ". */
  source: string;
  evidence: Evidence;
  scope: DecisionScope;
  /** Statutory holidays of `year` whose computed days (and compensatory days) this decision replaces. */
  supersedes: readonly HolidayKey[];
  daysOff: readonly DecisionDayOff[];
  workingDays: readonly DecisionWorkingDay[];
  note?: string;
}

/** Does the decision apply to a unit whose own code and ancestors' codes are `unitCodes`? */
export function decisionApplies(decision: HolidayDecision, unitCodes: readonly string[]): boolean {
  if (decision.scope.kind === "national") return true;
  return decision.scope.unitCodes.some((code) => unitCodes.includes(code));
}

const HOLIDAY_KEYS = Object.keys(HOLIDAY_NAMES) as HolidayKey[];

function fail(id: unknown, problem: string): never {
  throw new CalendarInputError(
    "INVALID_DECISION",
    { id, problem },
    {
      vi: `Quyết định về ngày nghỉ ${String(id)} không hợp lệ: ${problem}`,
      en: `Holiday decision ${String(id)} is invalid: ${problem}`,
    },
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function optionalString(value: unknown, id: unknown, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value.length === 0) fail(id, `${field} must be a non-empty string`);
  return value;
}

function requiredString(value: unknown, id: unknown, field: string): string {
  const text = optionalString(value, id, field);
  if (text === undefined) fail(id, `${field} is required`);
  return text;
}

function checkedDate(value: unknown, id: unknown, field: string): string {
  const text = requiredString(value, id, field);
  try {
    parseLocalDate(text);
  } catch {
    fail(id, `${field} ${text} is not a valid date`);
  }
  return text;
}

function holidayKey(value: unknown, id: unknown): HolidayKey {
  if (typeof value !== "string" || !HOLIDAY_KEYS.includes(value as HolidayKey)) {
    fail(id, `unknown holiday ${String(value)}; expected one of ${HOLIDAY_KEYS.join(", ")}`);
  }
  return value as HolidayKey;
}

function parseOne(raw: unknown): HolidayDecision {
  if (!isRecord(raw)) fail(undefined, "a decision must be an object");
  const id = requiredString(raw.id, raw.id, "id");
  const year = raw.year;
  if (typeof year !== "number" || !Number.isInteger(year) || year < 1995 || year > 2199) {
    fail(id, "year must be an integer from 1995 to 2199");
  }
  const evidence = raw.evidence ?? "unconfirmed";
  if (evidence !== "text" && evidence !== "secondary" && evidence !== "unconfirmed") {
    fail(id, "evidence must be text, secondary or unconfirmed");
  }
  let scope: DecisionScope = { kind: "national" };
  if (raw.scope !== undefined) {
    if (!isRecord(raw.scope)) fail(id, "scope must be an object");
    if (raw.scope.kind === "units") {
      const codes = raw.scope.unitCodes;
      if (
        !Array.isArray(codes) ||
        codes.length === 0 ||
        !codes.every((c) => typeof c === "string" && c !== "")
      ) {
        fail(id, "scope.unitCodes must be a non-empty list of unit codes");
      }
      scope = { kind: "units", unitCodes: codes as string[] };
    } else if (raw.scope.kind !== "national") fail(id, "scope.kind must be national or units");
  }
  const supersedes = raw.supersedes ?? [];
  if (!Array.isArray(supersedes)) fail(id, "supersedes must be a list");
  const daysOffRaw = raw.daysOff ?? [];
  const workingRaw = raw.workingDays ?? [];
  if (!Array.isArray(daysOffRaw) || !Array.isArray(workingRaw))
    fail(id, "daysOff and workingDays must be lists");
  const seen = new Set<string>();
  const daysOff = daysOffRaw.map((d): DecisionDayOff => {
    if (!isRecord(d)) fail(id, "each day off must be an object");
    const date = checkedDate(d.date, id, "daysOff.date");
    if (isWeekend(parseLocalDate(date))) fail(id, `day off ${date} is a Saturday or Sunday`);
    if (d.kind !== "holiday" && d.kind !== "swap" && d.kind !== "extra") {
      fail(id, `day off ${date}: kind must be holiday, swap or extra`);
    }
    if (seen.has(date)) fail(id, `${date} is listed twice`);
    seen.add(date);
    const out: DecisionDayOff = { date, kind: d.kind };
    if (d.kind === "holiday") out.holiday = holidayKey(d.holiday, id);
    const name = optionalString(d.name, id, "daysOff.name");
    const nameEn = optionalString(d.nameEn, id, "daysOff.nameEn");
    if (name) out.name = name;
    if (nameEn) out.nameEn = nameEn;
    if (d.kind === "extra" && !name) fail(id, `day off ${date}: an extra day off needs a name`);
    return out;
  });
  const workingDays = workingRaw.map((w): DecisionWorkingDay => {
    if (!isRecord(w)) fail(id, "each working day must be an object");
    const date = checkedDate(w.date, id, "workingDays.date");
    if (!isWeekend(parseLocalDate(date))) fail(id, `working day ${date} is not a Saturday or Sunday`);
    if (seen.has(date)) fail(id, `${date} is listed twice`);
    seen.add(date);
    const out: DecisionWorkingDay = { date };
    if (w.replaces !== undefined) out.replaces = checkedDate(w.replaces, id, "workingDays.replaces");
    const name = optionalString(w.name, id, "workingDays.name");
    const nameEn = optionalString(w.nameEn, id, "workingDays.nameEn");
    if (name) out.name = name;
    if (nameEn) out.nameEn = nameEn;
    return out;
  });
  const decision: HolidayDecision = {
    id,
    year,
    title: requiredString(raw.title, id, "title"),
    titleEn: optionalString(raw.titleEn, id, "titleEn") ?? requiredString(raw.title, id, "title"),
    source: requiredString(raw.source, id, "source"),
    evidence,
    scope,
    supersedes: supersedes.map((k) => holidayKey(k, id)),
    daysOff,
    workingDays,
  };
  const note = optionalString(raw.note, id, "note");
  if (note) decision.note = note;
  return decision;
}

/** Validates decisions read from storage or a request; throws CalendarInputError INVALID_DECISION. */
export function parseHolidayDecisions(input: unknown): HolidayDecision[] {
  if (!Array.isArray(input)) fail(undefined, "decisions must be a list");
  const decisions = input.map(parseOne);
  const ids = new Set<string>();
  for (const d of decisions) {
    if (ids.has(d.id)) fail(d.id, "the id is used twice");
    ids.add(d.id);
  }
  return decisions;
}

/** The calendar year of a "YYYY-MM-DD" date. */
export function yearOfDate(date: string): number {
  return civilFromDayNumber(parseLocalDate(date)).year;
}
