import { lazy, Suspense } from "react";
import { Loading } from "./components/loading.tsx";
import { NotFound } from "./components/not-found.tsx";
import { PublicLayout } from "./components/public-layout.tsx";
import { Redirect } from "./components/redirect.tsx";
import { I18nProvider } from "./i18n/index.tsx";
import { LandingPage } from "./pages/landing.tsx";
import { isPortalPath } from "./portal-paths.ts";
import { useLocation } from "./router.tsx";
import { SessionProvider, useSession } from "./session.tsx";

// The first page a citizen opens is the landing page: everything else (the officers' workspace, the staff
// sign-in, the portal's forms) loads on demand, so that a phone on a slow link fetches little (BENCHMARKS.md).
const StaffArea = lazy(() => import("./staff-area.tsx").then((m) => ({ default: m.StaffArea })));
const LoginPage = lazy(() => import("./pages/login.tsx").then((m) => ({ default: m.LoginPage })));
const PortalPages = lazy(() =>
  import("./pages/portal/portal-routes.tsx").then((m) => ({ default: m.PortalPages })),
);

const CatalogPublicPages = lazy(() =>
  import("./pages/catalog/public-routes.tsx").then((m) => ({ default: m.CatalogPublicPages })),
);
const FeedbackPublicPages = lazy(() =>
  import("./pages/feedback/public-pages.tsx").then((m) => ({ default: m.FeedbackPublicPages })),
);
const LookupPage = lazy(() =>
  import("./pages/lookup/lookup-page.tsx").then((m) => ({ default: m.LookupPage })),
);
const VerifyPage = lazy(() =>
  import("./pages/signing/verify-page.tsx").then((m) => ({ default: m.VerifyPage })),
);
const PublicDeskPage = lazy(() =>
  import("./pages/desk/public-desk-page.tsx").then((m) => ({ default: m.PublicDeskPage })),
);
const KioskPage = lazy(() => import("./pages/desk/kiosk-page.tsx").then((m) => ({ default: m.KioskPage })));
const DisplayPage = lazy(() =>
  import("./pages/desk/display-page.tsx").then((m) => ({ default: m.DisplayPage })),
);
const RatingPage = lazy(() =>
  import("./pages/desk/rating-page.tsx").then((m) => ({ default: m.RatingPage })),
);

/** The screens at the desk (kiosk, waiting-room display, counter tablet): full screen, no site frame. */
const DEVICE_SCREENS = {
  "/quay/lay-so": KioskPage,
  "/quay/man-hinh": DisplayPage,
  "/quay/danh-gia": RatingPage,
} as const;

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
  if (pathname === "/phan-anh-kien-nghi" || pathname.startsWith("/phan-anh-kien-nghi/")) {
    return (
      <PublicLayout>
        <Suspense fallback={<Loading />}>
          <FeedbackPublicPages />
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
  // Desk pages take the unit's code in ?unit= (codes hold dots, which a path would read as a file name).
  const deskUnit = location.search.get("unit");
  if (pathname === "/mot-cua" && deskUnit) {
    return (
      <PublicLayout>
        <Suspense fallback={<Loading />}>
          <PublicDeskPage code={deskUnit} />
        </Suspense>
      </PublicLayout>
    );
  }
  const DeviceScreen = DEVICE_SCREENS[pathname as keyof typeof DEVICE_SCREENS];
  if (DeviceScreen && deskUnit) {
    return (
      <Suspense fallback={<Loading />}>
        <DeviceScreen unitCode={deskUnit} />
      </Suspense>
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
        <Suspense fallback={<Loading />}>
          <LoginPage />
        </Suspense>
      </PublicLayout>
    );
  }
  if (pathname === "/app" || pathname.startsWith("/app/")) {
    if (state.status !== "staff") {
      return <Redirect to={`/login?next=${encodeURIComponent(location.href)}`} />;
    }
    return (
      <Suspense fallback={<Loading />}>
        <StaffArea />
      </Suspense>
    );
  }
  if (isPortalPath(pathname)) {
    return (
      <PublicLayout>
        <Suspense fallback={<Loading />}>
          <PortalPages />
        </Suspense>
      </PublicLayout>
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
