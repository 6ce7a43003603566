import { describe, expect, it } from "vitest";
import { agencyCode, isAgencyCode, level1Of, parseAgencyCode } from "./agency-code.ts";
import { CodeError } from "./errors.ts";

describe("agency identifiers", () => {
  it("reads a QCVN 102 code bottom-up and finds its depth", () => {
    const code = parseAgencyCode("000.00.15.H09");
    expect(code).toMatchObject({
      style: "qcvn102",
      level1: "H09",
      level2: "15",
      level3: "00",
      level4: "000",
    });
    expect(code?.depth).toBe(2);
    expect(parseAgencyCode("000.00.00.H30")?.depth).toBe(1);
    expect(parseAgencyCode("001.12.15.H09")?.depth).toBe(4);
  });

  it("refuses a QCVN 102 level set under an absent parent", () => {
    expect(parseAgencyCode("000.12.00.H09")).toBeNull();
    expect(parseAgencyCode("001.00.15.H09")).toBeNull();
  });

  it("reads a top-down identifier of QĐ 20/2020 by its groups", () => {
    const code = parseAgencyCode("H55.242");
    expect(code).toMatchObject({ style: "topdown", groups: ["H55", "242"], depth: 2 });
    expect(code && level1Of(code)).toBe("H55");
    expect(isAgencyCode("G01", "topdown")).toBe(true);
  });

  it("refuses malformed identifiers of either style", () => {
    for (const bad of [
      "",
      "000.00.15.h09",
      "00.00.15.H09",
      "000.00.15.H9",
      "H5.242",
      "h55.242",
      "H55..242",
      "H55.242.",
      "H55-242",
      `H55.${"1".repeat(40)}`,
    ]) {
      expect(parseAgencyCode(bad), bad).toBeNull();
    }
    expect(() => agencyCode("XYZ")).toThrow(CodeError);
  });

  it("tells the styles apart", () => {
    expect(isAgencyCode("000.00.15.H09", "qcvn102")).toBe(true);
    expect(isAgencyCode("000.00.15.H09", "topdown")).toBe(false);
    expect(isAgencyCode("H55.242", "qcvn102")).toBe(false);
  });
});
