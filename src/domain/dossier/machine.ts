/**
 * The dossier state machine: transition(state, event, context) → the next state and what the caller must do, or
 * a typed refusal. Pure: time comes from `context.now`, working days from `context.calendar`, the steps from the
 * workflow of the procedure version the dossier was filed under. The rules and their legal sources are in
 * rules.ts; each guard below names the rule it applies.
 */
import {
  addWorkingHours,
  CalendarInputError,
  endOfCalendarDays,
  endOfWorkingDays,
  type Instant,
  type LegalDuration,
  legalDue,
  localDayOf,
  type WorkingCalendar,
} from "../calendar/index.ts";
import type { Role } from "../catalog/procedure-schema.ts";
import { type TransitionError, type TransitionErrorCode, transitionError } from "./errors.ts";
import type { DossierEvent, ExtensionRequest } from "./events.ts";
import {
  APOLOGY_MIN_DAYS_BEFORE_DUE,
  INCOMPLETE_CLOSE_CALENDAR_DAYS,
  MAX_RESCHEDULES,
  MAX_SUPPLEMENT_REQUESTS_AFTER_ACCEPTANCE,
  ONLINE_ACCEPTANCE_WORKING_HOURS,
  ONLINE_ALERT_HOURS,
  SUPPLEMENT_WINDOW_WORKING_DAYS,
} from "./rules.ts";
import type {
  ApplicantNotice,
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
    countedFrom: state.countedFrom,
    due: state.due,
    appointment: state.appointment,
    reschedules: state.reschedules,
    apologyOnTime: state.apologyOnTime,
    extension: state.extension,
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

function notify(notice: ApplicantNotice): DossierEffect {
  return { type: "notify_applicant", notice };
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
        notify("submitted"),
      ]);
    }

    case "accept": {
      if (state.status !== "at_desk" && state.status !== "submitted_online") return notAllowed(state, event);
      const standard = dueFrom(calendar, now, event.duration);
      if (standard === null) return fail("INVALID_DURATION", { duration: event.duration });
      // The limit counts from reception (same day: 15:00 cutoff, NĐ 61/2018 art. 18(2), NĐ 118/2025 art. 18(2);
      // days: Civil Code art. 147–148) — calendar/time-limit.ts.
      let timing: Partial<DossierCommon> = {
        receivedAt: now,
        countedFrom: now,
        duration: event.duration,
        due: standard,
        appointment: standard,
        clock: "running",
      };
      if (event.extension !== undefined) {
        const extended = extend(calendar, now, now, event.duration, standard, event.extension);
        if (!extended.ok) return extended;
        timing = { ...timing, ...extended.patch };
      }
      const due = timing.due as Instant;
      return ok(state, now, timing, { status: "received" }, [
        { type: "assign_code" },
        { type: "issue_form", form: "receipt" },
        { type: "clock", action: "start", at: now, due },
        notify("received"),
      ]);
    }

    case "extend": {
      // During processing, before the due date: the legal longer time for verification (e.g. Luật Hộ tịch 2014
      // art. 18(2) for kết hôn; NĐ 23/2015 art. 7(2) for chứng thực), applied once, with the reason.
      if (!PROCESSING.includes(state.status) || state.status === "approved") return notAllowed(state, event);
      const due = state.due as Instant;
      if (now > due) return fail("EXTENSION_TOO_LATE", { due });
      if (state.extension !== null) return fail("EXTENSION_ALREADY_APPLIED");
      const from = state.countedFrom ?? (state.receivedAt as Instant);
      const extended = extend(calendar, now, from, state.duration as LegalDuration, due, event.extension);
      if (!extended.ok) return extended;
      const patch = extended.patch;
      // A moved appointment (apology) already later than the extended due stays.
      const appointment = Math.max(patch.due as Instant, state.appointment ?? 0);
      return ok(state, now, { ...patch, appointment }, statusDataOf(state), [
        { type: "clock", action: "restart", at: now, due: patch.due as Instant },
        { type: "issue_form", form: "receipt" },
        notify("extended"),
      ]);
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
          { type: "deadline", kind: "supplement_expiry", at: supplementExpiry(calendar, now) },
          notify("supplement_requested"),
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
        notify("refused"),
      ]);
    }

    case "supplement_received": {
      if (state.status === "awaiting_supplement_before_acceptance") {
        const back: DossierStatusData =
          state.channel === "online"
            ? { status: "submitted_online", submittedAt: now }
            : { status: "at_desk" };
        // Back at the desk, which then accepts, refuses or asks again and tells the applicant so: no notice here.
        return ok(state, now, {}, back, []);
      }
      if (state.status !== "awaiting_citizen_supplement") return notAllowed(state, event);
      // The processing time restarts from zero on the complete dossier (NĐ 118/2025 art. 19(5)), counted like a
      // new reception; an extension already applied keeps its total. The new appointment slip is a new receipt.
      const due = state.duration === null ? null : dueFrom(calendar, now, state.duration);
      if (due === null) return fail("INVALID_DURATION", { duration: state.duration });
      return ok(
        state,
        now,
        { due, appointment: due, countedFrom: now, clock: "running" },
        atStep(state.stepIndex),
        [
          { type: "clock", action: "restart", at: now, due },
          { type: "issue_form", form: "receipt" },
          notify("restarted"),
        ],
      );
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
        // The transfer slip goes with the dossier (Phiếu chuyển xử lý, NĐ 118/2025 art. 20(2)(a)).
        [handover(null, i, unit, i, now), { type: "issue_form", form: "transfer_slip" }],
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
              // The written refusal with its reasons (NĐ 118/2025 art. 19(3)), on form 03 of the dossier's set.
              { type: "issue_form", form: "refusal" },
              notify("rejected"),
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
      // Within 3 working days of receipt (NĐ 118/2025 art. 19(4); the same rule stood in NĐ 61/2018), counted by the Civil
      // Code (art. 147–148): from the day after receipt to the end of the third working day.
      const receivedAt = state.receivedAt ?? now;
      const limit = endOfWorkingDays(calendar, receivedAt, SUPPLEMENT_WINDOW_WORKING_DAYS);
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
          { type: "deadline", kind: "supplement_expiry", at: supplementExpiry(calendar, now) },
          notify("supplement_requested"),
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
      // A rejection after appraisal happens within the processing time and is written, with its reasons, on the
      // refusal form (NĐ 118/2025 art. 19(3)); the applicant is told.
      if (blank(event.reason)) return fail("REASON_REQUIRED");
      return ok(state, now, completion(state, now), { status: "rejected", reason: event.reason.trim() }, [
        { type: "clock", action: "stop", at: now, due: state.due },
        { type: "issue_form", form: "refusal" },
        notify("rejected"),
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
        notify("result_ready"),
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
      effects.push(notify("withdrawn"));
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
        notify("stopped"),
      ]);
    }

    case "apologise_and_reschedule": {
      if (!PROCESSING.includes(state.status)) return notAllowed(state, event);
      if (blank(event.reason)) return fail("REASON_REQUIRED");
      // The date may be moved only once (NĐ 118/2025 art. 19(6)).
      if (state.reschedules >= MAX_RESCHEDULES) return fail("APPOINTMENT_ALREADY_MOVED");
      const due = state.due as Instant;
      // "At least one day before the due date" (NĐ 118/2025 art. 19(6)), compared as local dates, decides whether
      // the apology was issued on time. Choice: the apology is still owed once the due date has passed (the
      // applicant must get a reason and a new date), so it is accepted and recorded as issued late.
      const onTime = localDayOf(now) <= localDayOf(due) - APOLOGY_MIN_DAYS_BEFORE_DUE;
      const current = Math.max(state.appointment ?? due, now);
      if (!Number.isFinite(event.newAppointment) || event.newAppointment <= current) {
        return fail("APPOINTMENT_NOT_LATER", { appointment: current });
      }
      // The dossier is still counted late: `due` stays, `late` is set for good.
      return ok(
        state,
        now,
        {
          appointment: event.newAppointment,
          reschedules: state.reschedules + 1,
          late: true,
          apologyOnTime: onTime,
        },
        statusDataOf(state),
        [{ type: "issue_form", form: "apology" }, notify("rescheduled")],
      );
    }

    case "close_incomplete": {
      if (
        state.status !== "awaiting_supplement_before_acceptance" &&
        state.status !== "awaiting_citizen_supplement"
      ) {
        return notAllowed(state, event);
      }
      // Not completed 15 days after the supplement request: the dossier is closed (NĐ 118/2025 art. 19(5)).
      const expiry = supplementExpiry(calendar, state.requestedAt);
      if (now < expiry) return fail("SUPPLEMENT_NOT_EXPIRED", { expiry });
      const clock = state.clock === "not_started" ? "not_started" : "stopped";
      const effects: DossierEffect[] =
        clock === "stopped" ? [{ type: "clock", action: "stop", at: now, due: state.due }] : [];
      effects.push(notify("closed_incomplete"));
      return ok(state, now, { clock }, { status: "closed_incomplete" }, effects);
    }
  }
  return assertNever(event);
}

