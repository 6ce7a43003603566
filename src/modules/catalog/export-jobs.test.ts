/**
 * Catalog exports as jobs (issue 23, item 10): the request answers 202 at once with the job; its progress goes from
 * reading through every procedure to writing the file (done of total, never past it); once done the file is the
 * same export as the direct download; only the officer who asked sees the job and its file.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestClient, type TestContext } from "../../../test/support/test-app.ts";
import type { ExportJob } from "../../contracts/catalog.ts";

let ctx: TestContext;
let admin: TestClient;
let other: TestClient;

beforeAll(async () => {
  ctx = await createTestContext();
  [admin, other] = await Promise.all([ctx.as("admin"), ctx.as("tiepnhan.quangthuan")]);
});
afterAll(async () => ctx?.close());

async function until(client: TestClient, id: string): Promise<ExportJob[]> {
  const seen: ExportJob[] = [];
  for (let i = 0; i < 300; i++) {
    const res = await client.get(`/api/v1/catalog/export-jobs/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    const job = res.json() as ExportJob;
    seen.push(job);
    if (job.status !== "running") return seen;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the export job did not finish");
}

describe("catalog export jobs", () => {
  let job: ExportJob;

  it("answers 202 with the job at once, then reports its progress up to done", async () => {
    const res = await admin.post("/api/v1/catalog/export-jobs", { format: "json" });
    expect(res.statusCode, res.body).toBe(202);
    job = res.json() as ExportJob;
    expect(job).toMatchObject({ format: "json", fileUrl: null, errorCode: null });
    const seen = await until(admin, job.id);
    const last = seen.at(-1) as ExportJob;
    expect(last.status).toBe("done");
    expect(last.done).toBe(last.total);
    for (const s of seen) expect(s.done).toBeLessThanOrEqual(s.total);
    for (let i = 1; i < seen.length; i++)
      expect(seen[i]?.done).toBeGreaterThanOrEqual(seen[i - 1]?.done ?? 0);
    expect(last.fileUrl).toBe(`/api/v1/catalog/export-jobs/${job.id}/file`);
    job = last;
  });

  it("gives the same file as the direct export", async () => {
    const file = await admin.get(job.fileUrl as string);
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-disposition"]).toContain(job.filename as string);
    const direct = await admin.get("/api/v1/catalog/export?format=json");
    expect(file.body).toBe(direct.body);
    // Its steps were reading, one per procedure, writing: the file's procedures plus two.
    const procedures = (JSON.parse(file.body) as { procedures: unknown[] }).procedures;
    expect(procedures.length).toBeGreaterThan(10);
    expect(job.total).toBe(procedures.length + 2);
  });

  it("is the asker's alone: another officer gets 404, a visitor 401", async () => {
    expect((await other.get(`/api/v1/catalog/export-jobs/${job.id}`)).statusCode).toBe(404);
    expect((await other.get(`/api/v1/catalog/export-jobs/${job.id}/file`)).statusCode).toBe(404);
    expect((await ctx.client().get(`/api/v1/catalog/export-jobs/${job.id}`)).statusCode).toBe(401);
  });

  it("makes the workbook too", async () => {
    const res = await admin.post("/api/v1/catalog/export-jobs", { format: "xlsx" });
    expect(res.statusCode, res.body).toBe(202);
    const last = (await until(admin, (res.json() as ExportJob).id)).at(-1) as ExportJob;
    expect(last.status).toBe("done");
    const file = await admin.get(last.fileUrl as string);
    expect(file.rawPayload.subarray(0, 2).toString()).toBe("PK");
  });
});
