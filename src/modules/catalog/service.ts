import type { z } from "zod";
import type {
  DocumentIssue,
  Offering,
  OfferingInput,
  OfferingUpdate,
  ProcedureCreate,
  ProcedureNewVersion,
  PushInput,
} from "../../contracts/catalog.ts";
import type { Db, Executor, Tx } from "../../db/database.ts";
import type { UnitKind } from "../../db/tables/foundation.ts";
import { summarize } from "../../domain/catalog/describe.ts";
import {
  type LocalAdditions,
  LocalAdditionsSchema,
  NO_LOCAL_ADDITIONS,
  unmatchedLocalFees,
} from "../../domain/catalog/local.ts";
import type { Level, Procedure } from "../../domain/catalog/procedure-schema.ts";
import { AppError } from "../../errors.ts";
import { type Actor, recordAudit } from "../audit/audit-log.ts";
import { canonicalJson } from "../audit/canonical-json.ts";
import { lockVersioned, updateVersioned } from "../audit/versioned-update.ts";
import { assertCan, type UnitRef } from "../auth/policy.ts";
import { actorOf, type Principal } from "../auth/principal.ts";
import { escapeLike, getUnit, getUnitByCode } from "../units/queries.ts";
import {
  documentOf,
  getProcedure,
  type ProcedureRow,
  type VersionRow,
  versionForReading,
  vietnamDay,
} from "./queries.ts";
import { catalogWritten } from "./search-index.ts";
import { validateDocument } from "./validate.ts";

/** The tree's root as a policy target: only an "all" scope covers it (the national catalog). */
export const TREE_ROOT: UnitRef = { id: "", path: "/" };

export interface WriteContext {
  principal: Principal;
  now: Date;
  /** Where the change came from, recorded in the audit summary ("api", "import", "seed"). */
  source: string;
  /** The actor recorded in the audit log when it is not the principal (the system, for seeding). */
  actor?: Actor;
}

function actorFor(ctx: WriteContext): Actor {
  return ctx.actor ?? actorOf(ctx.principal);
}

function createdBy(principal: Principal): string | null {
  return principal.kind === "staff" ? principal.staffId : null;
}

/** Whom the policy asks about a procedure: its owner unit, or the root for the national catalog. */
export async function procedureTarget(
  db: Executor,
  row: Pick<ProcedureRow, "owner_unit_id">,
): Promise<UnitRef> {
  return row.owner_unit_id ? getUnit(db, row.owner_unit_id) : TREE_ROOT;
}

export function invalid(issues: DocumentIssue[]): AppError {
  return new AppError("PROCEDURE_INVALID", { details: { issues } });
}

function versionValues(procedureId: string, doc: Procedure, ctx: WriteContext) {
  return {
    procedure_id: procedureId,
    version: doc.version,
    effective_from: doc.effectiveFrom,
    superseded_from: doc.effectiveTo,
    document: JSON.stringify(doc),
    code: doc.code.value,
    code_status: doc.code.status,
    name: doc.name,
    name_en: doc.nameEn,
    field_code: doc.fieldCode,
    levels: [...doc.levels],
    online_level: doc.onlineLevel,
    postal_receive: doc.postal.receiveDossier,
    postal_deliver: doc.postal.deliverResult,
    summary: JSON.stringify(summarize(doc)),
    created_at: ctx.now,
    created_by: createdBy(ctx.principal),
  };
}

async function insertVersion(
  tx: Tx,
  procedureId: string,
  doc: Procedure,
  ctx: WriteContext,
): Promise<VersionRow> {
  catalogWritten();
  return tx
    .insertInto("procedure_versions")
    .values(versionValues(procedureId, doc, ctx))
    .returningAll()
    .executeTakeFirstOrThrow();
}

