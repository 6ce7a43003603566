/**
 * One source of truth for what a dossier change does: the machine's transition returns the new state and its
 * effects, and this file carries every effect out in the use case's transaction — the code is allocated, the
 * forms are issued, the applicant is notified — exactly as the machine says, no more and no less.
 * Effects that only describe the new state (clock, handover, deadline, deliver_result) are recorded by the state
 * columns and the dossier's history written here.
 */
import type { Updateable } from "kysely";
import type { DossierTable } from "../../db/tables/dossiers.ts";
import type { DossierEffect, DossierState, FormKind } from "../../domain/dossier/index.ts";
import { notifyApplicant } from "../notifications/dossier-notices.ts";
import { type AllocatedCode, allocateCode } from "./code.ts";
import { type ActionContext, type EventRecord, saveDossier } from "./engine.ts";
import { type FormExtra, type FormIssuer, issueForm } from "./forms.ts";
import { columnsOf, type DossierRow } from "./state.ts";

export interface Transition {
  state: DossierState;
  effects: DossierEffect[];
}

/** What the effects need beyond the dossier: a form's extra data, the lookup secret shown once at acceptance. */
export interface EffectInputs {
  forms?: Partial<Record<FormKind, FormExtra>>;
  lookupSecret?: string;
}

export interface Committed {
  row: DossierRow;
  /** The forms issued, by kind (null: the dossier's form set has no such form). */
  forms: Partial<Record<FormKind, string | null>>;
  code: AllocatedCode | null;
}

/** The agency whose identifier leads the dossier code: the authority that resolves it (NĐ 118/2025 art. 28). */
async function codeAgency(ctx: ActionContext, row: DossierRow): Promise<string> {
  if (row.resolving_agency_code) return row.resolving_agency_code;
  const unit = await ctx.tx
    .selectFrom("units")
    .select("code")
    .where("id", "=", row.received_unit_id)
    .executeTakeFirstOrThrow();
  return unit.code;
}

/**
 * Writes the transition's state (with `changes`), its history and audit entry, and carries out its effects.
 * The code is allocated before anything is written (code.ts: sequence lock before the audit chain's).
 */
export async function commitTransition(
  ctx: ActionContext,
  row: DossierRow,
  transition: Transition,
  changes: Updateable<DossierTable>,
  record: EventRecord,
  inputs: EffectInputs = {},
): Promise<Committed> {
  let code: AllocatedCode | null = null;
  let codeColumns: Updateable<DossierTable> = {};
  if (transition.effects.some((e) => e.type === "assign_code")) {
    const agency = await codeAgency(ctx, row);
    code = await allocateCode(ctx.tx, agency, transition.state.receivedAt as number);
    codeColumns = {
      code: code.code,
      code_agency: code.agency,
      code_date: code.day,
      code_seq: code.sequence,
      resolving_agency_code: agency,
    };
  }
  const detail = code ? { ...record.detail, code: code.code } : record.detail;
  const saved = await saveDossier(
    ctx,
    row,
    { ...columnsOf(transition.state), ...codeColumns, ...changes },
    { ...record, ...(detail ? { detail } : {}) },
  );
  const forms = await carryOut(ctx, saved, transition.effects, inputs);
  return { row: saved, forms, code };
}

/** Issues the forms and enqueues the notices the effects ask for, in their order. */
export async function carryOut(
  issuer: FormIssuer,
  row: DossierRow,
  effects: readonly DossierEffect[],
  inputs: EffectInputs = {},
): Promise<Committed["forms"]> {
  const forms: Committed["forms"] = {};
  for (const effect of effects) {
    switch (effect.type) {
      case "issue_form":
        forms[effect.form] = await issueForm(issuer, row, effect.form, inputs.forms?.[effect.form]);
        break;
      case "notify_applicant":
        await notifyApplicant(issuer.tx, row, effect.notice, {
          now: issuer.now,
          publicUrl: issuer.deps.publicUrl,
          ...(inputs.lookupSecret ? { lookupSecret: inputs.lookupSecret } : {}),
        });
        break;
      case "assign_code": // allocated before the row was written (commitTransition)
      case "clock": // the clock, due and appointment columns
      case "handover": // the history entry (the control sheet is built from it)
      case "deadline": // the online filing's alert and acceptance columns, the supplement expiry from requested_at
      case "deliver_result": // the returned_* columns
        break;
      default:
        assertNever(effect);
    }
  }
  return forms;
}

function assertNever(effect: never): never {
  throw new TypeError(`Unknown dossier effect ${JSON.stringify(effect)}`);
}
