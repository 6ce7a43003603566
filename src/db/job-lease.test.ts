/**
 * The shared lease claim on a table of its own: a due job is claimed once, again only after its lease has run
 * out, and not after its last attempt.
 */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../test/support/test-db.ts";
import type { DbHandle } from "./connection.ts";
import { claimLeased, INTERRUPTED, runFileJobs } from "./job-lease.ts";

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

describe("runFileJobs", () => {
  let handle: DbHandle;
  const FILE_QUEUE = { ...QUEUE, table: "file_probe" } as const;
  beforeAll(async () => {
    handle = await createTestDb();
    await sql`CREATE TABLE file_probe (
      id text PRIMARY KEY, status text NOT NULL, attempts integer NOT NULL DEFAULT 0, lease_until timestamptz,
      created_at timestamptz NOT NULL, content bytea, filename text, error text, finished_at timestamptz)`.execute(
      handle.db,
    );
    await sql`INSERT INTO file_probe (id, status, created_at) VALUES
      ('good', 'pending', ${new Date(NOW.getTime() - 2000)}), ('bad', 'pending', ${new Date(NOW.getTime() - 1000)})`.execute(
      handle.db,
    );
  });
  afterAll(async () => {
    await handle.close();
  });

  const row = async (id: string) =>
    (
      await sql<{
        status: string;
        content: Uint8Array | null;
        filename: string | null;
        error: string | null;
      }>`
        SELECT status, content, filename, error FROM file_probe WHERE id = ${id}`.execute(handle.db)
    ).rows[0];
  const make = async (job: { id: string }) => {
    if (job.id === "bad") throw new Error("the drawing failed");
    return { content: new Uint8Array([37, 80, 68, 70]), filename: `${job.id}.pdf` };
  };

  it("keeps the made file on its row; a failure is retried, then failed after the queue's last attempt", async () => {
    expect(await runFileJobs(handle.db, FILE_QUEUE, NOW, 10, make)).toEqual({ done: 1, failed: 1 });
    const good = await row("good");
    expect([good?.status, good?.filename, [...(good?.content ?? [])]]).toEqual([
      "done",
      "good.pdf",
      [37, 80, 68, 70],
    ]);
    // First of two attempts (maxAttempts 2): back to pending with the message, due again at once.
    expect(await row("bad")).toMatchObject({ status: "pending", error: "the drawing failed" });
    expect(await runFileJobs(handle.db, FILE_QUEUE, NOW, 10, make)).toEqual({ done: 0, failed: 1 });
    expect((await row("bad"))?.status).toBe("failed");
    expect(await runFileJobs(handle.db, FILE_QUEUE, NOW, 10, make)).toEqual({ done: 0, failed: 0 });
  });

  it("closes a job whose last attempt died with its process as failed, instead of leaving it running for ever", async () => {
    const later = new Date(NOW.getTime() + 10 * 60_000);
    const expired = new Date(later.getTime() - 1000);
    await sql`INSERT INTO file_probe (id, status, attempts, lease_until, created_at) VALUES
      ('cut-last', 'running', 2, ${expired}, ${NOW}), ('cut-first', 'running', 1, ${expired}, ${NOW})`.execute(
      handle.db,
    );
    const GIVING_UP = { ...FILE_QUEUE, giveUp: { error: "error", finishedAt: "finished_at" } } as const;
    const claimed = await claimLeased<{ id: string; attempts: number }>(handle.db, GIVING_UP, later, 10);
    // The first attempt's lease ran out: taken up again as the second (and last) attempt.
    expect(claimed).toEqual([{ id: "cut-first", attempts: 2 }]);
    expect(await row("cut-last")).toMatchObject({ status: "failed", error: INTERRUPTED });
    const finished = await sql<{ finished_at: Date | null }>`
      SELECT finished_at FROM file_probe WHERE id = 'cut-last'`.execute(handle.db);
    expect(new Date(finished.rows[0]?.finished_at ?? 0).getTime()).toBe(later.getTime());
  });

  it("a pass whose lease was taken over neither sends the finished job back to pending nor overwrites its file", async () => {
    await sql`INSERT INTO file_probe (id, status, created_at) VALUES ('slow', 'pending', ${NOW})`.execute(
      handle.db,
    );
    const start = new Date(NOW.getTime() + 3_600_000);
    const SLOW = { ...FILE_QUEUE, maxAttempts: 3 } as const;
    let made = 0;
    const first = runFileJobs<{ id: string; attempts: number }>(handle.db, SLOW, start, 10, async (job) => {
      if (job.id !== "slow") return make(job);
      made++;
      if (job.attempts === 1) {
        // While the first pass still works, its lease runs out and a second pass takes the job and finishes it.
        const second = await runFileJobs<{ id: string; attempts: number }>(
          handle.db,
          SLOW,
          new Date(start.getTime() + 61_000),
          10,
          async (j) => ({ content: new Uint8Array([2]), filename: `${j.id}-second.pdf` }),
        );
        expect(second).toEqual({ done: 1, failed: 0 });
        throw new Error("the first pass fails late");
      }
      return { content: new Uint8Array([1]), filename: "never.pdf" };
    });
    // (The earlier test's job left on its last attempt is made too, by the same pass: that is the done one.)
    expect(await first).toEqual({ done: 1, failed: 1 });
    expect(made).toBe(1);
    expect(await row("slow")).toMatchObject({ status: "done", filename: "slow-second.pdf", error: null });
    // Nothing left to make: the job is not made a third time.
    expect(await runFileJobs(handle.db, SLOW, new Date(start.getTime() + 200_000), 10, make)).toEqual({
      done: 0,
      failed: 0,
    });
  });
});
