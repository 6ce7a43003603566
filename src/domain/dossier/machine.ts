/**
 * The dossier state machine: transition(state, event, context) → the next state and what the caller must do, or
 * a typed refusal. Pure: time comes from `context.now`, working days from `context.calendar`, the steps from the
 * workflow of the procedure version the dossier was filed under. The rules and their legal sources are in
 * rules.ts; each guard below names the rule it applies.
 */
import {
  addWorkingDays,
  addWorkingHours,
  CalendarInputError,
  computeDue,
  countingStart,
  type Duration,
  durationMs,
  type Instant,
  localDayOf,
  type WorkingCalendar,
} from "../calendar/index.ts";
import type { Role } from "../catalog/procedure-schema.ts";
import { type TransitionError, type TransitionErrorCode, transitionError } from "./errors.ts";
import type { DossierEvent } from "./events.ts";
import {
  APOLOGY_MIN_DAYS_BEFORE_DUE,
  INCOMPLETE_CLOSE_CALENDAR_DAYS,
  MAX_RESCHEDULES,
  MAX_SUPPLEMENT_REQUESTS_AFTER_ACCEPTANCE,
  MS_PER_CALENDAR_DAY,
  ONLINE_ACCEPTANCE_WORKING_HOURS,
  ONLINE_ALERT_HOURS,
  SUPPLEMENT_WINDOW_WORKING_DAYS,
} from "./rules.ts";
import type {
  DossierCommon,
  DossierEffect,
  DossierState,
  DossierStatus,
  DossierStatusData,
  ReturnMethod,
  SupplementItem,
} from "./state.ts";

/** What the machine needs to know of a workflow step (a catalog WorkflowStep fits). */
export interface WorkflowStepSpec {
  role: Role;
  canSendBack: boolean;
}

export interface TransitionContext {
  /** When the event happens. */
  now: Instant;
  /** The working calendar of the unit that processes the dossier. */
  calendar: WorkingCalendar;
  /** The workflow of the procedure version the dossier was filed under; step 0 is reception. */
  workflow: readonly WorkflowStepSpec[];
  /** Does `unitCode` offer step `stepIndex`? Transfers are refused when absent or false. */
  offers?: (unitCode: string, stepIndex: number, step: WorkflowStepSpec) => boolean;
}

export type TransitionResult =
  | { ok: true; state: DossierState; effects: DossierEffect[] }
  | { ok: false; error: TransitionError };

const HOUR_MS = 3_600_000;

function fail(code: TransitionErrorCode, details?: Readonly<Record<string, unknown>>): TransitionResult {
  return { ok: false, error: transitionError(code, details) };
}

function notAllowed(state: DossierState, event: DossierEvent): TransitionResult {
  return fail("EVENT_NOT_ALLOWED", { status: state.status, event: event.type });
}

function commonOf(state: DossierState, now: Instant): DossierCommon {
  return {
    channel: state.channel,
    receivedAt: state.receivedAt,
    duration: state.duration,
    due: state.due,
    appointment: state.appointment,
    reschedules: state.reschedules,
    supplementRequests: state.supplementRequests,
    late: state.late,
    completedAt: state.completedAt,
    clock: state.clock,
    updatedAt: now,
  };
}

function ok(
  state: DossierState,
  now: Instant,
  patch: Partial<DossierCommon>,
  data: DossierStatusData,
  effects: DossierEffect[],
): TransitionResult {
  const next = { ...commonOf(state, now), ...patch, ...data } as DossierState;
  return { ok: true, state: next, effects };
}

function blank(text: string | undefined): boolean {
  return text === undefined || text.trim().length === 0;
}

function itemsInvalid(items: readonly SupplementItem[]): boolean {
  return items.length === 0 || items.some((item) => blank(item.name) || blank(item.reason));
}

/** Where the dossier stands in its workflow, for statuses that have a step. */
function stepOf(state: DossierState): number | null {
  switch (state.status) {
    case "received":
      return 0;
    case "in_processing":
    case "awaiting_citizen_supplement":
    case "awaiting_other_unit":
    case "approved":
      return state.stepIndex;
    default:
      return null;
  }
}

