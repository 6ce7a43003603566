/**
 * Who sees a document (NĐ 30/2020 and the rule): the people taking part in it (drafter, reviewers,
 * approver, clerk, assignees, people named on it) and the leaders and clerks of the unit that holds it. A
 * confidential document (Mật and above) is shown to the named people only, and each view is audited. Supervisors
 * see statistics, never content. A document the caller may not see answers 404, like a missing one.
 */
import { type ExpressionBuilder, sql } from "kysely";
import type { Database, Executor } from "../../db/database.ts";
import type { DocumentPersonRole } from "../../db/tables/documents.ts";
import { AppError } from "../../errors.ts";
import { can } from "../auth/policy.ts";
import type { StaffPrincipal } from "../auth/principal.ts";
import type { DocumentRow } from "./rows.ts";

export function isUnitOfficer(staff: StaffPrincipal, unitId: string): boolean {
  return staff.unitId === unitId && staff.roles.some((r) => r === "leader" || r === "clerk");
}

export async function peopleOf(
  db: Executor,
  documentId: string,
): Promise<Map<string, Set<DocumentPersonRole>>> {
  const rows = await db
    .selectFrom("document_people")
    .select(["staff_id", "role"])
    .where("document_id", "=", documentId)
    .execute();
  const map = new Map<string, Set<DocumentPersonRole>>();
  for (const r of rows) {
    const set = map.get(r.staff_id) ?? new Set();
    set.add(r.role);
    map.set(r.staff_id, set);
  }
  return map;
}

export function canSee(
  staff: StaffPrincipal,
  doc: Pick<DocumentRow, "unit_id" | "confidentiality" | "unit_path">,
  people: Map<string, Set<DocumentPersonRole>>,
): boolean {
  if (!can(staff, "document.read", { id: doc.unit_id, path: doc.unit_path }) && !people.has(staff.staffId)) {
    return false;
  }
  if (people.has(staff.staffId)) return true;
  if (doc.confidentiality !== "normal") return false;
  return isUnitOfficer(staff, doc.unit_id);
}

/** The same rule as a WHERE clause for listings and search (`d` is the documents alias). */
export function visibleTo(staff: StaffPrincipal) {
  const officer = staff.roles.some((r) => r === "leader" || r === "clerk");
  return (eb: ExpressionBuilder<Database & { d: Database["documents"] }, "d">) =>
    eb.or([
      eb.exists(
        eb
          .selectFrom("document_people as p")
          .select(sql`1`.as("one"))
          .whereRef("p.document_id", "=", "d.id")
          .where("p.staff_id", "=", staff.staffId),
      ),
      ...(officer
        ? [eb.and([eb("d.unit_id", "=", staff.unitId), eb("d.confidentiality", "=", "normal")])]
        : []),
    ]);
}

export function hidden(id: string): AppError {
  return new AppError("NOT_FOUND", { details: { entity: "document", id } });
}
