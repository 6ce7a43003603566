import { describe, expect, it } from "vitest";
import { ETHNIC_GROUPS } from "./ethnic-groups.ts";

describe("the 54 ethnic groups of Vietnam (QĐ 121-TCTK/PPCĐ, 1979)", () => {
  it("lists 54 groups with codes 01–54, Kinh first and Rơ-măm last, each slug unique", () => {
    expect(ETHNIC_GROUPS).toHaveLength(54);
    expect(ETHNIC_GROUPS[0]).toEqual({ code: "01", value: "kinh", nameVi: "Kinh" });
    expect(ETHNIC_GROUPS[53]).toMatchObject({ code: "54", nameVi: "Rơ-măm" });
    expect(ETHNIC_GROUPS.find((g) => g.nameVi === "Tày")?.value).toBe("tay");
    expect(ETHNIC_GROUPS.find((g) => g.nameVi === "Sán Chay")?.value).toBe("san-chay");
    expect(new Set(ETHNIC_GROUPS.map((g) => g.value)).size).toBe(54);
  });
});
