/**
 * Dates in messages are local Vietnamese time. Asia/Ho_Chi_Minh has been UTC+07:00 without daylight saving since
 * 1975, so a fixed offset is exact (as in src/domain/calendar/instant.ts).
 */
const OFFSET_MS = 7 * 3600_000;

const pad = (n: number) => String(n).padStart(2, "0");

/** "16:30 26/11/2026" */
export function formatLocalDateTime(at: Date | number): string {
  const local = new Date((typeof at === "number" ? at : at.getTime()) + OFFSET_MS);
  return `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())} ${pad(local.getUTCDate())}/${pad(
    local.getUTCMonth() + 1,
  )}/${local.getUTCFullYear()}`;
}
