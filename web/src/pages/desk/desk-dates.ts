/** Dates of the desk's staff screens, as "YYYY-MM-DD" in Vietnam's time (UTC+7, no daylight saving). */
import { vietnamDay } from "../../lib/vietnam-day.ts";

const DAY = 86_400_000;

export const todayLocal = vietnamDay;

export const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
