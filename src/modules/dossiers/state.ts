/**
 * A dossier row and the pure machine's DossierState, both ways. The relational columns hold what every status
 * has (for inboxes and reports); `status_data` holds the fields only the current status has.
 */
import type { Selectable } from "kysely";
import type {
  DossierEventTable,
  DossierFormTable,
  DossierTable,
  DossierTaskTable,
  DossierTransferTable,
  StepRecord,
} from "../../db/tables/dossiers.ts";
import type { Instant, LegalDuration } from "../../domain/calendar/index.ts";
import type {
  ClockState,
  DossierCommon,
  DossierState,
  Extension,
  WorkflowStepSpec,
} from "../../domain/dossier/index.ts";

export type DossierRow = Selectable<DossierTable>;
export type TaskRow = Selectable<DossierTaskTable>;
export type TransferRow = Selectable<DossierTransferTable>;
export type FormRow = Selectable<DossierFormTable>;
export type EventRow = Selectable<DossierEventTable>;

export function ms(value: Date | string | null): Instant | null {
  return value === null ? null : new Date(value).getTime();
}

export function dateOf(value: Instant | null): Date | null {
  return value === null ? null : new Date(value);
}

export function stateOf(row: DossierRow): DossierState {
  const common: DossierCommon = {
    channel: row.channel,
    receivedAt: ms(row.received_at),
    duration: (row.duration ?? null) as LegalDuration | null,
    countedFrom: ms(row.counted_from) ?? ms(row.received_at),
    due: ms(row.due_at),
    appointment: ms(row.appointment_at),
    reschedules: row.reschedules,
    apologyOnTime: row.apology_on_time,
    extension: (row.extension ?? null) as Extension | null,
    supplementRequests: row.supplement_requests,
    late: row.late,
    completedAt: ms(row.completed_at),
    clock: row.clock as ClockState,
    updatedAt: new Date(row.state_at).getTime(),
  };
  return { ...common, ...(row.status_data ?? {}), status: row.status } as DossierState;
}

/** The step the state points at: 0 for received, the step index where the status has one. */
export function stepIndexOf(state: DossierState): number | null {
  if (state.status === "received") return 0;
  return "stepIndex" in state ? state.stepIndex : null;
}

/** The columns that store `state`. */
export function columnsOf(state: DossierState) {
  const {
    channel: _channel,
    receivedAt,
    duration,
    countedFrom,
    due,
    appointment,
    reschedules,
    apologyOnTime,
    extension,
    supplementRequests,
    late,
    completedAt,
    clock,
    updatedAt,
    status,
    ...data
  } = state;
  return {
    status,
    step_index: stepIndexOf(state),
    clock,
    duration: duration === null ? null : JSON.stringify(duration),
    counted_from: dateOf(countedFrom),
    extension: extension === null ? null : JSON.stringify(extension),
    apology_on_time: apologyOnTime,
    received_at: dateOf(receivedAt),
    due_at: dateOf(due),
    appointment_at: dateOf(appointment),
    reschedules,
    supplement_requests: supplementRequests,
    late,
    completed_at: dateOf(completedAt),
    state_at: new Date(updatedAt),
    status_data: JSON.stringify(data),
  };
}

export function workflowOf(row: Pick<DossierRow, "workflow">): StepRecord[] {
  return row.workflow as StepRecord[];
}

export function specsOf(steps: readonly StepRecord[]): WorkflowStepSpec[] {
  return steps.map((s) => ({ role: s.role, canSendBack: s.canSendBack }));
}
