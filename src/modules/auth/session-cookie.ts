import type { FastifyReply } from "fastify";
import { sessionCookieName } from "./sessions.ts";

/** The one session cookie of the site, for staff and citizens alike. */
export function setSessionCookie(
  reply: FastifyReply,
  session: { token: string; expiresAt: Date },
  secure: boolean,
): void {
  reply.setCookie(sessionCookieName(secure), session.token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure,
    expires: session.expiresAt,
  });
}

/** Clears it with the same attributes: a browser ignores a `__Host-` cookie set without Secure and path /. */
export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(sessionCookieName(secure), { path: "/", httpOnly: true, sameSite: "lax", secure });
}
