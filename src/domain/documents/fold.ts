import { foldForSearch } from "../text/vietnamese.ts";

/**
 * A query is folded as the database folds text with f_unaccent (unaccent dictionary + đ), so a query typed without
 * diacritics ("quyet dinh") finds "Quyết định".
 */
export { foldForSearch as foldVietnamese };

/** The words of a query, folded, for an AND search. */
export function queryWords(query: string, max = 8): string[] {
  return [
    ...new Set(
      foldForSearch(query)
        .split(" ")
        .filter((w) => w.length > 0),
    ),
  ].slice(0, max);
}
