/**
 * The e-form of a procedure version: the one it keeps (frozen in procedure_eforms when first filed under), or the
 * shipped definition that applies to it. Once frozen, a version's e-form never changes; a new procedure version may
 * get a new definition.
 */
import type { Selectable } from "kysely";
import type { EFormView } from "../../contracts/portal-dossiers.ts";
import type { Executor, Tx } from "../../db/database.ts";
import type { ProcedureVersionTable } from "../../db/tables/catalog.ts";
import type { Procedure } from "../../domain/catalog/procedure-schema.ts";
import { type EFormDefinition, EFormDefinition as EFormSchema } from "../../domain/eform/definition.ts";
import { shippedEFormFor } from "../../domain/eform/definitions.ts";
import { generatedEForm } from "../../domain/eform/generated.ts";
import { AppError } from "../../errors.ts";
import { documentOf, findProcedure, getVersion, procedureVersionAt } from "../catalog/queries.ts";

type VersionRow = Selectable<ProcedureVersionTable>;

export interface ResolvedEForm {
  definition: EFormDefinition;
  frozen: boolean;
}

export async function eformOfVersion(
  db: Executor,
  version: Pick<VersionRow, "id" | "version" | "document" | "online_level">,
  slug: string,
): Promise<ResolvedEForm | null> {
  const stored = await db
    .selectFrom("procedure_eforms")
    .select("definition")
    .where("procedure_version_id", "=", version.id)
    .executeTakeFirst();
  if (stored) return { definition: EFormSchema.parse(stored.definition), frozen: true };
  const definition = applicableEForm(version, slug);
  return definition ? { definition, frozen: false } : null;
}

/**
 * The definition a version would freeze: the dedicated e-form shipped for it (a prescribed declaration, such as the
 * TT 04/2020 civil-status forms), else the one built from its catalog record; none for a version not offered online.
 */
export function applicableEForm(
  version: Pick<VersionRow, "version" | "document" | "online_level">,
  slug: string,
): EFormDefinition | null {
  if (version.online_level === "none") return null;
  return (
    shippedEFormFor(slug, version.version) ?? EFormSchema.parse(generatedEForm(documentOf(version), slug))
  );
}

/** The version's e-form, frozen for it in this transaction if it was not yet. */
export async function freezeEForm(
  tx: Tx,
  version: Pick<VersionRow, "id" | "version" | "document" | "online_level">,
  slug: string,
  now: Date,
): Promise<EFormDefinition> {
  const resolved = await eformOfVersion(tx, version, slug);
  if (!resolved) throw new AppError("EFORM_NOT_AVAILABLE", { details: { procedure: slug } });
  if (!resolved.frozen) {
    await tx
      .insertInto("procedure_eforms")
      .values({
        procedure_version_id: version.id,
        eform_key: resolved.definition.key,
        revision: resolved.definition.revision,
        definition: JSON.stringify(resolved.definition),
        frozen_at: now,
      })
      .onConflict((oc) => oc.column("procedure_version_id").doNothing())
      .execute();
  }
  return resolved.definition;
}

/** Return methods a procedure allows: online when the result can be electronic, post when it delivers by post. */
export function returnMethodsOf(
  document: Procedure,
  postalDeliver: boolean,
): ("online" | "post" | "counter")[] {
  const out: ("online" | "post" | "counter")[] = [];
  if (document.onlineLevel === "full") out.push("online");
  if (postalDeliver) out.push("post");
  out.push("counter");
  return out;
}

export function eformView(
  procedure: { id: string; slug: string },
  version: VersionRow,
  definition: EFormDefinition,
): EFormView {
  const document = documentOf(version);
  const components = new Map(
    [
      ...document.components,
      ...document.cases.flatMap((c) => (c.components.mode === "inherit" ? [] : c.components.items)),
    ].map((c) => [c.id, c]),
  );
  return {
    procedure: {
      id: procedure.id,
      slug: procedure.slug,
      code: version.code,
      name: version.name,
      nameEn: version.name_en,
      versionId: version.id,
      version: version.version,
      onlineLevel: version.online_level,
      postalDelivery: version.postal_deliver,
      cases: document.cases.map((c) => ({ id: c.id, name: c.name })),
    },
    definition,
    components: definition.components.map((c) => {
      const catalog = components.get(c.componentId);
      return {
        componentId: c.componentId,
        name: catalog?.name ?? c.componentId,
        requirement: c.requirement,
        conditionVi: catalog?.requirement.kind === "conditional" ? catalog.requirement.condition : null,
        noteVi: c.noteVi ?? null,
        noteEn: c.noteEn ?? null,
        cases: c.cases ?? null,
      };
    }),
    returnMethods: returnMethodsOf(document, version.postal_deliver),
  };
}

/** Public: a procedure's e-form for a version (the one in force now by default). */
export async function publicEForm(
  db: Executor,
  ref: string,
  versionNumber: number | undefined,
  now: Date,
): Promise<EFormView> {
  const procedure = await findProcedure(db, ref);
  if (!procedure) throw new AppError("NOT_FOUND", { details: { entity: "procedure" } });
  const version =
    versionNumber === undefined
      ? await procedureVersionAt(db, procedure.id, now)
      : await getVersion(db, procedure.id, versionNumber);
  if (!version) throw new AppError("NOT_FOUND", { details: { entity: "procedure_version" } });
  const resolved = await eformOfVersion(db, version, procedure.slug);
  if (!resolved) throw new AppError("EFORM_NOT_AVAILABLE", { details: { procedure: procedure.slug } });
  return eformView(procedure, version, resolved.definition);
}
