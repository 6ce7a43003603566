import { hash, verify } from "@node-rs/argon2";
import { AppError } from "../../errors.ts";

// OWASP's argon2id recommendation: m=19 MiB, t=2, p=1.
// algorithm 2 is Argon2id in @node-rs/argon2 (a const enum, which verbatimModuleSyntax cannot import).
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

/** Spent on unknown usernames so that a sign-in takes as long whether the account exists or not. */
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword("motcua-timing-equaliser");
  await verifyPassword(await dummyHash, password);
}

export const PASSWORD_MIN_LENGTH = 10;

export function assertStrongPassword(password: string): void {
  const ok =
    password.length >= PASSWORD_MIN_LENGTH &&
    password.length <= 200 &&
    /\p{L}/u.test(password) &&
    /\p{N}/u.test(password);
  if (!ok) throw new AppError("WEAK_PASSWORD");
}
