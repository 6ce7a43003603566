/**
 * The lookup secret printed on the receipt: generated at acceptance, shown once, kept only as a hash bound to the
 * dossier (SHA-256 of the dossier id and the normalised secret), compared in constant time.
 */
import { createHash, randomFillSync, timingSafeEqual } from "node:crypto";
import { generateLookupSecret, normalizeLookupSecret } from "../../domain/codes/index.ts";

export function newLookupSecret(): string {
  return generateLookupSecret((bytes) => randomFillSync(bytes));
}

export function hashLookupSecret(dossierId: string, secret: string): string {
  return createHash("sha256")
    .update(`${dossierId}:${normalizeLookupSecret(secret)}`)
    .digest("hex");
}

/** Whether `secret` opens the dossier; always does the same work, known dossier or not. */
export function secretMatches(dossierId: string, storedHash: string | null, secret: string): boolean {
  const given = Buffer.from(hashLookupSecret(dossierId, secret), "hex");
  const stored = Buffer.from(storedHash ?? "0".repeat(64), "hex");
  return timingSafeEqual(given, stored) && storedHash !== null;
}
