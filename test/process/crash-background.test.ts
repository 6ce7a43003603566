/**
 * The short form of the background scenario of `npm run test:crash` for the suite: CRASH_KILLS (2 by default) kills
 * of a server whose background queues (report exports, hand-over prints, catalog imports, OCR, document reminders,
 * payment reconciliation) are busy, on the engine the run uses (PGlite, or PostgreSQL when DATABASE_URL is set).
 */
import { describe, expect, it } from "vitest";
import { runBackgroundCrash } from "../crash/background-crash.ts";
import { testDatabaseUrl } from "../support/engine.ts";

describe("crash safety of the background jobs", () => {
  it("does each job once across SIGKILLs: no file, import, reminder, settlement or message twice, none left behind", async () => {
    const url = testDatabaseUrl();
    const kills = Number.parseInt(process.env.CRASH_KILLS ?? "2", 10);
    const summary = await runBackgroundCrash({
      engine: url ? "postgres" : "pglite",
      kills,
      ...(url ? { postgresUrl: url } : {}),
    });
    expect(summary.problems).toEqual([]);
    // Three rounds in four enqueue all their work before the kill: two report files, one print, one import, two
    // assigned documents, two dossiers whose payments are settled with the gateway.
    expect(summary.catalogImports).toBeGreaterThan(0);
    expect(summary.reminders).toBeGreaterThan(0);
    const settled = summary.payments.paid + summary.payments.expired + summary.payments.failed;
    expect(settled).toBeGreaterThan(0);
    expect(summary.querydrCalls).toBeGreaterThanOrEqual(settled);
    // Each reminder is one e-mail to the assigned officer (the dossiers' applicants have no e-mail address).
    expect(summary.emailsDelivered).toBeGreaterThanOrEqual(summary.reminders);
  }, 900_000);
});
