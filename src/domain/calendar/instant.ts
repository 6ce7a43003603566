/**
 * Instants are epoch milliseconds (a plain number, like Date.getTime()). All local reasoning happens in
 * Asia/Ho_Chi_Minh, which has been UTC+07:00 without daylight saving since 1975, so a fixed offset is exact for
 * every year the calendar supports after that; instants are rendered with "+07:00".
 */
import { CalendarInputError } from "./errors.ts";
import { checkedDayNumber, civilFromDayNumber, type DayNumber } from "./local-date.ts";

export type Instant = number;

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;
export const VIETNAM_OFFSET_MS = 7 * MS_PER_HOUR;

/** The local date an instant falls on in Vietnam. */
export function localDayOf(instant: Instant): DayNumber {
  return Math.floor((instant + VIETNAM_OFFSET_MS) / MS_PER_DAY);
}

/** Milliseconds since local midnight in Vietnam. */
export function localTimeOfDay(instant: Instant): number {
  const local = instant + VIETNAM_OFFSET_MS;
  return local - Math.floor(local / MS_PER_DAY) * MS_PER_DAY;
}

/** The instant of local time `msOfDay` on local date `day`. */
export function instantAt(day: DayNumber, msOfDay: number): Instant {
  return day * MS_PER_DAY + msOfDay - VIETNAM_OFFSET_MS;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/** ISO-8601 with +07:00, e.g. "2026-02-13T15:30:00+07:00" (milliseconds only when not zero). */
export function formatInstant(instant: Instant): string {
  if (!Number.isFinite(instant)) throw new CalendarInputError("INVALID_INSTANT", { value: instant });
  const day = localDayOf(instant);
  const tod = localTimeOfDay(instant);
  const { year, month, day: dom } = civilFromDayNumber(day);
  const h = Math.floor(tod / MS_PER_HOUR);
  const m = Math.floor((tod % MS_PER_HOUR) / MS_PER_MINUTE);
  const s = Math.floor((tod % MS_PER_MINUTE) / 1000);
  const ms = tod % 1000;
  const fraction = ms === 0 ? "" : `.${pad(ms, 3)}`;
  return `${pad(year, 4)}-${pad(month)}-${pad(dom)}T${pad(h)}:${pad(m)}:${pad(s)}${fraction}+07:00`;
}

const INSTANT_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Parses an ISO-8601 instant. "Z" and "±HH:MM" offsets are honoured; without an offset the text is read as
 * Vietnamese local time (+07:00), and a bare date means local midnight. Impossible dates and times throw.
 */
export function parseInstant(text: string): Instant {
  const match = typeof text === "string" ? INSTANT_PATTERN.exec(text.trim()) : null;
  if (!match) {
    throw new CalendarInputError(
      "INVALID_INSTANT",
      { value: text },
      {
        vi: "Thời điểm phải theo ISO-8601, ví dụ 2026-02-13T15:30:00+07:00.",
        en: "The instant must be ISO-8601, e.g. 2026-02-13T15:30:00+07:00.",
      },
    );
  }
  const [, y, mo, d, hh, mi, ss, frac, zone] = match;
  const day = checkedDayNumber(Number(y), Number(mo), Number(d));
  const hour = hh === undefined ? 0 : Number(hh);
  const minute = mi === undefined ? 0 : Number(mi);
  const second = ss === undefined ? 0 : Number(ss);
  if (hour > 23 || minute > 59 || second > 59) {
    throw new CalendarInputError("INVALID_INSTANT", { value: text });
  }
  const millis = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
  let offsetMs = VIETNAM_OFFSET_MS;
  if (zone === "Z") offsetMs = 0;
  else if (zone !== undefined) {
    const sign = zone.startsWith("-") ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2, 4));
    if (oh > 14 || om > 59) throw new CalendarInputError("INVALID_INSTANT", { value: text });
    offsetMs = sign * (oh * MS_PER_HOUR + om * MS_PER_MINUTE);
  }
  return day * MS_PER_DAY + hour * MS_PER_HOUR + minute * MS_PER_MINUTE + second * 1000 + millis - offsetMs;
}
