import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Instant, parseInstant } from "../calendar/index.ts";
import { DOSSIER_EVENT_TYPES, type DossierEvent } from "./events.ts";
import { invariantViolations } from "./invariants.ts";
import { transition, type WorkflowStepSpec } from "./machine.ts";
import {
  type Channel,
  DOSSIER_STATUSES,
  type DossierState,
  isTerminal,
  newDossier,
  WAITING_STATUSES,
} from "./state.ts";
import { context, DISTRICT, standardWorkflow, upwardWorkflow } from "./test-support.ts";

const START = parseInstant("2025-12-29T08:00:00+07:00");
const MINUTE = 60_000;
const DAY = 86_400_000;
const items = [{ name: "Bản sao giấy tờ tùy thân", reason: "Thiếu" }];

/** Concrete events of every type, some of which break a rule; apologies propose dates relative to `now`. */
function catalog(now: Instant): DossierEvent[] {
  const result = (number: string): DossierEvent => ({
    type: "record_result",
    result: { number, signedOn: "2026-01-05", signer: "Trần Văn Bình", fileId: null },
  });
  return [
    { type: "submit_online" },
    { type: "accept", duration: { workingDays: 3 } },
    { type: "accept", duration: { workingDays: 15 } },
    { type: "accept", duration: { workingHours: 4 } },
    { type: "accept", duration: { workingDays: -1 } },
    { type: "accept", duration: { sameDay: true } },
    {
      type: "accept",
      duration: { sameDay: true },
      extension: { total: { workingDays: 5 }, reason: "Cần xác minh" },
    },
    { type: "extend", extension: { total: { workingDays: 8 }, reason: "Cần xác minh" } },
    { type: "extend", extension: { total: { workingDays: 1 }, reason: "Cần xác minh" } },
    { type: "extend", extension: { total: { workingDays: 20 }, reason: "" } },
    { type: "request_supplement", items },
    { type: "request_supplement", items: [] },
    { type: "refuse", reason: "Không thuộc thẩm quyền" },
    { type: "refuse", reason: "" },
    { type: "forward" },
    { type: "send_back", reason: "Bổ sung ý kiến" },
    { type: "send_back", reason: "" },
    { type: "transfer", unitCode: DISTRICT },
    { type: "transfer", unitCode: "000.00.16.H09" },
    { type: "transfer_return", outcome: "continue" },
    { type: "transfer_return", outcome: "approved" },
    { type: "transfer_return", outcome: "rejected", reason: "Không đủ điều kiện" },
    { type: "transfer_return", outcome: "rejected" },
    { type: "request_citizen_supplement", items },
    { type: "request_citizen_supplement", items: [] },
    { type: "supplement_received" },
    { type: "approve" },
    { type: "reject", reason: "Không đủ điều kiện" },
    { type: "reject", reason: "" },
    result("12/QĐ-UBND"),
    result(""),
    { type: "return_at_counter", signedBy: "Lê Thị Mai" },
    { type: "return_at_counter", signedBy: "" },
    { type: "hand_to_post", trackingNumber: "EB000000001VN" },
    { type: "publish_online" },
    { type: "withdraw" },
    { type: "stop", reason: "Người nộp đề nghị dừng" },
    { type: "stop", reason: "" },
    { type: "apologise_and_reschedule", reason: "Cần xác minh", newAppointment: now + 10 * DAY },
    { type: "apologise_and_reschedule", reason: "Cần xác minh", newAppointment: now + 40 * DAY },
    { type: "apologise_and_reschedule", reason: "Cần xác minh", newAppointment: now - DAY },
    { type: "apologise_and_reschedule", reason: "", newAppointment: now + 10 * DAY },
    { type: "close_incomplete" },
  ];
}

/** Time between events: often none, sometimes minutes, hours or weeks. */
const gap = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 1, max: 600 }),
  fc.integer({ min: 600, max: 30 * 24 * 60 }),
);

/**
 * A step: a gap, then either any event of the catalog (to test refusals) or one the current state accepts (to get
 * deep into the lifecycle), picked by `pick`.
 */
const step = fc.record({ minutes: gap, pick: fc.nat(), acceptedOnly: fc.boolean() });

