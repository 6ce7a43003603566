import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/support/test-app.ts";
import { FIELDS } from "../../domain/catalog/fields.ts";

const QUANG_THUAN = "000.17.31.H06";
const COPY_CERT =
  "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

interface Item {
  slug: string;
  code: string | null;
  name: string;
  score: number | null;
  onlineLevel: string;
  postal: { receiveDossier: boolean; deliverResult: boolean };
  field: { code: string };
}

async function search(query: string): Promise<{ items: Item[]; total: number }> {
  const res = await ctx.client().get(`/api/v1/procedures?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe("GET /api/v1/procedures", () => {
  it("finds the copy-certification procedure first for «chung thuc ban sao» (no diacritics)", async () => {
    const r = await search(`q=${encodeURIComponent("chung thuc ban sao")}`);
    expect(r.items[0]?.name).toBe(COPY_CERT);
    expect(r.items[0]?.code).toBe("2.000815");
    expect(r.total).toBeGreaterThanOrEqual(1);
  });

  it("ignores case and diacritics both ways", async () => {
    for (const q of ["CHỨNG THỰC BẢN SAO", "Chứng thực bản sao", "chứng thuc ban SAO"]) {
      const r = await search(`q=${encodeURIComponent(q)}`);
      expect(r.items[0]?.name, q).toBe(COPY_CERT);
    }
  });

  it("tolerates a typo: «chung thuc ban sau» still finds it first", async () => {
    const r = await search(`q=${encodeURIComponent("chung thuc ban sau")}`);
    expect(r.items[0]?.name).toBe(COPY_CERT);
  });

  it("tolerates a typo inside a word: «dang ky khai sihn»", async () => {
    const r = await search(`q=${encodeURIComponent("dang ky khai sihn")}`);
    expect(r.items.map((i) => i.slug).slice(0, 3)).toContain("dang-ky-khai-sinh");
  });

  it("ranks the exact name above longer names that contain it", async () => {
    const r = await search(`q=${encodeURIComponent("đăng ký khai sinh")}`);
    expect(r.items[0]?.slug).toBe("dang-ky-khai-sinh");
    const slugs = r.items.map((i) => i.slug);
    expect(slugs).toContain("dang-ky-lai-khai-sinh");
    expect(slugs).toContain("dang-ky-khai-sinh-luu-dong");
    const scores = r.items.map((i) => i.score ?? 0);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it("finds a procedure by its national code", async () => {
    const r = await search("q=1.004873");
    expect(r.items[0]?.slug).toBe("cap-giay-xac-nhan-tinh-trang-hon-nhan");
  });

  it("returns nothing for a query that matches nothing", async () => {
    const r = await search(`q=${encodeURIComponent("xyzzy plugh")}`);
    expect(r).toEqual({ items: [], total: 0 });
  });

  it("filters by field, online level and postal option", async () => {
    const byField = await search("field=chung-thuc&limit=100");
    expect(byField.total).toBeGreaterThan(5);
    expect(byField.items.every((i) => i.field.code === "chung-thuc")).toBe(true);
    const full = await search("online=full&limit=100");
    expect(full.items.every((i) => i.onlineLevel === "full")).toBe(true);
    const postal = await search("postal=deliver&limit=100");
    expect(postal.items.length).toBeGreaterThan(0);
    expect(postal.items.every((i) => i.postal.deliverResult)).toBe(true);
    const combined = await search(`q=${encodeURIComponent("khai sinh")}&field=ho-tich&online=full`);
    expect(combined.items.every((i) => i.field.code === "ho-tich" && i.onlineLevel === "full")).toBe(true);
  });

  it("filters by unit: a commune's offering, and 400 UNKNOWN_UNIT for an unknown code", async () => {
    const r = await search(`unit=${QUANG_THUAN}&limit=100`);
    expect(r.total).toBe(48);
    const district = await search("unit=000.00.31.H06");
    expect(district.total).toBe(0);
    const res = await ctx.client().get("/api/v1/procedures?unit=999.99.99.H99");
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("UNKNOWN_UNIT");
    expect(res.json().error.messageEn).toBeTruthy();
  });

  it("pages with limit and offset and keeps the total", async () => {
    const first = await search("limit=10&offset=0");
    const second = await search("limit=10&offset=10");
    expect(first.total).toBe(48);
    expect(second.total).toBe(48);
    expect(first.items).toHaveLength(10);
    expect(new Set([...first.items, ...second.items].map((i) => i.slug)).size).toBe(20);
    const past = await search("limit=10&offset=1000");
    expect(past).toEqual({ items: [], total: 48 });
  });

  it("refuses bad parameters with 400", async () => {
    for (const q of [
      "online=sometimes",
      "postal=both",
      "limit=0",
      "limit=1000",
      "field=unknown-field",
      "extra=1",
    ]) {
      const res = await ctx.client().get(`/api/v1/procedures?${q}`);
      expect(res.statusCode, q).toBe(400);
    }
  });

  it("keeps the fields table equal to the domain's field list", async () => {
    const items = (await ctx.client().get("/api/v1/fields")).json().items as Record<string, string>[];
    expect(items.map((f) => [f.code, f.nameVi, f.nameEn, f.group, f.ministry])).toEqual(
      FIELDS.map((f) => [f.code, f.nameVi, f.nameEn, f.group, f.ministry]),
    );
  });

  it("lists fields with counts", async () => {
    const res = await ctx.client().get(`/api/v1/fields?unit=${QUANG_THUAN}`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { code: string; nameVi: string; procedures: number }[];
    expect(items.find((f) => f.code === "chung-thuc")?.nameVi).toBe("Chứng thực");
    expect(items.reduce((s, f) => s + f.procedures, 0)).toBe(48);
  });
});
