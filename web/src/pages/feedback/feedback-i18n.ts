import { useMemo } from "react";
import { feedbackEn } from "../../i18n/feedback.en.ts";
import { type FeedbackKey, feedbackVi } from "../../i18n/feedback.vi.ts";
import { type Params, useI18n } from "../../i18n/index.tsx";

/** The feedback pages' own texts, in the language the user chose; `t` is stable while the language stays. */
export function useFeedbackI18n() {
  const { lang } = useI18n();
  return useMemo(() => {
    const dict = lang === "en" ? feedbackEn : feedbackVi;
    const t = (key: FeedbackKey, params?: Params) => {
      const text = dict[key];
      return params
        ? text.replace(/\{(\w+)\}/g, (w, n: string) => (n in params ? String(params[n]) : w))
        : text;
    };
    return { t, lang };
  }, [lang]);
}

/** "2026-12-07T09:00:00+07:00" → "07/12/2026 09:00" (the time as in Vietnam). */
export function shortInstant(iso: string | null): string {
  if (!iso) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]} ${m[4]}:${m[5]}` : iso;
}
