import { citizenAlreadyRegistered, citizenConfirmCode, citizenPasswordReset } from "./citizen.ts";
import { deskRosterChanged } from "./desk.ts";
import { documentDue, documentOverdue, documentUrgent } from "./document.ts";
import {
  dossierEnded,
  dossierLate,
  dossierNewAppointment,
  dossierReceived,
  dossierRefused,
  dossierRejected,
  dossierResultReady,
  dossierReturned,
  dossierSubmitted,
  dossierSupplementRequested,
} from "./dossier.ts";
import { feedbackAnswered, feedbackReceived } from "./feedback.ts";
import { paymentPaid } from "./payment.ts";
import type { NotificationTemplate } from "./template.ts";

const ALL = [
  citizenConfirmCode,
  citizenPasswordReset,
  citizenAlreadyRegistered,
  dossierSubmitted,
  dossierReceived,
  dossierSupplementRequested,
  dossierRefused,
  paymentPaid,
  dossierResultReady,
  dossierLate,
  dossierReturned,
  feedbackReceived,
  feedbackAnswered,
  deskRosterChanged,
  documentUrgent,
  dossierRejected,
  dossierNewAppointment,
  dossierEnded,
  documentDue,
  documentOverdue,
] as const;

export type TemplateKey = (typeof ALL)[number]["key"];

export const TEMPLATES: ReadonlyMap<string, NotificationTemplate> = new Map(ALL.map((t) => [t.key, t]));

export function isTemplateKey(key: string): key is TemplateKey {
  return TEMPLATES.has(key);
}
