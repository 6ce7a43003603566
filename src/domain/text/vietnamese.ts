/**
 * Vietnamese text without its diacritics, for what cannot carry them (SMS in the GSM 7-bit alphabet, gateway order
 * descriptions, ASCII file names) and for matching that ignores them (search, duplicate names). "đ" is a letter of
 * its own, not a "d" with a mark, so Unicode decomposition leaves it: it is mapped to "d" by hand.
 */
export function withoutDiacritics(text: string): string {
  return text.replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC");
}

/** Lower case, no diacritics, runs of anything but letters and digits as one space: "Xã Quang Thuận" → "xa quang thuan". */
export function foldForSearch(text: string): string {
  return withoutDiacritics(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** A name for URLs and files: "Đăng ký khai sinh" → "dang-ky-khai-sinh". */
export function slugify(text: string): string {
  return withoutDiacritics(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
