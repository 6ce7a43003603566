/**
 * The shared lease claim on a table of its own: a due job is claimed once, again only after its lease has run
 * out, and not after its last attempt.
 */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../test/support/test-db.ts";
import type { DbHandle } from "./connection.ts";
import { claimLeased } from "./job-lease.ts";

const NOW = new Date("2026-12-07T02:00:00Z");
const QUEUE = {
  table: "lease_probe",
  orderBy: "created_at",
  returning: ["id", "attempts"],
  maxAttempts: 2,
  leaseSeconds: 60,
} as const;

describe("claimLeased", () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb();
    await sql`CREATE TABLE lease_probe (
      id text PRIMARY KEY, status text NOT NULL, attempts integer NOT NULL DEFAULT 0,
      lease_until timestamptz, created_at timestamptz NOT NULL)`.execute(handle.db);
    await sql`INSERT INTO lease_probe (id, status, created_at) VALUES
      ('b', 'pending', ${new Date(NOW.getTime() - 1000)}), ('a', 'pending', ${new Date(NOW.getTime() - 2000)}),
      ('done', 'done', ${new Date(NOW.getTime() - 3000)})`.execute(handle.db);
  });
  afterAll(async () => {
    await handle.close();
  });

  const claim = (now: Date, limit = 10) =>
    claimLeased<{ id: string; attempts: number }>(handle.db, QUEUE, now, limit);

  it("claims due jobs oldest first, once within the lease, again after it, and never past the last attempt", async () => {
    expect(await claim(NOW, 1)).toEqual([{ id: "a", attempts: 1 }]);
    expect(await claim(NOW)).toEqual([{ id: "b", attempts: 1 }]);
    // Both are running with a lease of 60 s: nothing is due before it runs out.
    expect(await claim(new Date(NOW.getTime() + 59_000))).toEqual([]);
    const later = new Date(NOW.getTime() + 61_000);
    expect((await claim(later)).map((job) => [job.id, job.attempts])).toEqual([
      ["a", 2],
      ["b", 2],
    ]);
    // maxAttempts is 2: a lease run out after the second attempt is not taken up again.
    expect(await claim(new Date(later.getTime() + 61_000))).toEqual([]);
  });
});