/** The status for being at step `i` of the own unit's workflow. */
function atStep(i: number): DossierStatusData {
  return i === 0 ? { status: "received" } : { status: "in_processing", stepIndex: i };
}

/** Completing the result (or the written rejection) stops the clock and fixes lateness against `due`. */
function completion(state: DossierState, now: Instant): Partial<DossierCommon> {
  const due = state.due;
  return { completedAt: now, clock: "stopped", late: state.late || (due !== null && now > due) };
}

const PRE_RESULT: readonly DossierStatus[] = [
  "draft_online",
  "submitted_online",
  "at_desk",
  "awaiting_supplement_before_acceptance",
  "received",
  "in_processing",
  "awaiting_citizen_supplement",
  "awaiting_other_unit",
];

const PROCESSING: readonly DossierStatus[] = ["received", "in_processing", "awaiting_other_unit", "approved"];

/** Apply one event. Never throws for a well-typed state and event; bad input comes back as an error. */
export function transition(
  state: DossierState,
  event: DossierEvent,
  context: TransitionContext,
): TransitionResult {
  const { now, calendar, workflow } = context;
  if (!Number.isFinite(now) || now < state.updatedAt) {
    return fail("TIME_WENT_BACKWARDS", { now, updatedAt: state.updatedAt });
  }
  const step = stepOf(state);
  if (step !== null && (step < 0 || step >= workflow.length)) {
    return fail("WORKFLOW_MISMATCH", { stepIndex: step, steps: workflow.length });
  }

  switch (event.type) {
    case "submit_online": {
      if (state.status !== "draft_online") return notAllowed(state, event);
      // NĐ 118/2025: staff are alerted within 2 hours and accept or send back within 8 working hours.
      return ok(state, now, {}, { status: "submitted_online", submittedAt: now }, [
        { type: "deadline", kind: "online_alert", at: now + ONLINE_ALERT_HOURS * HOUR_MS },
        {
          type: "deadline",
          kind: "online_acceptance",
          at: addWorkingHours(calendar, now, ONLINE_ACCEPTANCE_WORKING_HOURS),
        },
        { type: "notify_applicant", status: "submitted_online" },
      ]);
    }

    case "accept": {
      if (state.status !== "at_desk" && state.status !== "submitted_online") return notAllowed(state, event);
      const due = dueFrom(calendar, now, event.duration);
      if (due === null) return fail("INVALID_DURATION", { duration: event.duration });
      // The clock starts at reception, or at the next working day after 15:00 (NĐ 118/2025 art. 18(2)).
      return ok(
        state,
        now,
        { receivedAt: now, duration: event.duration, due, appointment: due, clock: "running" },
        { status: "received" },
        [
          { type: "assign_code" },
          { type: "issue_form", form: "receipt" },
          { type: "clock", action: "start", at: now, due },
          { type: "notify_applicant", status: "received" },
        ],
      );
    }

    case "request_supplement": {
      if (state.status !== "at_desk" && state.status !== "submitted_online") return notAllowed(state, event);
      if (itemsInvalid(event.items)) return fail("SUPPLEMENT_ITEMS_REQUIRED");
      return ok(
        state,
        now,
        {},
        { status: "awaiting_supplement_before_acceptance", requestedAt: now, items: event.items },
        [
          { type: "issue_form", form: "supplement_request" },
          { type: "deadline", kind: "supplement_expiry", at: supplementExpiry(now) },
          { type: "notify_applicant", status: "awaiting_supplement_before_acceptance" },
        ],
      );
    }

    case "refuse": {
      if (
        state.status !== "at_desk" &&
        state.status !== "submitted_online" &&
        state.status !== "awaiting_supplement_before_acceptance"
      ) {
        return notAllowed(state, event);
      }
      if (blank(event.reason)) return fail("REASON_REQUIRED");
      return ok(state, now, {}, { status: "refused", reason: event.reason.trim() }, [
        { type: "issue_form", form: "refusal" },
        { type: "notify_applicant", status: "refused" },
      ]);
    }

    case "supplement_received": {
      if (state.status === "awaiting_supplement_before_acceptance") {
        const back: DossierStatusData =
          state.channel === "online"
            ? { status: "submitted_online", submittedAt: now }
            : { status: "at_desk" };
        return ok(state, now, {}, back, [{ type: "notify_applicant", status: back.status }]);
      }
      if (state.status !== "awaiting_citizen_supplement") return notAllowed(state, event);
      // The processing time restarts from zero on the complete dossier (NĐ 118/2025 art. 19(5)).
      const due = state.duration === null ? null : dueFrom(calendar, now, state.duration);
      if (due === null) return fail("INVALID_DURATION", { duration: state.duration });
      return ok(state, now, { due, appointment: due, clock: "running" }, atStep(state.stepIndex), [
        { type: "clock", action: "restart", at: now, due },
        { type: "issue_form", form: "receipt" },
        { type: "notify_applicant", status: atStep(state.stepIndex).status },
      ]);
    }

    case "forward": {
      if (state.status !== "received" && state.status !== "in_processing") return notAllowed(state, event);
      const from = step ?? 0;
      if (from + 1 >= workflow.length) return fail("NO_NEXT_STEP", { stepIndex: from });
      return ok(state, now, {}, atStep(from + 1), [handover(null, from, null, from + 1, now)]);
    }

    case "send_back": {
      if (state.status !== "in_processing") return notAllowed(state, event);
      const i = state.stepIndex;
      if (!(workflow[i] as WorkflowStepSpec).canSendBack)
        return fail("SEND_BACK_NOT_ALLOWED", { stepIndex: i });
      if (blank(event.reason)) return fail("REASON_REQUIRED");
      return ok(state, now, {}, atStep(i - 1), [handover(null, i, null, i - 1, now)]);
    }

    case "transfer": {
      if (state.status !== "in_processing") return notAllowed(state, event);
      const i = state.stepIndex;
      const unit = event.unitCode.trim();
      const offered =
        unit.length > 0 && (context.offers?.(unit, i, workflow[i] as WorkflowStepSpec) ?? false);
      if (!offered) return fail("UNIT_DOES_NOT_OFFER_STEP", { unitCode: event.unitCode, stepIndex: i });
      return ok(
        state,
        now,
        {},
        { status: "awaiting_other_unit", unitCode: unit, stepIndex: i, sentAt: now },
        [handover(null, i, unit, i, now)],
      );
    }

    case "transfer_return": {
      if (state.status !== "awaiting_other_unit") return notAllowed(state, event);
      const i = state.stepIndex;
      switch (event.outcome) {
        case "continue":
          if (i + 1 >= workflow.length) return fail("NO_NEXT_STEP", { stepIndex: i });
          return ok(state, now, {}, atStep(i + 1), [handover(state.unitCode, i, null, i + 1, now)]);
        case "approved":
          return ok(state, now, {}, { status: "approved", stepIndex: i }, [
            handover(state.unitCode, i, null, i, now),
          ]);
        case "rejected":
          if (blank(event.reason)) return fail("REASON_REQUIRED");
          return ok(
            state,
            now,
            completion(state, now),
            { status: "rejected", reason: (event.reason ?? "").trim() },
            [
              handover(state.unitCode, i, null, i, now),
              { type: "clock", action: "stop", at: now, due: state.due },
              { type: "notify_applicant", status: "rejected" },
            ],
          );
      }
      return notAllowed(state, event);
    }

    case "request_citizen_supplement": {
      if (state.status !== "received" && state.status !== "in_processing") return notAllowed(state, event);
      if (itemsInvalid(event.items)) return fail("SUPPLEMENT_ITEMS_REQUIRED");
      // Everything is asked for at once ("đầy đủ một lần"): one request after acceptance.
      if (state.supplementRequests >= MAX_SUPPLEMENT_REQUESTS_AFTER_ACCEPTANCE) {
        return fail("SUPPLEMENT_ALREADY_REQUESTED");
      }
      // Within 3 working days of receipt (NĐ 61/2018 art. 18; NĐ 118/2025 art. 19(5)).
      const receivedAt = state.receivedAt ?? now;
      const limit = addWorkingDays(
        calendar,
        countingStart(calendar, receivedAt),
        SUPPLEMENT_WINDOW_WORKING_DAYS,
      );
      if (now > limit) return fail("SUPPLEMENT_WINDOW_CLOSED", { limit });
      const i = step ?? 0;
      return ok(
        state,
        now,
        { supplementRequests: state.supplementRequests + 1, clock: "paused" },
        { status: "awaiting_citizen_supplement", requestedAt: now, stepIndex: i, items: event.items },
        [
          { type: "issue_form", form: "supplement_request" },
          { type: "clock", action: "pause", at: now, due: state.due },
          { type: "deadline", kind: "supplement_expiry", at: supplementExpiry(now) },
          { type: "notify_applicant", status: "awaiting_citizen_supplement" },
        ],
      );
    }

    case "approve":
    case "reject": {
      if (state.status !== "in_processing") return notAllowed(state, event);
      const i = state.stepIndex;
      if ((workflow[i] as WorkflowStepSpec).role !== "leader")
        return fail("NOT_A_DECISION_STEP", { stepIndex: i });
      if (event.type === "approve") return ok(state, now, {}, { status: "approved", stepIndex: i }, []);
      // A rejection after appraisal happens within the processing time and gives the reason.
      if (blank(event.reason)) return fail("REASON_REQUIRED");
      return ok(state, now, completion(state, now), { status: "rejected", reason: event.reason.trim() }, [
        { type: "clock", action: "stop", at: now, due: state.due },
        { type: "notify_applicant", status: "rejected" },
      ]);
    }

    case "record_result": {
      if (state.status !== "approved") return notAllowed(state, event);
      const r = event.result;
      if (blank(r.number) || blank(r.signer) || !/^\d{4}-\d{2}-\d{2}$/.test(r.signedOn)) {
        return fail("RESULT_INCOMPLETE");
      }
      return ok(state, now, completion(state, now), { status: "result_ready", result: r }, [
        { type: "clock", action: "stop", at: now, due: state.due },
        { type: "notify_applicant", status: "result_ready" },
      ]);
    }

    case "return_at_counter":
      return returnResult(state, event, now, "counter", event.signedBy);
    case "hand_to_post":
      return returnResult(state, event, now, "post", event.trackingNumber);
    case "publish_online":
      return returnResult(state, event, now, "online", null);

    case "withdraw": {
      // Withdrawal only before the result: once decided, the result stands (issue 5; NĐ 118/2025 art. 21).
      if (!PRE_RESULT.includes(state.status)) return notAllowed(state, event);
      const reason = blank(event.reason) ? null : (event.reason ?? "").trim();
      const clock = state.clock === "not_started" ? "not_started" : "stopped";
      const effects: DossierEffect[] =
        clock === "stopped" ? [{ type: "clock", action: "stop", at: now, due: state.due }] : [];
      effects.push({ type: "notify_applicant", status: "withdrawn" });
      return ok(state, now, { clock }, { status: "withdrawn", reason }, effects);
    }

    case "stop": {
      // Stopping an accepted dossier, e.g. at the applicant's request, with a notice (NĐ 118/2025 art. 21).
      if (
        state.status !== "received" &&
        state.status !== "in_processing" &&
        state.status !== "awaiting_citizen_supplement" &&
        state.status !== "awaiting_other_unit"
      ) {
        return notAllowed(state, event);
      }
      if (blank(event.reason)) return fail("REASON_REQUIRED");
      return ok(state, now, { clock: "stopped" }, { status: "stopped", reason: event.reason.trim() }, [
        { type: "issue_form", form: "stop_notice" },
        { type: "clock", action: "stop", at: now, due: state.due },
        { type: "notify_applicant", status: "stopped" },
      ]);
    }

    case "apologise_and_reschedule": {
      if (!PROCESSING.includes(state.status)) return notAllowed(state, event);
      if (blank(event.reason)) return fail("REASON_REQUIRED");
      // The date may be moved only once (NĐ 118/2025 art. 19(6)).
      if (state.reschedules >= MAX_RESCHEDULES) return fail("APPOINTMENT_ALREADY_MOVED");
      const due = state.due as Instant;
      // At least one day before the due date (NĐ 118/2025 art. 19(6)): compared as local dates.
      if (localDayOf(now) > localDayOf(due) - APOLOGY_MIN_DAYS_BEFORE_DUE) {
        return fail("APOLOGY_TOO_LATE", { due });
      }
      const current = state.appointment ?? due;
      if (!Number.isFinite(event.newAppointment) || event.newAppointment <= current) {
        return fail("APPOINTMENT_NOT_LATER", { appointment: current });
      }
      // The dossier is still counted late: `due` stays, `late` is set for good.
      return ok(
        state,
        now,
        { appointment: event.newAppointment, reschedules: state.reschedules + 1, late: true },
        statusDataOf(state),
        [
          { type: "issue_form", form: "apology" },
          { type: "notify_applicant", status: state.status },
        ],
      );
    }

    case "close_incomplete": {
      if (
        state.status !== "awaiting_supplement_before_acceptance" &&
        state.status !== "awaiting_citizen_supplement"
      ) {
        return notAllowed(state, event);
      }
      // Not completed 15 days after the supplement request: the dossier is closed (NĐ 118/2025).
      const expiry = supplementExpiry(state.requestedAt);
      if (now < expiry) return fail("SUPPLEMENT_NOT_EXPIRED", { expiry });
      const clock = state.clock === "not_started" ? "not_started" : "stopped";
      const effects: DossierEffect[] =
        clock === "stopped" ? [{ type: "clock", action: "stop", at: now, due: state.due }] : [];
      effects.push({ type: "notify_applicant", status: "closed_incomplete" });
      return ok(state, now, { clock }, { status: "closed_incomplete" }, effects);
    }
  }
  return assertNever(event);
}

