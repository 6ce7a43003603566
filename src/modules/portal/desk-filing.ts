/** The desk's view of what a citizen filed online: answers as "check your answers" shows them, uploads, deadlines. */
import type { z } from "zod";
import type { FilingView } from "../../contracts/portal-dossiers.ts";
import type { Executor } from "../../db/database.ts";
import { AppError } from "../../errors.ts";
import type { Principal } from "../auth/principal.ts";
import { assertCanRead } from "../dossiers/access.ts";
import { isoOf, loadFiling, reviewOf, uploadView } from "./filing.ts";

export async function deskFiling(
  db: Executor,
  principal: Principal,
  id: string,
  now: Date,
): Promise<z.infer<typeof FilingView>> {
  const row = await db.selectFrom("dossiers").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw new AppError("NOT_FOUND", { details: { entity: "dossier" } });
  await assertCanRead(db, principal, row);
  // A draft is the citizen's own until it is submitted: the desk does not see it.
  if (row.channel !== "online" || row.status === "draft_online") {
    throw new AppError("NOT_FOUND", { details: { entity: "filing" } });
  }
  const f = await loadFiling(db, row);
  return {
    dossierId: row.id,
    reference: f.filing.reference,
    submittedAt: f.filing.submitted_at ? isoOf(f.filing.submitted_at) : null,
    alertAt: f.filing.alert_at ? isoOf(f.filing.alert_at) : null,
    acceptanceDueAt: f.filing.acceptance_due_at ? isoOf(f.filing.acceptance_due_at) : null,
    eformKey: f.definition.key,
    eformRevision: f.definition.revision,
    review: reviewOf(f, now).pages,
    uploads: f.uploads
      .filter((u) => u.attached_at !== null)
      .map((u) => ({ ...uploadView(row.id, u), url: `/api/v1/dossiers/${row.id}/files/${u.file_id}` })),
    returnMethod: row.return_method,
    deliveryAddress: row.delivery_address,
  };
}
