import { type AnchorHTMLAttributes, type MouseEvent, useSyncExternalStore } from "react";

/**
 * A small router over the History API: enough for a handful of pages, no dependency. Components read the
 * current location with useLocation() and change it with navigate() or <Link>.
 */
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

if (typeof window !== "undefined") window.addEventListener("popstate", notify);

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function snapshot(): string {
  return window.location.pathname + window.location.search;
}

export interface Location {
  pathname: string;
  search: URLSearchParams;
  href: string;
}

let lastHref = "";
let lastLocation: Location = { pathname: "/", search: new URLSearchParams(), href: "/" };

export function currentLocation(): Location {
  const href = snapshot();
  if (href !== lastHref) {
    lastHref = href;
    lastLocation = {
      pathname: normalise(window.location.pathname),
      search: new URLSearchParams(window.location.search),
      href,
    };
  }
  return lastLocation;
}

/** "/app/units/" and "/app/units" are one page. */
function normalise(pathname: string): string {
  return pathname.length > 1 && pathname.endsWith("/") ? pathname.slice(0, -1) : pathname;
}

export function useLocation(): Location {
  useSyncExternalStore(subscribe, snapshot, snapshot);
  return currentLocation();
}

/** Whether the last change of page came from the app (focus then moves to the new page's heading). */
let navigatedInApp = false;
export function consumeInAppNavigation(): boolean {
  const value = navigatedInApp;
  navigatedInApp = false;
  return value;
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  navigatedInApp = true;
  if (options.replace) window.history.replaceState(null, "", to);
  else window.history.pushState(null, "", to);
  window.scrollTo(0, 0);
  notify();
}

/** Only same-site paths may be used as a "next" target after sign-in. */
export function safeNext(value: string | null, fallback: string): string {
  return value?.startsWith("/app") && !value.startsWith("//") ? value : fallback;
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> & { to: string };

export function Link({ to, onClick, ...rest }: LinkProps) {
  function handleClick(event: MouseEvent<HTMLAnchorElement>) {
    onClick?.(event);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey ||
      rest.target
    ) {
      return;
    }
    event.preventDefault();
    navigate(to);
  }
  return <a href={to} onClick={handleClick} {...rest} />;
}
