/**
 * One million deadlines: random receptions across 2000–2100 (any minute of any day) and durations of 1–60
 * working days, computed with WorkingCalendar (per-year rank tables) and with a naive day-by-day walk that
 * checks each day against weekend and holiday sets. Both run on the same inputs in the same process; the
 * results must be identical. Prints JSON.
 *
 *   npx tsx bench/calendar-deadlines.ts [count] [runs]
 */
import os from "node:os";
import { computeDue, dueInstant } from "../src/domain/calendar/deadline.ts";
import { instantAt, MS_PER_MINUTE } from "../src/domain/calendar/instant.ts";
import { dayNumberFromCivil } from "../src/domain/calendar/local-date.ts";
import { NaiveCalendar } from "../src/domain/calendar/naive-deadline.ts";
import { WorkingCalendar } from "../src/domain/calendar/working-time.ts";

const count = Number(process.argv[2] ?? 1_000_000);
const runs = Number(process.argv[3] ?? 3);

/** mulberry32: a small seeded generator, so every run measures the same inputs. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const next = random(20261128);
const firstMinute = instantAt(dayNumberFromCivil(2000, 1, 1), 0) / MS_PER_MINUTE;
const lastMinute = instantAt(dayNumberFromCivil(2101, 1, 1), 0) / MS_PER_MINUTE - 1;
const starts = new Float64Array(count);
const durations = new Int32Array(count);
for (let i = 0; i < count; i++) {
  starts[i] = (firstMinute + Math.floor(next() * (lastMinute - firstMinute + 1))) * MS_PER_MINUTE;
  durations[i] = 1 + Math.floor(next() * 60);
}

// Setup, timed apart: both calendars compute the holidays (and the lunar years) of every year once.
let t0 = performance.now();
const calendar = new WorkingCalendar();
for (let year = 2000; year <= 2101; year++) calendar.isWorkingDay(dayNumberFromCivil(year, 6, 1));
const fastSetupMs = performance.now() - t0;
t0 = performance.now();
const naive = new NaiveCalendar(calendar.schedule, 2000, 2101);
const naiveSetupMs = performance.now() - t0;
const daily = calendar.dailyMs;

const fastDue = new Float64Array(count);
const apiDue = new Float64Array(count);
const naiveDue = new Float64Array(count);

function runFast(): number {
  const begin = performance.now();
  for (let i = 0; i < count; i++)
    fastDue[i] = dueInstant(calendar, starts[i] as number, (durations[i] as number) * daily);
  return (performance.now() - begin) / 1000;
}

function runApi(): number {
  const begin = performance.now();
  for (let i = 0; i < count; i++) {
    apiDue[i] = computeDue(calendar, starts[i] as number, { workingDays: durations[i] as number }).due;
  }
  return (performance.now() - begin) / 1000;
}

function runNaive(): number {
  const begin = performance.now();
  for (let i = 0; i < count; i++)
    naiveDue[i] = naive.due(starts[i] as number, (durations[i] as number) * daily);
  return (performance.now() - begin) / 1000;
}

const fastTimes: number[] = [];
const apiTimes: number[] = [];
const naiveTimes: number[] = [];
for (let r = 0; r < runs; r++) {
  fastTimes.push(runFast());
  apiTimes.push(runApi());
  naiveTimes.push(runNaive());
}

let mismatches = 0;
for (let i = 0; i < count; i++) if (fastDue[i] !== naiveDue[i] || apiDue[i] !== naiveDue[i]) mismatches++;

const best = (xs: number[]) => Math.min(...xs);
const fastRate = count / best(fastTimes);
const apiRate = count / best(apiTimes);
const naiveRate = count / best(naiveTimes);
const round = (x: number, digits = 3) => Number(x.toFixed(digits));

console.log(
  JSON.stringify(
    {
      benchmark: "calendar-deadlines",
      deadlines: count,
      receptions: "uniform random minute, 2000-01-01 to 2100-12-31 (+07:00)",
      durations: "uniform 1–60 working days",
      runs,
      fast: {
        method: "dueInstant(): WorkingCalendar per-year rank tables, O(years crossed), no allocation",
        setupMs: round(fastSetupMs, 1),
        bestSeconds: round(best(fastTimes)),
        perSecond: Math.round(fastRate),
      },
      api: {
        method: "computeDue(): the same plus the counting start, late flag and a result object",
        bestSeconds: round(best(apiTimes)),
        perSecond: Math.round(apiRate),
      },
      naive: {
        method: "day-by-day walk, weekend check + holiday Set lookups",
        setupMs: round(naiveSetupMs, 1),
        bestSeconds: round(best(naiveTimes)),
        perSecond: Math.round(naiveRate),
      },
      ratio: round(fastRate / naiveRate, 1),
      apiRatio: round(apiRate / naiveRate, 1),
      mismatches,
      node: process.version,
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? "unknown",
    },
    null,
    2,
  ),
);
if (mismatches > 0) process.exitCode = 1;
