import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../test/support/test-db.ts";
import type { DbHandle } from "./connection.ts";
import { migrateToLatest } from "./migrate.ts";
import { migrations } from "./migrations/index.ts";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(async () => handle?.close());

describe("migrations", () => {
  it("have been applied in name order, and a second run applies nothing", async () => {
    const rows = await sql<{
      name: string;
    }>`SELECT name FROM schema_migrations ORDER BY timestamp, name`.execute(handle.db);
    expect(rows.rows.map((r) => r.name)).toEqual(Object.keys(migrations).sort());
    expect(await migrateToLatest(handle.db)).toEqual([]);
  });

  it("are forward-only", async () => {
    for (const migration of Object.values(migrations)) {
      await expect(migration.down?.(handle.db)).rejects.toThrow(/forward-only/);
    }
  });

  it("make accent-insensitive matching available to every engine", async () => {
    const row = await sql<{ v: string }>`SELECT f_unaccent('Chứng thực bản sao Đăng ký') AS v`.execute(
      handle.db,
    );
    expect(row.rows[0].v).toBe("chung thuc ban sao dang ky");
  });
});
