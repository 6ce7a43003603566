import type { CitizenMe, CitizenProfileUpdate } from "../../contracts/citizen-accounts.ts";
import { AddressSchema } from "../../contracts/dossiers.ts";
import type { Db, Executor } from "../../db/database.ts";
import { checkCccd } from "../../domain/citizens/cccd.ts";
import { AppError } from "../../errors.ts";
import { updateVersioned, type VersionedUpdate } from "../audit/versioned-update.ts";
import { checkPasswordAgain } from "../auth/password-again.ts";
import { assertStrongPassword, hashPassword } from "../auth/passwords.ts";
import { destroySessionsOf } from "../auth/sessions.ts";

function isoDate(value: Date | string | null): string | null {
  if (value === null) return null;
  if (typeof value === "string") return value.slice(0, 10);
  return value.toISOString().slice(0, 10);
}

function parseAddress(value: unknown): CitizenMe["address"] {
  const raw = typeof value === "string" ? (JSON.parse(value) as unknown) : value;
  const parsed = AddressSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** The profile of an active account, or UNAUTHENTICATED (a session of a disabled account signs nobody in). */
export async function getCitizenMe(db: Executor, citizenId: string): Promise<CitizenMe> {
  const row = await db.selectFrom("citizens").selectAll().where("id", "=", citizenId).executeTakeFirst();
  if (row?.status !== "active") throw new AppError("UNAUTHENTICATED");
  const providers = await db
    .selectFrom("citizen_identities")
    .select("provider")
    .where("citizen_id", "=", citizenId)
    .orderBy("provider")
    .execute();
  return {
    kind: "citizen",
    id: row.id,
    fullName: row.full_name,
    identityNumber: row.identity_number,
    birthDate: isoDate(row.birth_date as Date | string | null),
    phone: row.phone,
    email: row.email,
    address: parseAddress(row.address),
    status: row.status,
    hasPassword: row.password_hash !== null,
    linkedProviders: providers.map((p) => p.provider),
    version: row.version,
  };
}

const FIELDS = {
  fullName: "full_name",
  birthDate: "birth_date",
  phone: "phone",
  email: "email",
  address: "address",
} as const;

/** Updates the profile (not the identity number); the audit entry names the fields changed, not their values. */
export async function updateCitizenProfile(
  db: Db,
  citizenId: string,
  input: CitizenProfileUpdate,
  now: Date,
): Promise<CitizenMe> {
  return db.transaction().execute(async (tx) => {
    const current = await getCitizenMe(tx, citizenId);
    if (current.version !== input.version) throw new AppError("CONFLICT");
    // The identity number encodes the year of birth (TT 59/2021/TT-BCA art. 7): a birth date must agree with it.
    if (
      input.birthDate &&
      !checkCccd(current.identityNumber, { birthYear: Number(input.birthDate.slice(0, 4)) }).ok
    )
      throw new AppError("VALIDATION_FAILED", {
        details: {
          issues: [{ path: ["birthDate"], message: "the year of birth does not match the identity number" }],
        },
      });
    const changes: Record<string, unknown> = {};
    const changed: string[] = [];
    for (const [field, column] of Object.entries(FIELDS) as [keyof typeof FIELDS, string][]) {
      const value = input[field];
      if (value === undefined) continue;
      const before = current[field];
      if (JSON.stringify(before) === JSON.stringify(value)) continue;
      changed.push(field);
      changes[column] = field === "address" ? (value === null ? null : JSON.stringify(value)) : value;
    }
    if (changed.length === 0) return current;
    if (typeof input.email === "string" && changed.includes("email")) {
      const owner = await tx
        .selectFrom("citizens")
        .select("id")
        .where((eb) => eb(eb.fn("lower", ["email"]), "=", input.email as string))
        .where("id", "!=", citizenId)
        .executeTakeFirst();
      if (owner) throw new AppError("CITIZEN_EMAIL_TAKEN");
    }
    // The version was read without a lock: a change meanwhile is a 409 here, not a silent no-op.
    await updateVersioned(tx, {
      table: "citizens",
      id: citizenId,
      version: input.version,
      changes: { ...(changes as VersionedUpdate<"citizens">["changes"]), updated_at: now },
      audit: () => ({
        actor: { kind: "citizen", id: citizenId },
        action: "citizen.profile_update",
        entityType: "citizen",
        entityId: citizenId,
        unitId: null,
        summary: { fields: changed },
      }),
      now,
      entity: "citizen",
    });
    return getCitizenMe(tx, citizenId);
  });
}

/** Changes the password; other sessions of the account end, this one stays. */
export async function changeCitizenPassword(
  db: Db,
  principal: { citizenId: string; sessionHash: string },
  input: { currentPassword?: string | undefined; newPassword: string },
  now: Date,
): Promise<void> {
  const row = await db
    .selectFrom("citizens")
    .select(["password_hash", "status", "version"])
    .where("id", "=", principal.citizenId)
    .executeTakeFirst();
  if (row?.status !== "active") throw new AppError("UNAUTHENTICATED");
  if (row.password_hash !== null)
    await checkPasswordAgain(
      db,
      { kind: "citizen", id: principal.citizenId },
      row.password_hash,
      input.currentPassword,
      now,
    );
  assertStrongPassword(input.newPassword);
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (tx) => {
    // The version read before the (slow) hashing: a change of the account meanwhile is a 409, not a lost update.
    await updateVersioned(tx, {
      table: "citizens",
      id: principal.citizenId,
      version: row.version,
      changes: { password_hash: passwordHash, updated_at: now },
      audit: () => ({
        actor: { kind: "citizen", id: principal.citizenId },
        action: "citizen.password_change",
        entityType: "citizen",
        entityId: principal.citizenId,
        unitId: null,
        summary: {},
      }),
      now,
      entity: "citizen",
    });
    await destroySessionsOf(tx, { kind: "citizen", id: principal.citizenId }, principal.sessionHash);
  });
}
