/**
 * The dossier's state as data: a status (one of a closed list, stored as a column) with the fields that only
 * that status has, plus the timing every status carries. Illegal combinations (a step index on a refused
 * dossier, a running clock before acceptance) cannot be written down.
 */
import type { Instant, LegalDuration } from "../calendar/index.ts";

/** Every status a dossier can be in, in lifecycle order. */
export const DOSSIER_STATUSES = [
  "draft_online",
  "submitted_online",
  "at_desk",
  "awaiting_supplement_before_acceptance",
  "refused",
  "received",
  "in_processing",
  "awaiting_citizen_supplement",
  "awaiting_other_unit",
  "approved",
  "rejected",
  "result_ready",
  "returned",
  "withdrawn",
  "stopped",
  "closed_incomplete",
] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

/** Statuses no event leaves. */
export const TERMINAL_STATUSES = [
  "refused",
  "returned",
  "withdrawn",
  "stopped",
  "closed_incomplete",
] as const satisfies readonly DossierStatus[];
export type TerminalStatus = (typeof TERMINAL_STATUSES)[number];

/** Statuses before the desk accepted the dossier: no code, no due instant, the clock has not started. */
export const PRE_ACCEPTANCE_STATUSES = [
  "draft_online",
  "submitted_online",
  "at_desk",
  "awaiting_supplement_before_acceptance",
] as const satisfies readonly DossierStatus[];

/** Waiting for the applicant after acceptance: the clock stands still. */
export const WAITING_STATUSES = ["awaiting_citizen_supplement"] as const satisfies readonly DossierStatus[];

/** How the dossier reached the desk (NĐ 61/2018 art. 15; NĐ 118/2025): at the counter, by post, online. */
export type Channel = "counter" | "post" | "online";

/** How the result was returned. */
export type ReturnMethod = "counter" | "post" | "online";

/** State of the processing clock. */
export type ClockState = "not_started" | "running" | "paused" | "stopped";

/** The result document recorded before return (số, ngày, người ký, tệp). */
export interface ResultRecord {
  number: string;
  /** Local date of signature, YYYY-MM-DD. */
  signedOn: string;
  signer: string;
  fileId: string | null;
}

/** One item the applicant must add or correct, with the reason (forms 02). */
export interface SupplementItem {
  name: string;
  reason: string;
}

/** Fields every status carries. */
export interface DossierCommon {
  channel: Channel;
  /** Instant of acceptance (tiếp nhận); null before it. */
  receivedAt: Instant | null;
  /** The processing time of the procedure (case), fixed at acceptance; the legal extension's total once applied. */
  duration: LegalDuration | null;
  /**
   * From when the processing time counts: the reception, or the moment a supplemented dossier was complete again
   * (the time restarts from zero, NĐ 118/2025 art. 19(5)). An extension counts its total from here too.
   */
  countedFrom: Instant | null;
  /**
   * The legal due instant: set at acceptance, recomputed from zero when a supplemented dossier is complete again.
   * An apology never moves it, so a rescheduled dossier stays late against it.
   */
  due: Instant | null;
  /** The date promised to the applicant: `due`, or the new date of the one apology. */
  appointment: Instant | null;
  /** How many times the appointment was moved by an apology (at most MAX_RESCHEDULES). */
  reschedules: number;
  /**
   * Whether the apology was issued at least one day before the due date (NĐ 118/2025 art. 19(6)); null without
   * one. An apology is owed even after the due date: then it is issued late, and the dossier is late either way.
   */
  apologyOnTime: boolean | null;
  /** The legal extension applied (more time for verification where the procedure allows it), with its reason. */
  extension: Extension | null;
  /** Supplement requests made after acceptance (at most MAX_SUPPLEMENT_REQUESTS_AFTER_ACCEPTANCE). */
  supplementRequests: number;
  /** Counted late: an apology was issued, or the result was completed after `due`. Never reset. */
  late: boolean;
  /** When the result (or the written rejection) was completed; null before. */
  completedAt: Instant | null;
  clock: ClockState;
  /** Instant of the last accepted event; events must not go back in time. */
  updatedAt: Instant;
}

/** A legal extension of the processing time: not a delay, the dossier is not late for it. */
export interface Extension {
  at: Instant;
  reason: string;
  /** The processing time before the extension. */
  standard: LegalDuration;
}

