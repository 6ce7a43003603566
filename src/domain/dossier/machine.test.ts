import { describe, expect, it } from "vitest";
import { addWorkingHours, computeDue } from "../calendar/index.ts";
import type { DossierEvent } from "./events.ts";
import { transition } from "./machine.ts";
import { newDossier } from "./state.ts";
import { at, calendar, context, DISTRICT, drive, standardWorkflow, upwardWorkflow } from "./test-support.ts";
import { timeliness } from "./timeliness.ts";

// Monday 2 March 2026, an ordinary working week (no holiday until 30 April).
const MON_0900 = at("2026-03-02T09:00:00+07:00");
const THREE_DAYS: DossierEvent = { type: "accept", duration: { workingDays: 3 } };
const items = [{ name: "Tờ khai đăng ký khai sinh", reason: "Chưa ký tên người yêu cầu" }];
const result = { number: "15/TLKS", signedOn: "2026-03-04", signer: "Nguyễn Văn An", fileId: null };

function accepted(receivedAt = MON_0900) {
  return drive("counter", receivedAt, [[receivedAt, THREE_DAYS]]);
}

describe("reception", () => {
  it("accepts a paper dossier with a code, a receipt and the due instant of the calendar", () => {
    const { state, effects } = accepted();
    expect(state.status).toBe("received");
    expect(state.clock).toBe("running");
    const due = computeDue(calendar, MON_0900, { workingDays: 3 }).due;
    expect(state.due).toBe(due);
    expect(state.appointment).toBe(due);
    expect(state.due).toBe(at("2026-03-05T09:00:00+07:00"));
    expect(effects).toContainEqual({ type: "assign_code" });
    expect(effects).toContainEqual({ type: "issue_form", form: "receipt" });
    expect(effects).toContainEqual({ type: "clock", action: "start", at: MON_0900, due });
  });

  it("refuses a dossier at the desk only with a reason, and issues form 03", () => {
    const desk = newDossier("counter", MON_0900);
    const bad = transition(desk, { type: "refuse", reason: "  " }, context(MON_0900));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe("REASON_REQUIRED");
    const good = transition(desk, { type: "refuse", reason: "Không thuộc thẩm quyền" }, context(MON_0900));
    expect(good.ok && good.state.status).toBe("refused");
    expect(good.ok && good.effects).toContainEqual({ type: "issue_form", form: "refusal" });
  });

  it("asks for supplements before acceptance only when every item has a reason", () => {
    const desk = newDossier("counter", MON_0900);
    const none = transition(desk, { type: "request_supplement", items: [] }, context(MON_0900));
    expect(!none.ok && none.error.code).toBe("SUPPLEMENT_ITEMS_REQUIRED");
    const noReason = transition(
      desk,
      { type: "request_supplement", items: [{ name: "Tờ khai", reason: "" }] },
      context(MON_0900),
    );
    expect(!noReason.ok && noReason.error.code).toBe("SUPPLEMENT_ITEMS_REQUIRED");
    const { state, effects } = drive("counter", MON_0900, [
      [MON_0900, { type: "request_supplement", items }],
    ]);
    expect(state.status).toBe("awaiting_supplement_before_acceptance");
    expect(state.clock).toBe("not_started");
    expect(effects).toContainEqual({ type: "issue_form", form: "supplement_request" });
  });

  it("gives an online dossier a 2-hour alert and an 8-working-hour acceptance deadline", () => {
    const { state, effects } = drive("online", MON_0900, [[MON_0900, { type: "submit_online" }]]);
    expect(state.status).toBe("submitted_online");
    expect(effects).toContainEqual({ type: "deadline", kind: "online_alert", at: MON_0900 + 2 * 3_600_000 });
    expect(effects).toContainEqual({
      type: "deadline",
      kind: "online_acceptance",
      at: addWorkingHours(calendar, MON_0900, 8),
    });
  });

  it("returns a supplemented online dossier to the desk's queue, not to acceptance", () => {
    const later = at("2026-03-03T10:00:00+07:00");
    const { state } = drive("online", MON_0900, [
      [MON_0900, { type: "submit_online" }],
      [MON_0900, { type: "request_supplement", items }],
      [later, { type: "supplement_received" }],
    ]);
    expect(state.status).toBe("submitted_online");
    expect(state.receivedAt).toBeNull();
  });

  it("refuses an event dated before the dossier's last change", () => {
    const { state } = accepted();
    const earlier = transition(state, { type: "forward" }, context(MON_0900 - 60_000));
    expect(!earlier.ok && earlier.error.code).toBe("TIME_WENT_BACKWARDS");
  });
});