async function assertCodeFree(tx: Tx, code: string | null, exceptProcedureId: string | null): Promise<void> {
  if (code === null) return;
  let q = tx.selectFrom("procedures").select("id").where("code", "=", code);
  if (exceptProcedureId) q = q.where("id", "!=", exceptProcedureId);
  if (await q.executeTakeFirst()) throw new AppError("PROCEDURE_CODE_TAKEN", { details: { code } });
}

/** Inserts a procedure with its first version and the audit event. The document must be validated already. */
export async function writeNewProcedure(
  tx: Tx,
  doc: Procedure,
  ownerUnitId: string | null,
  ctx: WriteContext,
): Promise<{ procedure: ProcedureRow; version: VersionRow }> {
  catalogWritten();
  const taken = await tx.selectFrom("procedures").select("id").where("slug", "=", doc.id).executeTakeFirst();
  if (taken) throw new AppError("PROCEDURE_SLUG_TAKEN", { details: { slug: doc.id } });
  await assertCodeFree(tx, doc.code.value, null);
  const procedure = await tx
    .insertInto("procedures")
    .values({
      slug: doc.id,
      code: doc.code.value,
      owner_unit_id: ownerUnitId,
      latest_version: doc.version,
      latest_effective_from: doc.effectiveFrom,
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const version = await insertVersion(tx, procedure.id, doc, ctx);
  await recordAudit(
    tx,
    {
      actor: actorFor(ctx),
      action: "catalog.procedure.create",
      entityType: "procedure",
      entityId: procedure.id,
      unitId: ownerUnitId,
      summary: {
        after: { slug: doc.id, code: doc.code.value, name: doc.name, version: doc.version },
        effectiveFrom: doc.effectiveFrom,
        source: ctx.source,
      },
    },
    ctx.now,
  );
  return { procedure, version };
}

/**
 * Inserts many new procedures (version 1 each) in a few statements, with one audit event for the batch: for
 * seeding and bulk loading. Documents must be validated; slugs and codes must be free.
 */
export async function writeNewProcedures(
  tx: Tx,
  docs: readonly Procedure[],
  ownerUnitId: string | null,
  ctx: WriteContext,
): Promise<Map<string, string>> {
  catalogWritten();
  const ids = new Map<string, string>();
  for (let i = 0; i < docs.length; i += 500) {
    const chunk = docs.slice(i, i + 500);
    const rows = await tx
      .insertInto("procedures")
      .values(
        chunk.map((doc) => ({
          slug: doc.id,
          code: doc.code.value,
          owner_unit_id: ownerUnitId,
          latest_version: doc.version,
          latest_effective_from: doc.effectiveFrom,
          created_at: ctx.now,
          updated_at: ctx.now,
        })),
      )
      .returning(["id", "slug"])
      .execute();
    for (const r of rows) ids.set(r.slug, r.id);
    await tx
      .insertInto("procedure_versions")
      .values(chunk.map((doc) => versionValues(ids.get(doc.id) as string, doc, ctx)))
      .execute();
  }
  await recordAudit(
    tx,
    {
      actor: actorFor(ctx),
      action: "catalog.procedure.create_batch",
      entityType: "procedure",
      entityId: null,
      unitId: ownerUnitId,
      summary: { count: docs.length, slugs: docs.map((d) => d.id), source: ctx.source },
    },
    ctx.now,
  );
  return ids;
}

/** Top-level parts of the document that differ between two versions (for the audit trail). */
function changedParts(before: Procedure, after: Procedure): string[] {
  const skip = new Set(["version", "effectiveFrom", "effectiveTo"]);
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys]
    .filter((k) => !skip.has(k))
    .filter(
      (k) =>
        canonicalJson((before as Record<string, unknown>)[k]) !==
        canonicalJson((after as Record<string, unknown>)[k]),
    )
    .sort();
}

/** Whether two documents say the same, whatever their version numbers and dates. */
export function sameContent(a: Procedure, b: Procedure): boolean {
  return changedParts(a, b).length === 0;
}

/**
 * Adds the next version of a procedure whose row the caller has locked. The previous versions stop being in force
 * on the new version's effective date; they stay readable, and dossiers that point at them keep them.
 */
export async function writeNextVersion(
  tx: Tx,
  procedure: ProcedureRow,
  doc: Procedure,
  ctx: WriteContext,
): Promise<VersionRow> {
  if (procedure.latest_effective_from !== null && doc.effectiveFrom < procedure.latest_effective_from) {
    throw new AppError("VERSION_DATE_ORDER", {
      details: { effectiveFrom: doc.effectiveFrom, latestEffectiveFrom: procedure.latest_effective_from },
    });
  }
  await assertCodeFree(tx, doc.code.value, procedure.id);
  const previous = await tx
    .selectFrom("procedure_versions")
    .selectAll()
    .where("procedure_id", "=", procedure.id)
    .where("version", "=", procedure.latest_version)
    .executeTakeFirstOrThrow();
  await tx
    .updateTable("procedure_versions")
    .set({ superseded_from: doc.effectiveFrom })
    .where("procedure_id", "=", procedure.id)
    .where((eb) => eb.or([eb("superseded_from", "is", null), eb("superseded_from", ">", doc.effectiveFrom)]))
    .execute();
  const version = await insertVersion(tx, procedure.id, doc, ctx);
  await tx
    .updateTable("procedures")
    .set({
      code: doc.code.value,
      latest_version: doc.version,
      latest_effective_from: doc.effectiveFrom,
      updated_at: ctx.now,
    })
    .where("id", "=", procedure.id)
    .execute();
  await recordAudit(
    tx,
    {
      actor: actorFor(ctx),
      action: "catalog.procedure.version",
      entityType: "procedure",
      entityId: procedure.id,
      unitId: procedure.owner_unit_id,
      summary: {
        before: { version: previous.version, effectiveFrom: previous.effective_from },
        after: { version: doc.version, effectiveFrom: doc.effectiveFrom, name: doc.name },
        changed: changedParts(documentOf(previous), doc),
        source: ctx.source,
      },
    },
    ctx.now,
  );
  return version;
}

export async function lockProcedure(tx: Tx, id: string): Promise<ProcedureRow> {
  return tx.selectFrom("procedures").selectAll().where("id", "=", id).forUpdate().executeTakeFirstOrThrow();
}

export async function createProcedure(
  db: Db,
  principal: Principal,
  input: z.infer<typeof ProcedureCreate>,
  now: Date,
): Promise<{ procedure: ProcedureRow; version: VersionRow }> {
  const owner = input.owner ? await getUnitByCode(db, input.owner) : null;
  assertCan(principal, "catalog.manage", owner ?? TREE_ROOT);
  const effectiveFrom = input.effectiveFrom ?? vietnamDay(now);
  const checked = validateDocument(input.document, { version: 1, effectiveFrom });
  if (!checked.ok) throw invalid(checked.issues);
  return db
    .transaction()
    .execute((tx) =>
      writeNewProcedure(tx, checked.procedure, owner?.id ?? null, { principal, now, source: "api" }),
    );
}

export async function addProcedureVersion(
  db: Db,
  principal: Principal,
  ref: string,
  input: z.infer<typeof ProcedureNewVersion>,
  now: Date,
): Promise<{ procedure: ProcedureRow; version: VersionRow }> {
  return db.transaction().execute(async (tx) => {
    const found = await getProcedure(tx, ref);
    assertCan(principal, "catalog.manage", await procedureTarget(tx, found));
    const procedure = await lockProcedure(tx, found.id);
    if (input.baseVersion !== procedure.latest_version) {
      throw new AppError("CONFLICT", { details: { currentVersion: procedure.latest_version } });
    }
    const effectiveFrom = input.effectiveFrom ?? vietnamDay(now);
    const checked = validateDocument(input.document, {
      version: procedure.latest_version + 1,
      effectiveFrom,
    });
    if (!checked.ok) throw invalid(checked.issues);
    if (checked.procedure.id !== procedure.slug) {
      throw invalid([
        {
          path: "id",
          message: `Mã định danh của thủ tục là «${procedure.slug}» và không được thay đổi giữa các phiên bản.`,
          messageEn: `The procedure's identifier is «${procedure.slug}» and cannot change between versions.`,
        },
      ]);
    }
    const version = await writeNextVersion(tx, procedure, checked.procedure, {
      principal,
      now,
      source: "api",
    });
    return { procedure: await lockProcedure(tx, procedure.id), version };
  });
}

// ---- offerings -------------------------------------------------------------------------------------------------

const COMMUNE_KINDS: UnitKind[] = ["commune", "ward", "township", "special_zone"];

/** Kinds of units that perform procedures of these levels. */
export function kindsForLevels(levels: readonly Level[]): UnitKind[] {
  const kinds = new Set<UnitKind>();
  for (const level of levels) {
    if (level === "commune") for (const k of COMMUNE_KINDS) kinds.add(k);
    else kinds.add(level);
  }
  return [...kinds];
}

export function parseLocal(value: unknown): LocalAdditions {
  const parsed = LocalAdditionsSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : NO_LOCAL_ADDITIONS;
}

async function assertLocalFits(tx: Executor, procedureId: string, local: LocalAdditions, day: string) {
  const doc = documentOf(await versionForReading(tx, procedureId, day));
  const unmatched = unmatchedLocalFees(doc, local);
  if (unmatched.length > 0) {
    throw new AppError("OFFERING_INVALID", {
      details: {
        issues: unmatched.map((label) => ({
          path: `local.fees.${(local.fees ?? []).findIndex((r) => r.label === label)}.label`,
          message: `Thủ tục không có khoản phí, lệ phí tên «${label}»; khoản phí địa phương phải trùng tên khoản phí của thủ tục.`,
          messageEn: `The procedure has no fee named «${label}»; a local fee must carry the name of one of its fees.`,
        })),
      },
    });
  }
}

type OfferingJoined = {
  id: string;
  unit_id: string;
  unit_code: string;
  unit_name: string;
  unit_kind: UnitKind;
  procedure_id: string;
  slug: string;
  code: string | null;
  name: string;
  field_code: string;
  local: unknown;
  pushed_code: string | null;
  pushed_name: string | null;
  active: boolean;
  version: number;
  updated_at: Date;
};

function offeringsQuery(db: Executor) {
  return db
    .selectFrom("procedure_offerings as o")
    .innerJoin("units as u", "u.id", "o.unit_id")
    .innerJoin("procedures as p", "p.id", "o.procedure_id")
    .innerJoin("procedure_versions as v", (join) =>
      join.onRef("v.procedure_id", "=", "p.id").onRef("v.version", "=", "p.latest_version"),
    )
    .leftJoin("units as pu", "pu.id", "o.pushed_from_unit_id")
    .select([
      "o.id",
      "o.unit_id",
      "u.code as unit_code",
      "u.name as unit_name",
      "u.kind as unit_kind",
      "o.procedure_id",
      "p.slug",
      "p.code",
      "v.name",
      "v.field_code",
      "o.local",
      "pu.code as pushed_code",
      "pu.name as pushed_name",
      "o.active",
      "o.version",
      "o.updated_at",
    ]);
}

export function toOffering(row: OfferingJoined): Offering {
  return {
    id: row.id,
    unit: { id: row.unit_id, code: row.unit_code, name: row.unit_name, kind: row.unit_kind },
    procedure: {
      id: row.procedure_id,
      slug: row.slug,
      code: row.code,
      name: row.name,
      fieldCode: row.field_code,
    },
    local: parseLocal(row.local),
    pushedFrom: row.pushed_code && row.pushed_name ? { code: row.pushed_code, name: row.pushed_name } : null,
    active: row.active,
    version: row.version,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export async function getOffering(db: Executor, id: string): Promise<Offering> {
  const row = await offeringsQuery(db).where("o.id", "=", id).executeTakeFirst();
  if (!row) throw new AppError("NOT_FOUND", { details: { entity: "offering", id } });
  return toOffering(row);
}

export async function listOfferings(
  db: Executor,
  unitId: string,
  includeInactive: boolean,
): Promise<Offering[]> {
  let q = offeringsQuery(db).where("o.unit_id", "=", unitId);
  if (!includeInactive) q = q.where("o.active", "=", true);
  const rows = await q.orderBy("v.field_code").orderBy("v.name").execute();
  return rows.map(toOffering);
}

export async function offerProcedure(
  db: Db,
  principal: Principal,
  input: z.infer<typeof OfferingInput>,
  now: Date,
): Promise<Offering> {
  return db.transaction().execute(async (tx) => {
    catalogWritten();
    const unit = await getUnitByCode(tx, input.unit);
    assertCan(principal, "catalog.manage", unit);
    if (!unit.active) throw new AppError("UNIT_INACTIVE");
    const procedure = await getProcedure(tx, input.procedure);
    const local = input.local ? LocalAdditionsSchema.parse(input.local) : NO_LOCAL_ADDITIONS;
    await assertLocalFits(tx, procedure.id, local, vietnamDay(now));
    const existing = await tx
      .selectFrom("procedure_offerings")
      .selectAll()
      .where("unit_id", "=", unit.id)
      .where("procedure_id", "=", procedure.id)
      .forUpdate()
      .executeTakeFirst();
    if (existing?.active) throw new AppError("OFFERING_EXISTS", { details: { id: existing.id } });
    let id: string;
    if (existing) {
      await tx
        .updateTable("procedure_offerings")
        .set({ active: true, local: JSON.stringify(local), version: existing.version + 1, updated_at: now })
        .where("id", "=", existing.id)
        .execute();
      id = existing.id;
    } else {
      const row = await tx
        .insertInto("procedure_offerings")
        .values({
          unit_id: unit.id,
          procedure_id: procedure.id,
          local: JSON.stringify(local),
          pushed_from_unit_id: null,
          created_at: now,
          updated_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      id = row.id;
    }
    await recordAudit(
      tx,
      {
        actor: actorOf(principal),
        action: "catalog.offering.create",
        entityType: "procedure_offering",
        entityId: id,
        unitId: unit.id,
        summary: { after: { procedure: procedure.slug, local }, reactivated: Boolean(existing) },
      },
      now,
    );
    return getOffering(tx, id);
  });
}

export async function updateOffering(
  db: Db,
  principal: Principal,
  id: string,
  input: z.infer<typeof OfferingUpdate>,
  now: Date,
): Promise<Offering> {
  return db.transaction().execute(async (tx) => {
    catalogWritten();
    const current = await tx
      .selectFrom("procedure_offerings")
      .selectAll()
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw new AppError("NOT_FOUND", { details: { entity: "offering", id } });
    assertCan(principal, "catalog.manage", await getUnit(tx, current.unit_id));
    // Authorized first, then the version: a stranger learns nothing of the row's version.
    await lockVersioned(tx, "procedure_offerings", id, input.version, "offering");
    const local = input.local ? LocalAdditionsSchema.parse(input.local) : parseLocal(current.local);
    if (input.local) await assertLocalFits(tx, current.procedure_id, local, vietnamDay(now));
    const active = input.active ?? current.active;
    await updateVersioned(tx, {
      table: "procedure_offerings",
      id,
      version: input.version,
      changes: { local: JSON.stringify(local), active, updated_at: now },
      audit: () => ({
        actor: actorOf(principal),
        action: active ? "catalog.offering.update" : "catalog.offering.withdraw",
        entityType: "procedure_offering",
        entityId: id,
        unitId: current.unit_id,
        summary: {
          before: { active: current.active, local: parseLocal(current.local) },
          after: { active, local },
        },
      }),
      now,
      entity: "offering",
    });
    return getOffering(tx, id);
  });
}

export interface PushOutcome {
  units: number;
  procedures: number;
  created: number;
  reactivated: number;
  unchanged: number;
}

/**
 * A district or province offers procedures to every active unit below it (of the kinds that perform them), in one
 * transaction with one audit event on the pushing unit's chain. Units that already offer a procedure keep their
 * local additions; withdrawn offerings are offered again.
 */
export async function pushProcedures(
  db: Db,
  principal: Principal,
  input: z.infer<typeof PushInput>,
  now: Date,
): Promise<PushOutcome> {
  return db.transaction().execute(async (tx) => {
    catalogWritten();
    const unit = await getUnitByCode(tx, input.unit);
    assertCan(principal, "catalog.manage", unit);
    if (!unit.active) throw new AppError("UNIT_INACTIVE");
    const procedures = new Map<string, ProcedureRow>();
    for (const ref of input.procedures) {
      const p = await getProcedure(tx, ref);
      procedures.set(p.id, p);
    }
    const day = vietnamDay(now);
    const below = await tx
      .selectFrom("units")
      .select(["id", "kind"])
      .where("path", "like", `${escapeLike(unit.path)}%`)
      .where("id", "!=", unit.id)
      .where("active", "=", true)
      .execute();
    const reached = new Set<string>();
    const outcome: PushOutcome = {
      units: 0,
      procedures: procedures.size,
      created: 0,
      reactivated: 0,
      unchanged: 0,
    };
    for (const procedure of procedures.values()) {
      const doc = documentOf(await versionForReading(tx, procedure.id, day));
      const kinds = new Set<UnitKind>(input.kinds ?? kindsForLevels(doc.levels));
      const targets = below.filter((u) => kinds.has(u.kind)).map((u) => u.id);
      if (targets.length === 0) continue;
      for (const t of targets) reached.add(t);
      const existing = await tx
        .selectFrom("procedure_offerings")
        .select(["id", "unit_id", "active"])
        .where("procedure_id", "=", procedure.id)
        .where("unit_id", "in", targets)
        .forUpdate()
        .execute();
      const byUnit = new Map(existing.map((e) => [e.unit_id, e]));
      const fresh = targets.filter((t) => !byUnit.has(t));
      const inactive = existing.filter((e) => !e.active).map((e) => e.id);
      outcome.unchanged += existing.length - inactive.length;
      for (let i = 0; i < fresh.length; i += 500) {
        await tx
          .insertInto("procedure_offerings")
          .values(
            fresh.slice(i, i + 500).map((unitId) => ({
              unit_id: unitId,
              procedure_id: procedure.id,
              local: JSON.stringify(NO_LOCAL_ADDITIONS),
              pushed_from_unit_id: unit.id,
              created_at: now,
              updated_at: now,
            })),
          )
          .execute();
      }
      outcome.created += fresh.length;
      if (inactive.length > 0) {
        await tx
          .updateTable("procedure_offerings")
          .set((eb) => ({
            active: true,
            pushed_from_unit_id: unit.id,
            version: eb("version", "+", 1),
            updated_at: now,
          }))
          .where("id", "in", inactive)
          .execute();
        outcome.reactivated += inactive.length;
      }
    }
    outcome.units = reached.size;
    await recordAudit(
      tx,
      {
        actor: actorOf(principal),
        action: "catalog.offering.push",
        entityType: "unit",
        entityId: unit.id,
        unitId: unit.id,
        summary: {
          ...outcome,
          procedures: [...procedures.values()].map((p) => p.slug),
          kinds: input.kinds ?? null,
        },
      },
      now,
    );
    return outcome;
  });
}
