import type { StaffRole } from "../../db/tables/foundation.ts";
import { AppError } from "../../errors.ts";
import type { Principal, StaffPrincipal } from "./principal.ts";

/**
 * Authorization: one table from role to (action, scope). Every route asks `authorize` before it reads or changes
 * data of a unit. Scope "own" is the staff member's unit; "subtree" is that unit and every unit below it
 * (a district supervisor reads its communes); "all" is the whole tree.
 */
export const ACTIONS = [
  "unit.read",
  "unit.manage",
  "staff.read",
  "staff.manage",
  "audit.read",
  "calendar.manage",
  "catalog.read",
  "catalog.manage",
  "dossier.read",
  "dossier.receive",
  "dossier.process",
  "dossier.approve",
  "dossier.return",
  "document.read",
  "document.manage",
  "document.sign",
  "document.draft",
  "document.assign",
  "document.stats",
  "signing.manage",
  "signing.trust",
  "feedback.read",
  "feedback.receive",
  "feedback.manage",
  "roster.manage",
  "report.read",
  "payment.collect",
  "payment.refund",
  "notification.read",
  "notification.manage",
  "system.read",
] as const;
export type Action = (typeof ACTIONS)[number];
export type Scope = "own" | "subtree" | "all";

type Grants = Partial<Record<Action, Scope>>;

const OFFICER_READS: Grants = { "unit.read": "own", "catalog.read": "all", "dossier.read": "own" };

export const GRANTS: Record<StaffRole, Grants> = {
  reception: {
    ...OFFICER_READS,
    "dossier.receive": "own",
    "dossier.return": "own",
    "feedback.read": "own",
    // The desk registers feedback that arrives by letter, phone, comment box or in person (NĐ 118/2025 art. 8(1)(đ)).
    "feedback.receive": "own",
    "payment.collect": "own",
  },
  specialist: {
    ...OFFICER_READS,
    "dossier.process": "own",
    "document.read": "own",
    "feedback.read": "own",
    "feedback.receive": "own",
    "document.draft": "own",
    "feedback.manage": "own",
  },
  leader: {
    ...OFFICER_READS,
    "staff.read": "own",
    "dossier.process": "own",
    "dossier.approve": "own",
    "document.read": "own",
    "document.sign": "own",
    "document.draft": "own",
    "document.assign": "own",
    "document.stats": "own",
    "report.read": "subtree",
    // The leader decides on feedback and approves the redacted text that is published (NĐ 20/2008 art. 17, 19).
    "feedback.read": "own",
    "feedback.manage": "own",
    "payment.refund": "own",
  },
  // The clerk (văn thư) keeps the agency's seal and its signing device (NĐ 30/2020): signing.manage, own unit.
  clerk: {
    ...OFFICER_READS,
    "document.read": "own",
    "document.manage": "own",
    "document.sign": "own",
    "document.draft": "own",
    "document.stats": "own",
    "signing.manage": "own",
  },
  unit_admin: {
    "unit.read": "subtree",
    "unit.manage": "subtree",
    "staff.read": "subtree",
    "staff.manage": "subtree",
    "audit.read": "subtree",
    "catalog.read": "all",
    "catalog.manage": "subtree",
    "roster.manage": "subtree",
    "report.read": "subtree",
    "signing.manage": "subtree",
    "payment.refund": "subtree",
    "notification.read": "subtree",
    "notification.manage": "subtree",
  },
  supervisor: {
    "unit.read": "subtree",
    "staff.read": "subtree",
    "audit.read": "subtree",
    "catalog.read": "all",
    "dossier.read": "subtree",
    "document.read": "subtree",
    // Statistics only: a supervisor is not shown the documents themselves (see modules/documents/access.ts).
    "document.stats": "subtree",
    "feedback.read": "subtree",
    "report.read": "subtree",
    "notification.read": "subtree",
  },
  system_admin: Object.fromEntries(
    [
      "unit.read",
      "unit.manage",
      "staff.read",
      "staff.manage",
      "audit.read",
      "calendar.manage",
      "catalog.read",
    ]
      .concat(["catalog.manage", "report.read", "signing.manage", "signing.trust"])
      // Sets up any unit's desk (members, house rules, roster), as a unit admin does for its subtree.
      .concat(["roster.manage"])
      .concat(["notification.read", "notification.manage"])
      .concat(["system.read"])
      .map((a) => [a, "all"]),
  ) as Grants,
};

