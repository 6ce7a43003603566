import { withoutDiacritics } from "../../../src/domain/text/vietnamese.ts";

/** Lower case without diacritics, so that "quang thuan" finds "Quang Thuận" and "đ" matches "d". */
export function foldVietnamese(text: string): string {
  return withoutDiacritics(text).toLowerCase();
}

const collator = new Intl.Collator("vi", { numeric: true, sensitivity: "base" });

/** Vietnamese alphabetical order ("Đ" after "D"), whatever collation the database used. */
export function byVietnameseName<T extends { name: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => collator.compare(a.name, b.name));
}
