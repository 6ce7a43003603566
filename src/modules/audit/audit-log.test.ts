import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/support/test-app.ts";
import { recordAudit, verifyAuditLog } from "./audit-log.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

const SYSTEM = { kind: "system", id: null } as const;

describe("audit chain", () => {
  it("verifies the chain written by the demo seed", async () => {
    const result = await verifyAuditLog(ctx.handle.db);
    expect(result.ok).toBe(true);
    expect(result.entries).toBeGreaterThan(40);
    expect(result.chains).toBeGreaterThan(20);
  });

  it("refuses UPDATE and DELETE on the log in the database itself", async () => {
    await expect(sql`UPDATE audit_log SET action = 'x' WHERE id = 1`.execute(ctx.handle.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`DELETE FROM audit_log WHERE id = 1`.execute(ctx.handle.db)).rejects.toThrow(
      /append-only/,
    );
  });

  it("keeps one gap-free sequence per chain under concurrent appends", async () => {
    const unitId = await ctx.unitId("000.05.31.H06");
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        ctx.handle.db.transaction().execute((tx) =>
          recordAudit(tx, {
            actor: SYSTEM,
            action: "test.concurrent",
            entityType: "test",
            entityId: String(i),
            unitId,
            summary: { i },
          }),
        ),
      ),
    );
    const seqs = await ctx.handle.db
      .selectFrom("audit_log")
      .select("seq")
      .where("chain", "=", unitId)
      .orderBy("seq")
      .execute();
    expect(seqs.map((s) => Number(s.seq))).toEqual(seqs.map((_, i) => i + 1));
    expect((await verifyAuditLog(ctx.handle.db)).ok).toBe(true);
  });

  it("names the first tampered entry", async () => {
    const target = await ctx.handle.db
      .selectFrom("audit_log")
      .select(["id", "chain", "seq"])
      .where("action", "=", "staff.create")
      .orderBy("id")
      .offset(3)
      .executeTakeFirstOrThrow();
    await ctx.handle.db.transaction().execute(async (tx) => {
      await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change`.execute(tx);
      await sql`UPDATE audit_log SET summary = '{"after":{"username":"ke.gian","roles":["system_admin"]}}' WHERE id = ${target.id}`.execute(
        tx,
      );
      await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change`.execute(tx);
    });
    const result = await verifyAuditLog(ctx.handle.db);
    expect(result.ok).toBe(false);
    expect(result.firstBreak).toMatchObject({ id: Number(target.id), reason: "hash_mismatch" });
  });
});

describe("npx motcua audit-verify", () => {
  it("exits 0 on an intact chain and 1 naming the entry after tampering", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "motcua-audit-cli-"));
    const run = promisify(execFile);
    // The CLI runs on its own embedded database, whatever engine the suite uses.
    const { DATABASE_URL: _ignored, ...inherited } = process.env;
    const env = { ...inherited, DATA_DIR: dataDir, LOG_LEVEL: "silent" };
    const bin = path.resolve("bin/motcua.js");
    try {
      await run(process.execPath, [bin, "seed"], { env });
      const ok = await run(process.execPath, [bin, "audit-verify"], { env });
      expect(JSON.parse(ok.stdout).ok).toBe(true);

      const tamper = `
        import { openDatabase } from "./src/db/connection.ts";
        import { sql } from "kysely";
        const h = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR });
        await sql\`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change\`.execute(h.db);
        await sql\`UPDATE audit_log SET action = 'unit.delete' WHERE id = 5\`.execute(h.db);
        await sql\`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change\`.execute(h.db);
        await h.close();`;
      await run(process.execPath, ["--import", "tsx", "--input-type=module", "-e", tamper], { env });
      const failed = await run(process.execPath, [bin, "audit-verify"], { env }).then(
        () => null,
        (e: { code: number; stdout: string; stderr: string }) => e,
      );
      expect(failed?.code).toBe(1);
      expect(failed?.stderr).toContain("id=5");
      expect(JSON.parse(failed?.stdout ?? "{}").firstBreak.id).toBe(5);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 600_000);
});
