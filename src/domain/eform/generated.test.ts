import { describe, expect, it } from "vitest";
import { realCatalog } from "../catalog/catalog.ts";
import type { Procedure } from "../catalog/procedure-schema.ts";
import { EFormDefinition } from "./definition.ts";
import { generatedEForm, quantityText } from "./generated.ts";
import { componentRequirements, validateAnswers } from "./validate.ts";

const catalog = realCatalog();
const byId = (id: string): Procedure => {
  const found = catalog.find((p) => p.id === id);
  if (!found) throw new Error(id);
  return found;
};

describe("e-forms built from the catalog", () => {
  it("builds a valid e-form for every procedure the catalog offers online", () => {
    const online = catalog.filter((p) => p.onlineLevel !== "none");
    expect(online.length).toBeGreaterThan(0);
    for (const p of online) {
      const definition = EFormDefinition.parse(generatedEForm(p, p.id));
      expect(definition.procedure).toBe(p.id);
      expect(definition.fromProcedureVersion).toBe(p.version);
    }
  });

  it("asks for every base component in the general case (Đăng ký giám hộ: tờ khai and identity paper)", () => {
    const definition = generatedEForm(byId("dang-ky-giam-ho"), "dang-ky-giam-ho");
    expect(componentRequirements(definition, {}, null)).toEqual([
      { componentId: "to-khai", required: true },
      { componentId: "giay-to-tuy-than", required: true },
    ]);
  });

  it("adds a case's components only under that case (giám hộ cử: Văn bản cử người giám hộ)", () => {
    const definition = generatedEForm(byId("dang-ky-giam-ho"), "dang-ky-giam-ho");
    expect(componentRequirements(definition, {}, "giam-ho-cu").map((c) => c.componentId)).toEqual([
      "to-khai",
      "giay-to-tuy-than",
      "van-ban-cu-giam-ho",
    ]);
    expect(componentRequirements(definition, {}, "giam-ho-duong-nhien").map((c) => c.componentId)).toEqual([
      "to-khai",
      "giay-to-tuy-than",
      "giay-to-giam-ho-duong-nhien",
    ]);
  });

  it("makes a conditional catalog component an optional upload with its condition in the note", () => {
    const definition = generatedEForm(byId("cap-ban-sao-tu-so-goc"), "cap-ban-sao-tu-so-goc");
    const authorisation = definition.components.find((c) => c.componentId === "van-ban-uy-quyen");
    expect(authorisation?.requirement).toBe("optional");
    expect(authorisation?.noteVi).toContain("Khi ủy quyền cho người khác thực hiện");
  });

  it("says how many originals and copies the desk takes (1 bản chính; 2 bản sao)", () => {
    expect(quantityText({ originals: 1, copies: 0 }).vi).toBe("1 bản chính");
    expect(quantityText({ originals: 1, copies: 2 }).vi).toBe("1 bản chính, 2 bản sao");
    expect(quantityText({ originals: 0, copies: 1 }).en).toBe("1 copy");
  });

  it("asks an organisation's name only of someone applying for an organisation", () => {
    const definition = generatedEForm(byId("cap-ban-sao-tu-so-goc"), "cap-ban-sao-tu-so-goc");
    const base = {
      applicantName: "Nguyễn Văn An",
      applicantIdentity: "001090001234",
      applicantAddress: { detail: "Số 1", commune: "Xã A", province: "Tỉnh B" },
      applicantPhone: "0912345678",
      requestContent: "Cấp một bản sao giấy khai sinh từ sổ gốc",
      declaration: true,
    };
    const complete = (answers: Record<string, unknown>) =>
      validateAnswers(definition, answers as never, { today: "2026-12-07", mode: "complete" }).map(
        (i) => i.field,
      );
    expect(complete({ ...base, applicantKind: "ca-nhan" })).toEqual([]);
    expect(complete({ ...base, applicantKind: "to-chuc" })).toEqual(["organizationName"]);
  });

  it("asks a person-only procedure no organisation question", () => {
    const definition = generatedEForm(byId("dang-ky-ket-hon"), "dang-ky-ket-hon");
    const ids = definition.pages.flatMap((p) => p.fields.map((f) => f.id));
    expect(ids).not.toContain("applicantKind");
    expect(ids).not.toContain("organizationName");
  });
});
