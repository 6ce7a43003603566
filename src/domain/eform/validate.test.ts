import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PROCEDURES } from "../catalog/records/procedures.ts";
import { type Answers, type EFormDefinition, EFormDefinition as EFormSchema } from "./definition.ts";
import { MARITAL_STATUS_CONFIRMATION, SHIPPED_EFORMS, shippedEFormFor } from "./definitions.ts";
import {
  AnswerScope,
  allFields,
  componentRequirements,
  displayValue,
  isIsoDate,
  keptAnswers,
  prefillAnswers,
  validateAnswers,
} from "./validate.ts";

const TODAY = "2026-11-30";

const small: EFormDefinition = EFormSchema.parse({
  key: "thu-nghiem",
  procedure: "thu-nghiem",
  fromProcedureVersion: 1,
  revision: 1,
  titleVi: "Tờ khai thử nghiệm",
  titleEn: "Test form",
  source: { citation: "Dữ liệu thử nghiệm", notes: [] },
  pages: [
    {
      id: "mot",
      titleVi: "Một",
      titleEn: "One",
      fields: [
        { id: "name", type: "text", labelVi: "Tên", labelEn: "Name", required: true, maxLength: 10 },
        {
          id: "age",
          type: "number",
          labelVi: "Tuổi",
          labelEn: "Age",
          required: false,
          integer: true,
          min: 0,
          max: 150,
        },
        {
          id: "kind",
          type: "select",
          labelVi: "Loại",
          labelEn: "Kind",
          required: true,
          options: [
            { value: "a", labelVi: "A", labelEn: "A" },
            { value: "b", labelVi: "B", labelEn: "B" },
          ],
        },
        {
          id: "detail",
          type: "text",
          labelVi: "Chi tiết",
          labelEn: "Detail",
          required: false,
          requiredIf: { field: "kind", equals: "b" },
          showIf: { field: "kind", in: ["b"] },
          maxLength: 100,
        },
        { id: "born", type: "date", labelVi: "Ngày sinh", labelEn: "Born", required: false, range: "past" },
        {
          id: "id",
          type: "identity",
          labelVi: "Số định danh",
          labelEn: "ID",
          required: false,
          allowOldNineDigits: false,
        },
        { id: "home", type: "address", labelVi: "Địa chỉ", labelEn: "Address", required: false },
        {
          id: "ok",
          type: "checkbox",
          labelVi: "Cam đoan",
          labelEn: "Declare",
          required: true,
          mustBeTrue: true,
        },
      ],
    },
  ],
  components: [
    { componentId: "giay-a", requirement: "required" },
    { componentId: "giay-b", requirement: "conditional", requiredIf: { field: "kind", equals: "b" } },
    { componentId: "giay-c", requirement: "optional" },
  ],
});

const codes = (answers: Answers, mode: "partial" | "complete" = "complete") =>
  validateAnswers(small, answers, { today: TODAY, mode }).map((i) => `${i.field}:${i.code}`);

