/**
 * The render queue of dossier forms. An officer's action freezes a form's data and queues it (render_queued_at)
 * in its own transaction, and answers without waiting for the PDF: right after commit it kicks a render of those
 * forms in the render pool (never on the event loop), and a periodic pass takes up whatever is still due — forms
 * a crash left with a lease that has run out, or whose render failed. A claim sets a lease with FOR UPDATE SKIP
 * LOCKED (src/db/job-lease.ts does the same for the file jobs), so two passes or processes never draw the same
 * form at once, and the file is stored once: only while the form still has none.
 */
import { sql } from "kysely";
import type { FileStore } from "../../adapters/storage/file-store.ts";
import type { Db } from "../../db/database.ts";
import type { DossierFormKind } from "../../db/tables/dossiers.ts";
import { renderInPool } from "../../pdf/pool.ts";
import type { RendererName } from "../../pdf/renderers.ts";
import type { Actor } from "../audit/audit-log.ts";
import { storeBytes } from "../files/store-upload.ts";
import type { FormRow } from "./state.ts";

const RENDERER: Record<DossierFormKind, RendererName> = {
  receipt: "receipt",
  supplement_request: "supplementRequest",
  refusal: "refusal",
  apology: "apology",
  stop_notice: "stopNotice",
  transfer_slip: "transferSlip",
};

/** Long enough for a render behind a full pool; a crashed render is taken up again once it has run out. */
export const FORM_LEASE_SECONDS = 60;
/** Forms one claim of the pass takes: a few per pool thread, so the pool stays busy without a long lease. */
const PASS_BATCH = 20;
/** A form whose render failed this often is left to its first download. */
export const FORM_RENDER_ATTEMPTS = 5;

/** The form's PDF drawn from its frozen data, in the render pool. */
export function renderFormData(kind: DossierFormKind, data: Record<string, unknown>): Promise<Uint8Array> {
  return renderInPool(RENDERER[kind], data as never);
}

export function formFileName(form: Pick<FormRow, "number" | "kind">, code: string | null): string {
  const prefix = form.number ? `mau-${form.number}-` : "";
  return `${prefix}${form.kind.replace(/_/g, "-")}${code ? `-${code}` : ""}.pdf`;
}

/** Marks the forms an action issued as due for the render pass, in the action's transaction. */
export async function queueFormRenders(tx: Db, formIds: readonly string[], now: Date): Promise<void> {
  if (formIds.length === 0) return;
  await tx.updateTable("dossier_forms").set({ render_queued_at: now }).where("id", "in", formIds).execute();
}

interface Claim {
  /** Only these forms (a kick, a download); otherwise any queued form that is due. */
  ids?: readonly string[];
  limit: number;
  /** FORM_LEASE_SECONDS unless set (JOBS_LEASE_SECONDS, for the crash tests). */
  leaseSeconds?: number;
}

/**
 * Claims forms with no file and no live lease: sets the lease and counts the attempt. The pass takes queued forms
 * below the attempt cap; a download (ids given, not queued) takes its form whatever it is.
 */
export async function claimForms(db: Db, now: Date, claim: Claim): Promise<FormRow[]> {
  const lease = new Date(now.getTime() + (claim.leaseSeconds ?? FORM_LEASE_SECONDS) * 1000);
  const which = claim.ids
    ? sql`id IN (${sql.join(claim.ids)})`
    : sql`render_queued_at IS NOT NULL AND render_attempts < ${FORM_RENDER_ATTEMPTS}`;
  const { rows } = await sql<FormRow>`
    WITH picked AS MATERIALIZED (
      SELECT id FROM dossier_forms
      WHERE file_id IS NULL AND (render_lease_until IS NULL OR render_lease_until < ${now}) AND ${which}
      ORDER BY render_queued_at, issued_at
      LIMIT ${claim.limit}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE dossier_forms SET render_attempts = dossier_forms.render_attempts + 1, render_lease_until = ${lease}
    FROM picked
    WHERE dossier_forms.id = picked.id
    RETURNING dossier_forms.*
  `.execute(db);
  return rows;
}

function issuerOf(form: FormRow): Actor {
  return form.issued_by ? { kind: "staff", id: form.issued_by } : { kind: "system", id: null };
}

/**
 * Stores the form's PDF as its file, unless it already has one (another render got there first): the row is
 * locked, then set only while its file is still null. Returns whether this call stored it.
 */
