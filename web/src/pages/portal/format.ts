import type { Lang } from "../../i18n/index.tsx";

/** An address on one line: "Thôn Nà Mèo, Xã Quang Thuận, Huyện Bạch Thông, Tỉnh Bắc Kạn". */
export function formatAddress(address: {
  detail: string;
  commune: string;
  district?: string | null | undefined;
  province: string;
}): string {
  return [address.detail, address.commune, address.district, address.province]
    .filter((part): part is string => !!part && part.trim().length > 0)
    .join(", ");
}

/** Đồng with Vietnamese grouping: "50.000 đồng" / "50,000 VND". */
export function formatVnd(amount: number, lang: Lang): string {
  const digits = new Intl.NumberFormat(lang === "vi" ? "vi-VN" : "en-US").format(amount);
  return lang === "vi" ? `${digits} đồng` : `${digits} VND`;
}

/** Bytes for people: "2,4 MB". */
export function formatBytes(bytes: number, lang: Lang): string {
  const locale = lang === "vi" ? "vi-VN" : "en-US";
  if (bytes < 1024 * 1024) return `${new Intl.NumberFormat(locale).format(Math.ceil(bytes / 1024))} KB`;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`;
}
