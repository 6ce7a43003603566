import { lazy, type ReactNode, Suspense } from "react";
import { Loading } from "../../components/loading.tsx";
import { PORTAL_PATHS } from "../../portal-paths.ts";
import { useLocation } from "../../router.tsx";
import { AccountPage } from "./account/account-page.tsx";
import { ConfirmPage } from "./account/confirm-page.tsx";
import { ForgotPage, ResetPage } from "./account/password-reset-pages.tsx";
import { RegisterPage } from "./account/register-page.tsx";
import { SignInPage } from "./account/sign-in-page.tsx";
import { PortalNotFound } from "./components/portal-not-found.tsx";
import { RequireCitizen } from "./components/require-citizen.tsx";
import { ServicesPage } from "./services/services-page.tsx";
import { StartPage } from "./services/start-page.tsx";
import "./portal.css";

// Filing and following a dossier load when a signed-in citizen gets there.
const FilingPages = lazy(() =>
  import("./filing/filing-routes.tsx").then((m) => ({ default: m.FilingPages })),
);
const DossierPages = lazy(() =>
  import("./dossiers/dossier-routes.tsx").then((m) => ({ default: m.DossierPages })),
);
const PaymentResultPage = lazy(() =>
  import("./dossiers/payment-result-page.tsx").then((m) => ({ default: m.PaymentResultPage })),
);

function signedIn(children: ReactNode) {
  return (
    <RequireCitizen>
      <Suspense fallback={<Loading />}>{children}</Suspense>
    </RequireCitizen>
  );
}

/** The citizen portal (/portal/…): which page a path shows. */
export function PortalPages() {
  const { pathname } = useLocation();
  const P = PORTAL_PATHS;

  switch (pathname) {
    case P.home:
      return <ServicesPage />;
    case P.register:
      return <RegisterPage />;
    case P.confirm:
      return <ConfirmPage />;
    case P.signIn:
      return <SignInPage />;
    case P.forgot:
      return <ForgotPage />;
    case P.reset:
      return <ResetPage />;
    case P.account:
      return signedIn(<AccountPage />);
    case P.payment:
      return signedIn(<PaymentResultPage />);
  }
  if (pathname.startsWith(`${P.procedure}/`)) {
    return <StartPage key={pathname} slug={decodeURIComponent(pathname.slice(P.procedure.length + 1))} />;
  }
  if (pathname === P.dossiers || pathname.startsWith(`${P.dossiers}/`)) {
    return signedIn(<DossierPages />);
  }
  if (pathname.startsWith(`${P.file}/`)) {
    return signedIn(<FilingPages />);
  }
  return <PortalNotFound />;
}