describe("e-form validator", () => {
  it("accepts a complete, valid filing", () => {
    expect(codes({ name: "An", kind: "a", ok: true })).toEqual([]);
  });

  it("asks for every required field on submission but not in a draft", () => {
    expect(codes({})).toEqual(["name:required", "kind:required", "ok:must_be_true"]);
    expect(codes({}, "partial")).toEqual([]);
  });

  it("requires a field only when its condition holds, and ignores it while hidden", () => {
    expect(codes({ name: "An", kind: "b", ok: true })).toEqual(["detail:required"]);
    expect(codes({ name: "An", kind: "a", ok: true, detail: 5 })).toEqual([]);
    expect(codes({ name: "An", kind: "b", ok: true, detail: 5 })).toEqual(["detail:type"]);
  });

  it("checks each type: length, range, options, dates, identity numbers, addresses, unknown fields", () => {
    expect(
      codes(
        {
          name: "Nguyễn Văn Thành Long",
          age: 1.5,
          kind: "c",
          born: "2026-12-01",
          id: "12345",
          home: { detail: "", commune: "Xã Quang Thuận", province: "Tỉnh Bắc Kạn" },
          ok: false,
          extra: "x",
        },
        "partial",
      ),
    ).toEqual([
      "extra:unknown_field",
      "name:too_long",
      "age:integer",
      "kind:not_option",
      "born:date_in_future",
      "id:identity",
      "home:address",
    ]);
    expect(codes({ name: "An", kind: "a", ok: false })).toEqual(["ok:must_be_true"]);
    expect(codes({ name: "An", kind: "a", ok: true, born: "2025-02-29" })).toEqual(["born:type"]);
    expect(codes({ name: "An", kind: "a", ok: true, age: 151 })).toEqual(["age:max"]);
  });

  it("requires conditional components from the answers", () => {
    expect(componentRequirements(small, { kind: "a" })).toEqual([
      { componentId: "giay-a", required: true },
      { componentId: "giay-b", required: false },
      { componentId: "giay-c", required: false },
    ]);
    expect(componentRequirements(small, { kind: "b" })[1]).toEqual({ componentId: "giay-b", required: true });
  });

  it("keeps only answers to shown fields, trimmed", () => {
    expect(keptAnswers(small, { name: "  An ", kind: "a", detail: "ẩn", ok: true })).toEqual({
      name: "An",
      kind: "a",
      ok: true,
    });
  });

  it("pre-fills from the profile only values that fit their field", () => {
    const answers = prefillAnswers(
      MARITAL_STATUS_CONFIRMATION,
      {
        fullName: "Hoàng Văn Nam",
        identityNumber: "006090001111",
        birthDate: "2099-01-01",
        phone: "0912 345 678",
      },
      TODAY,
    );
    expect(answers).toEqual({
      applicantName: "Hoàng Văn Nam",
      applicantIdentity: "006090001111",
      applicantPhone: "0912 345 678",
      subjectName: "Hoàng Văn Nam",
      subjectIdentity: "006090001111",
    });
  });

  it("shows answers as people read them", () => {
    const field = allFields(small).find((f) => f.id === "kind");
    expect(field && displayValue(field, "b")).toBe("B");
    const born = allFields(small).find((f) => f.id === "born");
    expect(born && displayValue(born, "1990-04-30")).toBe("30/04/1990");
  });

  it("treats a cycle of show conditions as hidden instead of looping", () => {
    const cyclic = EFormSchema.parse({
      ...small,
      pages: [
        {
          id: "mot",
          titleVi: "Một",
          titleEn: "One",
          fields: [
            {
              id: "x",
              type: "text",
              labelVi: "X",
              labelEn: "X",
              required: true,
              maxLength: 5,
              showIf: { field: "y", filled: true },
            },
            {
              id: "y",
              type: "text",
              labelVi: "Y",
              labelEn: "Y",
              required: true,
              maxLength: 5,
              showIf: { field: "x", filled: true },
            },
          ],
        },
      ],
      components: [],
    });
    expect(validateAnswers(cyclic, { x: "a", y: "b" }, { today: TODAY, mode: "complete" })).toEqual([]);
    expect(new AnswerScope(cyclic, { x: "a" }).visible("x")).toBe(false);
  });

  it("recognises real calendar dates only", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2100-02-29")).toBe(false);
    expect(isIsoDate("2026-13-01")).toBe(false);
  });
});

describe("e-form validator properties", () => {
  const anyValue = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.record({
      detail: fc.string({ maxLength: 5 }),
      commune: fc.string({ maxLength: 5 }),
      province: fc.string({ maxLength: 5 }),
    }),
  );
  const ids = allFields(small).map((f) => f.id);
  const answersArb = fc.dictionary(fc.constantFrom(...ids), anyValue);

  it("never throws, and partial problems are a subset of complete problems", () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const partial = codes(answers, "partial");
        const complete = new Set(codes(answers, "complete"));
        for (const c of partial) expect(complete.has(c)).toBe(true);
      }),
    );
  });

  it("only ever reports fields of the form (or unknown answers)", () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        for (const i of validateAnswers(small, answers, { today: TODAY, mode: "complete" })) {
          expect(ids.includes(i.field) || i.code === "unknown_field").toBe(true);
          expect(i.messageVi.length).toBeGreaterThan(0);
          expect(i.messageEn.length).toBeGreaterThan(0);
        }
      }),
    );
  });

  it("kept answers validate the same as the answers they came from, minus hidden values", () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const kept = keptAnswers(small, answers);
        const scope = new AnswerScope(small, answers);
        for (const key of Object.keys(kept)) expect(scope.visible(key)).toBe(true);
        const again = validateAnswers(small, kept, { today: TODAY, mode: "complete" }).filter(
          (i) => i.code === "required",
        );
        const before = validateAnswers(small, answers, { today: TODAY, mode: "complete" }).filter(
          (i) => i.code === "required",
        );
        expect(again).toEqual(before);
      }),
    );
  });

  it("a required field left empty is always reported on submission", () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const { name: _n, ...rest } = answers;
        expect(codes(rest)).toContain("name:required");
      }),
    );
  });
});

describe("shipped e-forms", () => {
  it("are valid definitions whose components exist in the catalog record of their procedure", () => {
    for (const definition of SHIPPED_EFORMS) {
      expect(() => EFormSchema.parse(definition)).not.toThrow();
      const record = PROCEDURES.find((p) => p.id === definition.procedure);
      expect(record, definition.procedure).toBeDefined();
      expect(record?.onlineLevel).not.toBe("none");
      const ids = new Set(record?.components.map((c) => c.id));
      for (const c of definition.components) expect(ids.has(c.componentId), c.componentId).toBe(true);
      expect(definition.source.citation.length).toBeGreaterThan(10);
    }
  });

  it("are found for a procedure version, the latest applicable first", () => {
    expect(shippedEFormFor("dang-ky-khai-sinh", 3)?.key).toBe("to-khai-dang-ky-khai-sinh");
    expect(shippedEFormFor("dang-ky-ket-hon", 1)).toBeNull();
  });
});