/**
 * Which roles each role may hand out, within the units its "staff.manage" scope covers. Giving a role is giving
 * its rights, so a unit administrator hands out the desk's roles and its own, but not "supervisor" (which reads
 * every dossier of the subtree, a right the unit administrator does not have) nor "system_admin".
 * An account holding a role you may not hand out is above you: out of reach (no edit, deactivation, password
 * reset). Nobody changes their own roles or deactivates themselves; another administrator does.
 */
export const ROLE_GRANTS: Record<StaffRole, readonly StaffRole[]> = {
  reception: [],
  specialist: [],
  leader: [],
  clerk: [],
  supervisor: [],
  unit_admin: ["reception", "specialist", "leader", "clerk", "unit_admin"],
  system_admin: ["reception", "specialist", "leader", "clerk", "unit_admin", "supervisor", "system_admin"],
};

/** Whether the principal may hand out every one of these roles. */
export function mayGrantRoles(principal: Principal, roles: readonly StaffRole[]): boolean {
  if (principal.kind !== "staff") return false;
  return roles.every((role) => principal.roles.some((own) => ROLE_GRANTS[own].includes(role)));
}

/** Refuses roles the principal may not hand out. */
export function assertMayGrantRoles(principal: Principal, roles: readonly StaffRole[]): void {
  const refused = roles.filter((role) => !mayGrantRoles(principal, [role]));
  if (refused.length > 0) throw new AppError("FORBIDDEN", { details: { roles: refused } });
}

/**
 * Refuses a change to an account above the principal (one holding a role it may not hand out), and a change of
 * one's own roles or active state.
 */
export function assertMayManageAccount(
  principal: Principal,
  target: { id: string; roles: readonly StaffRole[] },
  change: { roles?: boolean; active?: boolean } = {},
): void {
  const staff = requireStaff(principal);
  if (staff.staffId === target.id && (change.roles || change.active))
    throw new AppError("FORBIDDEN", { details: { reason: "own_account" } });
  if (!mayGrantRoles(staff, target.roles))
    throw new AppError("FORBIDDEN", { details: { reason: "account_above" } });
}

/** A unit as the policy sees it: its materialised path "/root/…/self/". */
export interface UnitRef {
  id: string;
  path: string;
}

function scopeCovers(scope: Scope, actor: StaffPrincipal, target: UnitRef): boolean {
  switch (scope) {
    case "all":
      return true;
    case "subtree":
      return target.path.startsWith(actor.unitPath);
    case "own":
      return target.id === actor.unitId;
  }
}

/** Whether the principal may do `action` on data of `target`. */
export function can(principal: Principal, action: Action, target: UnitRef): boolean {
  if (principal.kind !== "staff") return false;
  return principal.roles.some((role) => {
    const scope = GRANTS[role][action];
    return scope !== undefined && scopeCovers(scope, principal, target);
  });
}

/** The widest scope any of the principal's roles gives for an action, or null when none does. */
export function widestScope(principal: Principal, action: Action): Scope | null {
  if (principal.kind !== "staff") return null;
  const order: Scope[] = ["all", "subtree", "own"];
  const scopes = principal.roles.map((r) => GRANTS[r][action]).filter((s): s is Scope => s !== undefined);
  return order.find((s) => scopes.includes(s)) ?? null;
}

export function requireStaff(principal: Principal): StaffPrincipal {
  if (principal.kind !== "staff") throw new AppError("UNAUTHENTICATED");
  return principal;
}

export function assertCan(principal: Principal, action: Action, target: UnitRef): StaffPrincipal {
  const staff = requireStaff(principal);
  if (!can(staff, action, target)) throw new AppError("FORBIDDEN", { details: { action } });
  return staff;
}

/** The path prefix a listing must stay under for this action, or null for no restriction. */
export function listingScope(
  principal: Principal,
  action: Action,
): { unitId: string } | { pathPrefix: string } | null {
  const staff = requireStaff(principal);
  switch (widestScope(staff, action)) {
    case "all":
      return null;
    case "subtree":
      return { pathPrefix: staff.unitPath };
    case "own":
      return { unitId: staff.unitId };
    case null:
      throw new AppError("FORBIDDEN", { details: { action } });
  }
}
