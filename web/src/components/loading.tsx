import { useI18n } from "../i18n/index.tsx";

/** What a page shows while its code or data is on the way. */
export function Loading() {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      {t("common.loading")}
    </p>
  );
}
