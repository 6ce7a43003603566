/**
 * Splitting an overall deadline into step deadlines (reception, appraisal, approval, return …) by integer
 * shares — percentages that add up to 100, or any positive weights. Working time is allotted in whole
 * minutes by the largest-remainder method, so the steps add up to exactly the whole and the last step ends
 * exactly at the overall due instant.
 */
import { addWorkingTime } from "./deadline.ts";
import { CalendarInputError } from "./errors.ts";
import { type Instant, MS_PER_MINUTE } from "./instant.ts";
import type { WorkingCalendar } from "./working-time.ts";

export interface StepDeadline {
  index: number;
  share: number;
  /** Working time allotted to the step, in milliseconds. */
  durationMs: number;
  start: Instant;
  due: Instant;
}

export interface SplitOptions {
  /** "percent": shares must add up to 100; "weights": any positive total. Default "weights". */
  mode?: "percent" | "weights";
  /** Allotment unit in milliseconds; default one minute. */
  granularityMs?: number;
}

/** Divides `total` into parts proportional to `shares`, in multiples of `unit`, summing exactly to `total`. */
export function apportion(total: number, shares: readonly number[], unit = MS_PER_MINUTE): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  const units = Math.floor(total / unit);
  const leftover = total - units * unit;
  const exact = shares.map((s) => (s * units) / sum);
  const parts = exact.map(Math.floor);
  let missing = units - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, remainder: x - Math.floor(x) }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of order) {
    if (missing === 0) break;
    parts[i] = (parts[i] as number) + 1;
    missing--;
  }
  const result = parts.map((p) => p * unit);
  result[result.length - 1] = (result[result.length - 1] as number) + leftover;
  return result;
}

export function splitDeadline(
  calendar: WorkingCalendar,
  start: Instant,
  totalMs: number,
  shares: readonly number[],
  options: SplitOptions = {},
): StepDeadline[] {
  const mode = options.mode ?? "weights";
  const unit = options.granularityMs ?? MS_PER_MINUTE;
  if (!Array.isArray(shares) || shares.length === 0 || !shares.every((s) => Number.isInteger(s) && s >= 0)) {
    throw new CalendarInputError("INVALID_SHARES", {
      shares,
      problem: "shares must be non-negative integers",
    });
  }
  const sum = shares.reduce((a, b) => a + b, 0);
  if (sum === 0) throw new CalendarInputError("INVALID_SHARES", { shares, problem: "shares add up to zero" });
  if (mode === "percent" && sum !== 100) {
    throw new CalendarInputError(
      "INVALID_SHARES",
      { shares, sum },
      {
        vi: `Tổng tỷ lệ phải bằng 100% (đang là ${sum}%).`,
        en: `Percentages must add up to 100 (got ${sum}).`,
      },
    );
  }
  if (!Number.isInteger(unit) || unit <= 0)
    throw new CalendarInputError("INVALID_SHARES", { granularityMs: unit });
  const parts = apportion(totalMs, shares, unit);
  const steps: StepDeadline[] = [];
  let cursor = start;
  let elapsed = 0;
  for (let i = 0; i < parts.length; i++) {
    elapsed += parts[i] as number;
    // Each due is measured from the overall start, so rounding never accumulates.
    const due = addWorkingTime(calendar, start, elapsed);
    steps.push({ index: i, share: shares[i] as number, durationMs: parts[i] as number, start: cursor, due });
    cursor = due;
  }
  return steps;
}
