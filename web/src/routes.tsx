import { type ComponentType, type LazyExoticComponent, lazy } from "react";
import { HomePage } from "./pages/home.tsx";

type Page = ComponentType | LazyExoticComponent<ComponentType>;

export interface StaffRoute {
  path: string;
  /** The menu entry whose permission gates this page (see nav.ts); none means every staff member. */
  nav?: string;
  page: Page;
}

/** Pages of the staff area. The administration pages load on demand, so the first page stays small. */
export const STAFF_ROUTES: readonly StaffRoute[] = [
  { path: "/app", page: HomePage },
  {
    path: "/app/units",
    nav: "units",
    page: lazy(() => import("./pages/units/units-page.tsx").then((m) => ({ default: m.UnitsPage }))),
  },
  {
    path: "/app/staff",
    nav: "staff",
    page: lazy(() => import("./pages/staff/staff-page.tsx").then((m) => ({ default: m.StaffPage }))),
  },
  {
    path: "/app/calendar",
    nav: "calendar",
    page: lazy(() =>
      import("./pages/calendar/decisions-page.tsx").then((m) => ({ default: m.DecisionsPage })),
    ),
  },
  {
    path: "/app/catalog",
    nav: "catalog",
    page: lazy(() => import("./pages/catalog/admin-page.tsx").then((m) => ({ default: m.CatalogAdminPage }))),
  },
  {
    path: "/app/catalog/procedure",
    nav: "catalog",
    page: lazy(() =>
      import("./pages/catalog/editor-page.tsx").then((m) => ({ default: m.ProcedureEditorPage })),
    ),
  },
  {
    path: "/app/catalog/offering",
    nav: "catalog",
    page: lazy(() => import("./pages/catalog/offering-page.tsx").then((m) => ({ default: m.OfferingPage }))),
  },
  {
    path: "/app/reception",
    nav: "reception",
    page: lazy(() =>
      import("./pages/dossiers/reception-page.tsx").then((m) => ({ default: m.ReceptionPage })),
    ),
  },
  {
    path: "/app/dossiers",
    nav: "dossiers",
    page: lazy(() => import("./pages/dossiers/inbox-page.tsx").then((m) => ({ default: m.InboxPage }))),
  },
  {
    path: "/app/dossiers/view",
    nav: "dossiers",
    page: lazy(() => import("./pages/dossiers/dossier-page.tsx").then((m) => ({ default: m.DossierPage }))),
  },
  {
    path: "/app/dossiers/book",
    nav: "book",
    page: lazy(() => import("./pages/dossiers/book-page.tsx").then((m) => ({ default: m.BookPage }))),
  },
  {
    path: "/app/reports",
    nav: "reports",
    page: lazy(() => import("./pages/reports/reports-page.tsx").then((m) => ({ default: m.ReportsPage }))),
  },
  {
    path: "/app/signing",
    nav: "signing",
    page: lazy(() =>
      import("./pages/signing/credentials-page.tsx").then((m) => ({ default: m.CredentialsPage })),
    ),
  },
  {
    path: "/app/signing/admin",
    nav: "signing-admin",
    page: lazy(() => import("./pages/signing/admin-page.tsx").then((m) => ({ default: m.SigningAdminPage }))),
  },
  {
    path: "/app/documents",
    nav: "documents",
    page: lazy(() =>
      import("./pages/documents/inbox-page.tsx").then((m) => ({ default: m.DocumentsInboxPage })),
    ),
  },
  {
    path: "/app/documents/new",
    nav: "documents",
    page: lazy(() =>
      import("./pages/documents/draft-page.tsx").then((m) => ({ default: m.DocumentDraftPage })),
    ),
  },
  {
    path: "/app/documents/receive",
    nav: "documents",
    page: lazy(() =>
      import("./pages/documents/receive-page.tsx").then((m) => ({ default: m.DocumentReceivePage })),
    ),
  },
  {
    path: "/app/documents/view",
    nav: "documents",
    page: lazy(() =>
      import("./pages/documents/document-page.tsx").then((m) => ({ default: m.DocumentPage })),
    ),
  },
  {
    path: "/app/documents/files",
    nav: "documents",
    page: lazy(() =>
      import("./pages/documents/work-files-page.tsx").then((m) => ({ default: m.WorkFilesPage })),
    ),
  },
  {
    path: "/app/documents/registers",
    nav: "document-registers",
    page: lazy(() =>
      import("./pages/documents/registers-page.tsx").then((m) => ({ default: m.DocumentRegistersPage })),
    ),
  },
  {
    path: "/app/documents/stats",
    nav: "document-stats",
    page: lazy(() =>
      import("./pages/documents/stats-page.tsx").then((m) => ({ default: m.DocumentStatsPage })),
    ),
  },
  {
    path: "/app/feedback",
    nav: "feedback",
    page: lazy(() =>
      import("./pages/feedback/register-page.tsx").then((m) => ({ default: m.FeedbackRegisterPage })),
    ),
  },
  {
    path: "/app/feedback/new",
    nav: "feedback",
    page: lazy(() =>
      import("./pages/feedback/register-page.tsx").then((m) => ({ default: m.FeedbackDeskPage })),
    ),
  },
  {
    path: "/app/feedback/view",
    nav: "feedback",
    page: lazy(() =>
      import("./pages/feedback/handle-page.tsx").then((m) => ({ default: m.FeedbackHandlePage })),
    ),
  },
  {
    path: "/app/feedback-settings",
    nav: "feedback-settings",
    page: lazy(() =>
      import("./pages/feedback/settings-page.tsx").then((m) => ({ default: m.FeedbackSettingsPage })),
    ),
  },
  {
    path: "/app/notifications",
    nav: "notifications",
    page: lazy(() =>
      import("./pages/notifications/notifications-page.tsx").then((m) => ({ default: m.NotificationsPage })),
    ),
  },
  {
    path: "/app/desk",
    nav: "desk",
    page: lazy(() => import("./pages/desk/desk-admin-page.tsx").then((m) => ({ default: m.DeskAdminPage }))),
  },
  {
    path: "/app/desk/members",
    nav: "desk-members",
    page: lazy(() =>
      import("./pages/desk/desk-members-page.tsx").then((m) => ({ default: m.DeskMembersPage })),
    ),
  },
  {
    path: "/app/desk/documents",
    nav: "desk-documents",
    page: lazy(() =>
      import("./pages/desk/desk-documents-page.tsx").then((m) => ({ default: m.DeskDocumentsPage })),
    ),
  },
  {
    path: "/app/desk/roster",
    nav: "desk-roster",
    page: lazy(() =>
      import("./pages/desk/desk-roster-page.tsx").then((m) => ({ default: m.DeskRosterPage })),
    ),
  },
  {
    path: "/app/desk/queue",
    nav: "queue",
    page: lazy(() => import("./pages/desk/queue-page.tsx").then((m) => ({ default: m.QueuePage }))),
  },
  {
    path: "/app/account",
    page: lazy(() => import("./pages/account/account-page.tsx").then((m) => ({ default: m.AccountPage }))),
  },
  {
    path: "/app/account/password",
    page: lazy(() => import("./pages/account/password-page.tsx").then((m) => ({ default: m.PasswordPage }))),
  },
];

export const PASSWORD_PAGE = "/app/account/password";
