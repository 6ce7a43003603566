import { sql } from "kysely";
import type { Executor } from "../../db/database.ts";

/**
 * Tells the live pages (waiting-room display, rating tablets) of a unit that its queue or a counter changed.
 *
 * Every change bumps the unit's row in desk_live_versions inside its own transaction (`bumpLiveVersion`), and the
 * process that made it calls `publish` after the commit, which reaches this process's listeners at once. Other
 * processes learn of it through a `LiveSource`: with several processes on PostgreSQL, `pollVersions` (a short poll
 * of the version rows of the units that have listeners) — a LISTEN/NOTIFY source plugs in the same way. Listeners
 * re-read the state themselves, so a duplicate signal only costs one read.
 */
export type Listener = () => void;

export interface LiveSource {
  /** Starts watching; calls `changed(unitId)` when another process changed the unit. Returns a stop function. */
  start(units: () => string[], changed: (unitId: string) => void): () => void;
}

export class LiveHub {
  private readonly listeners = new Map<string, Set<Listener>>();
  private stopSource: (() => void) | null = null;

  constructor(private readonly source: LiveSource | null = null) {}

  subscribe(unitId: string, listener: Listener): () => void {
    let set = this.listeners.get(unitId);
    if (!set) {
      set = new Set();
      this.listeners.set(unitId, set);
    }
    set.add(listener);
    if (this.source && !this.stopSource) {
      this.stopSource = this.source.start(
        () => [...this.listeners.keys()],
        (id) => this.publish(id),
      );
    }
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(unitId);
      if (this.listeners.size === 0 && this.stopSource) {
        this.stopSource();
        this.stopSource = null;
      }
    };
  }

  publish(unitId: string): void {
    for (const listener of [...(this.listeners.get(unitId) ?? [])]) listener();
  }

  listenerCount(unitId: string): number {
    return this.listeners.get(unitId)?.size ?? 0;
  }

  close(): void {
    this.stopSource?.();
    this.stopSource = null;
    this.listeners.clear();
  }
}

/** Called inside the transaction of every change a live page shows. */
export async function bumpLiveVersion(tx: Executor, unitId: string): Promise<number> {
  const { rows } = await sql<{ version: number }>`
    INSERT INTO desk_live_versions (unit_id, version) VALUES (${unitId}, 1)
    ON CONFLICT (unit_id) DO UPDATE SET version = desk_live_versions.version + 1
    RETURNING version::int AS version
  `.execute(tx);
  return Number(rows[0]?.version ?? 1);
}

export async function liveVersion(db: Executor, unitId: string): Promise<number> {
  const row = await db
    .selectFrom("desk_live_versions")
    .select(sql<number>`version::int`.as("version"))
    .where("unit_id", "=", unitId)
    .executeTakeFirst();
  return Number(row?.version ?? 0);
}

/** A LiveSource for several processes on one PostgreSQL: polls the version rows of watched units. */
export function pollVersions(db: Executor, intervalMs = 1000): LiveSource {
  return {
    start(units, changed) {
      const seen = new Map<string, number>();
      let busy = false;
      const timer = setInterval(async () => {
        const ids = units();
        if (busy || ids.length === 0) return;
        busy = true;
        try {
          const rows = await db
            .selectFrom("desk_live_versions")
            .select(["unit_id", sql<number>`version::int`.as("version")])
            .where("unit_id", "in", ids)
            .execute();
          // A unit that never changed has no row yet: its version is 0, so its first change is a change.
          const current = new Map<string, number>(ids.map((id) => [id, 0]));
          for (const r of rows) current.set(r.unit_id, Number(r.version));
          for (const [id, version] of current) {
            const before = seen.get(id);
            seen.set(id, version);
            if (before !== undefined && before !== version) changed(id);
          }
        } catch {
          // The database is briefly unreachable: the next tick tries again.
        } finally {
          busy = false;
        }
      }, intervalMs);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}