function assertNever(event: never): TransitionResult {
  throw new TypeError(`Unknown dossier event ${JSON.stringify(event)}`);
}

function dueFrom(calendar: WorkingCalendar, at: Instant, duration: LegalDuration): Instant | null {
  try {
    return legalDue(calendar, at, duration).due;
  } catch (error) {
    if (error instanceof CalendarInputError) return null;
    throw error;
  }
}

/**
 * The legal extension counted from `from` (the reception, or the restart after a supplement): the total replaces
 * the standard time, so the due instant moves and the dossier is not late for it. Refused when the total is not
 * longer than the standard time.
 */
function extend(
  calendar: WorkingCalendar,
  now: Instant,
  from: Instant,
  standard: LegalDuration,
  standardDue: Instant,
  request: ExtensionRequest,
): { ok: true; patch: Partial<DossierCommon> } | { ok: false; error: TransitionError } {
  if (blank(request.reason)) return { ok: false, error: transitionError("REASON_REQUIRED") };
  const due = dueFrom(calendar, from, request.total);
  if (due === null)
    return { ok: false, error: transitionError("INVALID_DURATION", { duration: request.total }) };
  if (due <= standardDue)
    return { ok: false, error: transitionError("EXTENSION_NOT_LONGER", { due: standardDue }) };
  return {
    ok: true,
    patch: {
      duration: request.total,
      due,
      appointment: due,
      extension: { at: now, reason: request.reason.trim(), standard },
    },
  };
}

/**
 * The end of the 15 days given to complete a dossier, counted from the request (the notice) by the Civil Code:
 * the day of the request is not counted; the period ends at 24:00 of the 15th day, or at the end of the next
 * working day when that is a day off (calendar/time-limit.ts).
 */
function supplementExpiry(calendar: WorkingCalendar, requestedAt: Instant): Instant {
  return endOfCalendarDays(calendar, requestedAt, INCOMPLETE_CLOSE_CALENDAR_DAYS);
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
    [{ type: "deliver_result", method }, notify("returned")],
  );
}

/** The status-specific part of a state, unchanged. */
function statusDataOf(state: DossierState): DossierStatusData {
  const {
    channel: _channel,
    receivedAt: _receivedAt,
    duration: _duration,
    countedFrom: _countedFrom,
    due: _due,
    appointment: _appointment,
    reschedules: _reschedules,
    apologyOnTime: _apologyOnTime,
    extension: _extension,
    supplementRequests: _supplementRequests,
    late: _late,
    completedAt: _completedAt,
    clock: _clock,
    updatedAt: _updatedAt,
    ...data
  } = state;
  return data as DossierStatusData;
}