describe("processing steps", () => {
  it("forwards through every step and has no step after the last", () => {
    const t = MON_0900 + 3_600_000;
    const { state, effects } = drive("counter", MON_0900, [
      [MON_0900, THREE_DAYS],
      [t, { type: "forward" }],
    ]);
    expect(state.status === "in_processing" && state.stepIndex).toBe(1);
    expect(effects).toEqual([
      {
        type: "handover",
        from: { unitCode: null, stepIndex: 0 },
        to: { unitCode: null, stepIndex: 1 },
        at: t,
      },
    ]);
    const atClerk = drive("counter", MON_0900, [
      [MON_0900, THREE_DAYS],
      [t, { type: "forward" }],
      [t, { type: "forward" }],
      [t, { type: "forward" }],
    ]).state;
    const past = transition(atClerk, { type: "forward" }, context(t));
    expect(!past.ok && past.error.code).toBe("NO_NEXT_STEP");
  });

  it("sends back only where the step allows it, and only with a reason", () => {
    const t = MON_0900 + 3_600_000;
    const atSpecialist = drive("counter", MON_0900, [
      [MON_0900, THREE_DAYS],
      [t, { type: "forward" }],
    ]).state;
    const noReason = transition(atSpecialist, { type: "send_back", reason: "" }, context(t));
    expect(!noReason.ok && noReason.error.code).toBe("REASON_REQUIRED");
    const back = transition(atSpecialist, { type: "send_back", reason: "Ảnh quét mờ" }, context(t));
    expect(back.ok && back.state.status).toBe("received");
    const atClerk = drive("counter", MON_0900, [
      [MON_0900, THREE_DAYS],
      [t, { type: "forward" }],
      [t, { type: "forward" }],
      [t, { type: "forward" }],
    ]).state;
    const refused = transition(atClerk, { type: "send_back", reason: "Sai số" }, context(t));
    expect(!refused.ok && refused.error.code).toBe("SEND_BACK_NOT_ALLOWED");
  });

  it("lets only a leader's step approve or reject", () => {
    const t = MON_0900 + 3_600_000;
    const atSpecialist = drive("counter", MON_0900, [
      [MON_0900, THREE_DAYS],
      [t, { type: "forward" }],
    ]).state;
    const early = transition(atSpecialist, { type: "approve" }, context(t));
    expect(!early.ok && early.error.code).toBe("NOT_A_DECISION_STEP");
    const atLeader = transition(atSpecialist, { type: "forward" }, context(t));
    if (!atLeader.ok) throw new Error("forward refused");
    const rejected = transition(atLeader.state, { type: "reject", reason: "Không đủ điều kiện" }, context(t));
    expect(rejected.ok && rejected.state.status).toBe("rejected");
    expect(rejected.ok && rejected.state.clock).toBe("stopped");
  });

  it("runs a dossier from the counter to a returned result", () => {
    const t = at("2026-03-03T10:00:00+07:00");
    const { state, effects } = drive("counter", MON_0900, [
      [MON_0900, THREE_DAYS],
      [t, { type: "forward" }],
      [t, { type: "forward" }],
      [t, { type: "approve" }],
      [t, { type: "record_result", result }],
      [t, { type: "return_at_counter", signedBy: "Nguyễn Thị Hồng Nhung" }],
    ]);
    expect(state.status).toBe("returned");
    expect(state.status === "returned" && state.outcome).toBe("approved");
    expect(state.completedAt).toBe(t);
    expect(timeliness(state, t)).toBe("early");
    expect(effects).toContainEqual({ type: "deliver_result", method: "counter" });
  });
});

