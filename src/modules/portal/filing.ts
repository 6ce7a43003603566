/** What an online dossier was filed with: its e-form, answers, uploads, and the views built from them. */
import type { Selectable } from "kysely";
import type { DraftView, ReviewView, UploadView } from "../../contracts/portal-dossiers.ts";
import type { Executor } from "../../db/database.ts";
import type { OnlineFilingTable, OnlineUploadTable } from "../../db/tables/online-filing.ts";
import { formatInstant, formatLocalDate, localDayOf } from "../../domain/calendar/index.ts";
import type { Procedure } from "../../domain/catalog/procedure-schema.ts";
import {
  type Answers,
  type EFormDefinition,
  EFormDefinition as EFormSchema,
} from "../../domain/eform/definition.ts";
import {
  AnswerScope,
  componentRequirements,
  displayValue,
  type FieldIssue,
  validateAnswers,
} from "../../domain/eform/validate.ts";
import { AppError } from "../../errors.ts";
import { documentOf } from "../catalog/queries.ts";
import type { DossierRow } from "../dossiers/state.ts";

export type FilingRow = Selectable<OnlineFilingTable>;
export type UploadRow = Selectable<OnlineUploadTable>;

export interface Filing {
  row: DossierRow;
  filing: FilingRow;
  definition: EFormDefinition;
  document: Procedure;
  slug: string;
  unit: { id: string; code: string; name: string };
  versionNumber: number;
  uploads: (UploadRow & { name: string; mime: string; size: number })[];
  /** How many supplement requests the dossier has had: uploads answering the latest carry this round. */
  supplementRound: number;
}

export function isoOf(value: Date | string): string {
  return formatInstant(new Date(value).getTime());
}

export function todayOf(now: Date): string {
  return formatLocalDate(localDayOf(now.getTime()));
}

export async function loadFiling(db: Executor, row: DossierRow): Promise<Filing> {
  const filing = await db
    .selectFrom("online_filings")
    .selectAll()
    .where("dossier_id", "=", row.id)
    .executeTakeFirst();
  if (!filing) throw new AppError("NOT_FOUND", { details: { entity: "dossier" } });
  const eform = await db
    .selectFrom("procedure_eforms")
    .select("definition")
    .where("procedure_version_id", "=", filing.procedure_version_id)
    .executeTakeFirstOrThrow();
  const version = await db
    .selectFrom("procedure_versions as v")
    .innerJoin("procedures as p", "p.id", "v.procedure_id")
    .select(["v.document", "v.version", "p.slug"])
    .where("v.id", "=", row.procedure_version_id)
    .executeTakeFirstOrThrow();
  const unit = await db
    .selectFrom("units")
    .select(["id", "code", "name"])
    .where("id", "=", row.received_unit_id)
    .executeTakeFirstOrThrow();
  const uploads = await db
    .selectFrom("online_uploads as u")
    .innerJoin("files as f", "f.id", "u.file_id")
    .selectAll("u")
    .select(["f.name", "f.mime", "f.size"])
    .where("u.dossier_id", "=", row.id)
    .orderBy("u.round")
    .orderBy("u.uploaded_at")
    .orderBy("u.id")
    .execute();
  const requests = await db
    .selectFrom("dossier_events")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("dossier_id", "=", row.id)
    .where("action", "in", ["request_supplement", "request_citizen_supplement"])
    .executeTakeFirst();
  return {
    supplementRound: Number(requests?.n ?? 0),
    row,
    filing,
    definition: EFormSchema.parse(eform.definition),
    document: documentOf(version),
    slug: version.slug,
    unit,
    versionNumber: version.version,
    uploads: uploads.map((u) => ({ ...u, size: Number(u.size) })),
  };
}

export function answersOf(filing: FilingRow): Answers {
  return (filing.answers ?? {}) as Answers;
}

export function uploadView(dossierId: string, u: Filing["uploads"][number]): UploadView {
  return {
    id: u.id,
    componentId: u.component_id,
    supplementItem: u.supplement_item,
    round: u.round,
    name: u.name,
    mime: u.mime,
    size: u.size,
    uploadedAt: isoOf(u.uploaded_at),
    url: `/api/v1/portal/dossiers/${dossierId}/files/${u.file_id}`,
  };
}

export function componentName(document: Procedure, componentId: string): string {
  const all = [
    ...document.components,
    ...document.cases.flatMap((c) => ("items" in c.components ? c.components.items : [])),
  ];
  return all.find((c) => c.id === componentId)?.name ?? componentId;
}

export function draftView(f: Filing): DraftView {
  const answers = answersOf(f.filing);
  const requirements = componentRequirements(f.definition, answers, f.row.case_id);
  const filed = f.uploads.filter((u) => u.round === 0);
  return {
    id: f.row.id,
    status: f.row.status as DraftView["status"],
    version: f.row.version,
    procedure: {
      id: f.row.procedure_id,
      versionId: f.row.procedure_version_id,
      version: f.versionNumber,
      slug: f.slug,
      name: f.row.procedure_name,
    },
    unit: f.unit,
    caseId: f.row.case_id,
    eformKey: f.definition.key,
    eformRevision: f.definition.revision,
    answers,
    returnMethod: f.row.return_method,
    deliveryAddress: (f.filing.delivery_address ?? null) as DraftView["deliveryAddress"],
    components: requirements.map((r) => {
      const uploads = filed
        .filter((u) => u.component_id === r.componentId)
        .map((u) => uploadView(f.row.id, u));
      return {
        componentId: r.componentId,
        name: componentName(f.document, r.componentId),
        required: r.required,
        uploads,
        missing: r.required && uploads.length === 0,
      };
    }),
    createdAt: isoOf(f.filing.created_at),
    updatedAt: isoOf(f.filing.updated_at),
  };
}

function fieldError(i: FieldIssue) {
  return { field: i.field, code: i.code, message: i.messageVi, messageEn: i.messageEn };
}

/** "Check your answers": every question, its answer and its problems, the missing components, and readiness. */
export function reviewOf(f: Filing, now: Date): ReviewView {
  const answers = answersOf(f.filing);
  const issues = validateAnswers(f.definition, answers, { today: todayOf(now), mode: "complete" });
  const scope = new AnswerScope(f.definition, answers);
  const draft = draftView(f);
  const missing = draft.components
    .filter((c) => c.missing)
    .map((c) => ({ componentId: c.componentId, name: c.name }));
  const returnMethodError =
    f.row.return_method === "post" && !f.filing.delivery_address
      ? {
          field: "deliveryAddress",
          code: "required",
          message: "Hãy nhập địa chỉ nhận kết quả qua bưu chính.",
          messageEn: "Enter the address for the result by post.",
        }
      : null;
  return {
    draft,
    pages: f.definition.pages.map((page) => ({
      id: page.id,
      titleVi: page.titleVi,
      titleEn: page.titleEn,
      fields: page.fields
        .filter((field) => scope.visible(field.id))
        .map((field) => ({
          id: field.id,
          labelVi: field.labelVi,
          labelEn: field.labelEn,
          type: field.type,
          required: scope.required(field),
          value: answers[field.id] ?? null,
          display: displayValue(field, answers[field.id]),
          errors: issues.filter((i) => i.field === field.id).map(fieldError),
        })),
    })),
    errors: issues.map(fieldError),
    missingComponents: missing,
    returnMethodError,
    ready: issues.length === 0 && missing.length === 0 && returnMethodError === null,
  };
}
