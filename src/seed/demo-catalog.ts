import type { Tx } from "../db/database.ts";
import { realCatalog } from "../domain/catalog/catalog.ts";
import { NO_LOCAL_ADDITIONS } from "../domain/catalog/local.ts";
import { recordAudit } from "../modules/audit/audit-log.ts";
import type { Principal } from "../modules/auth/principal.ts";
import { kindsForLevels, writeNewProcedures } from "../modules/catalog/service.ts";

/** Seeding acts as the system; its audit events say so. */
const SYSTEM_PRINCIPAL: Principal = { kind: "anonymous" };
const SYSTEM = { kind: "system", id: null } as const;

/**
 * The shipped catalog of real commune-level procedures as the national catalog (version 1 of each), and every
 * demo commune, ward and township offering the procedures performed at its level.
 */
export async function seedCatalog(tx: Tx, now: Date): Promise<void> {
  const catalog = realCatalog();
  const ids = await writeNewProcedures(tx, catalog, null, {
    principal: SYSTEM_PRINCIPAL,
    now,
    source: "seed",
    actor: SYSTEM,
  });
  const units = await tx
    .selectFrom("units")
    .select(["id", "kind"])
    .where("active", "=", true)
    .where("kind", "in", kindsForLevels(["commune"]))
    .execute();
  const offered = catalog.filter((p) => p.levels.includes("commune"));
  const rows = units.flatMap((unit) =>
    offered.map((p) => ({
      unit_id: unit.id,
      procedure_id: ids.get(p.id) as string,
      local: JSON.stringify(NO_LOCAL_ADDITIONS),
      pushed_from_unit_id: null,
      created_at: now,
      updated_at: now,
    })),
  );
  for (let i = 0; i < rows.length; i += 1000) {
    await tx
      .insertInto("procedure_offerings")
      .values(rows.slice(i, i + 1000))
      .execute();
  }
  for (const unit of units) {
    await recordAudit(
      tx,
      {
        actor: SYSTEM,
        action: "catalog.offering.seed",
        entityType: "unit",
        entityId: unit.id,
        unitId: unit.id,
        summary: { procedures: offered.map((p) => p.id), seed: "demo" },
      },
      now,
    );
  }
}
