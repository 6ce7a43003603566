/**
 * Papers and files of a dossier: components received (name, original/copy, count, scans) and the links that say
 * which stored files belong to which dossier. A scan is uploaded first (POST /dossier-files) by the unit that then
 * attaches it; a file of another unit, or one made for another purpose, cannot be attached.
 */
import type { ReceivedComponentInput } from "../../contracts/dossiers.ts";
import type { Executor, Tx } from "../../db/database.ts";
import { AppError } from "../../errors.ts";

export const UPLOAD_PURPOSE = "dossier_upload";

/** Checks that every id is an upload of `unitId`; returns them without duplicates. */
export async function checkUploads(db: Executor, unitId: string, ids: readonly string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await db
    .selectFrom("files")
    .select(["id", "unit_id", "purpose"])
    .where("id", "in", unique)
    .execute();
  const ok = new Set(
    rows.filter((r) => r.unit_id === unitId && r.purpose === UPLOAD_PURPOSE).map((r) => r.id),
  );
  const bad = unique.filter((id) => !ok.has(id));
  if (bad.length > 0) throw new AppError("DOSSIER_FILE_INVALID", { details: { fileIds: bad } });
  return unique;
}

export async function linkFiles(tx: Tx, dossierId: string, fileIds: readonly string[], role: string) {
  if (fileIds.length === 0) return;
  await tx
    .insertInto("dossier_files")
    .values(fileIds.map((file_id) => ({ dossier_id: dossierId, file_id, role })))
    .onConflict((oc) => oc.columns(["dossier_id", "file_id"]).doNothing())
    .execute();
}

/** Records the papers received (the first list, or a supplement) with their scans. */
export async function addComponents(
  tx: Tx,
  input: {
    dossierId: string;
    unitId: string;
    components: readonly ReceivedComponentInput[];
    supplement: boolean;
    by: string;
    now: Date;
  },
): Promise<void> {
  const all = input.components.flatMap((c) => c.fileIds ?? []);
  const files = await checkUploads(tx, input.unitId, all);
  const last = await tx
    .selectFrom("dossier_components")
    .select((eb) => eb.fn.max("position").as("m"))
    .where("dossier_id", "=", input.dossierId)
    .executeTakeFirst();
  const start = Number(last?.m ?? 0);
  await tx
    .insertInto("dossier_components")
    .values(
      input.components.map((c, i) => ({
        dossier_id: input.dossierId,
        position: start + i + 1,
        component_id: c.componentId ?? null,
        name: c.name,
        kind: c.kind,
        count: c.count,
        file_ids: [...new Set(c.fileIds ?? [])],
        supplement: input.supplement,
        added_at: input.now,
        added_by: input.by,
      })),
    )
    .execute();
  await linkFiles(tx, input.dossierId, files, "component");
}

/** Replaces the papers of a dossier not yet accepted (the desk corrects its checklist before accepting). */
export async function replaceComponents(
  tx: Tx,
  input: {
    dossierId: string;
    unitId: string;
    components: readonly ReceivedComponentInput[];
    by: string;
    now: Date;
  },
): Promise<void> {
  await tx.deleteFrom("dossier_components").where("dossier_id", "=", input.dossierId).execute();
  await addComponents(tx, { ...input, supplement: false });
}
