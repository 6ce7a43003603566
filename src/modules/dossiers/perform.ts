/**
 * Runs a dossier use case in one transaction, renders the forms it issued once it has committed, and answers
 * with the dossier as it now is.
 */
import type { FastifyBaseLogger, FastifyInstance } from "fastify";
import type { ActionResult } from "../../contracts/dossiers.ts";
import { requireStaff } from "../auth/policy.ts";
import { actorOf, type Principal } from "../auth/principal.ts";
import { dossierDetail } from "./detail.ts";
import type { ActionContext, DossierDeps } from "./engine.ts";
import { renderPending } from "./forms.ts";
import type { DossierRow } from "./state.ts";

export type ActionOutput = DossierRow | { row: Pick<DossierRow, "id">; formId: string | null };

export function depsOf(app: FastifyInstance): DossierDeps {
  const { config } = app.deps;
  return { files: app.deps.files, publicUrl: config.publicUrl, forms: config.dossierForms };
}

export async function perform<T>(
  app: FastifyInstance,
  principal: Principal,
  log: FastifyBaseLogger,
  use: (ctx: ActionContext) => Promise<T>,
): Promise<{ out: T; now: Date }> {
  const staff = requireStaff(principal);
  const { db, clock } = app.deps;
  const now = clock();
  const deps = depsOf(app);
  const pendingForms: string[] = [];
  const out = await db.transaction().execute((tx) => use({ tx, principal: staff, now, deps, pendingForms }));
  if (deps.forms !== "on_download") {
    await renderPending(db, deps, pendingForms, actorOf(staff), now, (error) =>
      log.error({ err: error }, "dossier form rendering failed; it will be rendered on download"),
    );
  }
  return { out, now };
}

/** An action's answer: the dossier's detail and the form it issued, if any. */
export async function performAction(
  app: FastifyInstance,
  principal: Principal,
  log: FastifyBaseLogger,
  use: (ctx: ActionContext) => Promise<ActionOutput>,
): Promise<ActionResult> {
  const { out, now } = await perform(app, principal, log, use);
  const row = "row" in out ? out.row : out;
  const formId = "row" in out ? out.formId : null;
  const fresh = await app.deps.db
    .selectFrom("dossiers")
    .selectAll()
    .where("id", "=", row.id)
    .executeTakeFirstOrThrow();
  const dossier = await dossierDetail(app.deps.db, requireStaff(principal), fresh, now.getTime());
  return { dossier, form: dossier.forms.find((f) => f.id === formId) ?? null };
}
