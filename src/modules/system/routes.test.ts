import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/support/test-app.ts";

describe("GET /api/v1/system/status (the system administrator's view of the server)", () => {
  let ctx: TestContext;
  let lowCtx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ seed: true, env: { DISK_LOW_FREE_MB: "0" } });
    // No disk has a petabyte free: with that threshold every disk is reported low.
    lowCtx = await createTestContext({ seed: true, env: { DISK_LOW_FREE_MB: String(1024 ** 3) } });
  }, 120_000);
  afterAll(async () => {
    await ctx?.close();
    await lowCtx?.close();
  });

  it("reports the database up and each disk's free space, not low under a zero threshold", async () => {
    const admin = await ctx.as("admin");
    const res = await admin.get("/api/v1/system/status");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.database).toBe("up");
    expect(body.lowBelowBytes).toBe(0);
    expect(body.disks.length).toBeGreaterThan(0);
    for (const d of body.disks) {
      expect(d.freeBytes).toBeGreaterThan(0);
      expect(d.totalBytes).toBeGreaterThanOrEqual(d.freeBytes);
      expect(d.low).toBe(false);
    }
    expect((await ctx.client().get("/health")).json()).toEqual({ status: "ok" });
  });

  it("marks a disk low below DISK_LOW_FREE_MB, and /health and /health/ready carry the warning", async () => {
    const admin = await lowCtx.as("admin");
    const body = (await admin.get("/api/v1/system/status")).json();
    expect(body.lowBelowBytes).toBe(1024 ** 5);
    expect(body.disks.every((d: { low: boolean }) => d.low)).toBe(true);
    expect((await lowCtx.client().get("/health")).json()).toEqual({
      status: "ok",
      warnings: ["DISK_SPACE_LOW"],
    });
    const ready = await lowCtx.client().get("/health/ready");
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: "ready", database: "up", warnings: ["DISK_SPACE_LOW"] });
  });
});
