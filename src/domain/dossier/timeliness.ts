/**
 * Early, on time or late — as the control sheet and the tracking book print it ("trước hạn / đúng hạn / quá
 * hạn"), and as inboxes flag it. Lateness is measured against the legal due instant; an apology moves the
 * appointment, never `due`, and marks the dossier late for good (NĐ 118/2025 art. 19(6)).
 */
import { type Instant, localDayOf } from "../calendar/index.ts";
import type { DossierState } from "./state.ts";

export type Timeliness = "early" | "on_time" | "late";

/** Compare a completion instant with a due instant: an earlier local day is early, the same day up to due is on time. */
export function compareWithDue(completedAt: Instant, due: Instant): Timeliness {
  if (completedAt > due) return "late";
  return localDayOf(completedAt) < localDayOf(due) ? "early" : "on_time";
}

/**
 * The dossier's standing at `now`: null before acceptance; once completed, how the completion compared with the
 * due instant; while open, late when counted late or past due, otherwise on time.
 */
export function timeliness(state: DossierState, now: Instant): Timeliness | null {
  if (state.due === null) return null;
  if (state.completedAt !== null) return state.late ? "late" : compareWithDue(state.completedAt, state.due);
  if (state.late) return "late";
  // While waiting for the applicant the clock stands still: the due instant is not running out.
  if (state.clock === "paused") return "on_time";
  return now > state.due ? "late" : "on_time";
}

/** Open and due within `withinMs` of `now` (and not yet late): flagged "due soon" in inboxes. */
export function isDueSoon(state: DossierState, now: Instant, withinMs: number): boolean {
  if (state.due === null || state.completedAt !== null || state.clock !== "running") return false;
  return now <= state.due && state.due - now <= withinMs;
}
