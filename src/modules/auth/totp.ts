import * as OTPAuth from "otpauth";

const ISSUER = "motcua";

export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

function totp(secret: string, label = "") {
  return new OTPAuth.TOTP({ issuer: ISSUER, label, algorithm: "SHA1", digits: 6, period: 30, secret });
}

export function totpUri(secret: string, label: string): string {
  return totp(secret, label).toString();
}

const PERIOD_MS = 30_000;

/**
 * Accepts the current code and one period either side, for clock drift, but never a time step at or before the
 * last one accepted for the account: a code seen once (over a shoulder, in a proxy log) cannot be replayed.
 * Returns the accepted time step, or null.
 */
export function verifyTotp(
  secret: string,
  code: string,
  now: Date,
  lastStep: number | null = null,
): number | null {
  const delta = totp(secret).validate({ token: code, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  const step = Math.floor(now.getTime() / PERIOD_MS) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

export function totpCode(secret: string, now: Date): string {
  return totp(secret).generate({ timestamp: now.getTime() });
}
