import { foldForSearch } from "../text/vietnamese.ts";
/**
 * Folding Vietnamese text for search: lower case, no diacritics, đ → d, runs of anything but letters and digits
 * to one space. The database does the same with f_unaccent (unaccent dictionary + đ), so a query typed without
 * diacritics ("quyet dinh") finds "Quyết định".
 */
export function foldVietnamese(text: string): string {
  return foldForSearch(text);
}

/** The words of a query, folded, for an AND search. */
export function queryWords(query: string, max = 8): string[] {
  return [
    ...new Set(
      foldVietnamese(query)
        .split(" ")
        .filter((w) => w.length > 0),
    ),
  ].slice(0, max);
}
