import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IdentityNumber } from "../../contracts/citizen-accounts.ts";
import { CCCD_PROVINCE_CODES, centurySexDigit, checkCccd, parseCccd } from "./cccd.ts";

const provinceCodes = Object.keys(CCCD_PROVINCE_CODES);
const knownCode = fc.constantFrom(...provinceCodes);
const unknownCode = fc
  .integer({ min: 0, max: 999 })
  .map((n) => String(n).padStart(3, "0"))
  .filter((c) => !provinceCodes.includes(c));
const birthYear = fc.integer({ min: 1900, max: 2399 });
const sex = fc.constantFrom("male" as const, "female" as const);
const serial = fc.integer({ min: 0, max: 999_999 }).map((n) => String(n).padStart(6, "0"));

const build = (code: string, year: number, s: "male" | "female", tail: string) =>
  `${code}${centurySexDigit(year, s)}${String(year % 100).padStart(2, "0")}${tail}`;

describe("CCCD structure (TT 59/2021/TT-BCA art. 7)", () => {
  it("has the 63 province codes of Phụ lục I", () => {
    expect(provinceCodes).toHaveLength(63);
    expect(CCCD_PROVINCE_CODES["001"]).toBe("Hà Nội");
    expect(CCCD_PROVINCE_CODES["079"]).toBe("Thành phố Hồ Chí Minh");
  });

  it("reads back the province, sex and year of birth of any well-formed number", () => {
    fc.assert(
      fc.property(knownCode, birthYear, sex, serial, (code, year, s, tail) => {
        const parsed = parseCccd(build(code, year, s, tail));
        expect(parsed).toEqual({
          ok: true,
          parts: { provinceCode: code, provinceName: CCCD_PROVINCE_CODES[code], sex: s, birthYear: year },
        });
        expect(checkCccd(build(code, year, s, tail), { birthYear: year }).ok).toBe(true);
        expect(IdentityNumber.safeParse(build(code, year, s, tail)).success).toBe(true);
      }),
    );
  });

  it("refuses a code that is no province", () => {
    fc.assert(
      fc.property(unknownCode, birthYear, sex, serial, (code, year, s, tail) => {
        expect(checkCccd(build(code, year, s, tail))).toEqual({ ok: false, problem: "province" });
        expect(IdentityNumber.safeParse(build(code, year, s, tail)).success).toBe(false);
      }),
    );
  });

  it("refuses a year of birth that the century/sex digit and year digits contradict", () => {
    fc.assert(
      fc.property(knownCode, birthYear, birthYear, sex, serial, (code, year, other, s, tail) => {
        fc.pre(year !== other);
        expect(checkCccd(build(code, year, s, tail), { birthYear: other })).toEqual({
          ok: false,
          problem: "birth_year",
        });
      }),
    );
  });

  it("refuses anything but twelve digits", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (value) => {
        fc.pre(!/^\d{12}$/.test(value));
        expect(checkCccd(value)).toEqual({ ok: false, problem: "format" });
      }),
    );
  });

  it("refuses a birth in the future", () => {
    const today = new Date("2026-11-29T00:00:00Z");
    expect(checkCccd(build("001", 2027, "male", "000001"), { today }).ok).toBe(false);
    expect(checkCccd(build("001", 2026, "female", "000001"), { today }).ok).toBe(true);
  });
});
