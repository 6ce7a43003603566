import { describe, expect, it } from "vitest";
import { findProcedure, realCatalog } from "./catalog.ts";
import { describeFeeRule, describeProcessingTime, formatVnd, summarize } from "./describe.ts";

describe("catalog texts", () => {
  it("formats amounts the Vietnamese and the English way", () => {
    expect(formatVnd(200000, "vi")).toBe("200.000 đ");
    expect(formatVnd(200000, "en")).toBe("200,000 VND");
    expect(formatVnd(0, "vi")).toBe("0 đ");
  });

  it("describes the copy-certification fee with its tiers and cap", () => {
    const p = findProcedure("chung-thuc-ban-sao-tu-ban-chinh");
    const rule = p?.fees[0];
    if (!rule) throw new Error("missing");
    expect(describeFeeRule(rule, "vi")).toBe(
      "2.000 đ/trang (trang 1–2); 1.000 đ/trang (từ trang 3); tối đa 200.000 đ/bản",
    );
    expect(describeFeeRule(rule, "en")).toBe(
      "2,000 VND/page (pages 1–2); 1,000 VND/page (from page 3); at most 200,000 VND a copy",
    );
  });

  it("describes same-day limits with the 15:00 rule, and extensions", () => {
    const p = findProcedure("chung-thuc-ban-sao-tu-ban-chinh");
    if (!p) throw new Error("missing");
    expect(describeProcessingTime(p.processingTime, "vi")).toBe(
      "Trong ngày (nhận sau 15:00 thì trả trong ngày làm việc tiếp theo); có thể kéo dài đến 2 ngày làm việc",
    );
    expect(describeProcessingTime(p.processingTime, "en")).toBe(
      "Same day (received after 15:00: next working day); may extend to 2 working days",
    );
  });

  it("names the cases that set their own fees and says when exemptions apply", () => {
    const birth = findProcedure("dang-ky-khai-sinh");
    if (!birth) throw new Error("missing");
    const text = summarize(birth).feeVi;
    expect(text).toContain("Đăng ký khai sinh đúng hạn (trong 60 ngày kể từ ngày sinh): Không thu");
    expect(text).toContain("Có trường hợp được miễn");
  });

  it("produces a summary for every shipped procedure", () => {
    for (const p of realCatalog()) {
      const s = summarize(p);
      expect(s.timeVi.length, p.id).toBeGreaterThan(0);
      expect(s.feeVi.length, p.id).toBeGreaterThan(0);
      expect(s.feeEn).not.toMatch(/undefined|NaN/);
    }
  });
});
