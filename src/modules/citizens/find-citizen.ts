import { createHash } from "node:crypto";
import { VnMobile } from "../../contracts/citizen-accounts.ts";
import type { Executor } from "../../db/database.ts";

/**
 * What a citizen typed in the "identity number, e-mail or phone" box, in the one form each is stored in.
 * Anything else is kept as typed, so that it still counts against its own limits but matches no account.
 */
export function normaliseLogin(login: string): {
  kind: "identity" | "email" | "phone" | "unknown";
  value: string;
} {
  const typed = login.trim();
  if (/^\d{12}$/.test(typed)) return { kind: "identity", value: typed };
  if (typed.includes("@")) return { kind: "email", value: typed.toLowerCase() };
  const phone = VnMobile.safeParse(typed);
  if (phone.success) return { kind: "phone", value: phone.data };
  return { kind: "unknown", value: typed.toLowerCase() };
}

/** A key for rate limits and lockouts that does not put the identifier itself in the table. */
export function loginKey(login: string): string {
  const { kind, value } = normaliseLogin(login);
  return createHash("sha256").update(`${kind}:${value}`).digest("hex").slice(0, 32);
}

export function destinationKey(destination: string): string {
  return createHash("sha256").update(destination.trim().toLowerCase()).digest("hex").slice(0, 32);
}

const COLUMNS = [
  "id",
  "full_name",
  "identity_number",
  "email",
  "phone",
  "password_hash",
  "status",
  "version",
] as const;

/** The account an identifier names, or undefined. A phone shared by several accounts names the oldest active. */
export async function findCitizenByLogin(db: Executor, login: string) {
  const { kind, value } = normaliseLogin(login);
  const query = db.selectFrom("citizens").select(COLUMNS);
  switch (kind) {
    case "identity":
      return query.where("identity_number", "=", value).executeTakeFirst();
    case "email":
      return query.where((eb) => eb(eb.fn("lower", ["email"]), "=", value)).executeTakeFirst();
    case "phone":
      return query
        .where("phone", "=", value)
        .orderBy((eb) => eb.case().when("status", "=", "active").then(0).else(1).end())
        .orderBy("created_at")
        .limit(1)
        .executeTakeFirst();
    case "unknown":
      return undefined;
  }
}
