/**
 * Who sees a dossier's payments: the citizen who owns the dossier (dossiers.citizen_id), and staff who see the
 * dossier or who may refund for the collecting unit. Anyone else gets 404, as if the dossier did not exist
 * (401 when not signed in).
 */

import type { Selectable } from "kysely";
import type { Executor } from "../../db/database.ts";
import type { DossierTable } from "../../db/tables/dossiers.ts";
import type { PaymentTable } from "../../db/tables/payments.ts";
import { AppError } from "../../errors.ts";
import { type Action, can } from "../auth/policy.ts";
import type { Principal } from "../auth/principal.ts";
import { involvedUnits, type UnitInfo, unitInfo } from "../dossiers/access.ts";

export type DossierForPayment = Pick<
  Selectable<DossierTable>,
  | "id"
  | "code"
  | "status"
  | "fee_vnd"
  | "received_unit_id"
  | "current_unit_id"
  | "citizen_id"
  | "applicant"
  | "applicant_name"
  | "procedure_name"
>;
export type PaymentRow = Selectable<PaymentTable>;

/** What the caller is to this dossier's payments. */
export type Viewer =
  | { kind: "owner"; citizenId: string }
  | { kind: "staff"; staffId: string; collects: boolean; refunds: boolean };

const DOSSIER_COLUMNS = [
  "id",
  "code",
  "status",
  "fee_vnd",
  "received_unit_id",
  "current_unit_id",
  "citizen_id",
  "applicant",
  "applicant_name",
  "procedure_name",
] as const;

function notFound(): AppError {
  return new AppError("NOT_FOUND", { details: { entity: "dossier" } });
}

export async function loadDossier(db: Executor, id: string, lock = false): Promise<DossierForPayment> {
  let q = db.selectFrom("dossiers").select(DOSSIER_COLUMNS).where("id", "=", id);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound();
  return { ...row, fee_vnd: row.fee_vnd === null ? null : Number(row.fee_vnd) };
}

/** The collecting unit: the one that received the dossier. */
export function collectingUnitId(dossier: Pick<DossierForPayment, "received_unit_id">): string {
  return dossier.received_unit_id;
}

/** The caller's standing, or 404/401. */
export async function viewerOf(
  db: Executor,
  principal: Principal,
  dossier: DossierForPayment,
): Promise<{ viewer: Viewer; unit: UnitInfo }> {
  const unit = await unitInfo(db, collectingUnitId(dossier));
  if (principal.kind === "anonymous") throw new AppError("UNAUTHENTICATED");
  if (principal.kind === "citizen") {
    if (dossier.citizen_id !== principal.citizenId) throw notFound();
    return { viewer: { kind: "owner", citizenId: principal.citizenId }, unit };
  }
  const has = (action: Action) => can(principal, action, unit);
  const refunds = has("payment.refund");
  const readsDossier = (await involvedUnits(db, dossier)).some((u) => can(principal, "dossier.read", u));
  if (!readsDossier && !refunds) throw notFound();
  return {
    viewer: { kind: "staff", staffId: principal.staffId, collects: has("payment.collect"), refunds },
    unit,
  };
}

export async function loadPayment(db: Executor, id: string, lock = false): Promise<PaymentRow> {
  let q = db.selectFrom("payments").selectAll().where("id", "=", id);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw new AppError("NOT_FOUND", { details: { entity: "payment" } });
  return row;
}
