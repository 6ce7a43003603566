import type { Selectable } from "kysely";
import type { FileStore } from "../../adapters/storage/file-store.ts";
import type { Tx } from "../../db/database.ts";
import type { FileTable } from "../../db/tables/files.ts";
import { type Actor, recordAudit } from "../audit/audit-log.ts";
import { inspectUpload, type UploadPolicy } from "./inspect-upload.ts";

export type FileRow = Selectable<FileTable>;

/**
 * Checks an upload, stores its bytes durably, and records it inside the caller's transaction. The bytes are
 * written first: if the transaction then fails, an unreferenced content-addressed blob is all that remains.
 */
export async function storeUpload(
  tx: Tx,
  store: FileStore,
  upload: { bytes: Uint8Array; name: string; contentType?: string | undefined },
  context: { policy: UploadPolicy; unitId: string | null; purpose: string; actor: Actor; now: Date },
): Promise<FileRow> {
  const inspected = await inspectUpload(upload.bytes, upload, context.policy);
  return storeBytes(tx, store, { bytes: upload.bytes, name: inspected.name, mime: inspected.mime }, context);
}

/** Records bytes the server made itself (forms, signed results): no inspection, same bookkeeping. */
export async function storeBytes(
  tx: Tx,
  store: FileStore,
  file: { bytes: Uint8Array; name: string; mime: string },
  context: { unitId: string | null; purpose: string; actor: Actor; now: Date },
): Promise<FileRow> {
  const stored = await store.put(file.bytes);
  const row = await tx
    .insertInto("files")
    .values({
      sha256: stored.sha256,
      size: stored.size,
      mime: file.mime,
      name: file.name,
      unit_id: context.unitId,
      purpose: context.purpose,
      created_by_kind: context.actor.kind,
      created_by: context.actor.id,
      created_at: context.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(
    tx,
    {
      actor: context.actor,
      action: "file.store",
      entityType: "file",
      entityId: row.id,
      unitId: context.unitId,
      summary: { sha256: stored.sha256, size: stored.size, mime: file.mime, purpose: context.purpose },
    },
    context.now,
  );
  return row;
}
