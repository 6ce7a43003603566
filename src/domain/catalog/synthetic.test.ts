import { describe, expect, it } from "vitest";
import { realCatalog } from "./catalog.ts";
import { CatalogSchema, SYNTHETIC_CODE_PATTERN } from "./procedure-schema.ts";
import { generateSyntheticProcedures, SYNTHETIC_ID_PREFIX } from "./synthetic.ts";

describe("the synthetic procedure generator", () => {
  it("generates 5,000 procedures that validate beside the real catalog", () => {
    const synthetic = generateSyntheticProcedures(5_000);
    expect(synthetic).toHaveLength(5_000);
    expect(() => CatalogSchema.parse([...realCatalog(), ...synthetic])).not.toThrow();
  });

  it("is deterministic for a seed and differs between seeds", () => {
    expect(generateSyntheticProcedures(200, 7)).toEqual(generateSyntheticProcedures(200, 7));
    expect(generateSyntheticProcedures(50, 7).map((p) => p.name)).not.toEqual(
      generateSyntheticProcedures(50, 8).map((p) => p.name),
    );
  });

  it("marks every record as synthetic with a code in the reserved range", () => {
    for (const p of generateSyntheticProcedures(300)) {
      expect(p.code.status).toBe("synthetic");
      expect(p.code.value).toMatch(SYNTHETIC_CODE_PATTERN);
      expect(p.id.startsWith(SYNTHETIC_ID_PREFIX)).toBe(true);
      expect(p.source.citation).toContain("Dữ liệu tổng hợp");
    }
  });

  it("uses every real field so that field filters are exercised", () => {
    const fields = new Set(generateSyntheticProcedures(1_000).map((p) => p.fieldCode));
    expect(fields).toEqual(new Set(realCatalog().map((p) => p.fieldCode)));
  });

  it("refuses counts outside the reserved code range", () => {
    expect(() => generateSyntheticProcedures(-1)).toThrow(RangeError);
    expect(() => generateSyntheticProcedures(100_000)).toThrow(RangeError);
  });
});