describe("supplements after acceptance", () => {
  it("allows a request up to 3 working days after receipt and not a minute later", () => {
    const { state } = accepted();
    const limit = at("2026-03-05T09:00:00+07:00");
    const onTime = transition(state, { type: "request_citizen_supplement", items }, context(limit));
    expect(onTime.ok && onTime.state.status).toBe("awaiting_citizen_supplement");
    expect(onTime.ok && onTime.state.clock).toBe("paused");
    const late = transition(state, { type: "request_citizen_supplement", items }, context(limit + 60_000));
    expect(!late.ok && late.error.code).toBe("SUPPLEMENT_WINDOW_CLOSED");
  });

  it("counts the 3 working days from the next working day when received after 15:00", () => {
    const { state } = accepted(at("2026-03-02T15:30:00+07:00"));
    const thursdayNoon = at("2026-03-05T12:00:00+07:00");
    const r = transition(state, { type: "request_citizen_supplement", items }, context(thursdayNoon));
    expect(r.ok).toBe(true);
  });

  it("restarts the processing time from zero when the complete dossier arrives", () => {
    const asked = at("2026-03-03T10:00:00+07:00");
    const back = at("2026-03-10T14:00:00+07:00");
    const { state, effects } = drive("counter", MON_0900, [
      [MON_0900, THREE_DAYS],
      [asked, { type: "request_citizen_supplement", items }],
      [back, { type: "supplement_received" }],
    ]);
    const due = computeDue(calendar, back, { workingDays: 3 }).due;
    expect(state.status).toBe("received");
    expect(state.due).toBe(due);
    expect(state.appointment).toBe(due);
    expect(state.clock).toBe("running");
    expect(effects).toContainEqual({ type: "clock", action: "restart", at: back, due });
  });

  it("asks for everything at once: a second request is refused", () => {
    const asked = at("2026-03-03T10:00:00+07:00");
    const { state } = drive("counter", MON_0900, [
      [MON_0900, THREE_DAYS],
      [asked, { type: "request_citizen_supplement", items }],
      [asked, { type: "supplement_received" }],
    ]);
    const again = transition(state, { type: "request_citizen_supplement", items }, context(asked));
    expect(!again.ok && again.error.code).toBe("SUPPLEMENT_ALREADY_REQUESTED");
  });

  it("closes a dossier not completed 15 days after the request, and not before", () => {
    const asked = at("2026-03-03T10:00:00+07:00");
    const { state } = drive("counter", MON_0900, [
      [MON_0900, THREE_DAYS],
      [asked, { type: "request_citizen_supplement", items }],
    ]);
    const early = transition(state, { type: "close_incomplete" }, context(at("2026-03-18T09:59:00+07:00")));
    expect(!early.ok && early.error.code).toBe("SUPPLEMENT_NOT_EXPIRED");
    const closed = transition(state, { type: "close_incomplete" }, context(at("2026-03-18T10:00:00+07:00")));
    expect(closed.ok && closed.state.status).toBe("closed_incomplete");
    expect(closed.ok && closed.state.clock).toBe("stopped");
  });
});

describe("late dossiers", () => {
  const newDate = at("2026-03-09T16:00:00+07:00");

  it("accepts an apology at least one day before the due date and moves the appointment once", () => {
    const { state } = accepted();
    const wednesday = at("2026-03-04T16:59:00+07:00");
    const r = transition(
      state,
      { type: "apologise_and_reschedule", reason: "Cần xác minh", newAppointment: newDate },
      context(wednesday),
    );
    if (!r.ok) throw new Error(r.error.code);
    expect(r.state.appointment).toBe(newDate);
    expect(r.state.due).toBe(state.due);
    expect(r.state.late).toBe(true);
    expect(r.effects).toContainEqual({ type: "issue_form", form: "apology" });
    const twice = transition(
      r.state,
      { type: "apologise_and_reschedule", reason: "Lại chậm", newAppointment: newDate + 86_400_000 },
      context(wednesday),
    );
    expect(!twice.ok && twice.error.code).toBe("APPOINTMENT_ALREADY_MOVED");
  });

  it("refuses an apology on the due date itself", () => {
    const { state } = accepted();
    const r = transition(
      state,
      { type: "apologise_and_reschedule", reason: "Cần xác minh", newAppointment: newDate },
      context(at("2026-03-05T08:00:00+07:00")),
    );
    expect(!r.ok && r.error.code).toBe("APOLOGY_TOO_LATE");
  });

  it("refuses a new appointment that is not later than the current one", () => {
    const { state } = accepted();
    const r = transition(
      state,
      { type: "apologise_and_reschedule", reason: "Cần xác minh", newAppointment: MON_0900 },
      context(MON_0900),
    );
    expect(!r.ok && r.error.code).toBe("APPOINTMENT_NOT_LATER");
  });

  it("still counts a rescheduled dossier as late even when returned before the new date", () => {
    const wednesday = at("2026-03-04T10:00:00+07:00");
    const friday = at("2026-03-06T10:00:00+07:00");
    const { state } = drive("counter", MON_0900, [
      [MON_0900, THREE_DAYS],
      [wednesday, { type: "apologise_and_reschedule", reason: "Cần xác minh", newAppointment: newDate }],
      [wednesday, { type: "forward" }],
      [wednesday, { type: "forward" }],
      [friday, { type: "approve" }],
      [friday, { type: "record_result", result }],
      [friday, { type: "publish_online" }],
    ]);
    expect(state.status).toBe("returned");
    expect(state.late).toBe(true);
    expect(timeliness(state, friday)).toBe("late");
  });

  it("marks a dossier late once its due instant has passed", () => {
    const { state } = accepted();
    expect(timeliness(state, at("2026-03-05T09:00:00+07:00"))).toBe("on_time");
    expect(timeliness(state, at("2026-03-05T09:01:00+07:00"))).toBe("late");
  });
});

