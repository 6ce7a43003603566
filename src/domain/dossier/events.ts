/** What can happen to a dossier. Each event names the act of a person (applicant, officer, leader) or of time. */
import type { Instant, LegalDuration } from "../calendar/index.ts";
import type { ResultRecord, SupplementItem } from "./state.ts";

export type DossierEvent =
  /** The applicant submits an online draft. */
  | { type: "submit_online" }
  /**
   * The desk accepts a complete dossier: code, receipt (form 01), due instant from `duration`; with `extension`
   * the legal longer time for verification applies from the start, with its reason.
   */
  | { type: "accept"; duration: LegalDuration; extension?: ExtensionRequest }
  /** The processing body applies the legal extension the procedure allows, with the reason, before the due date. */
  | { type: "extend"; extension: ExtensionRequest }
  /** The desk asks for supplements before accepting (form 02), listing every item with its reason at once. */
  | { type: "request_supplement"; items: readonly SupplementItem[] }
  /** The desk refuses the dossier at reception (form 03), with the reason. */
  | { type: "refuse"; reason: string }
  /** The current step is done: the dossier goes to the next step of the workflow. */
  | { type: "forward" }
  /** The current step returns the dossier to the previous one, where the step allows it. */
  | { type: "send_back"; reason: string }
  /** The current step is handed to another unit or agency (liên thông). */
  | { type: "transfer"; unitCode: string }
  /** The other unit hands the dossier back: it finished its step, or it decided the matter. */
  | { type: "transfer_return"; outcome: "continue" | "approved" | "rejected"; reason?: string }
  /** The processing body asks the applicant, through the desk, to complete an accepted dossier (form 02). */
  | { type: "request_citizen_supplement"; items: readonly SupplementItem[] }
  /** The applicant brings the missing items. */
  | { type: "supplement_received" }
  /** The competent person approves. */
  | { type: "approve" }
  /** The competent person rejects after appraisal, with the reason (within the processing time). */
  | { type: "reject"; reason: string }
  /** The result document exists: number, date, signer, file. */
  | { type: "record_result"; result: ResultRecord }
  /** The result is handed over at the counter; the applicant signs. */
  | { type: "return_at_counter"; signedBy: string }
  /** The result is handed to the public postal service. */
  | { type: "hand_to_post"; trackingNumber: string }
  /** The electronic result is made available online. */
  | { type: "publish_online" }
  /** The applicant takes the dossier back before the result. */
  | { type: "withdraw"; reason?: string }
  /** The body stops processing (form 05), e.g. at the applicant's request (NĐ 118/2025 art. 21). */
  | { type: "stop"; reason: string }
  /**
   * The body will be (or is) late: it apologises and sets a new date (form 04), once; "at least a day before due"
   * decides whether the apology was on time, not whether it may be issued.
   */
  | { type: "apologise_and_reschedule"; reason: string; newAppointment: Instant }
  /** The supplement was not brought in time: the dossier is closed. */
  | { type: "close_incomplete" };

/** The extension's total time (from the catalog) and the officer's reason. */
export interface ExtensionRequest {
  total: LegalDuration;
  reason: string;
}

export type DossierEventType = DossierEvent["type"];

/** Every event type, for exhaustive tests and generators. */
export const DOSSIER_EVENT_TYPES = [
  "submit_online",
  "accept",
  "extend",
  "request_supplement",
  "refuse",
  "forward",
  "send_back",
  "transfer",
  "transfer_return",
  "request_citizen_supplement",
  "supplement_received",
  "approve",
  "reject",
  "record_result",
  "return_at_counter",
  "hand_to_post",
  "publish_online",
  "withdraw",
  "stop",
  "apologise_and_reschedule",
  "close_incomplete",
] as const satisfies readonly DossierEventType[];

// Compile-time check that the list above names every event type.
type MissingEventType = Exclude<DossierEventType, (typeof DOSSIER_EVENT_TYPES)[number]>;
const _everyEventListed: MissingEventType extends never ? true : false = true;
void _everyEventListed;
