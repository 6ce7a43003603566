import { lazy, Suspense } from "react";
import { PageHeading } from "./components/page-heading.tsx";
import { PublicLayout } from "./components/public-layout.tsx";
import { Redirect } from "./components/redirect.tsx";
import { StaffLayout } from "./components/staff-layout.tsx";
import { I18nProvider, useI18n } from "./i18n/index.tsx";
import { NAV_ITEMS } from "./nav.ts";
import { LandingPage } from "./pages/landing.tsx";
import { LoginPage } from "./pages/login.tsx";
import { Link, useLocation } from "./router.tsx";
import { PASSWORD_PAGE, STAFF_ROUTES } from "./routes.tsx";
import { SessionProvider, useSession } from "./session.tsx";

const CatalogPublicPages = lazy(() =>
  import("./pages/catalog/public-routes.tsx").then((m) => ({ default: m.CatalogPublicPages })),
);
const LookupPage = lazy(() =>
  import("./pages/lookup/lookup-page.tsx").then((m) => ({ default: m.LookupPage })),
);
const VerifyPage = lazy(() =>
  import("./pages/signing/verify-page.tsx").then((m) => ({ default: m.VerifyPage })),
);
const CalendarPage = lazy(() =>
  import("./pages/calendar/calendar-page.tsx").then((m) => ({ default: m.CalendarPage })),
);

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <Screen />
      </SessionProvider>
    </I18nProvider>
  );
}

function Loading() {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      {t("common.loading")}
    </p>
  );
}

function Screen() {
  const { state } = useSession();
  const location = useLocation();
  const { pathname } = location;

  if (state.status === "loading") return <Loading />;

  if (pathname === "/") {
    return (
      <PublicLayout>
        <LandingPage />
      </PublicLayout>
    );
  }
  if (pathname === "/thu-tuc" || pathname.startsWith("/thu-tuc/")) {
    return (
      <PublicLayout>
        <Suspense fallback={<Loading />}>
          <CatalogPublicPages />
        </Suspense>
      </PublicLayout>
    );
  }
  if (pathname === "/tra-cuu") {
    return (
      <PublicLayout>
        <Suspense fallback={<Loading />}>
          <LookupPage />
        </Suspense>
      </PublicLayout>
    );
  }
  if (pathname === "/kiem-tra-chu-ky") {
    return (
      <PublicLayout>
        <Suspense fallback={<Loading />}>
          <VerifyPage />
        </Suspense>
      </PublicLayout>
    );
  }
  if (pathname === "/calendar") {
    return (
      <PublicLayout>
        <Suspense fallback={<Loading />}>
          <CalendarPage />
        </Suspense>
      </PublicLayout>
    );
  }
  if (pathname === "/login") {
    if (state.status === "staff") return <Redirect to="/app" />;
    return (
      <PublicLayout>
        <LoginPage />
      </PublicLayout>
    );
  }
  if (pathname === "/app" || pathname.startsWith("/app/")) {
    if (state.status !== "staff") {
      return <Redirect to={`/login?next=${encodeURIComponent(location.href)}`} />;
    }
    const me = state.me;
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
  return (
    <PublicLayout>
      <div className="container narrow-page">
        <NotFound />
      </div>
    </PublicLayout>
  );
}

function NotFound() {
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
