/**
 * The life of a document, as NĐ 30/2020/NĐ-CP lays it out.
 * Outgoing (Điều 11–19): drafted → reviewed (comments, sent back) → approved and signed by the competent person
 * → issued by the clerk (number and date, then the agency's signature) → sent; a sent document can be recalled,
 * which freezes it (Phụ lục VI: "freezes a recalled outgoing document").
 * Incoming (Điều 20–24): arrived → registered (incoming number) → assigned by the leader → in progress → done;
 * a unit may refuse an electronic document that is not addressed to it or is unreadable, with a reason.
 */
export const OUTGOING_STATUSES = [
  "draft",
  "submitted",
  "returned",
  "signed",
  "issued",
  "sent",
  "recalled",
] as const;
export type OutgoingStatus = (typeof OUTGOING_STATUSES)[number];

export const INCOMING_STATUSES = [
  "arrived",
  "registered",
  "assigned",
  "in_progress",
  "done",
  "refused",
  "recalled",
] as const;
export type IncomingStatus = (typeof INCOMING_STATUSES)[number];

export type DocumentStatus = OutgoingStatus | IncomingStatus;

export type OutgoingEvent = "edit" | "submit" | "send_back" | "sign" | "issue" | "send" | "recall";
export type IncomingEvent = "register" | "refuse" | "assign" | "start" | "finish" | "recall";

const OUTGOING: Record<OutgoingEvent, { from: readonly OutgoingStatus[]; to: OutgoingStatus | null }> = {
  edit: { from: ["draft", "returned"], to: null },
  submit: { from: ["draft", "returned"], to: "submitted" },
  // The clerk may also send a signed document back before issuing it (a mistake found at the check, Điều 16).
  send_back: { from: ["submitted", "signed"], to: "returned" },
  sign: { from: ["submitted"], to: "signed" },
  issue: { from: ["signed"], to: "issued" },
  send: { from: ["issued", "sent"], to: "sent" },
  recall: { from: ["sent"], to: "recalled" },
};

const INCOMING: Record<IncomingEvent, { from: readonly IncomingStatus[]; to: IncomingStatus }> = {
  register: { from: ["arrived"], to: "registered" },
  refuse: { from: ["arrived"], to: "refused" },
  assign: { from: ["registered", "assigned", "in_progress"], to: "assigned" },
  start: { from: ["assigned", "in_progress"], to: "in_progress" },
  finish: { from: ["registered", "assigned", "in_progress"], to: "done" },
  recall: { from: ["arrived", "registered", "assigned", "in_progress", "done"], to: "recalled" },
};

/** The status after `event`, or null when the event is not allowed in `status`. */
export function nextOutgoing(status: OutgoingStatus, event: OutgoingEvent): OutgoingStatus | null {
  const rule = OUTGOING[event];
  if (!rule.from.includes(status)) return null;
  return rule.to ?? status;
}

export function nextIncoming(status: IncomingStatus, event: IncomingEvent): IncomingStatus | null {
  const rule = INCOMING[event];
  return rule.from.includes(status) ? rule.to : null;
}

/** Statuses a sender sees for each recipient inside motcua. */
export const RECIPIENT_STATUSES = [
  "arrived",
  "registered",
  "assigned",
  "in_progress",
  "done",
  "refused",
  "recalled",
  "sent_on_paper",
  "sent_outside",
] as const;
export type RecipientStatus = (typeof RECIPIENT_STATUSES)[number];

export const ASSIGNMENT_ROLES = ["lead", "support", "info"] as const;
/** lead = chủ trì, support = phối hợp, info = để biết (NĐ 30/2020 Điều 24). */
export type AssignmentRole = (typeof ASSIGNMENT_ROLES)[number];
