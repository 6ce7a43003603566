import { useCallback } from "react";
import { type Lang, useI18n } from "../../i18n/index.tsx";
import { portalEn } from "../../i18n/portal.en.ts";
import { type PortalKey, portalVi } from "../../i18n/portal.vi.ts";

export type { PortalKey };
export type PortalParams = Record<string, string | number>;
export type PortalTranslate = (key: PortalKey, params?: PortalParams) => string;

/**
 * The portal's texts. They live in their own dictionaries (i18n/portal.*.ts) that load with the portal's pages,
 * not with the first page; the language is the app's one (useI18n).
 */
const DICTIONARIES: Record<Lang, Record<PortalKey, string>> = { vi: portalVi, en: portalEn };

export function portalText(lang: Lang, key: PortalKey, params?: PortalParams): string {
  const text = DICTIONARIES[lang][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function usePortalI18n(): { lang: Lang; t: PortalTranslate } {
  const { lang } = useI18n();
  const t = useCallback<PortalTranslate>((key, params) => portalText(lang, key, params), [lang]);
  return { lang, t };
}

/** A text the server sends in both languages. */
export function pick(lang: Lang, vi: string, en: string | null | undefined): string {
  return lang === "en" && en ? en : vi;
}