/** Per-status data. `stepIndex` points into the workflow of the procedure version the dossier was filed under. */
export type DossierStatusData =
  | { status: "draft_online" }
  | { status: "submitted_online"; submittedAt: Instant }
  | { status: "at_desk" }
  | {
      status: "awaiting_supplement_before_acceptance";
      requestedAt: Instant;
      items: readonly SupplementItem[];
    }
  | { status: "refused"; reason: string }
  | { status: "received" }
  | { status: "in_processing"; stepIndex: number }
  | {
      status: "awaiting_citizen_supplement";
      requestedAt: Instant;
      stepIndex: number;
      items: readonly SupplementItem[];
    }
  | { status: "awaiting_other_unit"; unitCode: string; stepIndex: number; sentAt: Instant }
  | { status: "approved"; stepIndex: number }
  | { status: "rejected"; reason: string }
  | { status: "result_ready"; result: ResultRecord }
  | {
      status: "returned";
      method: ReturnMethod;
      outcome: "approved" | "rejected";
      /** Counter: the applicant who signed; post: the tracking number; online: null. */
      reference: string | null;
    }
  | { status: "withdrawn"; reason: string | null }
  | { status: "stopped"; reason: string }
  | { status: "closed_incomplete" };

export type DossierState = DossierCommon & DossierStatusData;

export function isTerminal(status: DossierStatus): status is TerminalStatus {
  return (TERMINAL_STATUSES as readonly DossierStatus[]).includes(status);
}

/** A new dossier: a draft on the portal, or a paper dossier being checked at the desk (counter or post). */
export function newDossier(channel: Channel, at: Instant): DossierState {
  const common: DossierCommon = {
    channel,
    receivedAt: null,
    duration: null,
    countedFrom: null,
    due: null,
    appointment: null,
    reschedules: 0,
    apologyOnTime: null,
    extension: null,
    supplementRequests: 0,
    late: false,
    completedAt: null,
    clock: "not_started",
    updatedAt: at,
  };
  return channel === "online" ? { ...common, status: "draft_online" } : { ...common, status: "at_desk" };
}

/** Kinds of paper the machine asks the caller to issue; the set (2018 or 2025) is chosen by reception date. */
export type FormKind =
  | "receipt"
  | "supplement_request"
  | "refusal"
  | "apology"
  | "stop_notice"
  /** Phiếu chuyển xử lý, when the dossier passes to another body (NĐ 118/2025 art. 20(2)(a)). */
  | "transfer_slip";

/**
 * What the applicant must be told (NĐ 118/2025 art. 19: the desk informs the applicant of the receipt, a request
 * to complete, a refusal with its reasons, a delay with the new date, the result). The caller carries each one out
 * in the transaction of the change; the notifications module maps each to its message template.
 */
export type ApplicantNotice =
  | "submitted"
  | "received"
  | "supplement_requested"
  | "refused"
  | "rejected"
  /** The supplement completed the dossier: the time restarted, a new appointment. */
  | "restarted"
  /** The legal extension was applied: a new appointment, not a delay. */
  | "extended"
  | "result_ready"
  | "rescheduled"
  | "returned"
  | "withdrawn"
  | "stopped"
  | "closed_incomplete";

/** Where a dossier is, for the control sheet: a step of the workflow in a unit. */
export interface Place {
  /** null: the unit that received the dossier. */
  unitCode: string | null;
  stepIndex: number;
}

/** What the caller must do after a transition, in the same transaction. */
export type DossierEffect =
  /** Allocate the dossier code (needs the daily sequence, so it is the caller's). */
  | { type: "assign_code" }
  | { type: "issue_form"; form: FormKind }
  | { type: "clock"; action: "start" | "pause" | "restart" | "stop"; at: Instant; due: Instant | null }
  /** A row of the control sheet: the dossier changes hands. */
  | { type: "handover"; from: Place; to: Place; at: Instant }
  /** A deadline to flag in inboxes (duties of staff, not guards). */
  | {
      type: "deadline";
      kind: "online_alert" | "online_acceptance" | "supplement_expiry";
      at: Instant;
    }
  | { type: "notify_applicant"; notice: ApplicantNotice }
  | { type: "deliver_result"; method: ReturnMethod };
