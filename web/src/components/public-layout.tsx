import { type ReactNode, useEffect, useRef, useState } from "react";
import { type MessageKey, useI18n } from "../i18n/index.tsx";
import { PORTAL_PATHS } from "../portal-paths.ts";
import { Link, useLocation } from "../router.tsx";
import { useSession } from "../session.tsx";
import { Icon } from "./icons.tsx";
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
  { path: PORTAL_PATHS.home, label: "public.nav.services" },
  { path: "/thu-tuc", label: "public.nav.catalog" },
  { path: "/tra-cuu", label: "public.nav.lookup" },
  { path: "/phan-anh-kien-nghi", label: "public.nav.feedback" },
  { path: "/calendar", label: "public.nav.calendar" },
  { path: "/kiem-tra-chu-ky", label: "public.nav.verify" },
];

export function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { state } = useSession();
  const { pathname } = useLocation();
  const cta = navCta(state.status);
  const [menuOpen, setMenuOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);

  // A new page closes the menu (on a phone it folds behind its button).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on page change on purpose
  useEffect(() => setMenuOpen(false), [pathname]);

  useEffect(() => {
    if (!menuOpen) return;
    function onKey(event: KeyboardEvent) {
      if (event.key === "Escape") {
        setMenuOpen(false);
        toggleRef.current?.focus();
      }
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [menuOpen]);

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
          <button
            ref={toggleRef}
            type="button"
            className="menu-toggle public-menu-toggle"
            aria-expanded={menuOpen}
            aria-controls="public-nav"
            data-testid="public-menu-toggle"
            onClick={() => setMenuOpen((open) => !open)}
          >
            <Icon name={menuOpen ? "close" : "menu"} />
            <span className="button-label">{t("nav.menu")}</span>
          </button>
        </div>
        <nav
          id="public-nav"
          className={menuOpen ? "public-nav is-open" : "public-nav"}
          aria-label={t("public.nav.label")}
        >
          <div className="container public-nav-inner">
            <ul>
              {PUBLIC_NAV.map((item) => (
                <li key={item.path}>
                  <Link to={item.path} aria-current={current(item.path, pathname) ? "page" : undefined}>
                    {t(item.label)}
                  </Link>
                </li>
              ))}
            </ul>
            <Link
              to={cta.path}
              className="public-nav-cta"
              data-testid="public-nav-cta"
              aria-current={pathname === cta.path ? "page" : undefined}
            >
              {t(cta.label)}
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

/** The portal's menu entry stays marked on its inner pages (a procedure's start page, the forms). */
function current(path: string, pathname: string): boolean {
  if (path === PORTAL_PATHS.home) return pathname === path || pathname.startsWith(PORTAL_PATHS.procedure);
  return pathname === path;
}

/** The menu's button: a citizen's dossiers, an officer's workspace, or the citizens' sign-in. */
function navCta(status: string): { path: string; label: MessageKey } {
  if (status === "staff") return { path: "/app", label: "public.nav.workspace" };
  if (status === "citizen") return { path: PORTAL_PATHS.dossiers, label: "public.nav.myDossiers" };
  return { path: PORTAL_PATHS.signIn, label: "public.nav.citizenLogin" };
}
