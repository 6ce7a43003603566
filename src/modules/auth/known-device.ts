import { randomBytes } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";

/**
 * Device cookies (OWASP's "slow down online guessing attacks with device cookies"): a browser that has signed in
 * to an account carries a signed cookie naming that account and a random nonce. Its sign-ins to that account
 * are counted on a counter of their own (per nonce), not on the account's counter shared by every unknown
 * browser, so an anonymous guesser who locks the account does not lock out its owner's usual browser.
 * The cookie is signed with the server secret: it cannot be made up, and it is worth nothing for another name.
 */
export const DEVICE_COOKIE = "motcua_device";
/** Sent with sign-in requests only. */
export const DEVICE_COOKIE_PATH = "/api/v1/auth/login";
const DEVICE_DAYS = 90;

export interface KnownDevice {
  /** The sign-in name the browser signed in with, lower-cased. */
  name: string;
  nonce: string;
}

const NONCE = /^[0-9a-f]{32}$/;

/** The device cookie of the request, if it carries a valid one. */
export function knownDeviceOf(request: FastifyRequest): KnownDevice | null {
  const raw = request.cookies[DEVICE_COOKIE];
  if (!raw) return null;
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || !unsigned.value) return null;
  const dot = unsigned.value.lastIndexOf(".");
  const nonce = unsigned.value.slice(dot + 1);
  if (dot <= 0 || !NONCE.test(nonce)) return null;
  return { name: Buffer.from(unsigned.value.slice(0, dot), "base64url").toString("utf8"), nonce };
}

/** The device's own guess counter. */
export function deviceKey(device: KnownDevice): string {
  return `login:device:${device.nonce}`;
}

/** After a successful sign-in: a new cookie (new nonce) for this name, replacing the browser's previous one. */
export function rememberDevice(reply: FastifyReply, username: string, secure: boolean, now: Date): void {
  const value = `${Buffer.from(username.toLowerCase(), "utf8").toString("base64url")}.${randomBytes(16).toString("hex")}`;
  reply.setCookie(DEVICE_COOKIE, value, {
    path: DEVICE_COOKIE_PATH,
    httpOnly: true,
    sameSite: "strict",
    secure,
    signed: true,
    expires: new Date(now.getTime() + DEVICE_DAYS * 24 * 3600 * 1000),
  });
}
