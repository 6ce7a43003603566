import { withoutDiacritics } from "../domain/text/vietnamese.ts";

/**
 * Content-Disposition for a download: an ASCII `filename` for old clients (the Vietnamese name without its
 * diacritics, quotes and backslashes dropped) and the exact name as `filename*` in UTF-8 (RFC 6266 §4.3,
 * RFC 8187).
 */
export function contentDisposition(filename: string, inline = false): string {
  const ascii = withoutDiacritics(filename)
    .replace(/[^\x20-\x7e]/g, "")
    .replace(/["\\]/g, "");
  return `${inline ? "inline" : "attachment"}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
