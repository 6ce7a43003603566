import type { Migration } from "kysely/migration";
import * as foundation from "./2026-11-28-01-foundation.ts";
import * as calendar from "./2026-11-28-02-calendar.ts";
import * as catalog from "./2026-11-28-03-catalog.ts";
import * as files from "./2026-11-28-05-files.ts";
import * as totpReplay from "./2026-11-28-06-totp-replay.ts";
import * as signing from "./2026-11-28-07-signing.ts";
import * as dossiers from "./2026-11-28-08-dossiers.ts";
import * as citizens from "./2026-11-29-09-citizens.ts";
import * as citizenAuth from "./2026-11-29-10-citizen-auth.ts";
import * as onlineFiling from "./2026-11-29-11-online-filing.ts";
import * as payments from "./2026-11-29-12-payments.ts";
import * as notifications from "./2026-11-29-13-notifications.ts";
import * as legalDeadlines from "./2026-12-07-14-legal-deadlines.ts";
import * as attemptLocks from "./2026-12-07-15-attempt-locks.ts";
import * as documents from "./2026-12-07-18-documents.ts";
import * as feedback from "./2026-12-07-19-feedback.ts";
import * as desk from "./2026-12-07-20-desk.ts";
import * as paperRatings from "./2026-12-07-22-paper-ratings-13c.ts";
import * as resultDraftSigning from "./2026-12-07-23-result-draft-signing.ts";
import * as transferSlipNumber from "./2026-12-07-23-transfer-slip-number-13c.ts";
import * as exportJobs from "./2026-12-07-24-export-jobs-23c.ts";
import * as deskHolidayDuties from "./2026-12-07-27-desk-holiday-duties.ts";
import * as reportExports from "./2026-12-07-31-report-exports-i18.ts";
import * as importJobs from "./2026-12-07-33-import-jobs-23d.ts";
import * as documentsDuplicateIndex from "./2026-12-07-40-documents-duplicate-index-16d.ts";
import * as documentReminders from "./2026-12-07-41-document-reminders.ts";
import * as workFileDossiers from "./2026-12-07-42-work-file-dossiers.ts";
import * as handOverListExports from "./2026-12-07-43-hand-over-list-exports.ts";
import * as dossierFormRenders from "./2026-12-07-46-dossier-form-renders.ts";
import * as catalogVersion from "./2026-12-07-47-catalog-version.ts";

/**
 * Every migration, in order. Forward-only: a released migration is never edited; a change is a new file.
 * Names sort by date so that the order is the same however they are listed.
 */
export const migrations: Record<string, Migration> = {
  "2026-11-28-01-foundation": foundation,
  "2026-11-28-02-calendar": calendar,
  "2026-11-28-03-catalog": catalog,
  "2026-11-28-05-files": files,
  "2026-11-28-06-totp-replay": totpReplay,
  "2026-11-28-07-signing": signing,
  "2026-11-28-08-dossiers": dossiers,
  "2026-11-29-09-citizens": citizens,
  "2026-11-29-10-citizen-auth": citizenAuth,
  "2026-11-29-11-online-filing": onlineFiling,
  "2026-11-29-12-payments": payments,
  "2026-11-29-13-notifications": notifications,
  "2026-12-07-19-feedback": feedback,
  "2026-12-07-20-desk": desk,
  "2026-12-07-22-paper-ratings-13c": paperRatings,
  "2026-12-07-23-transfer-slip-number-13c": transferSlipNumber,
  "2026-12-07-27-desk-holiday-duties": deskHolidayDuties,
  "2026-12-07-31-report-exports-i18": reportExports,
  "2026-12-07-15-attempt-locks": attemptLocks,
  "2026-12-07-18-documents": documents,
  "2026-12-07-14-legal-deadlines": legalDeadlines,
  "2026-12-07-23-result-draft-signing": resultDraftSigning,
  "2026-12-07-24-export-jobs-23c": exportJobs,
  "2026-12-07-33-import-jobs-23d": importJobs,
  "2026-12-07-40-documents-duplicate-index-16d": documentsDuplicateIndex,
  "2026-12-07-41-document-reminders": documentReminders,
  "2026-12-07-42-work-file-dossiers": workFileDossiers,
  "2026-12-07-43-hand-over-list-exports": handOverListExports,
  "2026-12-07-46-dossier-form-renders": dossierFormRenders,
  "2026-12-07-47-catalog-version": catalogVersion,
};
