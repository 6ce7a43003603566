/**
 * Catalog imports as jobs (issue 23, item 10): the upload is checked at once (a bad file is the same 422 list of
 * issues as the synchronous import), a good one answers 202 with done 0 of N procedures; the job then writes it all
 * or nothing, its progress climbing to N/N, and finishes with the synchronous import's result. A write that fails
 * part-way (a code already held by another procedure, found only against the catalog) leaves nothing written and
 * the job reports the errors. Only the officer who asked and an administrator of their unit read the job.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestClient, type TestContext } from "../../../test/support/test-app.ts";
import type { ImportJob, ImportResult } from "../../contracts/catalog.ts";
import type { Procedure } from "../../domain/catalog/procedure-schema.ts";
import { checkImport, writeImport } from "./transfer.ts";

let ctx: TestContext;
let admin: TestClient;
let catalog: { procedures: Procedure[] } & Record<string, unknown>;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.as("admin");
  const res = await admin.get("/api/v1/catalog/export?format=json");
  expect(res.statusCode).toBe(200);
  catalog = JSON.parse(res.body) as typeof catalog;
});
afterAll(async () => ctx?.close());

function fileOf(procedures: Procedure[]): string {
  return Buffer.from(JSON.stringify({ ...catalog, procedures })).toString("base64");
}

async function until(client: TestClient, id: string): Promise<ImportJob[]> {
  const seen: ImportJob[] = [];
  for (let i = 0; i < 600; i++) {
    const res = await client.get(`/api/v1/catalog/import-jobs/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    const job = res.json() as ImportJob;
    seen.push(job);
    if (job.status === "done" || job.status === "failed") return seen;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the import job did not finish");
}

async function slugs(): Promise<string[]> {
  const rows = await ctx.handle.db.selectFrom("procedures").select("slug").orderBy("slug").execute();
  return rows.map((r) => r.slug);
}

describe("catalog import jobs", () => {
  let job: ImportJob;

  it("answers 202 with 0 of N procedures, climbs to N/N and ends with the synchronous import's result", async () => {
    const n = catalog.procedures.length;
    expect(n).toBeGreaterThan(10);
    const sync = await admin.post("/api/v1/catalog/import", {
      format: "json",
      file: fileOf(catalog.procedures),
      dryRun: true,
    });
    expect(sync.statusCode, sync.body).toBe(200);
    const res = await admin.post("/api/v1/catalog/import-jobs", {
      format: "json",
      file: fileOf(catalog.procedures),
    });
    expect(res.statusCode, res.body).toBe(202);
    job = res.json() as ImportJob;
    expect(job).toMatchObject({ status: "pending", done: 0, total: n, result: null, issues: [] });
    const seen = await until(admin, job.id);
    const last = seen.at(-1) as ImportJob;
    expect(last).toMatchObject({ status: "done", done: n, total: n, errorCode: null });
    for (let i = 1; i < seen.length; i++)
      expect(seen[i]?.done).toBeGreaterThanOrEqual(seen[i - 1]?.done ?? 0);
    // The catalog imported back onto itself: every procedure unchanged, as the synchronous dry run said.
    expect(last.result).toEqual({ ...(sync.json() as ImportResult), dryRun: false });
    expect(last.result?.unchanged).toBe(n);
    job = last;
  });

  it("is told of each procedure written, 1 to N in order, inside the one transaction", async () => {
    const staff = await ctx.handle.db
      .selectFrom("staff")
      .innerJoin("units", "units.id", "staff.unit_id")
      .select(["staff.id", "staff.unit_id", "staff.roles", "units.path"])
      .where("staff.username", "=", "admin")
      .executeTakeFirstOrThrow();
    const officer = {
      kind: "staff" as const,
      staffId: staff.id,
      username: "admin",
      fullName: "",
      unitId: staff.unit_id,
      unitPath: staff.path,
      roles: staff.roles,
      sessionHash: "",
    };
    const now = ctx.clock.now;
    const input = { format: "json" as const, file: fileOf(catalog.procedures), dryRun: true };
    const checked = await checkImport(ctx.handle.db, officer, input, now);
    const steps: number[] = [];
    await writeImport(ctx.handle.db, officer, checked, now, {
      onProgress: (done, total) => {
        expect(total).toBe(catalog.procedures.length);
        steps.push(done);
      },
    });
    expect(steps).toEqual(Array.from({ length: catalog.procedures.length }, (_, i) => i + 1));
  });

  it("a bad file is refused at once with every issue (422 IMPORT_INVALID), and no job is made", async () => {
    const before = await ctx.handle.db.selectFrom("import_jobs").select("id").execute();
    const broken = [{ ...catalog.procedures[0], name: "" } as unknown as Procedure];
    const res = await admin.post("/api/v1/catalog/import-jobs", { format: "json", file: fileOf(broken) });
    expect(res.statusCode, res.body).toBe(422);
    const body = res.json() as { error: { code: string; details: { issues: unknown[] } } };
    expect(body.error.code).toBe("IMPORT_INVALID");
    expect(body.error.details.issues.length).toBeGreaterThan(0);
    expect(await ctx.handle.db.selectFrom("import_jobs").select("id").execute()).toHaveLength(before.length);
  });

  it("a write that fails part-way leaves nothing written and the job reports the errors", async () => {
    const [first, second, third] = catalog.procedures.filter((p) => p.code.value !== null);
    if (!first || !second || !third) throw new Error("the demo catalog has coded procedures");
    // A new procedure first (it would be created), then one whose code another procedure already holds: that is
    // known only against the catalog, inside the write.
    const fresh = {
      ...first,
      id: "thu-tuc-nhap-moi-kiem-thu",
      code: { status: "synthetic", value: "9.900001" },
    };
    const clash = {
      ...second,
      id: "thu-tuc-trung-ma-kiem-thu",
      code: { ...second.code, value: third.code.value },
    };
    const before = await slugs();
    const res = await admin.post("/api/v1/catalog/import-jobs", {
      format: "json",
      file: fileOf([fresh, clash] as Procedure[]),
    });
    expect(res.statusCode, res.body).toBe(202);
    const last = (await until(admin, (res.json() as ImportJob).id)).at(-1) as ImportJob;
    expect(last).toMatchObject({ status: "failed", errorCode: "IMPORT_INVALID", result: null });
    expect(last.issues).toEqual([
      expect.objectContaining({ row: 2, path: "code", messageEn: expect.stringContaining(third.id) }),
    ]);
    expect(await slugs()).toEqual(before);
  });

  it("is read by the officer who asked and an administrator of their unit; anyone else gets 404", async () => {
    const communeAdmin = await ctx.as("quantri.quangthuan");
    const unit = await ctx.handle.db
      .selectFrom("staff")
      .innerJoin("units", "units.id", "staff.unit_id")
      .select("units.code")
      .where("staff.username", "=", "quantri.quangthuan")
      .executeTakeFirstOrThrow();
    const [first] = catalog.procedures;
    const fresh = {
      ...first,
      id: "thu-tuc-cua-xa-kiem-thu",
      code: { status: "synthetic", value: "9.900002" },
    } as Procedure;
    const res = await communeAdmin.post("/api/v1/catalog/import-jobs", {
      format: "json",
      file: fileOf([fresh]),
      owner: unit.code,
      dryRun: true,
    });
    expect(res.statusCode, res.body).toBe(202);
    const id = (res.json() as ImportJob).id;
    const last = (await until(communeAdmin, id)).at(-1) as ImportJob;
    expect(last).toMatchObject({ status: "done", dryRun: true, done: 1, total: 1 });
    expect(last.result).toMatchObject({ created: 1 });
    expect(await slugs()).not.toContain("thu-tuc-cua-xa-kiem-thu");
    const districtAdmin = await ctx.as("quantri.bachthong");
    expect((await districtAdmin.get(`/api/v1/catalog/import-jobs/${id}`)).statusCode).toBe(200);
    expect((await admin.get(`/api/v1/catalog/import-jobs/${id}`)).statusCode).toBe(200);
    const reception = await ctx.as("tiepnhan.quangthuan");
    expect((await reception.get(`/api/v1/catalog/import-jobs/${id}`)).statusCode).toBe(404);
    expect((await communeAdmin.get(`/api/v1/catalog/import-jobs/${job.id}`)).statusCode).toBe(404);
    expect((await ctx.client().get(`/api/v1/catalog/import-jobs/${id}`)).statusCode).toBe(401);
  });
});
