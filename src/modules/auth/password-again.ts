import type { Db } from "../../db/database.ts";
import { AppError } from "../../errors.ts";
import { verifyPassword } from "./passwords.ts";
import { admitAttempt, failAttempt, succeedAttempt } from "./rate-limit.ts";

/** Five wrong answers lock the re-ask for 15 minutes, as at sign-in. */
export const PASSWORD_AGAIN_RULE = { limit: 5, lockSeconds: 15 * 60 } as const;

/**
 * Checks the current password asked again of a signed-in user (changing the password, setting up TOTP). Whoever
 * holds a stolen session could otherwise guess the password here without limit: each answer is counted per
 * account before it is checked, in one statement, like a sign-in guess, and checked only if the count allows.
 */
export async function checkPasswordAgain(
  db: Db,
  account: { kind: "staff" | "citizen"; id: string },
  passwordHash: string,
  password: string | undefined,
  now: Date,
): Promise<void> {
  const key = `password-again:${account.kind}:${account.id}`;
  const counted = await admitAttempt(db, key, PASSWORD_AGAIN_RULE, now);
  if (!password || !(await verifyPassword(passwordHash, password))) {
    await failAttempt(db, key, counted, PASSWORD_AGAIN_RULE, now);
    throw new AppError("WRONG_PASSWORD");
  }
  await succeedAttempt(db, key, counted);
}
