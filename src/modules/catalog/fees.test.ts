import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../../test/support/test-app.ts";
import { findProcedure } from "../../domain/catalog/catalog.ts";
import { computeFee } from "../../domain/catalog/fees.ts";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

async function quote(ref: string, query: string) {
  return ctx.client().get(`/api/v1/procedures/${ref}/fee${query ? `?${query}` : ""}`);
}

describe("GET /api/v1/procedures/:idOrCode/fee", () => {
  const copyCert = findProcedure("chung-thuc-ban-sao-tu-ban-chinh");

  it.each([
    [1, 1, 2_000],
    [2, 1, 4_000],
    [3, 1, 5_000],
    [10, 1, 12_000],
    [198, 1, 200_000],
    [199, 1, 200_000],
    [500, 1, 200_000],
    [3, 4, 20_000],
    [250, 2, 400_000],
  ])("copy certification, %i pages × %i copies = %i đ, as computeFee says", async (pages, copies, total) => {
    const res = await quote("2.000815", `pages=${pages}&copies=${copies}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.result).toEqual(
      JSON.parse(JSON.stringify(computeFee(copyCert as NonNullable<typeof copyCert>, { pages, copies }))),
    );
    expect(body.result.totalVnd).toBe(total);
    expect(body.input).toEqual({ caseId: null, pages, copies, exemptions: [] });
  });

  it("says when the page count is missing (422) and refuses unknown cases and exemptions (400)", async () => {
    const missing = await quote("2.000815", "");
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error).toMatchObject({ code: "FEE_PAGES_REQUIRED", messageEn: expect.any(String) });
    const unknownCase = await quote("dang-ky-khai-sinh", "case=khong-co");
    expect(unknownCase.statusCode).toBe(400);
    expect(unknownCase.json().error.code).toBe("UNKNOWN_CASE");
    const unknownExemption = await quote("dang-ky-khai-sinh", "exemptions=friend_of_the_mayor");
    expect(unknownExemption.statusCode).toBe(400);
    expect((await quote("2.000815", "pages=0")).statusCode).toBe(400);
    expect((await quote("2.000815", "pages=abc")).statusCode).toBe(400);
  });

  it("applies cases and exemptions: on-time birth registration is free, a poor household is exempt", async () => {
    const onTime = (await quote("dang-ky-khai-sinh", "case=dung-han")).json();
    expect(onTime.result).toMatchObject({ status: "computed", totalVnd: 0 });
    const general = (await quote("dang-ky-khai-sinh", "")).json();
    expect(general.result.status).toBe("needs_local_amount");
    expect(general.result.resolutions[0].number).toBe("09/2020/NQ-HĐND");
    const exempt = (await quote("dang-ky-khai-sinh", "case=qua-han&exemptions=poor_household")).json();
    expect(exempt.result).toMatchObject({ status: "computed", totalVnd: 0 });
    expect(exempt.result.lines[0].exemptedBy).toBe("poor_household");
  });
});
