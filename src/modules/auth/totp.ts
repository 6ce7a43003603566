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

/** Accepts the current code and one period either side, for clock drift. */
export function verifyTotp(secret: string, code: string, now: Date): boolean {
  return totp(secret).validate({ token: code, timestamp: now.getTime(), window: 1 }) !== null;
}

export function totpCode(secret: string, now: Date): string {
  return totp(secret).generate({ timestamp: now.getTime() });
}
