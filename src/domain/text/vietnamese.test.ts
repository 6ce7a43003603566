import { describe, expect, it } from "vitest";
import { foldForSearch, slugify, withoutDiacritics } from "./vietnamese.ts";

describe("Vietnamese text without diacritics", () => {
  it("drops every tone and vowel mark and maps đ/Đ to d/D (the 29-letter alphabet: ă â đ ê ô ơ ư are letters)", () => {
    expect(withoutDiacritics("Ủy ban nhân dân xã Đồng Hỷ")).toBe("Uy ban nhan dan xa Dong Hy");
    expect(withoutDiacritics("ăâđêôơư ĂÂĐÊÔƠƯ")).toBe("aadeoou AADEOOU");
    // The five tones on one vowel, composed and decomposed alike.
    expect(withoutDiacritics("àáảãạ")).toBe("aaaaa");
    expect(withoutDiacritics("a\u0300a\u0301")).toBe("aa");
  });

  it("folds for search: lower case, punctuation as single spaces", () => {
    expect(foldForSearch("  Xã Quang Thuận, huyện Bạch Thông! ")).toBe("xa quang thuan huyen bach thong");
    expect(foldForSearch("Đăng ký khai sinh (lưu động)")).toBe("dang ky khai sinh luu dong");
  });

  it("makes slugs with single hyphens and none at the ends", () => {
    expect(slugify("Đăng ký khai sinh — lưu động")).toBe("dang-ky-khai-sinh-luu-dong");
    expect(slugify("-- Hà Nội --")).toBe("ha-noi");
  });
});
