/**
 * The figures of the periodic report "Tình hình, kết quả giải quyết TTHC" (Biểu 06/VPCP/KSTT of TT 01/2020/TT-VPCP
 * [S]), in dossiers: received (total = online + direct or by post + carried over from the previous period),
 * resolved (total = early + on time + late), pending at the end of the period (total = within time + overdue).
 * Whether a dossier was early, on time or late is the dossier machine's own judgement (`timeliness`: the legal due
 * instant, same-day limits and extensions as the machine set them; an apology keeps the dossier late, NĐ 118/2025
 * art. 19(6)) — this file only places each dossier in its columns.
 *
 * Choices where the form leaves it open, as the systems in use do it (DOMAIN.md, [S]):
 * - A dossier counts from its acceptance (tiếp nhận); dossiers refused or waiting for completion before acceptance
 *   are not received.
 * - Withdrawn, stopped and closed-incomplete dossiers count as resolved on time at the instant they ended.
 * - A dossier waiting for the applicant's supplement is pending within time (the clock stands still).
 * - For a period already over, a dossier that was still open at its end is judged at that end: overdue when its
 *   due instant had passed or an apology had been issued by then. The due instant is the one the dossier holds now
 *   (a restart after a supplement completed later moves it: such a dossier was paused, hence within time, at the
 *   end, unless its supplement was requested after the end).
 * - Dossiers count at the unit that received them, transfers included, so a roll-up counts each dossier once.
 */
import { type DossierState, timeliness } from "../dossier/index.ts";

export interface DossierFigures {
  received: { total: number; online: number; directOrPost: number; carriedOver: number };
  resolved: { total: number; early: number; onTime: number; late: number };
  pending: { total: number; withinTime: number; overdue: number };
}

export function emptyFigures(): DossierFigures {
  return {
    received: { total: 0, online: 0, directOrPost: 0, carriedOver: 0 },
    resolved: { total: 0, early: 0, onTime: 0, late: 0 },
    pending: { total: 0, withinTime: 0, overdue: 0 },
  };
}

/** What the report needs to know of a dossier besides its machine state. */
export interface DossierFacts {
  state: DossierState;
  /** When the apology was issued, if any. */
  apologyAt: number | null;
  /** Intervals the clock stood still (`to` null while still paused). */
  pausedIntervals: readonly { from: number; to: number | null }[];
}

/** Statuses that end a dossier without a result; the instant of their last event is when it ended. */
const ENDED_WITHOUT_RESULT = new Set(["withdrawn", "stopped", "closed_incomplete"]);

/** When the dossier left the pending column: its completion, or the end without a result; null while open. */
export function resolvedAt(state: DossierState): number | null {
  if (state.completedAt !== null) return state.completedAt;
  return ENDED_WITHOUT_RESULT.has(state.status) ? state.updatedAt : null;
}

export type Placement = null | {
  received: "online" | "directOrPost" | "carriedOver";
  outcome: "early" | "onTime" | "late" | "withinTime" | "overdue";
};

const RESOLVED = { early: "early", on_time: "onTime", late: "late" } as const;

/**
 * Where one dossier goes in the report of [start, end) as seen at `now` (a period not yet over is cut at `now`):
 * null when it does not belong to the period.
 */
export function placeDossier(facts: DossierFacts, start: number, end: number, now: number): Placement {
  const { state } = facts;
  const cut = Math.min(end, now);
  if (state.receivedAt === null || state.receivedAt >= cut) return null;
  const ended = resolvedAt(state);
  if (ended !== null && ended < start) return null;
  const received =
    state.receivedAt < start ? "carriedOver" : state.channel === "online" ? "online" : "directOrPost";
  if (ended !== null && ended < cut) {
    if (state.completedAt === null) return { received, outcome: "onTime" };
    return { received, outcome: RESOLVED[timeliness(state, cut) ?? "on_time"] };
  }
  // Still open at the cut: the state as it stood then.
  const paused = facts.pausedIntervals.some((p) => p.from <= cut && (p.to === null || p.to > cut));
  const then: DossierState = {
    ...state,
    completedAt: null,
    late: facts.apologyAt !== null && facts.apologyAt < cut,
    clock: paused ? "paused" : "running",
  };
  // The last instant inside the period: a due instant at the very end of it is not yet passed.
  return { received, outcome: timeliness(then, cut - 1) === "late" ? "overdue" : "withinTime" };
}

/** Adds one placement to the figures (totals kept as the sums the form prints). */
export function addPlacement(figures: DossierFigures, placement: Placement): void {
  if (placement === null) return;
  figures.received[placement.received]++;
  figures.received.total++;
  const o = placement.outcome;
  if (o === "withinTime" || o === "overdue") {
    figures.pending[o]++;
    figures.pending.total++;
  } else {
    figures.resolved[o]++;
    figures.resolved.total++;
  }
}

export function sumFigures(a: DossierFigures, b: DossierFigures): DossierFigures {
  return {
    received: {
      total: a.received.total + b.received.total,
      online: a.received.online + b.received.online,
      directOrPost: a.received.directOrPost + b.received.directOrPost,
      carriedOver: a.received.carriedOver + b.received.carriedOver,
    },
    resolved: {
      total: a.resolved.total + b.resolved.total,
      early: a.resolved.early + b.resolved.early,
      onTime: a.resolved.onTime + b.resolved.onTime,
      late: a.resolved.late + b.resolved.late,
    },
    pending: {
      total: a.pending.total + b.pending.total,
      withinTime: a.pending.withinTime + b.pending.withinTime,
      overdue: a.pending.overdue + b.pending.overdue,
    },
  };
}

/**
 * The 13 columns of Biểu 06/VPCP/KSTT [S], in order: STT, field (or unit), then the 11 figures. The column numbers
 * are the form's (1)–(13).
 */
export const REPORT_COLUMNS = [
  { key: "stt", vi: "STT", en: "No." },
  { key: "name", vi: "Lĩnh vực, công việc giải quyết", en: "Field" },
  { key: "received.total", vi: "Số hồ sơ nhận giải quyết: Tổng số", en: "Received: total" },
  { key: "received.online", vi: "Trong kỳ: Trực tuyến", en: "In the period: online" },
  {
    key: "received.directOrPost",
    vi: "Trong kỳ: Trực tiếp, dịch vụ bưu chính",
    en: "In the period: at the desk or by post",
  },
  { key: "received.carriedOver", vi: "Từ kỳ trước", en: "Carried over" },
  { key: "resolved.total", vi: "Số hồ sơ đã giải quyết: Tổng số", en: "Resolved: total" },
  { key: "resolved.early", vi: "Trước hạn", en: "Early" },
  { key: "resolved.onTime", vi: "Đúng hạn", en: "On time" },
  { key: "resolved.late", vi: "Quá hạn", en: "Late" },
  { key: "pending.total", vi: "Số hồ sơ đang giải quyết: Tổng số", en: "Pending: total" },
  { key: "pending.withinTime", vi: "Trong hạn", en: "Within time" },
  { key: "pending.overdue", vi: "Quá hạn", en: "Overdue" },
] as const;

/** The 11 figures in the form's column order (3)–(13). */
export function figureCells(f: DossierFigures): number[] {
  return [
    f.received.total,
    f.received.online,
    f.received.directOrPost,
    f.received.carriedOver,
    f.resolved.total,
    f.resolved.early,
    f.resolved.onTime,
    f.resolved.late,
    f.pending.total,
    f.pending.withinTime,
    f.pending.overdue,
  ];
}

export const REPORT_TITLE = "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH";
