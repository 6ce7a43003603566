import { describe, expect, it } from "vitest";
import { legalPeriod, periodInstants, rangePeriod } from "./periods.ts";

// Cut-off on the 14th (NĐ 09/2019/NĐ-CP art. 12 as provinces apply it; DOMAIN.md "Reports and indicators").
describe("legal report periods", () => {
  it("runs a month from the 15th of the month before to its 14th (November 2026: 15/10 → 14/11)", () => {
    expect(legalPeriod("2026-11")).toEqual({
      kind: "month",
      label: "2026-11",
      from: "2026-10-15",
      to: "2026-11-14",
    });
  });
  it("takes January's start from December of the year before (15/12/2025 → 14/01/2026)", () => {
    expect(legalPeriod("2026-01")).toMatchObject({ from: "2025-12-15", to: "2026-01-14" });
  });
  it("runs a quarter from the 15th of the month before it to the 14th of its last month", () => {
    expect(legalPeriod("2026-Q1")).toMatchObject({ from: "2025-12-15", to: "2026-03-14" });
    expect(legalPeriod("2026-Q4")).toMatchObject({ from: "2026-09-15", to: "2026-12-14" });
  });
  it("runs the half-years 15/12 → 14/6 and 15/6 → 14/12", () => {
    expect(legalPeriod("2018-H1")).toMatchObject({ from: "2017-12-15", to: "2018-06-14" });
    expect(legalPeriod("2018-H2")).toMatchObject({ from: "2018-06-15", to: "2018-12-14" });
  });
  it("runs the year from 15/12 of the year before to 14/12", () => {
    expect(legalPeriod("2018")).toMatchObject({ kind: "year", from: "2017-12-15", to: "2018-12-14" });
  });
  it("refuses what is not a period", () => {
    for (const bad of ["2026-13", "2026-Q5", "2026-H3", "26", "2026-1", "", "1999", "2026-11-01"])
      expect(legalPeriod(bad), bad).toBeNull();
  });
});

describe("ranges", () => {
  it("takes both ends as local days (UTC+7): 1–30/11/2026 is [30/10 17:00Z, 30/11 17:00Z)", () => {
    const p = rangePeriod("2026-11-01", "2026-11-30");
    expect(p).toMatchObject({ kind: "range", from: "2026-11-01", to: "2026-11-30" });
    const { start, end } = periodInstants(p as NonNullable<typeof p>);
    expect(new Date(start).toISOString()).toBe("2026-10-31T17:00:00.000Z");
    expect(new Date(end).toISOString()).toBe("2026-11-30T17:00:00.000Z");
  });
  it("refuses a reversed range, an impossible date and a range over five years", () => {
    expect(rangePeriod("2026-11-30", "2026-11-01")).toBeNull();
    expect(rangePeriod("2026-02-30", "2026-03-01")).toBeNull();
    expect(rangePeriod("2018-01-01", "2026-01-01")).toBeNull();
    expect(rangePeriod("2026-11-01", "2026-11-01")).not.toBeNull();
  });
});