export async function storeFormFile(
  db: Db,
  files: FileStore,
  form: FormRow,
  bytes: Uint8Array,
  actor: Actor,
  now: Date,
): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    // Locks in the order the dossier's actions take them (the dossier row, then the unit's audit chain): the
    // dossier_files row below needs a key-share lock on the dossier anyway, and taking it last, after the audit
    // head, deadlocks with an action on the same dossier running meanwhile.
    const dossier = await tx
      .selectFrom("dossiers")
      .select(["received_unit_id", "code"])
      .where("id", "=", form.dossier_id)
      .forKeyShare()
      .executeTakeFirstOrThrow();
    const open = await tx
      .selectFrom("dossier_forms")
      .select("id")
      .where("id", "=", form.id)
      .where("file_id", "is", null)
      .forUpdate()
      .executeTakeFirst();
    if (!open) return false;
    const file = await storeBytes(
      tx,
      files,
      { bytes, name: formFileName(form, dossier.code), mime: "application/pdf" },
      { unitId: dossier.received_unit_id, purpose: "dossier_form", actor, now },
    );
    const updated = await tx
      .updateTable("dossier_forms")
      .set({ file_id: file.id, render_lease_until: null })
      .where("id", "=", form.id)
      .where("file_id", "is", null)
      .returning("id")
      .executeTakeFirst();
    if (!updated) throw new Error("dossier form got a file while locked");
    await tx
      .insertInto("dossier_files")
      .values({ dossier_id: form.dossier_id, file_id: file.id, role: "form" })
      .execute();
    return true;
  });
}

/** Renders of this process under way, by form: a download waits for one instead of drawing the form again. */
const underway = new Map<string, Promise<Uint8Array>>();

export function renderUnderway(formId: string): Promise<Uint8Array> | undefined {
  return underway.get(formId);
}

/** Draws a claimed form in the pool and stores it; a failure gives the lease back so the next pass retries. */
export function renderClaimed(
  db: Db,
  files: FileStore,
  form: FormRow,
  actor: Actor,
  now: Date,
): Promise<Uint8Array> {
  const work = (async () => {
    try {
      const bytes = await renderFormData(form.kind, form.data);
      await storeFormFile(db, files, form, bytes, actor, now);
      return bytes;
    } catch (error) {
      await db
        .updateTable("dossier_forms")
        .set({ render_lease_until: null })
        .where("id", "=", form.id)
        .where("file_id", "is", null)
        .execute()
        .catch(() => {});
      throw error;
    } finally {
      underway.delete(form.id);
    }
  })();
  underway.set(form.id, work);
  return work;
}

/** One pass: claims due forms (only `ids` when given) and renders them in the pool. */
export async function renderDueForms(
  db: Db,
  files: FileStore,
  now: Date,
  options: { ids?: readonly string[]; limit?: number; leaseSeconds?: number | undefined } = {},
): Promise<{ done: number; failed: number; errors: unknown[] }> {
  const forms = await claimForms(db, now, {
    ...(options.ids ? { ids: options.ids } : {}),
    limit: options.limit ?? options.ids?.length ?? PASS_BATCH,
    ...(options.leaseSeconds === undefined ? {} : { leaseSeconds: options.leaseSeconds }),
  });
  const results = await Promise.allSettled(
    forms.map((form) => renderClaimed(db, files, form, issuerOf(form), now)),
  );
  const errors = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
  return { done: results.length - errors.length, failed: errors.length, errors };
}

export interface FormRenderQueue {
  /** After an action commits: render the forms it issued now, without holding up its answer. */
  kick(formIds: readonly string[], onError?: (error: unknown) => void): void;
  /** The periodic pass: whatever is still due (crashed renders, failures). */
  pass(): Promise<{ done: number; failed: number }>;
  /** Waits for the kicks under way (server shutdown, tests). */
  settled(): Promise<void>;
}

export function formRenderQueue(
  db: Db,
  files: FileStore,
  clock: () => Date,
  log: (error: unknown) => void,
  leaseSeconds?: number,
): FormRenderQueue {
  const kicks = new Set<Promise<unknown>>();
  return {
    kick(formIds, onError = log) {
      if (formIds.length === 0) return;
      const kick = renderDueForms(db, files, clock(), { ids: formIds, leaseSeconds })
        .then((result) => {
          for (const error of result.errors) onError(error);
        })
        .catch(onError)
        .finally(() => kicks.delete(kick));
      kicks.add(kick);
    },
    async pass() {
      // Batch after batch while batches come full (a backlog after a restart), so it does not wait for the next
      // interval; a batch that failed whole ends the pass (the database or the pool is in trouble).
      let done = 0;
      let failed = 0;
      for (;;) {
        const batch = await renderDueForms(db, files, clock(), { limit: PASS_BATCH, leaseSeconds });
        for (const error of batch.errors) log(error);
        done += batch.done;
        failed += batch.failed;
        if (batch.done + batch.failed < PASS_BATCH || batch.done === 0) return { done, failed };
      }
    },
    async settled() {
      while (kicks.size > 0) await Promise.allSettled([...kicks]);
    },
  };
}
