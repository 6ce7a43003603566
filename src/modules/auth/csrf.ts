import type { Principal } from "./principal.ts";

/** `__Host-` (Secure, path /, no Domain) behind HTTPS, so that no sibling host can plant the secret cookie. */
export function csrfCookieName(secure: boolean): string {
  return secure ? "__Host-motcua_csrf" : "motcua_csrf";
}

/** What a CSRF token is bound to: the session's id hash, or "anonymous" before sign-in. */
export function csrfUserInfo(principal: Principal): string {
  return principal.kind === "anonymous" ? "anonymous" : principal.sessionHash;
}
