import { describe, expect, it } from "vitest";
import {
  archiveDueDate,
  authorityLine,
  DOCUMENT_TYPES,
  documentType,
  foldVietnamese,
  formatNumber,
  nextIncoming,
  nextOutgoing,
  numberAndNotation,
  numberingYear,
  parseNumberAndNotation,
  registrationDeadlineDay,
} from "./index.ts";

describe("kinds and abbreviations (NĐ 30/2020 Phụ lục III)", () => {
  it("has the abbreviations of the appendix, with QyĐ for quy định and none for công văn", () => {
    expect(documentType("quyet-dinh")?.abbreviation).toBe("QĐ");
    expect(documentType("quy-dinh")?.abbreviation).toBe("QyĐ");
    expect(documentType("ban-ghi-nho")?.abbreviation).toBe("BGN");
    expect(documentType("giay-nghi-phep")?.abbreviation).toBe("GNP");
    expect(documentType("to-trinh")?.abbreviation).toBe("TTr");
    expect(documentType("cong-van")?.abbreviation).toBeNull();
    expect(new Set(DOCUMENT_TYPES.map((d) => d.abbreviation)).size).toBe(DOCUMENT_TYPES.length - 1);
    for (const d of DOCUMENT_TYPES) expect(d.source).toMatch(/30\/2020\/NĐ-CP/);
  });
});

describe("number and notation (NĐ 30/2020 Điều 15, Phụ lục I ô 3)", () => {
  it("writes 1…9 with a leading zero, from 01", () => {
    expect(formatNumber(1)).toBe("01");
    expect(formatNumber(9)).toBe("09");
    expect(formatNumber(10)).toBe("10");
    expect(formatNumber(123)).toBe("123");
    expect(() => formatNumber(0)).toThrow();
  });
  it("gives 49/QĐ-UBND for a decision and 15/UBND-VP for a công văn, as in the seed article", () => {
    expect(numberAndNotation(49, { type: { abbreviation: "QĐ" }, agency: "UBND" })).toBe("49/QĐ-UBND");
    expect(numberAndNotation(15, { type: { abbreviation: null }, agency: "UBND", draftingUnit: "VP" })).toBe(
      "15/UBND-VP",
    );
    expect(parseNumberAndNotation("49/QĐ-UBND")).toEqual({ number: 49, notation: "QĐ-UBND" });
    expect(parseNumberAndNotation(" 05 / UBND-VP ")).toEqual({ number: 5, notation: "UBND-VP" });
    expect(parseNumberAndNotation("QĐ-UBND")).toBeNull();
  });
  it("numbers by the calendar year in Vietnam: 31/12 at 23:30 +07 is still the old year", () => {
    expect(numberingYear(new Date("2026-12-31T16:29:59Z"))).toBe(2026);
    expect(numberingYear(new Date("2026-12-31T17:00:00Z"))).toBe(2027);
  });
});

describe("signing modes (NĐ 30/2020 Điều 13, Phụ lục I ô 7a)", () => {
  it("writes the authority line in capitals and none for the head", () => {
    expect(authorityLine("KT", "Chủ tịch")).toBe("KT. CHỦ TỊCH");
    expect(authorityLine("TM", "Ủy ban nhân dân")).toBe("TM. ỦY BAN NHÂN DÂN");
    expect(authorityLine("head", null)).toBeNull();
    expect(() => authorityLine("TL", "")).toThrow();
  });
});

describe("workflow", () => {
  it("lets only a signed document be issued, and only a sent one be recalled", () => {
    expect(nextOutgoing("draft", "submit")).toBe("submitted");
    expect(nextOutgoing("submitted", "sign")).toBe("signed");
    expect(nextOutgoing("draft", "issue")).toBeNull();
    expect(nextOutgoing("submitted", "issue")).toBeNull();
    expect(nextOutgoing("signed", "issue")).toBe("issued");
    expect(nextOutgoing("issued", "recall")).toBeNull();
    expect(nextOutgoing("sent", "recall")).toBe("recalled");
    expect(nextOutgoing("recalled", "send")).toBeNull();
    expect(nextOutgoing("signed", "edit")).toBeNull();
  });
  it("registers only what arrived, and refuses only before registering", () => {
    expect(nextIncoming("arrived", "register")).toBe("registered");
    expect(nextIncoming("registered", "register")).toBeNull();
    expect(nextIncoming("registered", "refuse")).toBeNull();
    expect(nextIncoming("registered", "assign")).toBe("assigned");
    expect(nextIncoming("done", "start")).toBeNull();
  });
});

describe("registration deadline (NĐ 30/2020 Điều 22(1): same or next working day)", () => {
  // Days as numbers; 5 and 6 are a weekend, 7 a holiday.
  const off = new Set([5, 6, 7, 12, 13]);
  const calendar = {
    isWorkingDay: (d: number) => !off.has(d),
    nextWorkingDay(d: number) {
      let n = d + 1;
      while (off.has(n)) n++;
      return n;
    },
  };
  it("is the next working day after a working day of arrival", () => {
    expect(registrationDeadlineDay(calendar, 1)).toBe(2);
    expect(registrationDeadlineDay(calendar, 4)).toBe(8);
  });
  it("counts from the first working day when it arrives on a day off", () => {
    expect(registrationDeadlineDay(calendar, 5)).toBe(9);
  });
});

describe("search folding", () => {
  it("drops diacritics and maps đ to d", () => {
    expect(foldVietnamese("Quyết định số 49/QĐ-UBND về Đất đai")).toBe("quyet dinh so 49 qd ubnd ve dat dai");
  });
});

describe("archive hand-over (within one year after the work ends)", () => {
  it("is one year after the file closes", () => {
    expect(archiveDueDate("2026-03-15")).toBe("2027-03-15");
  });
});

describe("date line (NĐ 30/2020 Phụ lục I ô 4)", () => {
  it("pads days below 10 and months 1–2 only", async () => {
    const { issueDateLine } = await import("./notation.ts");
    expect(issueDateLine("Bạch Thông", "2018-06-01")).toBe("Bạch Thông, ngày 01 tháng 6 năm 2018");
    expect(issueDateLine("Bạch Thông", "2027-01-05")).toBe("Bạch Thông, ngày 05 tháng 01 năm 2027");
    expect(issueDateLine("Phủ Thông", "2026-12-17")).toBe("Phủ Thông, ngày 17 tháng 12 năm 2026");
  });
});
