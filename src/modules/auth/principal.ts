import type { StaffRole } from "../../db/tables/foundation.ts";
import type { Actor } from "../audit/audit-log.ts";

export interface StaffPrincipal {
  kind: "staff";
  staffId: string;
  username: string;
  fullName: string;
  unitId: string;
  unitPath: string;
  roles: StaffRole[];
  sessionHash: string;
}

export interface CitizenPrincipal {
  kind: "citizen";
  citizenId: string;
  sessionHash: string;
}

export type Principal = { kind: "anonymous" } | StaffPrincipal | CitizenPrincipal;

export const ANONYMOUS: Principal = { kind: "anonymous" };

export function actorOf(principal: Principal): Actor {
  switch (principal.kind) {
    case "staff":
      return { kind: "staff", id: principal.staffId };
    case "citizen":
      return { kind: "citizen", id: principal.citizenId };
    case "anonymous":
      return { kind: "anonymous", id: null };
  }
}
