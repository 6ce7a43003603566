import { describe, expect, it } from "vitest";
import { findProcedure } from "./catalog.ts";
import { computeFee } from "./fees.ts";
import { type Procedure, ProcedureSchema } from "./procedure-schema.ts";

function get(id: string): Procedure {
  const p = findProcedure(id);
  if (!p) throw new Error(`missing ${id}`);
  return p;
}

function total(procedure: Procedure, input: Parameters<typeof computeFee>[1]): number {
  const result = computeFee(procedure, input);
  if (result.status !== "computed") throw new Error(`not computed: ${JSON.stringify(result)}`);
  return result.totalVnd;
}

describe("the copy-certification fee (TT 226/2016/TT-BTC)", () => {
  const copyCert = get("chung-thuc-ban-sao-tu-ban-chinh");

  it.each([
    [1, 2_000],
    [2, 4_000],
    [3, 5_000],
    [10, 12_000],
    [198, 200_000],
    [199, 200_000],
    [500, 200_000],
  ])("charges %i page(s) of one copy %i đồng", (pages, expected) => {
    expect(total(copyCert, { pages, copies: 1 })).toBe(expected);
  });

  it("multiplies the per-copy amount by the number of copies", () => {
    expect(total(copyCert, { pages: 10, copies: 3 })).toBe(36_000);
    expect(total(copyCert, { pages: 1, copies: 5 })).toBe(10_000);
  });

  it("applies the 200,000 đồng cap to each copy, not to the whole request", () => {
    expect(total(copyCert, { pages: 500, copies: 2 })).toBe(400_000);
  });

  it("explains the amount page tier by page tier", () => {
    const result = computeFee(copyCert, { pages: 10, copies: 1 });
    expect(result.lines[0]?.detail).toBe(
      "10 trang: 2 trang × 2.000 đ + 8 trang × 1.000 đ = 12.000 đ/bản; × 1 bản = 12.000 đ",
    );
    const capped = computeFee(copyCert, { pages: 199, copies: 1 });
    expect(capped.lines[0]?.detail).toContain("vượt mức tối đa, thu 200.000 đ");
  });

  it("refuses to price a per-page fee without the number of pages", () => {
    expect(() => computeFee(copyCert, { copies: 1 })).toThrow(RangeError);
  });

  it("rejects impossible page and copy counts", () => {
    expect(() => computeFee(copyCert, { pages: 0 })).toThrow(RangeError);
    expect(() => computeFee(copyCert, { pages: 2.5 })).toThrow(RangeError);
    expect(() => computeFee(copyCert, { pages: 2, copies: -1 })).toThrow(RangeError);
  });
});

describe("fees set by law or by a provincial People's Council", () => {
  it("makes on-time birth registration free", () => {
    expect(total(get("dang-ky-khai-sinh"), { caseId: "dung-han" })).toBe(0);
  });

  it("reports that a late birth registration needs the provincial amount instead of inventing one", () => {
    const result = computeFee(get("dang-ky-khai-sinh"), { caseId: "qua-han" });
    expect(result.status).toBe("needs_local_amount");
    if (result.status !== "needs_local_amount") return;
    expect(result.resolutions[0]?.number).toBe("09/2020/NQ-HĐND");
    expect(result.lines[0]?.amountVnd).toBeNull();
  });

  it("exempts a poor household from a council fee even when the amount is unknown", () => {
    const result = computeFee(get("dang-ky-khai-sinh"), {
      caseId: "qua-han",
      exemptions: ["poor_household"],
    });
    expect(result).toMatchObject({ status: "computed", totalVnd: 0 });
    expect(result.lines[0]?.exemptedBy).toBe("poor_household");
  });

  it("makes marriage registration of citizens living in Vietnam free", () => {
    expect(total(get("dang-ky-ket-hon"), {})).toBe(0);
  });

  it("charges a fixed 10,000 đồng per signature certification", () => {
    expect(total(get("chung-thuc-chu-ky"), {})).toBe(10_000);
  });

  it("charges extract copies per copy", () => {
    expect(total(get("cap-ban-sao-trich-luc-ho-tich"), { copies: 3 })).toBe(24_000);
  });

  it("computes a confirmed council amount and its exemptions", () => {
    // Đắk Lắk, Nghị quyết 08/2022/NQ-HĐND: 15.000 đồng per parentage recognition (read on the provincial portal).
    const base = get("dang-ky-nhan-cha-me-con");
    const daklak = ProcedureSchema.parse({
      ...base,
      fees: [
        {
          kind: "council_resolution",
          label: "Lệ phí đăng ký nhận cha, mẹ, con",
          feeType: "le_phi",
          basis: "Luật Hộ tịch 2014, Điều 11 khoản 2",
          resolution: {
            number: "08/2022/NQ-HĐND",
            date: "2022-07-20",
            province: "tỉnh Đắk Lắk",
            title: "Lệ phí hộ tịch",
          },
          amount: {
            status: "confirmed",
            vnd: 15_000,
            per: "case",
            evidence: "Cổng dịch vụ công tỉnh Đắk Lắk, thủ tục 1.001022",
          },
          exemptions: [
            { code: "poor_household", label: "Người thuộc hộ nghèo", basis: "Luật Hộ tịch 2014, Điều 11" },
          ],
        },
      ],
    });
    expect(total(daklak, {})).toBe(15_000);
    expect(total(daklak, { exemptions: ["poor_household"] })).toBe(0);
  });

  it("refuses an unknown case", () => {
    expect(() => computeFee(get("dang-ky-khai-sinh"), { caseId: "khong-co" })).toThrow(RangeError);
  });
});
