import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/support/test-app.ts";
import type { AppError } from "../../errors.ts";
import { lockVersioned, updateVersioned } from "./versioned-update.ts";

let ctx: TestContext;
let unitId: string;
beforeAll(async () => {
  ctx = await createTestContext();
  unitId = await ctx.unitId("000.05.31.H06");
});
afterAll(async () => ctx?.close());

const SYSTEM = { kind: "system", id: null } as const;

async function unitRow() {
  return ctx.handle.db.selectFrom("units").selectAll().where("id", "=", unitId).executeTakeFirstOrThrow();
}

async function auditCount(action: string): Promise<number> {
  const rows = await ctx.handle.db
    .selectFrom("audit_log")
    .select("id")
    .where("action", "=", action)
    .execute();
  return rows.length;
}

function rename(version: number, name: string, action = "test.rename") {
  return ctx.handle.db.transaction().execute((tx) =>
    updateVersioned(tx, {
      table: "units",
      id: unitId,
      version,
      changes: { short_name: name },
      audit: (after) => ({
        actor: SYSTEM,
        action,
        entityType: "unit",
        entityId: after.id,
        unitId: after.id,
        summary: { after: { shortName: after.short_name } },
      }),
      now: ctx.clock.now,
    }),
  );
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return error as AppError;
  }
  throw new Error("expected a rejection");
}

describe("updateVersioned", () => {
  it("applies the change, sets the next version and records the audit event", async () => {
    const before = await unitRow();
    const audits = await auditCount("test.rename");
    const after = await rename(before.version, "Một");
    // The next version is the one read plus one.
    expect(after.version).toBe(before.version + 1);
    expect(after.short_name).toBe("Một");
    expect((await unitRow()).version).toBe(before.version + 1);
    expect(await auditCount("test.rename")).toBe(audits + 1);
  });

  it("refuses a stale version with 409 CONFLICT naming the current version, and changes nothing", async () => {
    const before = await unitRow();
    const audits = await auditCount("test.rename");
    const error = await rejection(rename(before.version - 1, "Cũ"));
    expect(error.code).toBe("CONFLICT");
    expect(error.status).toBe(409);
    expect(error.details).toEqual({ currentVersion: before.version });
    expect((await unitRow()).short_name).toBe(before.short_name);
    expect(await auditCount("test.rename")).toBe(audits);
  });

  it("lets only one of two writers of the same version win", async () => {
    const before = await unitRow();
    const results = await Promise.allSettled([rename(before.version, "A"), rename(before.version, "B")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((lost.reason as AppError).code).toBe("CONFLICT");
    expect((await unitRow()).version).toBe(before.version + 1);
  });

  it("answers 404 NOT_FOUND for a row that does not exist", async () => {
    const id = randomUUID();
    const error = await rejection(
      ctx.handle.db.transaction().execute((tx) =>
        updateVersioned(tx, {
          table: "units",
          id,
          version: 1,
          changes: { short_name: "x" },
          audit: () => ({
            actor: SYSTEM,
            action: "x",
            entityType: "unit",
            entityId: id,
            unitId: null,
            summary: {},
          }),
          now: ctx.clock.now,
          entity: "unit",
        }),
      ),
    );
    expect(error.code).toBe("NOT_FOUND");
    expect(error.details).toEqual({ entity: "unit", id });
  });

  it("writes the change and its audit event in the caller's transaction: both roll back together", async () => {
    const before = await unitRow();
    const audits = await auditCount("test.rolled_back");
    await expect(
      ctx.handle.db.transaction().execute(async (tx) => {
        await updateVersioned(tx, {
          table: "units",
          id: unitId,
          version: before.version,
          changes: { short_name: "Sẽ mất" },
          audit: (after) => ({
            actor: SYSTEM,
            action: "test.rolled_back",
            entityType: "unit",
            entityId: after.id,
            unitId: after.id,
            summary: {},
          }),
          now: ctx.clock.now,
        });
        throw new Error("later step fails");
      }),
    ).rejects.toThrow("later step fails");
    const now = await unitRow();
    expect(now.version).toBe(before.version);
    expect(now.short_name).toBe(before.short_name);
    expect(await auditCount("test.rolled_back")).toBe(audits);
  });
});

describe("lockVersioned", () => {
  it("returns the locked row at the expected version, 409 at another, 404 when missing", async () => {
    const before = await unitRow();
    const row = await ctx.handle.db
      .transaction()
      .execute((tx) => lockVersioned(tx, "units", unitId, before.version));
    expect(row.id).toBe(unitId);
    const stale = await rejection(
      ctx.handle.db.transaction().execute((tx) => lockVersioned(tx, "units", unitId, before.version + 1)),
    );
    expect(stale.code).toBe("CONFLICT");
    expect(stale.details).toEqual({ currentVersion: before.version });
    const id = randomUUID();
    const missing = await rejection(
      ctx.handle.db.transaction().execute((tx) => lockVersioned(tx, "units", id, 1, "unit")),
    );
    expect(missing.code).toBe("NOT_FOUND");
    expect(missing.details).toEqual({ entity: "unit", id });
  });
});
