import { useI18n } from "../i18n/index.tsx";

export function SiteFooter() {
  const { t } = useI18n();
  return (
    <footer className="site-footer">
      <div className="container footer-inner">
        <p className="footer-title">{t("footer.title")}</p>
        <p>{t("footer.note")}</p>
        <p>
          <a href="/api/docs">{t("footer.apiDocs")}</a>
        </p>
      </div>
    </footer>
  );
}
