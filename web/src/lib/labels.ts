import type { Staff, Unit } from "../api.ts";
import type { MessageKey } from "../i18n/index.tsx";

export type StaffRole = Staff["roles"][number];
export type UnitKind = Unit["kind"];

/** In the order a one-stop desk's work flows, then administration. */
export const ROLE_ORDER: readonly StaffRole[] = [
  "reception",
  "specialist",
  "leader",
  "clerk",
  "unit_admin",
  "supervisor",
  "system_admin",
];

export const ROLE_LABELS: Record<StaffRole, MessageKey> = {
  reception: "role.reception",
  specialist: "role.specialist",
  leader: "role.leader",
  clerk: "role.clerk",
  unit_admin: "role.unit_admin",
  supervisor: "role.supervisor",
  system_admin: "role.system_admin",
};

export const UNIT_KINDS: readonly UnitKind[] = [
  "province",
  "district",
  "commune",
  "ward",
  "township",
  "special_zone",
  "agency",
];

export const UNIT_KIND_LABELS: Record<UnitKind, MessageKey> = {
  province: "unitKind.province",
  district: "unitKind.district",
  commune: "unitKind.commune",
  ward: "unitKind.ward",
  township: "unitKind.township",
  special_zone: "unitKind.special_zone",
  agency: "unitKind.agency",
};
