import { describe, expect, it } from "vitest";
import { contentDisposition } from "./content-disposition.ts";

describe("Content-Disposition of downloads (RFC 6266 §4.3, RFC 8187)", () => {
  it("gives old clients the name without diacritics and new ones the exact UTF-8 name", () => {
    expect(contentDisposition("giấy-tiếp-nhận.pdf")).toBe(
      `attachment; filename="giay-tiep-nhan.pdf"; filename*=UTF-8''gi%E1%BA%A5y-ti%E1%BA%BFp-nh%E1%BA%ADn.pdf`,
    );
  });

  it("drops quotes and backslashes from the ASCII name, and opens in place when asked", () => {
    expect(contentDisposition('a"b\\c.pdf', true)).toBe(
      `inline; filename="abc.pdf"; filename*=UTF-8''a%22b%5Cc.pdf`,
    );
  });
});
