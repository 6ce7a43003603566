import { useI18n } from "../i18n/index.tsx";
import { Link } from "../router.tsx";
import { PageHeading } from "./page-heading.tsx";

/** The panel shown for an address no page answers, in the public site and in the officers' workspace. */
export function NotFound() {
  const { t } = useI18n();
  return (
    <div className="panel">
      <PageHeading title={t("notFound.title")} lead={t("notFound.text")} />
      <Link to="/" className="button">
        {t("notFound.home")}
      </Link>
    </div>
  );
}