describe("transfers", () => {
  const t = at("2026-03-03T10:00:00+07:00");
  const steps: [number, DossierEvent][] = [
    [MON_0900, { type: "accept", duration: { workingDays: 10 } }],
    [t, { type: "forward" }],
    [t, { type: "forward" }],
    [t, { type: "forward" }],
  ];

  it("refuses a transfer to a unit that does not offer the step", () => {
    const { state } = drive("counter", MON_0900, steps, upwardWorkflow);
    const r = transition(state, { type: "transfer", unitCode: "000.00.16.H09" }, context(t, upwardWorkflow));
    expect(!r.ok && r.error.code).toBe("UNIT_DOES_NOT_OFFER_STEP");
  });

  it("hands a step to another unit and continues at the next step when it comes back", () => {
    const { state, effects } = drive(
      "counter",
      MON_0900,
      [...steps, [t, { type: "transfer", unitCode: DISTRICT }]],
      upwardWorkflow,
    );
    expect(state.status).toBe("awaiting_other_unit");
    expect(state.clock).toBe("running");
    expect(effects).toEqual([
      {
        type: "handover",
        from: { unitCode: null, stepIndex: 3 },
        to: { unitCode: DISTRICT, stepIndex: 3 },
        at: t,
      },
    ]);
    const back = transition(
      state,
      { type: "transfer_return", outcome: "continue" },
      context(t, upwardWorkflow),
    );
    expect(back.ok && back.state.status === "in_processing" && back.state.stepIndex).toBe(4);
  });

  it("takes the other unit's decision as the dossier's", () => {
    const { state } = drive(
      "counter",
      MON_0900,
      [...steps, [t, { type: "transfer", unitCode: DISTRICT }]],
      upwardWorkflow,
    );
    const approved = transition(
      state,
      { type: "transfer_return", outcome: "approved" },
      context(t, upwardWorkflow),
    );
    expect(approved.ok && approved.state.status).toBe("approved");
    const noReason = transition(
      state,
      { type: "transfer_return", outcome: "rejected" },
      context(t, upwardWorkflow),
    );
    expect(!noReason.ok && noReason.error.code).toBe("REASON_REQUIRED");
  });
});

describe("withdrawal and stopping", () => {
  it("lets the applicant withdraw before the result and not after", () => {
    const t = at("2026-03-03T10:00:00+07:00");
    const { state } = accepted();
    const w = transition(state, { type: "withdraw" }, context(t));
    expect(w.ok && w.state.status).toBe("withdrawn");
    expect(w.ok && w.state.clock).toBe("stopped");
    const done = drive("counter", MON_0900, [
      [MON_0900, THREE_DAYS],
      [t, { type: "forward" }],
      [t, { type: "forward" }],
      [t, { type: "approve" }],
      [t, { type: "record_result", result }],
    ]).state;
    const late = transition(done, { type: "withdraw" }, context(t));
    expect(!late.ok && late.error.code).toBe("EVENT_NOT_ALLOWED");
  });

  it("stops an accepted dossier with a notice (form 05)", () => {
    const { state } = accepted();
    const r = transition(state, { type: "stop", reason: "Người nộp đề nghị dừng" }, context(MON_0900));
    expect(r.ok && r.state.status).toBe("stopped");
    expect(r.ok && r.effects).toContainEqual({ type: "issue_form", form: "stop_notice" });
  });

  it("refuses a result return without the applicant's signature or a tracking number", () => {
    const t = at("2026-03-03T10:00:00+07:00");
    const ready = drive("counter", MON_0900, [
      [MON_0900, THREE_DAYS],
      [t, { type: "forward" }],
      [t, { type: "forward" }],
      [t, { type: "approve" }],
      [t, { type: "record_result", result }],
    ]).state;
    const noSign = transition(ready, { type: "return_at_counter", signedBy: " " }, context(t));
    expect(!noSign.ok && noSign.error.code).toBe("RESULT_INCOMPLETE");
    const post = transition(ready, { type: "hand_to_post", trackingNumber: "EB123456789VN" }, context(t));
    expect(post.ok && post.state.status === "returned" && post.state.reference).toBe("EB123456789VN");
  });

  it("refuses a processing time that is not a valid duration", () => {
    const r = transition(
      newDossier("counter", MON_0900),
      { type: "accept", duration: { workingDays: -1 } },
      context(MON_0900, standardWorkflow),
    );
    expect(!r.ok && r.error.code).toBe("INVALID_DURATION");
  });
});
