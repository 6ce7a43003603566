import type {
  FeeExample,
  FeeQuote,
  FeeResult as FeeResultOut,
  ProcedureDetail,
} from "../../contracts/catalog.ts";
import type { Executor } from "../../db/database.ts";
import { summarize } from "../../domain/catalog/describe.ts";
import { computeFee, type FeeResult } from "../../domain/catalog/fees.ts";
import { applyLocal, type LocalAdditions, NO_LOCAL_ADDITIONS } from "../../domain/catalog/local.ts";
import {
  componentsFor,
  type ExemptionCode,
  ExemptionCodeSchema,
  type FeeRule,
  feeRulesFor,
  type Procedure,
} from "../../domain/catalog/procedure-schema.ts";
import { AppError } from "../../errors.ts";
import { getUnit, getUnitByCode, type UnitRow } from "../units/queries.ts";
import {
  documentOf,
  findOffering,
  getProcedure,
  offeredBy,
  type ProcedureRow,
  type VersionRow,
  versionForReading,
  versionMeta,
} from "./queries.ts";
import { parseLocal } from "./service.ts";

/** Where a procedure is read: the version of the day, at a unit (with its local additions) or nationally. */
export interface ReadContext {
  procedure: ProcedureRow;
  version: VersionRow;
  /** The document as it applies: with the unit's local fees and steps when a unit is given. */
  document: Procedure;
  unit: UnitRow | null;
  offered: boolean;
  local: LocalAdditions;
}

export async function readProcedure(
  db: Executor,
  ref: string,
  day: string,
  unitCode: string | undefined,
): Promise<ReadContext> {
  const unit = unitCode ? await getUnitByCode(db, unitCode) : null;
  const procedure = await getProcedure(db, ref);
  const version = await versionForReading(db, procedure.id, day);
  const offering = unit ? await findOffering(db, unit.id, procedure.id) : undefined;
  const offered = Boolean(offering?.active);
  const local = offering?.active ? parseLocal(offering.local) : NO_LOCAL_ADDITIONS;
  return { procedure, version, document: applyLocal(documentOf(version), local), unit, offered, local };
}

/** The domain's result as the API states it (plain arrays). */
export function plainFee(result: FeeResult): FeeResultOut {
  return result.status === "computed"
    ? { status: "computed", totalVnd: result.totalVnd, lines: result.lines.map((l) => ({ ...l })) }
    : {
        status: "needs_local_amount",
        knownVnd: result.knownVnd,
        lines: result.lines.map((l) => ({ ...l })),
        resolutions: result.resolutions.map((r) => ({ ...r })),
      };
}

/** The national fee function, with its input errors turned into API errors. */
export function quoteFee(
  document: Procedure,
  input: { caseId: string | null; pages?: number; copies?: number; exemptions?: readonly ExemptionCode[] },
): FeeResult {
  if (input.caseId !== null && !document.cases.some((c) => c.id === input.caseId)) {
    throw new AppError("UNKNOWN_CASE", {
      details: { case: input.caseId, cases: document.cases.map((c) => c.id) },
    });
  }
  const needsPages = feeRulesFor(document, input.caseId).some(
    (r) => r.kind === "per_page" && !r.exemptions.some((e) => input.exemptions?.includes(e.code)),
  );
  if (needsPages && input.pages === undefined) throw new AppError("FEE_PAGES_REQUIRED");
  return computeFee(document, {
    caseId: input.caseId,
    ...(input.pages !== undefined ? { pages: input.pages } : {}),
    ...(input.copies !== undefined ? { copies: input.copies } : {}),
    ...(input.exemptions ? { exemptions: input.exemptions } : {}),
  });
}

export function parseExemptions(text: string | undefined): ExemptionCode[] {
  if (!text) return [];
  const codes = text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const out: ExemptionCode[] = [];
  for (const code of codes) {
    const parsed = ExemptionCodeSchema.safeParse(code);
    if (!parsed.success) {
      throw new AppError("VALIDATION_FAILED", {
        details: [{ path: "/exemptions", message: `unknown exemption code: ${code}` }],
      });
    }
    out.push(parsed.data);
  }
  return out;
}

/** Page counts that show how a per-page fee grows and where its cap bites. */
function pageExamples(rules: readonly FeeRule[]): number[] {
  const perPage = rules.find((r) => r.kind === "per_page");
  if (perPage?.kind !== "per_page") return [];
  const pages = new Set<number>([1]);
  for (const tier of perPage.tiers) pages.add(tier.fromPage);
  pages.add(10);
  if (perPage.capPerCopyVnd !== null) {
    // The first page count at which the cap applies.
    let n = 1;
    while (n < 100_000 && computePerPage(perPage.tiers, n) <= perPage.capPerCopyVnd)
      n = n < 100 ? n + 1 : n * 2;
    pages.add(n);
  }
  return [...pages].sort((a, b) => a - b);
}

function computePerPage(
  tiers: readonly { fromPage: number; toPage: number | null; vndPerPage: number }[],
  pages: number,
) {
  let sum = 0;
  for (const t of tiers) {
    if (pages < t.fromPage) break;
    const last = t.toPage === null ? pages : Math.min(pages, t.toPage);
    sum += (last - t.fromPage + 1) * t.vndPerPage;
  }
  return sum;
}

