import type { DossierAction, DossierSummary } from "../../dossier-api.ts";
import type { Lang, MessageKey } from "../../i18n/index.tsx";

const ZONE = "Asia/Ho_Chi_Minh";

function parts(iso: string): Record<string, string> | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const out: Record<string, string> = {};
  for (const p of new Intl.DateTimeFormat("en-GB", {
    timeZone: ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(date)) {
    out[p.type] = p.value;
  }
  return out;
}

/** An instant in Vietnam time: "09:00 ngày 25/11/2026" / "09:00, 25/11/2026". */
export function formatInstant(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return "—";
  const p = parts(iso);
  if (!p) return iso;
  const time = `${p.hour}:${p.minute}`;
  const day = `${p.day}/${p.month}/${p.year}`;
  return lang === "vi" ? `${time} ngày ${day}` : `${time}, ${day}`;
}

/** An instant for a table cell: "09:00 25/11/2026". */
export function formatShort(iso: string | null | undefined): string {
  if (!iso) return "—";
  const p = parts(iso);
  return p ? `${p.hour}:${p.minute} ${p.day}/${p.month}/${p.year}` : iso;
}

/** The day only, "25/11/2026". Accepts an instant or a local "YYYY-MM-DD". */
export function formatDay(value: string | null | undefined): string {
  if (!value) return "—";
  const local = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (local) return `${local[3]}/${local[2]}/${local[1]}`;
  const p = parts(value);
  return p ? `${p.day}/${p.month}/${p.year}` : value;
}

/** Today in Vietnam as "YYYY-MM-DD". */
export function todayLocal(now = new Date()): string {
  const p = parts(now.toISOString());
  return p ? `${p.year}-${p.month}-${p.day}` : now.toISOString().slice(0, 10);
}

/** A <input type="datetime-local"> value read as Vietnam time → ISO 8601 with +07:00. */
export function localToInstant(value: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?$/.exec(value);
  return m ? `${m[1]}T${m[2]}${m[3] ?? ":00"}+07:00` : null;
}

/** An instant → the value of a datetime-local input in Vietnam time. */
export function instantToLocal(iso: string | null | undefined): string {
  if (!iso) return "";
  const p = parts(iso);
  return p ? `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}` : "";
}

export type DueState = "overdue" | "dueSoon" | "paused" | "ok" | "none";

/** The deadline flag an inbox row or a dossier shows: always as a word, never by colour alone. */
export function dueState(
  summary: Pick<DossierSummary, "flags" | "dueAt" | "task"> &
    Partial<Pick<DossierSummary, "acceptanceDueAt">>,
): DueState {
  const f = summary.flags;
  if (f.overdue || f.stepOverdue || f.onlineAcceptanceOverdue) return "overdue";
  if (f.paused) return "paused";
  // Two hours after an online submission the desk is alerted (NĐ 118/2025): the acceptance deadline is near.
  if (f.dueSoon || f.stepDueSoon || f.onlineAlert) return "dueSoon";
  if (summary.acceptanceDueAt) return "ok";
  return summary.dueAt || summary.task ? "ok" : "none";
}

export const DUE_LABELS: Record<DueState, MessageKey> = {
  overdue: "due.overdue",
  dueSoon: "due.soon",
  paused: "due.paused",
  ok: "due.ok",
  none: "due.none",
};

export const ROLE_STEP_LABELS: Record<string, MessageKey> = {
  reception: "role.reception",
  specialist: "role.specialist",
  leader: "role.leader",
  clerk: "role.clerk",
};

export const KIND_LABELS: Record<string, MessageKey> = {
  original: "paper.original",
  copy: "paper.copy",
  certified_copy: "paper.certified_copy",
  electronic: "paper.electronic",
};

export const RETURN_LABELS: Record<string, MessageKey> = {
  counter: "returnMethod.counter",
  post: "returnMethod.post",
  online: "returnMethod.online",
};

export const CHANNEL_LABELS: Record<string, MessageKey> = {
  counter: "channel.counter",
  post: "channel.post",
  online: "channel.online",
};

export const TIMELINESS_LABELS: Record<string, MessageKey> = {
  early: "timeliness.early",
  on_time: "timeliness.on_time",
  late: "timeliness.late",
};

/** How a finished step ended (dossier_tasks.outcome). */
export const OUTCOME_LABELS: Record<string, MessageKey> = {
  forwarded: "outcome.forwarded",
  sent_back: "outcome.sent_back",
  transferred: "outcome.transferred",
  returned_continue: "outcome.returned_continue",
  returned_approved: "outcome.returned_approved",
  returned_rejected: "outcome.returned_rejected",
  supplement_requested: "outcome.supplement_requested",
  approved: "outcome.approved",
  rejected: "outcome.rejected",
  result_recorded: "outcome.result_recorded",
  stopped: "outcome.stopped",
  withdrawn: "outcome.withdrawn",
  returned: "outcome.returned",
};

/** The buttons of the dossier page, in the order a desk works. */
export const ACTION_ORDER: readonly DossierAction[] = [
  "accept",
  "claim",
  "forward",
  "approve",
  "record_result",
  "return",
  "transfer",
  "transfer_return",
  "supplement_received",
  "request_supplement",
  "send_back",
  "reject",
  "refuse",
  "assign",
  "apologise",
  "extend",
  "stop",
  "withdraw",
  "close_incomplete",
  "rate_paper",
];

export const ACTION_LABELS: Record<DossierAction, MessageKey> = {
  accept: "action.accept",
  refuse: "action.refuse",
  request_supplement: "action.request_supplement",
  supplement_received: "action.supplement_received",
  claim: "action.claim",
  assign: "action.assign",
  forward: "action.forward",
  send_back: "action.send_back",
  transfer: "action.transfer",
  transfer_return: "action.transfer_return",
  approve: "action.approve",
  reject: "action.reject",
  record_result: "action.record_result",
  apologise: "action.apologise",
  extend: "action.extend",
  stop: "action.stop",
  withdraw: "action.withdraw",
  return: "action.return",
  close_incomplete: "action.close_incomplete",
  note: "action.note",
  rate_paper: "action.rate_paper",
};

/** Events of the timeline (dossier_events.action) by name; unknown names are shown as they are. */
export const EVENT_LABELS: Record<string, MessageKey> = {
  receive: "event.receive",
  accept: "event.accept",
  refuse: "event.refuse",
  request_supplement: "event.request_supplement",
  request_citizen_supplement: "event.request_citizen_supplement",
  supplement_received: "event.supplement_received",
  close_incomplete: "event.close_incomplete",
  claim: "event.claim",
  assign: "event.assign",
  reassign: "event.reassign",
  forward: "event.forward",
  send_back: "event.send_back",
  transfer: "event.transfer",
  transfer_return: "event.transfer_return",
  approve: "event.approve",
  reject: "event.reject",
  record_result: "event.record_result",
  apologise: "event.apologise",
  extend: "event.extend",
  stop: "event.stop",
  withdraw: "event.withdraw",
  return: "event.return",
  note: "event.note",
  submit_online: "event.submit_online",
  // The citizen's own steps before and after submitting online (src/modules/portal).
  draft_start: "event.draft_start",
  draft_save: "event.draft_save",
  upload: "event.upload",
  upload_remove: "event.upload_remove",
  supplement_answered: "event.supplement_answered",
  rate: "event.rate",
};

export function statusText(label: { vi: string; en: string }, lang: Lang): string {
  return lang === "en" ? label.en : label.vi;
}

/** The status colour family, so that finished, stopped and waiting dossiers read differently at a glance. */
export function statusTone(status: string): "done" | "stopped" | "waiting" | "active" {
  if (status === "returned" || status === "result_ready") return "done";
  if (["refused", "rejected", "withdrawn", "stopped", "closed_incomplete"].includes(status)) return "stopped";
  if (status.startsWith("awaiting")) return "waiting";
  return "active";
}
