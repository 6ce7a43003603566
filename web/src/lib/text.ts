/** Lower case without diacritics, so that "quang thuan" finds "Quang Thuận" and "đ" matches "d". */
export function foldVietnamese(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "d")
    .toLowerCase();
}
