import type { PublicUnitT } from "../api.ts";
import type { MessageKey, Translate } from "../i18n/index.tsx";

const DAY_KEYS: Record<number, MessageKey> = {
  1: "weekday.1",
  2: "weekday.2",
  3: "weekday.3",
  4: "weekday.4",
  5: "weekday.5",
  6: "weekday.6",
  7: "weekday.7",
};

/** "Thứ Hai – Thứ Sáu: 07:30–11:30, 13:30–17:00" */
export function formatHours(hours: PublicUnitT["workingHours"], t: Translate): string {
  const days = [...hours.weekdays].sort((a, b) => a - b);
  const first = days[0];
  const last = days[days.length - 1];
  const consecutive = first !== undefined && last !== undefined && last - first + 1 === days.length;
  const dayText =
    consecutive && days.length > 2
      ? `${t(DAY_KEYS[first] ?? "weekday.1")} – ${t(DAY_KEYS[last] ?? "weekday.7")}`
      : days.map((d) => t(DAY_KEYS[d] ?? "weekday.1")).join(", ");
  const sessions = hours.sessions.map((s) => `${s.start}–${s.end}`).join(", ");
  return `${dayText}: ${sessions}`;
}
