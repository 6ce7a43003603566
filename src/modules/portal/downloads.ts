/**
 * Files a citizen may download from their own dossier: what they uploaded, the issued forms (receipt, supplement
 * request, refusal, apology, stop notice), and the result once it was returned online. Anything else is 404.
 */
import type { FileStore } from "../../adapters/storage/file-store.ts";
import type { Db } from "../../db/database.ts";
import { AppError } from "../../errors.ts";
import type { CitizenPrincipal } from "../auth/principal.ts";
import type { DossierDeps } from "../dossiers/engine.ts";
import { formFileName, materializeForm } from "../dossiers/forms.ts";
import { ownDossier } from "./citizen-dossier.ts";

export interface Download {
  bytes: Uint8Array;
  mime: string;
  name: string;
}

export async function ownUpload(
  db: Db,
  store: FileStore,
  citizen: CitizenPrincipal,
  dossierId: string,
  fileId: string,
): Promise<Download> {
  const row = await ownDossier(db, citizen, dossierId);
  const file = await db
    .selectFrom("online_uploads as u")
    .innerJoin("files as f", "f.id", "u.file_id")
    .select(["f.sha256", "f.mime", "f.name"])
    .where("u.dossier_id", "=", row.id)
    .where("u.file_id", "=", fileId)
    .executeTakeFirst();
  if (!file) throw new AppError("NOT_FOUND", { details: { entity: "file" } });
  return { bytes: await store.get(file.sha256), mime: file.mime, name: file.name };
}

export async function ownResult(
  db: Db,
  store: FileStore,
  citizen: CitizenPrincipal,
  dossierId: string,
): Promise<Download> {
  const row = await ownDossier(db, citizen, dossierId);
  if (row.status !== "returned" || row.returned_method !== "online" || row.result_file_id === null) {
    throw new AppError("NOT_FOUND", { details: { entity: "result" } });
  }
  const file = await db
    .selectFrom("files")
    .select(["sha256", "mime", "name"])
    .where("id", "=", row.result_file_id)
    .executeTakeFirstOrThrow();
  return { bytes: await store.get(file.sha256), mime: file.mime, name: file.name };
}

export async function ownForm(
  db: Db,
  deps: DossierDeps,
  citizen: CitizenPrincipal,
  dossierId: string,
  formId: string,
  now: Date,
): Promise<Download> {
  const row = await ownDossier(db, citizen, dossierId);
  const exists = await db
    .selectFrom("dossier_forms")
    .select("id")
    .where("id", "=", formId)
    .where("dossier_id", "=", row.id)
    .executeTakeFirst();
  if (!exists) throw new AppError("NOT_FOUND", { details: { entity: "form" } });
  const { bytes, form } = await materializeForm(
    db,
    deps,
    exists.id,
    { kind: "citizen", id: citizen.citizenId },
    now,
  );
  return { bytes, mime: "application/pdf", name: formFileName(form, row.code) };
}
