import { createHash } from "node:crypto";

import type { Executor, Tx } from "../../db/database.ts";
import { canonicalJson } from "./canonical-json.ts";

/**
 * The append-only audit trail. Each entry carries the SHA-256 of its content and of the previous entry of its
 * chain. There is one chain per unit (and one "system" chain), so units never wait on one another's chain head;
 * the head row is locked for the length of the transaction that appends.
 */
export const GENESIS_HASH = "0".repeat(64);
const SYSTEM_CHAIN = "system";

export type ActorKind = "staff" | "citizen" | "system" | "anonymous";

export interface Actor {
  kind: ActorKind;
  id: string | null;
}

export interface AuditEvent {
  actor: Actor;
  /** Verb in dotted form: "unit.create", "dossier.accept". */
  action: string;
  entityType: string;
  entityId: string | null;
  unitId: string | null;
  /** What changed: a before/after summary, never secrets. */
  summary: Record<string, unknown>;
}

interface HashedFields {
  chain: string;
  seq: number;
  at: string;
  unitId: string | null;
  actorKind: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  summary: Record<string, unknown>;
  prevHash: string;
}

export function hashEntry(fields: HashedFields): string {
  return createHash("sha256").update(canonicalJson(fields)).digest("hex");
}

/** Appends one event. Must be called inside the transaction that makes the change it records. */
export async function recordAudit(tx: Tx, event: AuditEvent, now: Date = new Date()): Promise<void> {
  const chain = event.unitId ?? SYSTEM_CHAIN;
  await tx
    .insertInto("audit_heads")
    .values({ chain, seq: 0, hash: GENESIS_HASH })
    .onConflict((oc) => oc.column("chain").doNothing())
    .execute();
  const head = await tx
    .selectFrom("audit_heads")
    .select(["seq", "hash"])
    .where("chain", "=", chain)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const seq = Number(head.seq) + 1;
  const at = new Date(now);
  const fields: HashedFields = {
    chain,
    seq,
    at: at.toISOString(),
    unitId: event.unitId,
    actorKind: event.actor.kind,
    actorId: event.actor.id,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    summary: JSON.parse(canonicalJson(event.summary)) as Record<string, unknown>,
    prevHash: head.hash,
  };
  const hash = hashEntry(fields);
  await tx
    .insertInto("audit_log")
    .values({
      chain,
      seq,
      at,
      unit_id: event.unitId,
      actor_kind: event.actor.kind,
      actor_id: event.actor.id,
      action: event.action,
      entity_type: event.entityType,
      entity_id: event.entityId,
      summary: JSON.stringify(fields.summary),
      prev_hash: head.hash,
      hash,
    })
    .execute();
  await tx.updateTable("audit_heads").set({ seq, hash }).where("chain", "=", chain).execute();
}

export interface AuditBreak {
  id: number;
  chain: string;
  seq: number;
  reason: "hash_mismatch" | "broken_link" | "sequence_gap" | "head_mismatch";
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  chains: number;
  firstBreak: AuditBreak | null;
}

/** Recomputes every chain; reports the first entry (lowest id) whose hash or link does not hold. */
export async function verifyAuditLog(db: Executor, pageSize = 5000): Promise<AuditVerification> {
  const heads = await db.selectFrom("audit_heads").select(["chain", "seq", "hash"]).execute();
  const state = new Map<string, { seq: number; hash: string }>();
  const breaks: AuditBreak[] = [];
  let entries = 0;
  let lastId = 0;
  for (;;) {
    const rows = await db
      .selectFrom("audit_log")
      .selectAll()
      .where("id", ">", lastId)
      .orderBy("id")
      .limit(pageSize)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      entries++;
      const id = Number(row.id);
      lastId = id;
      const seq = Number(row.seq);
      const prev = state.get(row.chain) ?? { seq: 0, hash: GENESIS_HASH };
      const expected = hashEntry({
        chain: row.chain,
        seq,
        at: new Date(row.at).toISOString(),
        unitId: row.unit_id,
        actorKind: row.actor_kind,
        actorId: row.actor_id,
        action: row.action,
        entityType: row.entity_type,
        entityId: row.entity_id,
        summary: row.summary,
        prevHash: row.prev_hash,
      });
      if (seq !== prev.seq + 1) breaks.push({ id, chain: row.chain, seq, reason: "sequence_gap" });
      else if (row.prev_hash !== prev.hash) breaks.push({ id, chain: row.chain, seq, reason: "broken_link" });
      else if (row.hash !== expected) breaks.push({ id, chain: row.chain, seq, reason: "hash_mismatch" });
      state.set(row.chain, { seq, hash: row.hash });
    }
  }
  for (const head of heads) {
    const last = state.get(head.chain) ?? { seq: 0, hash: GENESIS_HASH };
    if (Number(head.seq) !== last.seq || head.hash !== last.hash) {
      breaks.push({ id: 0, chain: head.chain, seq: Number(head.seq), reason: "head_mismatch" });
    }
  }
  breaks.sort((a, b) => (a.id || Number.MAX_SAFE_INTEGER) - (b.id || Number.MAX_SAFE_INTEGER));
  return { ok: breaks.length === 0, entries, chains: heads.length, firstBreak: breaks[0] ?? null };
}

/** Entries about one entity, oldest first (for timelines). */
export function auditTrailOf(db: Executor, entityType: string, entityId: string) {
  return db
    .selectFrom("audit_log")
    .select(["id", "at", "actor_kind", "actor_id", "action", "summary", "unit_id"])
    .where("entity_type", "=", entityType)
    .where("entity_id", "=", entityId)
    .orderBy("id")
    .execute();
}
