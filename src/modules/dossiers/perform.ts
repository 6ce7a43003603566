/**
 * Runs a dossier use case in one transaction, queues the forms it issued for rendering in that transaction, and
 * answers with the dossier as it now is without waiting for their PDFs: the render queue draws them in the render
 * pool right after commit (form-renders.ts); a download before that waits for the render under way.
 */
import type { FastifyBaseLogger, FastifyInstance } from "fastify";
import type { ActionResult } from "../../contracts/dossiers.ts";
import { requireStaff } from "../auth/policy.ts";
import type { Principal } from "../auth/principal.ts";
import { dossierDetail } from "./detail.ts";
import type { ActionContext, DossierDeps } from "./engine.ts";
import { queueFormRenders } from "./form-renders.ts";
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
  const queued = deps.forms !== "on_download";
  const out = await db.transaction().execute(async (tx) => {
    const out = await use({ tx, principal: staff, now, deps, pendingForms });
    if (queued) await queueFormRenders(tx, pendingForms, now);
    return out;
  });
  if (queued)
    app.formRenders.kick(pendingForms, (error) =>
      log.error(
        { err: error },
        "dossier form rendering failed; the render pass or the first download retries it",
      ),
    );
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