function assertNever(event: never): TransitionResult {
  throw new TypeError(`Unknown dossier event ${JSON.stringify(event)}`);
}

function dueFrom(calendar: WorkingCalendar, at: Instant, duration: Duration): Instant | null {
  try {
    durationMs(calendar, duration);
    return computeDue(calendar, at, duration).due;
  } catch (error) {
    if (error instanceof CalendarInputError) return null;
    throw error;
  }
}

function supplementExpiry(requestedAt: Instant): Instant {
  return requestedAt + INCOMPLETE_CLOSE_CALENDAR_DAYS * MS_PER_CALENDAR_DAY;
}

function handover(
  fromUnit: string | null,
  fromStep: number,
  toUnit: string | null,
  toStep: number,
  at: Instant,
): DossierEffect {
  return {
    type: "handover",
    from: { unitCode: fromUnit, stepIndex: fromStep },
    to: { unitCode: toUnit, stepIndex: toStep },
    at,
  };
}

function returnResult(
  state: DossierState,
  event: DossierEvent,
  now: Instant,
  method: ReturnMethod,
  reference: string | null,
): TransitionResult {
  if (state.status !== "result_ready" && state.status !== "rejected") return notAllowed(state, event);
  if (reference !== null && blank(reference)) return fail("RESULT_INCOMPLETE", { method });
  const outcome = state.status === "result_ready" ? "approved" : "rejected";
  return ok(
    state,
    now,
    {},
    { status: "returned", method, outcome, reference: reference === null ? null : reference.trim() },
    [
      { type: "deliver_result", method },
      { type: "notify_applicant", status: "returned" },
    ],
  );
}

/** The status-specific part of a state, unchanged. */
function statusDataOf(state: DossierState): DossierStatusData {
  const {
    channel: _channel,
    receivedAt: _receivedAt,
    duration: _duration,
    due: _due,
    appointment: _appointment,
    reschedules: _reschedules,
    supplementRequests: _supplementRequests,
    late: _late,
    completedAt: _completedAt,
    clock: _clock,
    updatedAt: _updatedAt,
    ...data
  } = state;
  return data as DossierStatusData;
}
