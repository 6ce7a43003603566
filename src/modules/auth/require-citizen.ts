import { AppError } from "../../errors.ts";
import type { CitizenPrincipal, Principal } from "./principal.ts";

/** The signed-in citizen (portal account); anyone else is told to sign in. */
export function requireCitizen(principal: Principal): CitizenPrincipal {
  if (principal.kind !== "citizen") throw new AppError("UNAUTHENTICATED");
  return principal;
}
