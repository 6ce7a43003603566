import { describe, expect, it } from "vitest";
import { WorkingCalendar } from "../calendar/index.ts";
import { parseInstant } from "../calendar/instant.ts";
import { parseLocalDate } from "../calendar/local-date.ts";
import {
  canDo,
  contactKey,
  feedbackCode,
  findPersonalData,
  forwardDue,
  isFeedbackCode,
  isLate,
  missingCriteria,
  open311Status,
  REDACTED,
  redact,
  statusAfterClassification,
  textKey,
} from "./index.ts";

const calendar = new WorkingCalendar();
const at = (s: string) => parseInstant(s);

describe("forwarding within 5 working days (NĐ 20/2008/NĐ-CP art. 14(2))", () => {
  it("received Monday 30/11/2026 09:00 → due at the close of Monday 07/12/2026, 17:00 (a plain week; BLDS art. 147–148)", () => {
    expect(forwardDue(calendar, at("2026-11-30T09:00:00+07:00"))).toBe(at("2026-12-07T17:00:00+07:00"));
  });
  it("skips the Tết days off of 2026 (TB 9441/TB-BNV: Mon 16/02 – Fri 20/02): Thu 12/02 09:00 → Thu 26/02 17:00", () => {
    // The day of receipt is not counted (BLDS art. 147): Fri 13/02 (1), Mon 23/02 (2), Tue 24/02 (3),
    // Wed 25/02 (4), Thu 26/02 (5), to the close of that working day.
    expect(forwardDue(calendar, at("2026-02-12T09:00:00+07:00"))).toBe(at("2026-02-26T17:00:00+07:00"));
  });
  it("is late only after the due instant, or when still not done past it", () => {
    const due = at("2026-12-07T09:00:00+07:00");
    expect(isLate(due, at("2026-12-07T09:00:00+07:00"), at("2026-12-20T00:00:00+07:00"))).toBe(false);
    expect(isLate(due, at("2026-12-07T09:00:01+07:00"), at("2026-12-07T09:00:01+07:00"))).toBe(true);
    expect(isLate(due, null, at("2026-12-07T08:59:59+07:00"))).toBe(false);
    expect(isLate(due, null, at("2026-12-07T09:00:01+07:00"))).toBe(true);
    expect(isLate(null, null, at("2030-01-01T00:00:00+07:00"))).toBeNull();
  });
});

describe("classification and statuses (art. 14)", () => {
  it("forwards conduct and outside-competence feedback, handles its own, closes the rest", () => {
    expect(statusAfterClassification("conduct")).toBe("to_forward");
    expect(statusAfterClassification("outside_competence")).toBe("to_forward");
    expect(statusAfterClassification("within_competence")).toBe("accepted");
    expect(statusAfterClassification("not_accepted")).toBe("not_accepted");
  });
  it("publishes only what was answered and rates only what was published", () => {
    expect(canDo("publish", "answered")).toBe(true);
    expect(canDo("publish", "accepted")).toBe(false);
    expect(canDo("rate", "answered")).toBe(false);
    expect(canDo("forward", "accepted")).toBe(false);
  });
  it("maps to Open311's open/closed", () => {
    expect(open311Status("accepted")).toBe("open");
    expect(open311Status("answered")).toBe("open");
    expect(open311Status("published")).toBe("closed");
    expect(open311Status("forwarded")).toBe("closed");
  });
  it("asks for all six criteria of art. 16 before the decision", () => {
    expect(missingCriteria(null)).toHaveLength(6);
    expect(missingCriteria({ necessity: { assessment: "met", note: null } })).not.toContain("necessity");
  });
});

describe("redaction of personal data before publication", () => {
  const known = {
    name: "Trần Văn Bình",
    address: "Số 5, thôn Nà Làng, xã Quang Thuận",
    phone: "0912 345 678",
    email: "binh.tran@example.vn",
  };

  it("removes the name (also without diacritics), the given name, phone, identity number, e-mail, address", () => {
    const text =
      "Tôi là Trần Văn Bình (tran van binh), CCCD 006190001234, CMND 095123456, ĐT 0912.345.678 hoặc +84 912 345 678, " +
      "thư binh.tran@example.vn, nhà ở Số 5, thôn Nà Làng, xã Quang Thuận. Anh Bình đề nghị rút ngắn thời hạn.";
    const out = redact(text, known);
    for (const piece of [
      "Trần",
      "tran van binh",
      "006190001234",
      "095123456",
      "345",
      "binh.tran",
      "Nà Làng",
      "Bình",
    ])
      expect(out).not.toContain(piece);
    expect(out).toContain("đề nghị rút ngắn thời hạn");
    expect(findPersonalData(out, known)).toEqual([]);
  });
  it("removes a third person's name after a form of address and a printed lookup secret", () => {
    const out = redact("Bà Hoàng Thị Lan ở bộ phận một cửa cho mã K7QM-2WXA.", {});
    expect(out).toBe(`Bà ${REDACTED} ở bộ phận một cửa cho mã ${REDACTED}.`);
  });
  it("finds what is left: each kind by name", () => {
    expect(findPersonalData("Người gửi: TRAN VAN BINH", known)).toEqual(["name"]);
    expect(findPersonalData("Gọi 0987654321", known)).toEqual(["phone"]);
    expect(findPersonalData("Số 006190001234", known)).toEqual(["identity_number"]);
    expect(findPersonalData("Mã K7QM-2WXA", known)).toEqual(["secret"]);
    expect(findPersonalData("Xin cảm ơn ông/bà đã góp ý.", known)).toEqual([]);
  });
  it("leaves ordinary words and numbers alone (dates, fees, article numbers)", () => {
    const text = "Từ ngày 01/12/2026, lệ phí 5.000 đồng theo Điều 14 Nghị định 20/2008/NĐ-CP.";
    expect(redact(text, known)).toBe(text);
  });
});

describe("codes and duplicates", () => {
  it("formats <agency>-PA-YYMMDD-NNNN", () => {
    expect(feedbackCode("000.17.31.H06", parseLocalDate("2026-11-30"), 7)).toBe(
      "000.17.31.H06-PA-261130-0007",
    );
    expect(isFeedbackCode("000.17.31.H06-PA-261130-0007")).toBe(true);
    expect(() => feedbackCode("000.17.31.H06", parseLocalDate("2026-11-30"), 10_000)).toThrow();
  });
  it("treats retyped text and both phone spellings as the same", () => {
    expect(textKey("Đề nghị  bố trí GHẾ chờ!")).toBe(textKey("de nghi bo tri ghe cho"));
    expect(contactKey({ phone: "+84 912 345 678" })).toBe(contactKey({ phone: "0912.345.678" }));
    expect(contactKey({ email: " A@B.VN " })).toBe("e:a@b.vn");
  });
});
