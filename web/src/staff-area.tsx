import { Suspense } from "react";
import { Loading } from "./components/loading.tsx";
import { NotFound } from "./components/not-found.tsx";
import { PageHeading } from "./components/page-heading.tsx";
import { Redirect } from "./components/redirect.tsx";
import { StaffLayout } from "./components/staff-layout.tsx";
import { useI18n } from "./i18n/index.tsx";
import { NAV_ITEMS } from "./nav.ts";
import { Link, useLocation } from "./router.tsx";
import { PASSWORD_PAGE, STAFF_ROUTES } from "./routes.tsx";
import { useMe } from "./session.tsx";

/**
 * The officers' workspace (/app/…): its layout, menu and pages. Loaded on demand (app.tsx), so a citizen's first
 * page does not carry it.
 */
export function StaffArea() {
  const me = useMe();
  const { pathname } = useLocation();
  if (me.mustChangePassword && pathname !== PASSWORD_PAGE) return <Redirect to={PASSWORD_PAGE} />;
  const route = STAFF_ROUTES.find((r) => r.path === pathname);
  const navItem = route?.nav ? NAV_ITEMS.find((item) => item.id === route.nav) : undefined;
  const allowed = !navItem || navItem.visible(me.permissions);
  const Page = route?.page;
  return (
    <StaffLayout restricted={me.mustChangePassword}>
      {!Page ? (
        <NotFound />
      ) : !allowed ? (
        <Forbidden />
      ) : (
        <Suspense fallback={<Loading />}>
          <Page key={pathname} />
        </Suspense>
      )}
    </StaffLayout>
  );
}

function Forbidden() {
  const { t } = useI18n();
  return (
    <div className="panel">
      <PageHeading title={t("forbidden.title")} lead={t("forbidden.text")} />
      <Link to="/app" className="button">
        {t("nav.home")}
      </Link>
    </div>
  );
}
