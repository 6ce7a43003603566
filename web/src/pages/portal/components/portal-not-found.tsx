import { PORTAL_PATHS } from "../../../portal-paths.ts";
import { Link } from "../../../router.tsx";
import { usePortalI18n } from "../portal-i18n.ts";
import { PortalPage } from "./portal-page.tsx";

export function PortalNotFound() {
  const { t } = usePortalI18n();
  return (
    <PortalPage title={t("p.notFound")}>
      <p>
        <Link to={PORTAL_PATHS.home}>{t("p.home.title")}</Link>
      </p>
    </PortalPage>
  );
}
