import type { Me } from "./api.ts";
import type { IconName } from "./components/icons.tsx";
import type { MessageKey } from "./i18n/index.tsx";

export type Permissions = Me["permissions"];
export type Scope = Permissions[string];

/** Groups of the staff menu, in display order. */
export const NAV_GROUPS = ["work", "admin", "personal"] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

export interface NavItem {
  id: string;
  path: string;
  group: NavGroup;
  icon: IconName;
  label: MessageKey;
  description: MessageKey;
  /** Whether the signed-in user may use the page, from GET /auth/me's permissions. The server checks again. */
  visible: (permissions: Permissions) => boolean;
}

function can(permissions: Permissions, action: string, scopes?: readonly Scope[]): boolean {
  const scope = permissions[action];
  return scope !== undefined && (!scopes || scopes.includes(scope));
}

/**
 * The staff menu as data. A module adds its row here together with its route in routes.tsx, gated by its
 * permission — for example dossiers ("Hồ sơ": dossier.read), the procedure catalog ("Danh mục TTHC":
 * catalog.read), documents ("Văn bản": document.read) and reports ("Báo cáo": report.read). Entries for modules
 * that do not exist yet are deliberately absent.
 */
export const NAV_ITEMS: readonly NavItem[] = [
  {
    id: "home",
    path: "/app",
    group: "work",
    icon: "home",
    label: "nav.home",
    description: "nav.home.description",
    visible: () => true,
  },
  {
    id: "reception",
    path: "/app/reception",
    group: "work",
    icon: "plus",
    label: "nav.reception",
    description: "nav.reception.description",
    visible: (p) => can(p, "dossier.receive"),
  },
  {
    id: "queue",
    path: "/app/desk/queue",
    group: "work",
    icon: "clock",
    label: "nav.queue",
    description: "nav.queue.description",
    visible: (p) => can(p, "dossier.receive"),
  },
  {
    id: "dossiers",
    path: "/app/dossiers",
    group: "work",
    icon: "inbox",
    label: "nav.dossiers",
    description: "nav.dossiers.description",
    visible: (p) => can(p, "dossier.read"),
  },
  {
    id: "book",
    path: "/app/dossiers/book",
    group: "work",
    icon: "book",
    label: "nav.book",
    description: "nav.book.description",
    visible: (p) => can(p, "dossier.read"),
  },
  {
    id: "documents",
    path: "/app/documents",
    group: "work",
    icon: "inbox",
    label: "nav.documents",
    description: "nav.documents.description",
    // Those who draft, sign, issue or handle documents; a supervisor sees statistics, not the documents.
    visible: (p) => can(p, "document.draft") || can(p, "document.manage") || can(p, "document.sign"),
  },
  {
    id: "document-registers",
    path: "/app/documents/registers",
    group: "work",
    icon: "book",
    label: "nav.documentRegisters",
    description: "nav.documentRegisters.description",
    // The clerk keeps the registers; the leader reads them (GET …/document-registers needs one of these).
    visible: (p) => can(p, "document.manage") || can(p, "document.assign"),
  },
  {
    id: "document-stats",
    path: "/app/documents/stats",
    group: "work",
    icon: "book",
    label: "nav.documentStats",
    description: "nav.documentStats.description",
    // Figures only: the unit's leader and clerk, and supervisors above for the units below (document.stats).
    visible: (p) => can(p, "document.stats"),
  },
  {
    id: "reports",
    path: "/app/reports",
    group: "work",
    icon: "book",
    label: "nav.reports",
    description: "nav.reports.description",
    visible: (p) => can(p, "report.read"),
  },
  {
    id: "feedback",
    path: "/app/feedback",
    group: "work",
    icon: "book",
    label: "nav.feedback",
    description: "nav.feedback.description",
    visible: (p) => can(p, "feedback.read") || can(p, "feedback.manage"),
  },
  {
    id: "catalog",
    path: "/app/catalog",
    group: "work",
    icon: "catalog",
    label: "nav.catalog",
    description: "nav.catalog.description",
    // Officers read the catalog on the public pages; this workspace is for those who keep it.
    visible: (p) => can(p, "catalog.manage"),
  },
  {
    id: "units",
    path: "/app/units",
    group: "admin",
    icon: "units",
    label: "nav.units",
    description: "nav.units.description",
    // A member of one unit sees that unit on the home page; the tree is for those who manage or oversee several.
    visible: (p) => can(p, "unit.manage") || can(p, "unit.read", ["subtree", "all"]),
  },
  {
    id: "staff",
    path: "/app/staff",
    group: "admin",
    icon: "staff",
    label: "nav.staff",
    description: "nav.staff.description",
    visible: (p) => can(p, "staff.read") || can(p, "staff.manage"),
  },
  {
    id: "desk",
    path: "/app/desk",
    group: "admin",
    icon: "building",
    label: "nav.desk",
    description: "nav.desk.description",
    visible: (p) => can(p, "roster.manage"),
  },
  {
    id: "desk-members",
    path: "/app/desk/members",
    group: "admin",
    icon: "staff",
    label: "nav.deskMembers",
    description: "nav.deskMembers.description",
    visible: (p) => can(p, "roster.manage"),
  },
  {
    id: "desk-documents",
    path: "/app/desk/documents",
    group: "admin",
    icon: "book",
    label: "nav.deskDocuments",
    description: "nav.deskDocuments.description",
    visible: (p) => can(p, "roster.manage"),
  },
  {
    id: "desk-roster",
    path: "/app/desk/roster",
    group: "admin",
    icon: "calendar",
    label: "nav.deskRoster",
    description: "nav.deskRoster.description",
    visible: (p) => can(p, "roster.manage"),
  },
  {
    id: "calendar",
    path: "/app/calendar",
    group: "admin",
    icon: "calendar",
    label: "nav.calendar",
    description: "nav.calendar.description",
    visible: (p) => can(p, "calendar.manage"),
  },
  {
    id: "signing-admin",
    path: "/app/signing/admin",
    group: "admin",
    icon: "shield",
    label: "nav.signingAdmin",
    description: "nav.signingAdmin.description",
    visible: (p) => can(p, "signing.manage") || can(p, "signing.trust"),
  },
  {
    id: "feedback-settings",
    path: "/app/feedback-settings",
    group: "admin",
    icon: "book",
    label: "nav.feedbackSettings",
    description: "nav.feedbackSettings.description",
    // The unit administrator sets the unit's answer deadline (PUT /feedback-settings needs unit.manage).
    visible: (p) => can(p, "unit.manage"),
  },
  {
    id: "notifications",
    path: "/app/notifications",
    group: "admin",
    icon: "inbox",
    label: "nav.notifications",
    description: "nav.notifications.description",
    visible: (p) => can(p, "notification.read"),
  },
  {
    id: "signing",
    path: "/app/signing",
    group: "personal",
    icon: "key",
    label: "nav.signing",
    description: "nav.signing.description",
    // For those who sign documents; the API lets any official register a certificate.
    visible: (p) => can(p, "document.sign") || can(p, "signing.manage"),
  },
  {
    id: "account",
    path: "/app/account",
    group: "personal",
    icon: "account",
    label: "nav.account",
    description: "nav.account.description",
    visible: () => true,
  },
];

export function visibleNav(permissions: Permissions): NavItem[] {
  return NAV_ITEMS.filter((item) => item.visible(permissions));
}

/** The menu entry a path belongs to ("/app/account/password" → account). */
export function navItemFor(pathname: string): NavItem | undefined {
  return [...NAV_ITEMS]
    .sort((a, b) => b.path.length - a.path.length)
    .find((item) => pathname === item.path || pathname.startsWith(`${item.path}/`));
}

export function mayUse(permissions: Permissions, action: string, scopes?: readonly Scope[]): boolean {
  return can(permissions, action, scopes);
}
