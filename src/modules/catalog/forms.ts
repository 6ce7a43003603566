import { createHash } from "node:crypto";
import type { z } from "zod";
import { FORM_MAX_BYTES, type FormUpload } from "../../contracts/catalog.ts";
import type { Db, Executor } from "../../db/database.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit/audit-log.ts";
import { assertCan } from "../auth/policy.ts";
import { actorOf, type Principal } from "../auth/principal.ts";
import { inspectUpload } from "../files/inspect-upload.ts";
import { TREE_ROOT } from "./service.ts";

/**
 * Downloadable templates of the forms (tờ khai) procedures name. Templates are national, so uploading one needs
 * the "all" scope; they must be PDFs without active content (checked from the bytes).
 */
export async function uploadForm(
  db: Db,
  principal: Principal,
  code: string,
  input: z.infer<typeof FormUpload>,
  now: Date,
): Promise<{ code: string; filename: string; contentType: string; size: number; sha256: string }> {
  assertCan(principal, "catalog.manage", TREE_ROOT);
  const bytes = Buffer.from(input.file, "base64");
  const inspected = await inspectUpload(
    bytes,
    { name: input.filename },
    { allowed: ["pdf"], maxBytes: FORM_MAX_BYTES },
  );
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return db.transaction().execute(async (tx) => {
    const before = await tx
      .selectFrom("catalog_form_files")
      .select(["sha256"])
      .where("code", "=", code)
      .executeTakeFirst();
    const row = {
      code,
      filename: inspected.name,
      content_type: inspected.mime,
      size_bytes: bytes.byteLength,
      sha256,
      content: bytes,
      uploaded_at: now,
      uploaded_by: principal.kind === "staff" ? principal.staffId : null,
    };
    await tx
      .insertInto("catalog_form_files")
      .values(row)
      .onConflict((oc) =>
        oc.column("code").doUpdateSet({
          filename: row.filename,
          content_type: row.content_type,
          size_bytes: row.size_bytes,
          sha256: row.sha256,
          content: row.content,
          uploaded_at: row.uploaded_at,
          uploaded_by: row.uploaded_by,
        }),
      )
      .execute();
    await recordAudit(
      tx,
      {
        actor: actorOf(principal),
        action: "catalog.form.upload",
        entityType: "form_template",
        entityId: code,
        unitId: null,
        summary: {
          before: before ? { sha256: before.sha256 } : null,
          after: { sha256, filename: inspected.name },
        },
      },
      now,
    );
    return { code, filename: inspected.name, contentType: inspected.mime, size: bytes.byteLength, sha256 };
  });
}

export async function getFormFile(db: Executor, code: string) {
  const row = await db
    .selectFrom("catalog_form_files")
    .selectAll()
    .where("code", "=", code)
    .executeTakeFirst();
  if (!row) throw new AppError("NOT_FOUND", { details: { entity: "form_template", code } });
  return row;
}
