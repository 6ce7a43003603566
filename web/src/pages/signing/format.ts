import type { Lang } from "../../i18n/index.tsx";

/** "14:05:09 ngày 28/11/2026" in Vietnam time (UTC+7), the time on the document's signature block. */
export function formatSigningTime(iso: string | undefined, lang: Lang): string {
  if (!iso) return "—";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const shifted = new Date(date.getTime() + 7 * 3600 * 1000).toISOString();
  const day = `${shifted.slice(8, 10)}/${shifted.slice(5, 7)}/${shifted.slice(0, 4)}`;
  const time = shifted.slice(11, 19);
  return lang === "vi" ? `${time} ngày ${day} (giờ Việt Nam)` : `${time}, ${day} (Vietnam time, UTC+7)`;
}

/** "28/11/2026" in Vietnam time. */
export function formatDay(iso: string | undefined): string {
  if (!iso) return "—";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const shifted = new Date(date.getTime() + 7 * 3600 * 1000).toISOString();
  return `${shifted.slice(8, 10)}/${shifted.slice(5, 7)}/${shifted.slice(0, 4)}`;
}

/** A certificate file for the API: PEM text as is, DER as base64. */
export async function certificateFileText(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 64));
  if (head.includes("-----BEGIN")) return new TextDecoder("utf-8").decode(bytes);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** "1A:2B:…" of a hex fingerprint, grouped for reading aloud or comparing by eye. */
export function groupedHex(hex: string): string {
  return (hex.toUpperCase().match(/.{1,2}/g) ?? []).join(":");
}