const scenario = fc.record({
  channel: fc.constantFrom<Channel>("counter", "post", "online"),
  upward: fc.boolean(),
  steps: fc.array(step, { minLength: 1, maxLength: 60, size: "medium" }),
});
type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

interface Trace {
  workflow: readonly WorkflowStepSpec[];
  /** Accepted transitions: the state before, the event, the state after. */
  moves: { before: DossierState; event: DossierEvent; after: DossierState }[];
  last: DossierState;
}

/** Runs a scenario, checking after each step that the input state was not touched and that nothing threw. */
function run(s: Scenario): Trace {
  const workflow = s.upward ? upwardWorkflow : standardWorkflow;
  let now: Instant = START;
  let state = newDossier(s.channel, now);
  const moves: Trace["moves"] = [];
  for (const { minutes, pick, acceptedOnly } of s.steps) {
    now += minutes * MINUTE;
    const ctx = context(now, workflow);
    const all = catalog(now);
    let candidates = all;
    if (acceptedOnly) {
      candidates = all.filter((e) => transition(state, e, ctx).ok);
      // Mostly keep the dossier alive, so that runs reach the late statuses; end it one pick in five.
      const alive = candidates.filter((e) => {
        const r = transition(state, e, ctx);
        return r.ok && !isTerminal(r.state.status);
      });
      if (pick % 5 !== 0 && alive.length > 0) candidates = alive;
    }
    if (candidates.length === 0) continue;
    const event = candidates[pick % candidates.length] as DossierEvent;
    const before = JSON.stringify(state);
    const result = transition(state, event, ctx);
    expect(JSON.stringify(state)).toBe(before);
    if (result.ok) {
      moves.push({ before: state, event, after: result.state });
      state = result.state;
    }
  }
  return { workflow, moves, last: state };
}

describe("dossier machine properties", () => {
  it("never reaches a state that breaks an invariant", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { workflow, moves } = run(s);
        for (const { after } of moves) expect(invariantViolations(after, workflow)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it("leaves no terminal state by any event", () => {
    fc.assert(
      fc.property(scenario, fc.nat(), (s, pick) => {
        const { workflow, last } = run(s);
        fc.pre(isTerminal(last.status));
        const later = last.updatedAt + 20 * DAY;
        for (const e of catalog(later)) {
          const result = transition(last, e, context(later, workflow));
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.error.code).toBe("EVENT_NOT_ALLOWED");
        }
        void pick;
      }),
      { numRuns: 300 },
    );
  });

  it("pauses the clock exactly in the waiting states", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        for (const { after } of run(s).moves) {
          const waiting = (WAITING_STATUSES as readonly string[]).includes(after.status);
          expect(after.clock === "paused").toBe(waiting);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("keeps a late dossier late and accepts one apology at most", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        let apologies = 0;
        for (const { before, event, after } of run(s).moves) {
          if (before.late) expect(after.late).toBe(true);
          if (event.type === "apologise_and_reschedule") {
            apologies++;
            expect(after.due).toBe(before.due);
            expect(after.late).toBe(true);
          }
        }
        expect(apologies).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it("changes the due instant only at acceptance, when a supplement restarts the clock and by an extension", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        for (const { before, event, after } of run(s).moves) {
          if (after.due !== before.due) {
            expect(["accept", "supplement_received", "extend"]).toContain(event.type);
          }
          // An extension moves the due instant later, and never makes the dossier late.
          if (event.type === "extend") {
            expect(after.due as number).toBeGreaterThan(before.due as number);
            expect(after.late).toBe(before.late);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("reaches every status and accepts every event type", () => {
    const statuses = new Set<string>();
    const events = new Set<string>();
    fc.assert(
      fc.property(scenario, (s) => {
        for (const { event, after } of run(s).moves) {
          events.add(event.type);
          statuses.add(after.status);
        }
      }),
      { numRuns: 1000, seed: 20260302 },
    );
    expect([...events].sort()).toEqual([...DOSSIER_EVENT_TYPES].sort());
    expect([...statuses].sort()).toEqual([...DOSSIER_STATUSES].filter((x) => !x.startsWith("draft")).sort());
  });
});
