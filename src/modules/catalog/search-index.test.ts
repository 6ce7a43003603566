import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl, withDatabase } from "../../../test/support/engine.ts";
import { createTestDb } from "../../../test/support/test-db.ts";
import { type DbHandle, openPostgres } from "../../db/connection.ts";
import type { Db } from "../../db/database.ts";
import { seedDemoIfEmpty } from "../../seed/demo.ts";
import { CHECK_EVERY_MS, catalogIndexFor, catalogWritten, searchProcedures } from "./search-index.ts";

const NOW = new Date("2026-11-24T02:00:00Z");
const DAY = "2026-11-24";
const QUANG_THUAN = "000.17.31.H06";
const url = testDatabaseUrl();

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
  await seedDemoIfEmpty(handle.db, NOW);
});
afterAll(async () => handle?.close());

const query = (q: string) => ({ q, limit: 20, offset: 0 });

/** Renames the version of a procedure in force today, as another process or a tool would: plain SQL, no hook. */
async function rename(db: Db, slug: string, name: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await sql`
      UPDATE procedure_versions v SET name = ${name}
      FROM procedures p
      WHERE p.id = v.procedure_id AND p.slug = ${slug}
        AND v.effective_from <= ${DAY} AND (v.superseded_from IS NULL OR v.superseded_from > ${DAY})
    `.execute(tx);
  });
}

async function catalogVersion(db: Db): Promise<number> {
  const row = await db.selectFrom("catalog_state").select("version").executeTakeFirstOrThrow();
  return Number(row.version);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("catalog index in one process", () => {
  it("answers a search after this process's catalog write from the new catalog at once", async () => {
    // An interval no test waits for: only the write's own signal can make the index read the version.
    const index = catalogIndexFor(handle.db, 3_600_000);
    expect((await index.search(query("thu tuc doi ten mot"), DAY, null)).total).toBe(0);
    const before = await index.version();

    await rename(handle.db, "chung-thuc-chu-ky", "Thủ tục đổi tên một");
    // Without the signal the index keeps its snapshot until the interval ends (what other processes rely on
    // the version read for).
    expect((await index.search(query("thu tuc doi ten mot"), DAY, null)).total).toBe(0);
    catalogWritten();
    const found = await index.search(query("thu tuc doi ten mot"), DAY, null);
    expect(found.items.map((i) => i.slug)).toEqual(["chung-thuc-chu-ky"]);
    // One transaction, one bump (however many rows it changed).
    expect(await index.version()).toBe(before + 1);
  });

  it("bumps the version with each kind of write search depends on", async () => {
    const seen = [await catalogVersion(handle.db)];
    const unit = await handle.db
      .selectFrom("units")
      .select("id")
      .where("code", "=", QUANG_THUAN)
      .executeTakeFirstOrThrow();
    const writes = [
      sql`UPDATE procedures SET updated_at = now() WHERE slug = 'dang-ky-khai-sinh'`,
      sql`UPDATE procedure_offerings SET active = false WHERE unit_id = ${unit.id}`,
      sql`UPDATE procedure_offerings SET active = true WHERE unit_id = ${unit.id}`,
      sql`UPDATE catalog_fields SET note = 'x' WHERE code = 'ho-tich'`,
      sql`UPDATE units SET active = active WHERE id = ${unit.id}`,
    ];
    for (const write of writes) {
      await handle.db.transaction().execute((tx) => write.execute(tx));
      seen.push(await catalogVersion(handle.db));
    }
    // Each write moved the number by one.
    expect(seen).toEqual(seen.map((_, i) => (seen[0] as number) + i));
    // A unit's other columns do not concern search.
    await sql`UPDATE units SET phone = '0209 000 000' WHERE id = ${unit.id}`.execute(handle.db);
    expect(await catalogVersion(handle.db)).toBe(seen[seen.length - 1]);
  });

  it("filters a unit's offering from memory as the database says", async () => {
    const unit = await handle.db
      .selectFrom("units")
      .select("id")
      .where("code", "=", QUANG_THUAN)
      .executeTakeFirstOrThrow();
    const offered = await handle.db
      .selectFrom("procedure_offerings")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("unit_id", "=", unit.id)
      .where("active", "=", true)
      .executeTakeFirstOrThrow();
    const r = await searchProcedures(handle.db, { limit: 100, offset: 0 }, DAY, unit.id);
    expect(r.total).toBe(Number(offered.n));
  });
});

describe.skipIf(!url)("catalog index across processes (PostgreSQL; PGlite is one process)", () => {
  let other: DbHandle;
  beforeAll(async () => {
    const name = (await sql<{ name: string }>`SELECT current_database() AS name`.execute(handle.db)).rows[0]
      ?.name;
    other = await openPostgres(withDatabase(url as string, name as string), 2);
  });
  afterAll(async () => other?.close());

  it("sees a change another process committed within the check interval", async () => {
    expect((await searchProcedures(handle.db, query("ten moi tu tien trinh khac"), DAY, null)).total).toBe(0);
    await rename(other.db, "dang-ky-ket-hon", "Tên mới từ tiến trình khác");
    await sleep(CHECK_EVERY_MS + 100);
    const r = await searchProcedures(handle.db, query("ten moi tu tien trinh khac"), DAY, null);
    expect(r.items.map((i) => i.slug)).toEqual(["dang-ky-ket-hon"]);
  });

  it("never answers from the old index once the version it reads has moved", async () => {
    const index = catalogIndexFor(handle.db, 0);
    expect((await index.search(query("lan doi ten thu hai"), DAY, null)).total).toBe(0);
    for (let round = 1; round <= 3; round++) {
      const name = `Lần đổi tên thứ hai số ${round}`;
      await rename(other.db, "dang-ky-ket-hon", name);
      const r = await index.search(query(name), DAY, null);
      expect(r.items[0]?.name, name).toBe(name);
      expect(await index.version()).toBe(await catalogVersion(other.db));
    }
  });
});
