import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { numberInWords, vndInWords } from "./vnd-in-words.ts";

describe("amounts in Vietnamese words", () => {
  it.each([
    [0, "không"],
    [5, "năm"],
    [10, "mười"],
    [15, "mười lăm"],
    [21, "hai mươi mốt"],
    [25, "hai mươi lăm"],
    [105, "một trăm linh năm"],
    [110, "một trăm mười"],
    [2_000, "hai nghìn"],
    [25_000, "hai mươi lăm nghìn"],
    [200_000, "hai trăm nghìn"],
    [1_005_000, "một triệu không trăm linh năm nghìn"],
    [1_000_001, "một triệu không trăm linh một"],
    [3_050_000, "ba triệu không trăm năm mươi nghìn"],
    [1_000_000_000, "một tỷ"],
    [2_000_500_000, "hai tỷ năm trăm nghìn"],
    [1_000_000_000_000, "một nghìn tỷ"],
  ])("reads %i as “%s”", (value, words) => {
    expect(numberInWords(value)).toBe(words);
  });

  it("capitalises and adds the currency", () => {
    expect(vndInWords(125_000)).toBe("Một trăm hai mươi lăm nghìn đồng");
  });

  it("never leaves doubled spaces, stray scales or an empty reading", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999_999_999_999 }), (n) => {
        const words = numberInWords(n);
        expect(words).not.toMatch(/\s{2}|^\s|\s$/);
        expect(words).not.toMatch(/^(nghìn|triệu|tỷ)/);
        expect(words).not.toMatch(/(nghìn|triệu) (nghìn|triệu)/);
      }),
    );
  });

  it("refuses fractions and negative amounts", () => {
    expect(() => numberInWords(1.5)).toThrow(RangeError);
    expect(() => numberInWords(-1)).toThrow(RangeError);
  });
});
