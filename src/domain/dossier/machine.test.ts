import { describe, expect, it } from "vitest";
import { addWorkingHours } from "../calendar/index.ts";
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
  it("accepts a paper dossier with a code, a receipt and the due instant (BLDS 2015 art. 147–148: 3 working days from Monday end Thursday 17:00)", () => {
    const { state, effects } = accepted();
    expect(state.status).toBe("received");
    expect(state.clock).toBe("running");
    // Monday is not counted; Tuesday, Wednesday, Thursday are; the period ends when Thursday's work ends.
    const due = at("2026-03-05T17:00:00+07:00");
    expect(state.due).toBe(due);
    expect(state.appointment).toBe(due);
    expect(effects).toEqual([
      { type: "assign_code" },
      { type: "issue_form", form: "receipt" },
      { type: "clock", action: "start", at: MON_0900, due },
      { type: "notify_applicant", notice: "received" },
    ]);
  });

  it("applies the legal extension at reception with its reason; the dossier is not late for it (Luật Hộ tịch 2014 art. 18(2))", () => {
    // Kết hôn: same day, up to 5 working days when verification is needed. Received Monday 2/3/2026 09:00.
    const { state } = drive("counter", MON_0900, [
      [
        MON_0900,
        {
          type: "accept",
          duration: { sameDay: true },
          extension: { total: { workingDays: 5 }, reason: "Cần xác minh tình trạng hôn nhân" },
        },
      ],
    ]);
    // Five working days after Monday 2/3: 3, 4, 5, 6, 9 March → Monday 9/3/2026 17:00.
    expect(state.due).toBe(at("2026-03-09T17:00:00+07:00"));
    expect(state.appointment).toBe(state.due);
    expect(state.extension).toEqual({
      at: MON_0900,
      reason: "Cần xác minh tình trạng hôn nhân",
      standard: { sameDay: true },
    });
    // Past the same-day limit (2/3 17:00) but within the extension: on time.
    expect(timeliness(state, at("2026-03-06T10:00:00+07:00"))).toBe("on_time");
    const noReason = transition(
      newDossier("counter", MON_0900),
      { type: "accept", duration: { sameDay: true }, extension: { total: { workingDays: 5 }, reason: " " } },
      context(MON_0900),
    );
    expect(!noReason.ok && noReason.error.code).toBe("REASON_REQUIRED");
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

describe("refusal after appraisal", () => {
  it("writes the refusal on form 03 with its reason and tells the applicant (NĐ 118/2025 art. 19(3))", () => {
    const t = at("2026-03-03T10:00:00+07:00");
    const { state, effects } = drive("counter", MON_0900, [
      [MON_0900, THREE_DAYS],
      [t, { type: "forward" }],
      [t, { type: "forward" }],
      [t, { type: "reject", reason: "Không đủ điều kiện theo Điều 8 Luật Hôn nhân và gia đình" }],
    ]);
    expect(state.status).toBe("rejected");
    expect(state.clock).toBe("stopped");
    expect(effects).toEqual([
      { type: "clock", action: "stop", at: t, due: at("2026-03-05T17:00:00+07:00") },
      { type: "issue_form", form: "refusal" },
      { type: "notify_applicant", notice: "rejected" },
    ]);
  });
});

describe("supplements after acceptance", () => {
  it("allows a request until the end of the third working day after receipt and not a minute later (NĐ 118/2025 art. 19(4); BLDS 2015 art. 147–148)", () => {
    const { state } = accepted();
    // Received Monday 2/3 09:00: the window runs Tuesday to Thursday and ends Thursday 5/3 at 17:00.
    const limit = at("2026-03-05T17:00:00+07:00");
    const onTime = transition(state, { type: "request_citizen_supplement", items }, context(limit));
    expect(onTime.ok && onTime.state.status).toBe("awaiting_citizen_supplement");
    expect(onTime.ok && onTime.state.clock).toBe("paused");
    const late = transition(state, { type: "request_citizen_supplement", items }, context(limit + 60_000));
    expect(!late.ok && late.error.code).toBe("SUPPLEMENT_WINDOW_CLOSED");
  });

  it("ends the 3 working days at the same Thursday for a Monday reception after 15:00 (BLDS 2015 art. 147: the day of reception is never counted)", () => {
    const { state } = accepted(at("2026-03-02T15:30:00+07:00"));
    const r = transition(
      state,
      { type: "request_citizen_supplement", items },
      context(at("2026-03-05T17:00:00+07:00")),
    );
    expect(r.ok).toBe(true);
    const late = transition(
      state,
      { type: "request_citizen_supplement", items },
      context(at("2026-03-05T17:01:00+07:00")),
    );
    expect(!late.ok && late.error.code).toBe("SUPPLEMENT_WINDOW_CLOSED");
  });

  it("restarts the processing time from zero when the complete dossier arrives (NĐ 118/2025 art. 19(5))", () => {
    const asked = at("2026-03-03T10:00:00+07:00");
    const back = at("2026-03-10T14:00:00+07:00");
    const { state, effects } = drive("counter", MON_0900, [
      [MON_0900, THREE_DAYS],
      [asked, { type: "request_citizen_supplement", items }],
      [back, { type: "supplement_received" }],
    ]);
    // Complete again Tuesday 10/3 14:00: 3 working days Wednesday 11 to Friday 13 March, until 17:00.
    const due = at("2026-03-13T17:00:00+07:00");
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

  it("closes a dossier not completed 15 days after the request, counted from the day after the notice (NĐ 118/2025 art. 19(5); BLDS 2015 art. 147–148)", () => {
    const asked = at("2026-03-03T10:00:00+07:00");
    const { state } = drive("counter", MON_0900, [
      [MON_0900, THREE_DAYS],
      [asked, { type: "request_citizen_supplement", items }],
    ]);
    // Asked Tuesday 3/3: days 4/3 … 18/3 (a Wednesday, a working day); the period ends at 24:00 on 18/3.
    const early = transition(state, { type: "close_incomplete" }, context(at("2026-03-18T23:59:00+07:00")));
    expect(!early.ok && early.error.code).toBe("SUPPLEMENT_NOT_EXPIRED");
    const closed = transition(state, { type: "close_incomplete" }, context(at("2026-03-19T00:00:00+07:00")));
    expect(closed.ok && closed.state.status).toBe("closed_incomplete");
    expect(closed.ok && closed.state.clock).toBe("stopped");
  });
});

describe("late dossiers", () => {
  const newDate = at("2026-03-09T16:00:00+07:00");

  it("accepts an apology at least one day before the due date as on time and moves the appointment once (NĐ 118/2025 art. 19(6))", () => {
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
    expect(r.state.apologyOnTime).toBe(true);
    expect(r.effects).toEqual([
      { type: "issue_form", form: "apology" },
      { type: "notify_applicant", notice: "rescheduled" },
    ]);
    const twice = transition(
      r.state,
      { type: "apologise_and_reschedule", reason: "Lại chậm", newAppointment: newDate + 86_400_000 },
      context(wednesday),
    );
    expect(!twice.ok && twice.error.code).toBe("APPOINTMENT_ALREADY_MOVED");
  });

  it("records an apology on the due date itself as issued late (NĐ 118/2025 art. 19(6): at least one day before)", () => {
    const { state } = accepted();
    const r = transition(
      state,
      { type: "apologise_and_reschedule", reason: "Cần xác minh", newAppointment: newDate },
      context(at("2026-03-05T08:00:00+07:00")),
    );
    if (!r.ok) throw new Error(r.error.code);
    expect(r.state.apologyOnTime).toBe(false);
    expect(r.state.late).toBe(true);
  });

  it("still owes the apology after the due date: issued late, new date after now, the dossier stays late (NĐ 118/2025 art. 19(6))", () => {
    const { state } = accepted();
    // Due Thursday 5/3 17:00; the apology comes Monday 9/3 10:00.
    const monday = at("2026-03-09T10:00:00+07:00");
    expect(timeliness(state, monday)).toBe("late");
    const past = transition(
      state,
      {
        type: "apologise_and_reschedule",
        reason: "Chờ kết quả xác minh",
        newAppointment: at("2026-03-09T09:00:00+07:00"),
      },
      context(monday),
    );
    expect(!past.ok && past.error.code).toBe("APPOINTMENT_NOT_LATER");
    const r = transition(
      state,
      {
        type: "apologise_and_reschedule",
        reason: "Chờ kết quả xác minh",
        newAppointment: at("2026-03-11T16:00:00+07:00"),
      },
      context(monday),
    );
    if (!r.ok) throw new Error(r.error.code);
    expect(r.state.apologyOnTime).toBe(false);
    expect(r.state.appointment).toBe(at("2026-03-11T16:00:00+07:00"));
    expect(r.state.due).toBe(state.due);
    expect(timeliness(r.state, monday)).toBe("late");
    expect(r.effects).toContainEqual({ type: "issue_form", form: "apology" });
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
    expect(timeliness(state, at("2026-03-05T17:00:00+07:00"))).toBe("on_time");
    expect(timeliness(state, at("2026-03-05T17:01:00+07:00"))).toBe("late");
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
      { type: "issue_form", form: "transfer_slip" },
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
