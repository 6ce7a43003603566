/**
 * The short form of `npm run test:crash` for the suite: CRASH_KILLS (3 by default) kills of a server under a load
 * of counter receptions and online submissions, on the engine the run uses (PGlite, or PostgreSQL when
 * DATABASE_URL is set).
 */
import { describe, expect, it } from "vitest";
import { runCrashSuite } from "../crash/crash-suite.ts";
import { testDatabaseUrl } from "../support/engine.ts";

describe("crash safety under a load of counter receptions and online submissions", () => {
  it("keeps every acknowledged reception, upload and online submission, and nothing half-written, across SIGKILLs", async () => {
    const url = testDatabaseUrl();
    const summary = await runCrashSuite({
      engine: url ? "postgres" : "pglite",
      kills: Number.parseInt(process.env.CRASH_KILLS ?? "3", 10),
      ...(url ? { postgresUrl: url } : {}),
      workersPerOfficer: 2,
    });
    expect(summary.problems).toEqual([]);
    expect(summary.receptionsAnswered).toBeGreaterThan(0);
    expect(summary.submissionsAnswered).toBeGreaterThan(0);
    expect(summary.dossiersInDatabase).toBeGreaterThanOrEqual(summary.receptionsAnswered);
    // The outbox was delivered to the far side while the kills landed, each message once under its key.
    expect(summary.smsDelivered).toBeGreaterThanOrEqual(summary.receptionsAnswered);
    expect(summary.emailsDelivered).toBeGreaterThan(0);
  }, 900_000);
});
