/** The dossier lifecycle as data: statuses, events, the pure transition function, its rules and invariants. */

export type { TransitionError, TransitionErrorCode } from "./errors.ts";
export { transitionError } from "./errors.ts";
export type { DossierEvent, DossierEventType, ExtensionRequest } from "./events.ts";
export { DOSSIER_EVENT_TYPES } from "./events.ts";
export { allowedClocks, invariantViolations } from "./invariants.ts";
export type { TransitionContext, TransitionResult, WorkflowStepSpec } from "./machine.ts";
export { transition } from "./machine.ts";
export {
  APOLOGY_MIN_DAYS_BEFORE_DUE,
  INCOMPLETE_CLOSE_CALENDAR_DAYS,
  MAX_RESCHEDULES,
  MAX_SUPPLEMENT_REQUESTS_AFTER_ACCEPTANCE,
  ONLINE_ACCEPTANCE_WORKING_HOURS,
  ONLINE_ALERT_HOURS,
  SUPPLEMENT_WINDOW_WORKING_DAYS,
} from "./rules.ts";
export type {
  ApplicantNotice,
  Channel,
  ClockState,
  DossierCommon,
  DossierEffect,
  DossierState,
  DossierStatus,
  DossierStatusData,
  Extension,
  FormKind,
  Place,
  ResultRecord,
  ReturnMethod,
  SupplementItem,
  TerminalStatus,
} from "./state.ts";
export {
  DOSSIER_STATUSES,
  isTerminal,
  newDossier,
  PRE_ACCEPTANCE_STATUSES,
  TERMINAL_STATUSES,
  WAITING_STATUSES,
} from "./state.ts";
export type { Timeliness } from "./timeliness.ts";
export { compareWithDue, isDueSoon, timeliness } from "./timeliness.ts";
