import { describe, expect, it } from "vitest";
import { findProcedure } from "./catalog.ts";
import { computeFee } from "./fees.ts";
import { applyLocal, LocalAdditionsSchema, NO_LOCAL_ADDITIONS, unmatchedLocalFees } from "./local.ts";
import type { FeeRule } from "./procedure-schema.ts";

const birth = findProcedure("dang-ky-khai-sinh");
if (!birth) throw new Error("missing record");

const localLateFee: FeeRule = {
  kind: "council_resolution",
  label: "Lệ phí đăng ký khai sinh quá hạn",
  feeType: "le_phi",
  basis: "Nghị quyết thử nghiệm",
  resolution: { number: "01/2026/NQ-HĐND", date: "2026-01-01", province: "tỉnh Thử", title: "Thử nghiệm" },
  amount: { status: "confirmed", vnd: 5000, per: "case", evidence: "Dữ liệu kiểm thử" },
  exemptions: [],
};

describe("local additions", () => {
  it("leave the procedure as it is when empty", () => {
    expect(applyLocal(birth, NO_LOCAL_ADDITIONS)).toBe(birth);
    expect(LocalAdditionsSchema.parse({})).toEqual(NO_LOCAL_ADDITIONS);
  });

  it("replace a fee rule by label, in the general rules and in cases", () => {
    const local = LocalAdditionsSchema.parse({ fees: [localLateFee] });
    const applied = applyLocal(birth, local);
    expect(computeFee(applied, { caseId: "qua-han" })).toMatchObject({ status: "computed", totalVnd: 5000 });
    expect(computeFee(birth, { caseId: "qua-han" }).status).toBe("needs_local_amount");
    // The national record is not changed.
    expect(birth.cases.find((c) => c.id === "qua-han")?.fees).not.toEqual(
      applied.cases.find((c) => c.id === "qua-han")?.fees,
    );
  });

  it("report local fees whose label matches nothing", () => {
    const local = LocalAdditionsSchema.parse({ fees: [{ ...localLateFee, label: "Lệ phí gõ nhầm" }] });
    expect(unmatchedLocalFees(birth, local)).toEqual(["Lệ phí gõ nhầm"]);
  });

  it("replace the workflow and refuse one whose shares do not make 100", () => {
    const workflow = [
      { role: "reception", nameVi: "Tiếp nhận", share: 30, canSendBack: true },
      { role: "leader", nameVi: "Ký", share: 70, canSendBack: false },
    ];
    expect(applyLocal(birth, LocalAdditionsSchema.parse({ workflow })).workflow).toHaveLength(2);
    const bad = LocalAdditionsSchema.safeParse({ workflow: [workflow[0], { ...workflow[1], share: 60 }] });
    expect(bad.success).toBe(false);
    expect(LocalAdditionsSchema.safeParse({ onlineUrl: "javascript:alert(1)" }).success).toBe(false);
    expect(LocalAdditionsSchema.safeParse({ other: 1 }).success).toBe(false);
  });
});
