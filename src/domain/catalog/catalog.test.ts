import { describe, expect, it } from "vitest";
import { realCatalog } from "./catalog.ts";
import { FIELD_CODES, FIELDS } from "./fields.ts";
import {
  CatalogSchema,
  componentsFor,
  type ProcedureInput,
  ProcedureSchema,
  processingTimeFor,
} from "./procedure-schema.ts";
import { PROCEDURES } from "./records/procedures.ts";

/** Letters that only Vietnamese spelling uses (tones and đ); "a" or "e" alone prove nothing. */
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

function stringsOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === "object") return Object.values(value).flatMap(stringsOf);
  return [];
}

describe("the shipped procedure catalog", () => {
  it.each(PROCEDURES.map((p) => [p.id, p] as const))(
    "validates record %s against the schema",
    (_id, record) => {
      const result = ProcedureSchema.safeParse(record);
      expect(result.success ? [] : result.error.issues).toEqual([]);
    },
  );

  it("validates as a whole, with no duplicate ids or codes", () => {
    expect(() => CatalogSchema.parse(PROCEDURES)).not.toThrow();
    const codes = realCatalog().flatMap((p) => (p.code.value === null ? [] : [p.code.value]));
    expect(new Set(codes).size).toBe(codes.length);
    const ids = realCatalog().map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("ships at least 45 real procedures", () => {
    expect(realCatalog().length).toBeGreaterThanOrEqual(45);
    expect(realCatalog().every((p) => p.code.status !== "synthetic")).toBe(true);
  });

  it("contains the seven procedures the issue requires", () => {
    const byCode = (code: string) => realCatalog().find((p) => p.code.value === code);
    expect(byCode("1.004873")?.name).toBe("Cấp Giấy xác nhận tình trạng hôn nhân");
    expect(byCode("2.000815")?.name).toBe(
      "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận",
    );
    expect(byCode("1.001193")?.name).toBe("Đăng ký khai sinh");
    expect(byCode("1.000894")?.name).toBe("Đăng ký kết hôn");
    expect(byCode("1.000656")?.name).toBe("Đăng ký khai tử");
    const names = realCatalog().map((p) => p.name);
    expect(names).toContain("Công nhận câu lạc bộ thể thao cơ sở");
    expect(names.some((n) => n.includes("nhóm trẻ, lớp mẫu giáo độc lập") && n.startsWith("Thành lập"))).toBe(
      true,
    );
  });

  it("has workflow shares that sum to 100 and start at the reception desk", () => {
    for (const p of realCatalog()) {
      expect(
        p.workflow.reduce((sum, s) => sum + s.share, 0),
        p.id,
      ).toBe(100);
      expect(p.workflow[0]?.role, p.id).toBe("reception");
    }
  });

  it("names a source, a portal listing and a legal basis for every record", () => {
    for (const p of realCatalog()) {
      expect(p.source.citation.length, p.id).toBeGreaterThan(20);
      expect(p.source.portalListing.length, p.id).toBeGreaterThan(20);
      expect(p.legalBasis.length, p.id).toBeGreaterThan(0);
      expect(stringsOf(p.source).join(" "), p.id).not.toMatch(/https?:\/\//);
    }
  });

  it("writes names with Vietnamese diacritics in Unicode NFC", () => {
    for (const p of realCatalog()) {
      expect(p.name, p.id).toMatch(VIETNAMESE);
      for (const s of stringsOf(p)) expect(s, p.id).toBe(s.normalize("NFC"));
    }
  });

  it("backs every confirmed or reported code with evidence", () => {
    for (const p of realCatalog()) {
      if (p.code.status === "confirmed" || p.code.status === "reported")
        expect(p.code.evidence.length, p.id).toBeGreaterThan(10);
    }
    expect(realCatalog().filter((p) => p.code.status === "confirmed").length).toBeGreaterThanOrEqual(8);
  });

  it("spreads procedures over the fields of the seed article", () => {
    const used = new Set(realCatalog().map((p) => p.fieldCode));
    for (const code of FIELD_CODES) expect(used.has(code), code).toBe(true);
    const groups = new Set(FIELDS.filter((f) => used.has(f.code)).map((f) => f.group));
    for (const g of [
      "Tư pháp - Hộ tịch",
      "Lao động - Thương binh và Xã hội",
      "Văn hóa - Thể thao",
      "Giáo dục - Đào tạo",
    ]) {
      expect(groups.has(g), g).toBe(true);
    }
    for (const g of [
      "Địa chính - Xây dựng",
      "Nông nghiệp",
      "Nội vụ",
      "Công thương",
      "Tài nguyên và Môi trường",
    ]) {
      expect(groups.has(g), g).toBe(true);
    }
  });

  it("models civil-status fees as People's Council rules with the on-time exemption", () => {
    const birth = realCatalog().find((p) => p.id === "dang-ky-khai-sinh");
    const rule = birth?.fees[0];
    expect(rule?.kind).toBe("council_resolution");
    if (rule?.kind !== "council_resolution") return;
    expect(rule.resolution.province).toBe("tỉnh Bắc Kạn");
    expect(rule.exemptions.map((e) => e.code)).toContain("on_time_registration");
  });

  it("resolves components and time per case", () => {
    const change = realCatalog().find((p) => p.id === "thay-doi-cai-chinh-bo-sung-thong-tin-ho-tich");
    if (!change) throw new Error("missing record");
    expect(processingTimeFor(change, "bo-sung").standard.kind).toBe("same_day");
    expect(processingTimeFor(change, "thay-doi-cai-chinh").standard).toEqual({
      kind: "duration",
      value: 3,
      unit: "working_days",
    });
    const guardian = realCatalog().find((p) => p.id === "dang-ky-giam-ho");
    if (!guardian) throw new Error("missing record");
    expect(componentsFor(guardian, "giam-ho-cu").map((c) => c.id)).toContain("van-ban-cu-giam-ho");
    expect(componentsFor(guardian, null).map((c) => c.id)).not.toContain("van-ban-cu-giam-ho");
  });
});

describe("the procedure schema", () => {
  const base = PROCEDURES[0] as ProcedureInput;
  const issues = (record: unknown) => {
    const r = ProcedureSchema.safeParse(record);
    return r.success ? [] : r.error.issues.map((i) => i.message);
  };

  it("rejects a workflow whose shares do not sum to 100", () => {
    const workflow = base.workflow.map((s, i) => (i === 0 ? { ...s, share: s.share + 1 } : s));
    expect(issues({ ...base, workflow })).toContain("Tổng tỷ lệ thời gian các bước phải bằng 100");
  });

  it("rejects a confirmed code in the synthetic range and a synthetic code in the real range", () => {
    expect(
      issues({
        ...base,
        code: { status: "confirmed", value: "9.900001", evidence: "không có thật ở đâu cả" },
      }),
    ).not.toEqual([]);
    expect(issues({ ...base, code: { status: "synthetic", value: "1.001193" } })).not.toEqual([]);
  });

  it("rejects an unverified code that still carries a value", () => {
    expect(
      issues({
        ...base,
        code: { status: "unverified", value: "1.001193", candidate: null, note: "ghi chú đủ dài" },
      }),
    ).not.toEqual([]);
  });

  it("rejects per-page tiers with a gap or a closed last tier", () => {
    const fee = {
      kind: "per_page",
      label: "Phí",
      feeType: "phi",
      basis: "Thông tư",
      capPerCopyVnd: null,
      exemptions: [],
    };
    const gap = {
      ...fee,
      tiers: [
        { fromPage: 1, toPage: 2, vndPerPage: 2000 },
        { fromPage: 4, toPage: null, vndPerPage: 1000 },
      ],
    };
    const closed = { ...fee, tiers: [{ fromPage: 1, toPage: 2, vndPerPage: 2000 }] };
    expect(issues({ ...base, fees: [gap] })).not.toEqual([]);
    expect(issues({ ...base, fees: [closed] })).not.toEqual([]);
  });

  it("rejects a component with no original and no copy", () => {
    const components = [{ ...base.components[0], originals: 0, copies: 0 }];
    expect(issues({ ...base, components })).toContain("Thành phần hồ sơ phải có ít nhất một bản");
  });
});
