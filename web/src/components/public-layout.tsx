import type { ReactNode } from "react";
import { type MessageKey, useI18n } from "../i18n/index.tsx";
import { Link, useLocation } from "../router.tsx";
import { useSession } from "../session.tsx";
import { LanguageSwitch } from "./language-switch.tsx";
import { Logo } from "./logo.tsx";
import { SiteFooter } from "./site-footer.tsx";

interface PublicNavItem {
  path: string;
  label: MessageKey;
}

/**
 * The citizen-facing menu as data. The portal's later pages (procedure catalog search, dossier lookup,
 * feedback) add their rows here.
 */
const PUBLIC_NAV: readonly PublicNavItem[] = [
  { path: "/", label: "public.nav.home" },
  { path: "/thu-tuc", label: "public.nav.catalog" },
  { path: "/tra-cuu", label: "public.nav.lookup" },
  { path: "/calendar", label: "public.nav.calendar" },
  { path: "/kiem-tra-chu-ky", label: "public.nav.verify" },
];

export function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { state } = useSession();
  const { pathname } = useLocation();
  const signedIn = state.status === "staff";

  return (
    <div className="shell public-shell">
      <a className="skip-link" href="#main">
        {t("common.skipToContent")}
      </a>
      <div className="topbar">
        <div className="container topbar-inner">
          <span className="topbar-motto">{t("public.topbar")}</span>
          <LanguageSwitch />
        </div>
      </div>
      <header className="site-header">
        <div className="container header-inner">
          <Link to="/" className="brand">
            <Logo size={48} />
            <span className="brand-text">
              <span className="brand-name">{t("public.title")}</span>
              <span className="brand-sub">{t("public.subtitle")}</span>
            </span>
          </Link>
        </div>
        <nav className="public-nav" aria-label={t("public.nav.label")}>
          <div className="container public-nav-inner">
            <ul>
              {PUBLIC_NAV.map((item) => (
                <li key={item.path}>
                  <Link to={item.path} aria-current={pathname === item.path ? "page" : undefined}>
                    {t(item.label)}
                  </Link>
                </li>
              ))}
            </ul>
            <Link
              to={signedIn ? "/app" : "/login"}
              className="public-nav-cta"
              aria-current={pathname === "/login" ? "page" : undefined}
            >
              {signedIn ? t("public.nav.workspace") : t("public.nav.staffLogin")}
            </Link>
          </div>
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="public-main">
        {children}
      </main>
      <SiteFooter />
    </div>
  );
}
