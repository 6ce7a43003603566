/**
 * Gap-free numbering under concurrency (NĐ 30/2020 Điều 15: from 01, never skipping or repeating): 50 documents of
 * one register issued at once get 1…50, each exactly once. On PostgreSQL the issuers really run in parallel and
 * queue on the register row; on PGlite they are serialised by its single connection.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { samplePdf } from "../../signing/test-support.ts";
import { actorOf, type StaffPrincipal } from "../auth/principal.ts";
import { storeBytes } from "../files/store-upload.ts";
import { takeNumber } from "./numbering.ts";
import { issueDocument } from "./signing.ts";
import { DEMO_PASSWORD, type DocumentsTestContext, documentsTestContext } from "./test-support.ts";

let ctx: DocumentsTestContext;
let clerk: StaffPrincipal;

beforeAll(async () => {
  ctx = await documentsTestContext();
  const row = await ctx.handle.db
    .selectFrom("staff as s")
    .innerJoin("units as u", "u.id", "s.unit_id")
    .select(["s.id", "s.username", "s.full_name", "s.unit_id", "u.path", "s.roles"])
    .where("s.username", "=", "vanthu.bachthong")
    .executeTakeFirstOrThrow();
  clerk = {
    kind: "staff",
    staffId: row.id,
    username: row.username,
    fullName: row.full_name,
    unitId: row.unit_id,
    unitPath: row.path,
    roles: row.roles,
    sessionHash: "test",
  };
}, 120_000);
afterAll(async () => ctx?.close());

async function signedDocuments(count: number): Promise<string[]> {
  const pdf = await samplePdf();
  const now = ctx.clock.now;
  return ctx.handle.db.transaction().execute(async (tx) => {
    const file = await storeBytes(
      tx,
      ctx.app.deps.files,
      { bytes: pdf, name: "da-ky.pdf", mime: "application/pdf" },
      { unitId: clerk.unitId, purpose: "signed_document", actor: actorOf(clerk), now },
    );
    const rows = await tx
      .insertInto("documents")
      .values(
        Array.from({ length: count }, (_, i) => ({
          unit_id: clerk.unitId,
          direction: "outgoing" as const,
          status: "signed" as const,
          type_code: "thong-bao",
          summary: `Thông báo thử số ${i + 1}`,
          signed_file_id: file.id,
          current_file_id: file.id,
          signature_check: null,
          created_at: now,
          updated_at: now,
        })),
      )
      .returning("id")
      .execute();
    await tx
      .insertInto("document_people")
      .values(rows.map((r) => ({ document_id: r.id, staff_id: clerk.staffId, role: "clerk" as const })))
      .execute();
    return rows.map((r) => r.id);
  });
}

describe("numbering", () => {
  it("gives 50 documents issued concurrently the numbers 1…50, no gap, no repeat", async () => {
    const ids = await signedDocuments(50);
    const deps = {
      db: ctx.handle.db,
      files: ctx.app.deps.files,
      config: ctx.app.deps.config,
      clock: () => ctx.clock.now,
    };
    const results = await Promise.all(
      ids.map((id) => issueDocument(deps, clerk, id, { version: 1, password: DEMO_PASSWORD })),
    );
    const numbers = results.map((r) => r.number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(results.map((r) => r.notation)).size).toBe(50);
    expect(results.map((r) => r.notation)).toContain("01/TB-UBND");
    const stored = await ctx.handle.db
      .selectFrom("documents")
      .select("number")
      .where("id", "in", ids)
      .orderBy("number")
      .execute();
    expect(stored.map((s) => s.number)).toEqual(numbers);
  }, 300_000);

  it("gives a number back when the issuing transaction rolls back (the next one takes it)", async () => {
    const year = 2031;
    await ctx.handle.db
      .transaction()
      .execute(async (tx) => {
        const n = await takeNumber(tx, clerk.unitId, "out:to-trinh", year);
        expect(n.number).toBe(1);
        throw new Error("signing failed");
      })
      .catch((e: Error) => expect(e.message).toBe("signing failed"));
    const again = await ctx.handle.db
      .transaction()
      .execute((tx) => takeNumber(tx, clerk.unitId, "out:to-trinh", year));
    expect(again.number).toBe(1);
  });

  it("starts again from 01 in a new year and keeps kinds apart", async () => {
    const take = (series: string, year: number) =>
      ctx.handle.db.transaction().execute((tx) => takeNumber(tx, clerk.unitId, series, year));
    expect((await take("out:ke-hoach", 2032)).number).toBe(1);
    expect((await take("out:ke-hoach", 2032)).number).toBe(2);
    expect((await take("out:ke-hoach", 2033)).number).toBe(1);
    expect((await take("out:bao-cao", 2032)).number).toBe(1);
  });
});
