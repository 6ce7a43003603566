/** The content of a draft: an uploaded PDF (strictly inspected), or text from the editor rendered as NĐ 30 lays it out. */
import type { z } from "zod";
import { DOCUMENT_LIMITS, type DocumentContent } from "../../contracts/documents.ts";
import type { Tx } from "../../db/database.ts";
import { documentType } from "../../domain/documents/index.ts";
import { issuerLinesOf } from "../../pdf/documents/official-document.ts";
import { renderInPool } from "../../pdf/pool.ts";
import type { Actor } from "../audit/audit-log.ts";
import { type FileRow, storeBytes, storeUpload } from "../files/store-upload.ts";
import type { DocumentDeps } from "./deps.ts";

export async function issuerLines(tx: Tx, unitId: string): Promise<string[]> {
  const unit = await tx
    .selectFrom("units as u")
    .leftJoin("units as p", "p.id", "u.parent_id")
    .select(["u.name", "p.name as parent"])
    .where("u.id", "=", unitId)
    .executeTakeFirstOrThrow();
  return issuerLinesOf(unit.name, unit.parent);
}

export async function storeContent(
  tx: Tx,
  deps: DocumentDeps,
  content: z.infer<typeof DocumentContent>,
  doc: { unitId: string; typeCode: string; summary: string; recipients: string[] },
  actor: Actor,
  now: Date,
): Promise<{ file: FileRow; text: string | null }> {
  if ("upload" in content) {
    const file = await storeUpload(
      tx,
      deps.files,
      { bytes: new Uint8Array(Buffer.from(content.upload.file, "base64")), name: content.upload.fileName },
      {
        policy: { allowed: ["pdf"], maxBytes: DOCUMENT_LIMITS.fileBytes },
        unitId: doc.unitId,
        purpose: "document_draft",
        actor,
        now,
      },
    );
    return { file, text: null };
  }
  const type = documentType(doc.typeCode);
  const bytes = await renderInPool("officialDocument", {
    issuerLines: await issuerLines(tx, doc.unitId),
    kindName: type?.abbreviation ? type.name : null,
    summary: doc.summary,
    body: content.text,
    recipients: doc.recipients,
    createdAt: now,
  });
  const file = await storeBytes(
    tx,
    deps.files,
    { bytes, name: "du-thao.pdf", mime: "application/pdf" },
    { unitId: doc.unitId, purpose: "document_draft", actor, now },
  );
  return { file, text: content.text };
}
