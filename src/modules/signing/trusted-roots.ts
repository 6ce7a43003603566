/**
 * Roots the administrator trusts: a signature's chain is "trusted" only when it reaches one of them. Test PKI
 * roots (made by `motcua pki init` or the demo seed) count in demo mode only, and cannot be added outside it.
 */
import type { Selectable } from "kysely";
import type { z } from "zod";
import type { TrustedRoot as TrustedRootDto, TrustedRootInput } from "../../contracts/signing.ts";
import type { Db, Executor, Tx } from "../../db/database.ts";
import type { SigningTrustedRootTable } from "../../db/tables/signing.ts";
import { AppError } from "../../errors.ts";
import { type ParsedCertificate, parseCertificateText } from "../../signing/certs.ts";
import { isTestPkiCertificate } from "../../signing/test-pki.ts";
import { type Actor, recordAudit } from "../audit/audit-log.ts";
import { assertCan, type UnitRef } from "../auth/policy.ts";
import { actorOf, type Principal } from "../auth/principal.ts";

type RootRow = Selectable<SigningTrustedRootTable>;

/** Trust anchors are configured for the whole deployment: the "all" scope is needed. */
const EVERYWHERE: UnitRef = { id: "*", path: "/" };

function toRoot(row: RootRow, demo: boolean): TrustedRootDto {
  return {
    id: row.id,
    label: row.label,
    subject: row.subject,
    issuer: row.issuer,
    serialNumber: row.serial_number,
    fingerprint: row.fingerprint,
    notBefore: new Date(row.not_before).toISOString(),
    notAfter: new Date(row.not_after).toISOString(),
    testPki: row.test_pki,
    active: demo || !row.test_pki,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export async function listTrustedRoots(
  db: Executor,
  principal: Principal,
  demo: boolean,
): Promise<TrustedRootDto[]> {
  assertCan(principal, "signing.trust", EVERYWHERE);
  const rows = await db.selectFrom("signing_trusted_roots").selectAll().orderBy("created_at").execute();
  return rows.map((row) => toRoot(row, demo));
}

/** DER of the roots verification may use now. */
export async function activeTrustedRoots(db: Executor, demo: boolean): Promise<Uint8Array[]> {
  let query = db.selectFrom("signing_trusted_roots").select("certificate");
  if (!demo) query = query.where("test_pki", "=", false);
  const rows = await query.execute();
  return rows.map((row) => new Uint8Array(row.certificate));
}

/** Inserts a root with its audit event inside the caller's transaction. */
export async function insertTrustedRoot(
  tx: Tx,
  parsed: ParsedCertificate,
  label: string,
  actor: Actor,
  now: Date,
): Promise<string> {
  const info = parsed.info;
  const existing = await tx
    .selectFrom("signing_trusted_roots")
    .select("id")
    .where("fingerprint", "=", info.sha256)
    .executeTakeFirst();
  if (existing) throw new AppError("DUPLICATE", { details: { entity: "trusted_root", id: existing.id } });
  const testPki = isTestPkiCertificate(parsed.der);
  const row = await tx
    .insertInto("signing_trusted_roots")
    .values({
      certificate: parsed.der,
      fingerprint: info.sha256,
      label,
      subject: info.subject.text,
      issuer: info.issuer.text,
      serial_number: info.serialNumber,
      not_before: info.notBefore,
      not_after: info.notAfter,
      test_pki: testPki,
      created_at: now,
      created_by: actor.kind === "staff" ? actor.id : null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordAudit(
    tx,
    {
      actor,
      action: "signing.trusted_root.add",
      entityType: "trusted_root",
      entityId: row.id,
      unitId: null,
      summary: {
        after: { subject: info.subject.text, fingerprint: info.sha256, notAfter: info.notAfter, testPki },
      },
    },
    now,
  );
  return row.id;
}

export async function addTrustedRoot(
  db: Db,
  principal: Principal,
  input: z.infer<typeof TrustedRootInput>,
  demo: boolean,
  now: Date,
): Promise<TrustedRootDto> {
  const staff = assertCan(principal, "signing.trust", EVERYWHERE);
  const parsed = parseCertificateText(input.certificate);
  if (!parsed.info.isCa)
    throw new AppError("ROOT_NOT_CA", { details: { subject: parsed.info.subject.text } });
  if (isTestPkiCertificate(parsed.der) && !demo) throw new AppError("TEST_PKI_REFUSED");
  const label = input.label ?? (parsed.info.subject.commonName ?? parsed.info.subject.text).slice(0, 200);
  const id = await db
    .transaction()
    .execute((tx) => insertTrustedRoot(tx, parsed, label || "CA", actorOf(staff), now));
  const row = await db
    .selectFrom("signing_trusted_roots")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
  return toRoot(row, demo);
}

export async function removeTrustedRoot(db: Db, principal: Principal, id: string, now: Date): Promise<void> {
  const staff = assertCan(principal, "signing.trust", EVERYWHERE);
  await db.transaction().execute(async (tx) => {
    const row = await tx
      .deleteFrom("signing_trusted_roots")
      .where("id", "=", id)
      .returning(["id", "subject", "fingerprint"])
      .executeTakeFirst();
    if (!row) throw new AppError("NOT_FOUND", { details: { entity: "trusted_root", id } });
    await recordAudit(
      tx,
      {
        actor: actorOf(staff),
        action: "signing.trusted_root.remove",
        entityType: "trusted_root",
        entityId: id,
        unitId: null,
        summary: { before: { subject: row.subject, fingerprint: row.fingerprint } },
      },
      now,
    );
  });
}
