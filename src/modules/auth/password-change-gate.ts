import type { Db } from "../../db/database.ts";
import { AppError } from "../../errors.ts";
import type { Principal } from "./principal.ts";

/**
 * What a staff session whose password must be changed (a new account, or one an administrator reset) may still
 * do: read its own session, change the password, sign out or in again. Everything else is refused by the API
 * itself, not only hidden by the web app, so a script holding the temporary password gets no further either.
 */
export const ALLOWED_BEFORE_PASSWORD_CHANGE: ReadonlySet<string> = new Set([
  "GET /api/v1/auth/session",
  "GET /api/v1/auth/me",
  "GET /api/v1/auth/csrf",
  "POST /api/v1/auth/password",
  "POST /api/v1/auth/logout",
  "POST /api/v1/auth/login",
]);

/** Throws PASSWORD_CHANGE_REQUIRED (403) when a staff principal must change its password first. */
export async function assertPasswordChangeNotPending(
  db: Db,
  principal: Principal,
  method: string,
  routeUrl: string,
): Promise<void> {
  if (principal.kind !== "staff" || ALLOWED_BEFORE_PASSWORD_CHANGE.has(`${method} ${routeUrl}`)) return;
  const row = await db
    .selectFrom("staff")
    .select("must_change_password")
    .where("id", "=", principal.staffId)
    .executeTakeFirst();
  if (row?.must_change_password) throw new AppError("PASSWORD_CHANGE_REQUIRED");
}
