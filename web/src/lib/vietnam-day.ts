/** Việt Nam keeps UTC+7 all year (no daylight saving): its calendar day is the UTC day of the instant + 7 hours. */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** The day in Việt Nam at `now`, "YYYY-MM-DD". */
export function vietnamDay(now: number = Date.now()): string {
  return new Date(now + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** The year in Việt Nam at `now`. */
export function vietnamYear(now: number = Date.now()): number {
  return Number(vietnamDay(now).slice(0, 4));
}
