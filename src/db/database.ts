import type { Kysely, Transaction } from "kysely";
import type { CalendarTables } from "./tables/calendar.ts";
import type { CatalogTables } from "./tables/catalog.ts";
import type { CitizenAuthTables } from "./tables/citizen-auth.ts";
import type { CitizenTables } from "./tables/citizens.ts";
import type { DeskTables } from "./tables/desk.ts";
import type { DocumentTables } from "./tables/documents.ts";
import type { DossierTables } from "./tables/dossiers.ts";
import type { FeedbackTables } from "./tables/feedback.ts";
import type { FileTables } from "./tables/files.ts";
import type { FoundationTables } from "./tables/foundation.ts";
import type { NotificationTables } from "./tables/notifications.ts";
import type { OnlineFilingTables } from "./tables/online-filing.ts";
import type { PaymentTables } from "./tables/payments.ts";
import type { ReportTables } from "./tables/reports.ts";
import type { SigningTables } from "./tables/signing.ts";

/** Every table of the schema. Each feature declares its tables in db/tables/<feature>.ts and joins them here. */
export interface Database
  extends FoundationTables,
    CatalogTables,
    FileTables,
    CalendarTables,
    SigningTables,
    DossierTables,
    CitizenTables,
    CitizenAuthTables,
    NotificationTables,
    OnlineFilingTables,
    PaymentTables,
    FeedbackTables,
    DeskTables,
    DocumentTables,
    ReportTables {}

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Code that may run inside or outside a transaction takes an Executor. */
export type Executor = Kysely<Database> | Transaction<Database>;
