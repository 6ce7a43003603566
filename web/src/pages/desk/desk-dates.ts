/** Dates of the desk's staff screens, as "YYYY-MM-DD" in Vietnam's time (UTC+7, no daylight saving). */
const DAY = 86_400_000;

export const todayLocal = (now = Date.now()) => new Date(now + 7 * 3_600_000).toISOString().slice(0, 10);

export const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
