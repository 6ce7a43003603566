import { useMemo } from "react";
import { documentsEn } from "../../i18n/documents.en.ts";
import { type DocumentsKey, documentsVi } from "../../i18n/documents.vi.ts";
import { type Params, useI18n } from "../../i18n/index.tsx";

/** The documents pages' own texts, in the language the user chose; `t` is stable while the language stays. */
export function useDocumentsI18n() {
  const { lang } = useI18n();
  return useMemo(() => {
    const dict = lang === "en" ? documentsEn : documentsVi;
    const t = (key: DocumentsKey, params?: Params) => {
      const text = dict[key];
      return params
        ? text.replace(/\{(\w+)\}/g, (w, n: string) => (n in params ? String(params[n]) : w))
        : text;
    };
    return { t, lang };
  }, [lang]);
}

export type { DocumentsKey };

/** An instant as the time in Vietnam (UTC+7, no daylight saving) "07/12/2026 09:00"; a date "07/12/2026". */
export function viDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (day) return `${day[3]}/${day[2]}/${day[1]}`;
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const v = new Date(at.getTime() + 7 * 3_600_000).toISOString();
  return `${v.slice(8, 10)}/${v.slice(5, 7)}/${v.slice(0, 4)} ${v.slice(11, 16)}`;
}

export const documentPath = (id: string) => `/app/documents/view?id=${encodeURIComponent(id)}`;