/** Worked examples of computeFee for the general rules and for each case with its own fees. */
export function feeExamples(document: Procedure): FeeExample[] {
  const contexts: { caseId: string | null; caseName: string | null }[] = [{ caseId: null, caseName: null }];
  for (const c of document.cases)
    if (c.fees.mode === "replace") contexts.push({ caseId: c.id, caseName: c.name });
  const out: FeeExample[] = [];
  for (const ctx of contexts) {
    const rules = feeRulesFor(document, ctx.caseId);
    const pages = pageExamples(rules);
    const perCopy = rules.some((r) => r.kind === "per_copy" || r.kind === "per_page");
    const inputs: { pages: number | null; copies: number }[] =
      pages.length > 0
        ? [...pages.map((p) => ({ pages: p, copies: 1 })), { pages: pages[1] ?? 3, copies: 2 }]
        : perCopy
          ? [
              { pages: null, copies: 1 },
              { pages: null, copies: 3 },
            ]
          : [{ pages: null, copies: 1 }];
    for (const input of inputs) {
      out.push({
        ...ctx,
        pages: input.pages,
        copies: input.copies,
        result: plainFee(
          computeFee(document, {
            caseId: ctx.caseId,
            copies: input.copies,
            ...(input.pages !== null ? { pages: input.pages } : {}),
          }),
        ),
      });
    }
  }
  return out;
}

export function formsOf(document: Procedure, available: ReadonlySet<string>): ProcedureDetail["forms"] {
  const forms = new Map<string, ProcedureDetail["forms"][number]>();
  const all = [
    ...componentsFor(document, null),
    ...document.cases.flatMap((c) => (c.components.mode === "inherit" ? [] : c.components.items)),
  ];
  for (const component of all) {
    if (!component.form) continue;
    const existing = forms.get(component.form.code);
    if (existing) {
      if (!existing.components.includes(component.name)) existing.components.push(component.name);
      continue;
    }
    forms.set(component.form.code, {
      code: component.form.code,
      name: component.form.name,
      issuedBy: component.form.issuedBy,
      components: [component.name],
      downloadUrl: available.has(component.form.code)
        ? `/api/v1/catalog/forms/${encodeURIComponent(component.form.code)}`
        : null,
    });
  }
  return [...forms.values()];
}

/** The national portal, where procedures with an online service can be filed when the unit names no other place. */
export const NATIONAL_PORTAL_URL = "https://dichvucong.gov.vn";

export async function procedureDetail(
  db: Executor,
  ref: string,
  day: string,
  unitCode: string | undefined,
): Promise<ProcedureDetail> {
  const ctx = await readProcedure(db, ref, day, unitCode);
  const { procedure, version, document, unit } = ctx;
  const [field, owner, offering, files] = await Promise.all([
    db
      .selectFrom("catalog_fields")
      .selectAll()
      .where("code", "=", version.field_code)
      .executeTakeFirstOrThrow(),
    procedure.owner_unit_id ? getUnit(db, procedure.owner_unit_id) : Promise.resolve(null),
    offeredBy(db, procedure.id),
    db.selectFrom("catalog_form_files").select("code").execute(),
  ]);
  const available = new Set(files.map((f) => f.code));
  return {
    id: procedure.id,
    slug: procedure.slug,
    code: version.code,
    codeStatus: version.code_status,
    owner: owner ? { id: owner.id, code: owner.code, name: owner.name, kind: owner.kind } : null,
    field: {
      code: field.code,
      nameVi: field.name_vi,
      nameEn: field.name_en,
      group: field.group_name,
      ministry: field.ministry,
    },
    version: versionMeta(version, day),
    latestVersion: procedure.latest_version,
    document,
    summary: summarize(document),
    feeExamples: feeExamples(document),
    unit: unit
      ? {
          id: unit.id,
          code: unit.code,
          name: unit.name,
          kind: unit.kind,
          address: unit.address,
          phone: unit.phone,
          email: unit.email,
          website: unit.website,
          workingHours: unit.working_hours,
          offered: ctx.offered,
          local: ctx.local,
        }
      : null,
    offeredBy: offering.items,
    offeredByTotal: offering.total,
    online: {
      level: document.onlineLevel,
      url: ctx.local.onlineUrl ?? (document.onlineLevel === "none" ? null : NATIONAL_PORTAL_URL),
    },
    forms: formsOf(document, available),
  };
}

export async function feeQuote(
  db: Executor,
  ref: string,
  day: string,
  query: { pages?: number; copies?: number; case?: string; exemptions?: string; unit?: string },
): Promise<FeeQuote> {
  const exemptions = parseExemptions(query.exemptions);
  const ctx = await readProcedure(db, ref, day, query.unit);
  const caseId = query.case ?? null;
  const result = quoteFee(ctx.document, {
    caseId,
    ...(query.pages !== undefined ? { pages: query.pages } : {}),
    ...(query.copies !== undefined ? { copies: query.copies } : {}),
    exemptions,
  });
  return {
    procedure: {
      id: ctx.procedure.id,
      slug: ctx.procedure.slug,
      code: ctx.version.code,
      name: ctx.version.name,
    },
    version: ctx.version.version,
    unit: ctx.unit?.code ?? null,
    input: { caseId, pages: query.pages ?? null, copies: query.copies ?? 1, exemptions },
    result: plainFee(result),
  };
}
