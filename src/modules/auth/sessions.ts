import { createHash, randomBytes } from "node:crypto";
import type { Executor } from "../../db/database.ts";
import type { SessionSubject } from "../../db/tables/foundation.ts";
import type { Principal } from "./principal.ts";

export const SESSION_COOKIE = "motcua_session";

/** `__Host-` (Secure, path /, no Domain) behind HTTPS, so that no sibling host can plant or shadow the session. */
export function sessionCookieName(secure: boolean): string {
  return secure ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE;
}
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Creates a session and returns the cookie token; only its hash is stored. */
export async function createSession(
  db: Executor,
  subject: { kind: SessionSubject; id: string },
  meta: { ip: string | null; userAgent: string | null; ttlHours: number; now: Date },
): Promise<{ token: string; idHash: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const idHash = hashToken(token);
  const expiresAt = new Date(meta.now.getTime() + meta.ttlHours * 3600_000);
  await db
    .insertInto("sessions")
    .values({
      id_hash: idHash,
      subject_kind: subject.kind,
      subject_id: subject.id,
      created_at: meta.now,
      last_seen_at: meta.now,
      expires_at: expiresAt,
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, idHash, expiresAt };
}

/** Resolves a cookie token to the principal it authenticates, or anonymous. */
export async function principalFromToken(
  db: Executor,
  token: string | undefined,
  now: Date,
): Promise<Principal> {
  if (!token || token.length > 100) return { kind: "anonymous" };
  const idHash = hashToken(token);
  const session = await db
    .selectFrom("sessions")
    .select(["subject_kind", "subject_id", "expires_at", "last_seen_at"])
    .where("id_hash", "=", idHash)
    .executeTakeFirst();
  if (!session || new Date(session.expires_at) <= now) return { kind: "anonymous" };
  if (now.getTime() - new Date(session.last_seen_at).getTime() > TOUCH_INTERVAL_MS) {
    await db.updateTable("sessions").set({ last_seen_at: now }).where("id_hash", "=", idHash).execute();
  }
  if (session.subject_kind === "citizen") {
    return { kind: "citizen", citizenId: session.subject_id, sessionHash: idHash };
  }
  const staff = await db
    .selectFrom("staff")
    .innerJoin("units", "units.id", "staff.unit_id")
    .select([
      "staff.id",
      "staff.username",
      "staff.full_name",
      "staff.roles",
      "staff.active",
      "staff.unit_id",
      "units.path",
      "units.active as unit_active",
    ])
    .where("staff.id", "=", session.subject_id)
    .executeTakeFirst();
  if (!staff?.active || !staff.unit_active) return { kind: "anonymous" };
  return {
    kind: "staff",
    staffId: staff.id,
    username: staff.username,
    fullName: staff.full_name,
    unitId: staff.unit_id,
    unitPath: staff.path,
    roles: staff.roles,
    sessionHash: idHash,
  };
}

export async function destroySession(db: Executor, idHash: string): Promise<void> {
  await db.deleteFrom("sessions").where("id_hash", "=", idHash).execute();
}

/** Ends every session of a subject (after a password change or reset, or deactivation). */
export async function destroySessionsOf(
  db: Executor,
  subject: { kind: SessionSubject; id: string },
  exceptHash?: string,
): Promise<void> {
  let q = db
    .deleteFrom("sessions")
    .where("subject_kind", "=", subject.kind)
    .where("subject_id", "=", subject.id);
  if (exceptHash) q = q.where("id_hash", "!=", exceptHash);
  await q.execute();
}
