import { sql } from "kysely";
import { type Progress, silentProgress } from "../cli-progress.ts";
import type { Db } from "../db/database.ts";
import { seedCatalog } from "./demo-catalog.ts";
import { seedDemoCitizens } from "./demo-citizens.ts";
import { seedDemoDesks } from "./demo-desk.ts";
import { seedDemoDocumentSigning } from "./demo-document-signing.ts";
import { seedDemoDossiers } from "./demo-dossiers.ts";
import { seedDemoSigning } from "./demo-signing.ts";
import { seedUnitsAndStaff } from "./seed-units-staff.ts";

const SEED_LOCK_KEY = 7_262_001;

/**
 * Seeds demo data on an empty database, in one transaction. Returns false when data was already there.
 * An advisory lock keeps two processes starting together on one PostgreSQL from seeding twice.
 * With `signingKeySecret` (the server does this in demo mode) it also makes a test PKI and stores the demo
 * signing credentials sealed with that secret (the commune's, and the district's seal and deputy chairman for
 * documents): a few seconds of key generation and scrypt, which the test harness skips (signing and documents
 * tests call seedDemoSigning / seedDemoDocumentSigning themselves).
 */
export async function seedDemoIfEmpty(
  db: Db,
  now: Date,
  options: { signingKeySecret?: string; publicUrl?: string; progress?: Progress } = {},
): Promise<boolean> {
  const progress = options.progress ?? silentProgress;
  return db.transaction().execute(async (tx) => {
    await sql`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`.execute(tx);
    const existing = await tx.selectFrom("units").select("id").limit(1).executeTakeFirst();
    if (existing) return false;
    const steps: [string, () => Promise<unknown>][] = [
      ["units and staff", () => seedUnitsAndStaff(tx, now)],
      ["catalog", () => seedCatalog(tx, now)],
      ["citizens", () => seedDemoCitizens(tx, now)],
      ["desks", () => seedDemoDesks(tx, now)],
      [
        "dossiers",
        () =>
          seedDemoDossiers(tx, now, options.publicUrl ?? process.env.PUBLIC_URL ?? "http://localhost:3000"),
      ],
    ];
    const secret = options.signingKeySecret;
    if (secret) {
      steps.push(["signing keys", () => seedDemoSigning(tx, { serverSecret: secret, now })]);
      // The district's seal and its deputy chairman's certificate, so the documents flow works in the demo.
      steps.push(["document signing keys", () => seedDemoDocumentSigning(tx, { serverSecret: secret, now })]);
    }
    progress.phase("Seed", steps.length);
    for (const [, run] of steps) {
      await run();
      progress.advance();
    }
    progress.finish();
    return true;
  });
}
