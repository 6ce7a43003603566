import type { MessageKey } from "../../i18n/index.tsx";

export type OnlineLevel = "full" | "partial" | "none";

export const ONLINE_LABELS: Record<OnlineLevel, MessageKey> = {
  full: "catalog.online.full",
  partial: "catalog.online.partial",
  none: "catalog.online.none",
};

export const LEVEL_LABELS: Record<string, MessageKey> = {
  commune: "catalog.level.commune",
  district: "catalog.level.district",
  province: "catalog.level.province",
};

export const APPLICANT_LABELS: Record<string, MessageKey> = {
  individual: "catalog.applicant.individual",
  organization: "catalog.applicant.organization",
};

export const HANDLING_LABELS: Record<string, MessageKey> = {
  submit: "catalog.handling.submit",
  present: "catalog.handling.present",
};

export const CODE_STATUS_LABELS: Record<string, MessageKey> = {
  confirmed: "catalog.codeStatus.confirmed",
  reported: "catalog.codeStatus.reported",
  unverified: "catalog.codeStatus.unverified",
  synthetic: "catalog.codeStatus.synthetic",
};

/** "2025-07-01" → "01/07/2025" */
export function displayDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return y && m && d ? `${d}/${m}/${y}` : iso;
}

/** Vietnamese grouping for amounts in both languages, with the currency after. */
export function displayVnd(amount: number, lang: "vi" | "en"): string {
  const digits = String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, lang === "vi" ? "." : ",");
  return lang === "vi" ? `${digits} đ` : `${digits} VND`;
}

/** Where a procedure's public page lives; the unit travels along so the page says where to file. */
export function procedurePath(slug: string, unit?: string): string {
  return `/thu-tuc/${encodeURIComponent(slug)}${unit ? `?unit=${encodeURIComponent(unit)}` : ""}`;
}
