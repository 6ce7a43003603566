import { type ReactNode, useEffect, useRef, useState } from "react";
import { useI18n } from "../i18n/index.tsx";
import { NAV_GROUPS, navItemFor, visibleNav } from "../nav.ts";
import { Link, navigate, useLocation } from "../router.tsx";
import { useMe, useSession } from "../session.tsx";
import { Icon } from "./icons.tsx";
import { LanguageSwitch } from "./language-switch.tsx";
import { Logo } from "./logo.tsx";
import { SiteFooter } from "./site-footer.tsx";

/** The staff workspace: header with the user's unit, the menu (a drawer on phones), and the page. */
export function StaffLayout({ children, restricted }: { children: ReactNode; restricted?: boolean }) {
  const { t } = useI18n();
  const me = useMe();
  const { signOut } = useSession();
  const { pathname } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const items = restricted ? [] : visibleNav(me.permissions);
  const current = navItemFor(pathname);

  // A new page closes the drawer.
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

  async function logout() {
    await signOut().catch(() => undefined);
    navigate("/login", { replace: true });
  }

  return (
    <div className="shell staff-shell">
      <a className="skip-link" href="#main">
        {t("common.skipToContent")}
      </a>
      <header className="site-header staff-header">
        <div className="container header-inner">
          {items.length > 0 ? (
            <button
              ref={toggleRef}
              type="button"
              className="menu-toggle"
              aria-expanded={menuOpen}
              aria-controls="staff-nav"
              onClick={() => setMenuOpen((open) => !open)}
            >
              <Icon name={menuOpen ? "close" : "menu"} />
              <span className="button-label">{t("nav.menu")}</span>
            </button>
          ) : null}
          <Link to="/app" className="brand">
            <Logo size={40} />
            <span className="brand-text">
              <span className="brand-name">{t("app.name")}</span>
              <span className="brand-sub" data-testid="header-unit">
                {me.unit.name}
              </span>
            </span>
          </Link>
          <div className="header-actions">
            <span className="header-user">
              <span className="header-user-name">{me.fullName}</span>
              <span className="header-user-login">{me.username}</span>
            </span>
            <LanguageSwitch />
            <button type="button" className="header-button" onClick={logout}>
              <Icon name="logout" />
              <span className="button-label">{t("nav.logout")}</span>
            </button>
          </div>
        </div>
      </header>
      <div className="container workspace">
        {items.length > 0 ? (
          <nav
            id="staff-nav"
            className={menuOpen ? "side-nav is-open" : "side-nav"}
            aria-label={t("nav.label")}
          >
            {NAV_GROUPS.map((group) => {
              const groupItems = items.filter((item) => item.group === group);
              if (groupItems.length === 0) return null;
              return (
                <div className="nav-group" key={group}>
                  <h2 className="nav-group-title" id={`nav-group-${group}`}>
                    {t(`nav.group.${group}`)}
                  </h2>
                  <ul aria-labelledby={`nav-group-${group}`}>
                    {groupItems.map((item) => (
                      <li key={item.id}>
                        <Link
                          to={item.path}
                          className="nav-link"
                          data-nav={item.id}
                          aria-current={current?.id === item.id ? "page" : undefined}
                        >
                          <Icon name={item.icon} />
                          <span>{t(item.label)}</span>
                        </Link>
                      </li>
                    ))}
                  </ul>
                </div>
              );
            })}
          </nav>
        ) : null}
        <main id="main" tabIndex={-1} className="staff-main">
          {children}
        </main>
      </div>
      <SiteFooter />
    </div>
  );
}
