/** Shared test data for the dossier machine: a calendar, workflows and a driver that applies events in order. */
import { type Instant, parseInstant, WorkingCalendar } from "../calendar/index.ts";
import type { DossierEvent } from "./events.ts";
import { type TransitionContext, transition, type WorkflowStepSpec } from "./machine.ts";
import { type Channel, type DossierEffect, type DossierState, newDossier } from "./state.ts";

export const calendar = new WorkingCalendar();

/** Reception, specialist, leader, clerk — the commune's ordinary workflow (catalog builders.ts). */
export const standardWorkflow: readonly WorkflowStepSpec[] = [
  { role: "reception", canSendBack: true },
  { role: "specialist", canSendBack: true },
  { role: "leader", canSendBack: true },
  { role: "clerk", canSendBack: false },
];

/** The commune proposes, a district agency appraises (transferred step 3), the commune returns. */
export const upwardWorkflow: readonly WorkflowStepSpec[] = [
  { role: "reception", canSendBack: true },
  { role: "specialist", canSendBack: true },
  { role: "leader", canSendBack: true },
  { role: "specialist", canSendBack: true },
  { role: "clerk", canSendBack: false },
];

export const DISTRICT = "000.00.15.H09";

export function at(text: string): Instant {
  return parseInstant(text);
}

export function context(
  now: Instant,
  workflow: readonly WorkflowStepSpec[] = standardWorkflow,
): TransitionContext {
  return {
    now,
    calendar,
    workflow,
    offers: (unit, stepIndex) => unit === DISTRICT && stepIndex === 3,
  };
}

export interface Run {
  state: DossierState;
  effects: DossierEffect[];
}

/** Apply `steps` in order from a new dossier; throws with the error code when a step is refused. */
export function drive(
  channel: Channel,
  start: Instant,
  steps: readonly (readonly [Instant, DossierEvent])[],
  workflow: readonly WorkflowStepSpec[] = standardWorkflow,
): Run {
  let state = newDossier(channel, start);
  let effects: DossierEffect[] = [];
  for (const [now, event] of steps) {
    const result = transition(state, event, context(now, workflow));
    if (!result.ok) throw new Error(`${event.type} refused: ${result.error.code}`);
    state = result.state;
    effects = result.effects;
  }
  return { state, effects };
}
