import { describe, expect, it } from "vitest";
import { findProcedure } from "../../domain/catalog/catalog.ts";
import { unknownKeys, validateDocument, WORKFLOW_ROLES, workflowIssues } from "./validate.ts";

const base = findProcedure("chung-thuc-ban-sao-tu-ban-chinh");
if (!base) throw new Error("missing record");

describe("procedure document validation", () => {
  it("accepts a shipped record and sets the version and date the server decides", () => {
    const result = validateDocument({ ...base, version: 9 }, { version: 3, effectiveFrom: "2027-01-01" });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.procedure).toMatchObject({ version: 3, effectiveFrom: "2027-01-01" });
  });

  it("names workflow roles that do not exist and shares that do not add up, in both languages", () => {
    expect(WORKFLOW_ROLES).toEqual(["reception", "specialist", "leader", "clerk"]);
    const issues = workflowIssues([
      { role: "reception", share: 20 },
      { role: "unit_admin", share: 30 },
      { role: "leader", share: 30 },
    ]);
    expect(issues).toEqual([
      expect.objectContaining({
        path: "workflow.1.role",
        messageEn: expect.stringContaining("does not exist"),
      }),
      expect.objectContaining({ path: "workflow", message: expect.stringContaining("80%") }),
    ]);
  });

  it("lists every problem with its path rather than the first one", () => {
    const result = validateDocument(
      {
        ...base,
        name: "",
        fieldCode: "khong-co",
        fees: [
          {
            kind: "per_page",
            label: "x",
            feeType: "phi",
            basis: "y",
            tiers: [],
            capPerCopyVnd: null,
            exemptions: [],
          },
        ],
      },
      { version: 1, effectiveFrom: "2026-01-01" },
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      const paths = result.issues.map((i) => i.path);
      expect(paths).toEqual(expect.arrayContaining(["name", "fieldCode", "fees.0.tiers"]));
      for (const issue of result.issues) {
        expect(issue.message.length).toBeGreaterThan(0);
        expect(issue.messageEn.length).toBeGreaterThan(0);
      }
    }
  });

  it("finds keys the schema does not know, at any depth", () => {
    expect(
      unknownKeys({ a: 1, b: { c: 2, d: [{ e: 1, f: 2 }] } }, { a: 1, b: { c: 2, d: [{ e: 1 }] } }),
    ).toEqual([expect.objectContaining({ path: "b.d.0.f" })]);
    const result = validateDocument({ ...base, extra: true }, { version: 1, effectiveFrom: "2026-01-01" });
    expect(result.ok ? [] : result.issues.map((i) => i.path)).toEqual(["extra"]);
  });

  it("refuses what is not an object", () => {
    expect(validateDocument([], { version: 1, effectiveFrom: "2026-01-01" }).ok).toBe(false);
    expect(validateDocument(null, { version: 1, effectiveFrom: "2026-01-01" }).ok).toBe(false);
  });
});
