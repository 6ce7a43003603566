import { sql } from "kysely";
import type { ProcedureListItem, ProcedureSearchQuery } from "../../contracts/catalog.ts";
import type { Db } from "../../db/database.ts";
import type { VersionSummary } from "../../db/tables/catalog.ts";
import { foldForSearch } from "../../domain/text/vietnamese.ts";

/**
 * Catalog search from memory. Each process keeps the whole catalog (every version: `at` may ask for any day) with
 * a trigram index of the names, and answers searches without a query per search. The ranking is the one the SQL
 * search had: pg_trgm's trigrams, computed here.
 *
 * Freshness: a trigger bumps catalog_state.version in the transaction of every write search depends on (migration
 * 2026-12-07-47). A search reads that row when the last read is a second old, or at once after a catalog write in
 * this process (so a writer reads its own write); when the number moved, the search waits for the rebuilt index
 * and is never answered from the old one.
 */

/** How long a process may answer from the index without reading the catalog's version. */
export const CHECK_EVERY_MS = 1_000;
/** How long after a catalog write in this process every search reads the version (the write may not be committed). */
const LOCAL_WRITE_WINDOW_MS = 60_000;

let localWriteAt = Number.NEGATIVE_INFINITY;

/**
 * Told by this process's catalog writes (inside their transaction): searches read the version until they see it
 * move, so a request that follows a committed write is answered from the new catalog without the one-second wait.
 * The trigger is what counts; a write that forgets to call this is seen within a second.
 */
export function catalogWritten(): void {
  localWriteAt = Date.now();
}

interface Entry {
  item: Omit<ProcedureListItem, "score">;
  procedureId: string;
  /** procedures.code: what a code query is compared with. */
  procedureCode: string | null;
  effectiveFrom: string;
  supersededFrom: string | null;
  fieldSort: number;
  /** search_text: the name folded by f_unaccent, punctuation as spaces. */
  text: string;
  padded: string;
  /** The pg_trgm trigrams of the name's words in order, as ids of Snapshot.trigramIds. */
  sequence: Int32Array;
  trigramCount: number;
}

interface Snapshot {
  version: number;
  entries: Entry[];
  /** Entries in browse order (field, name, slug). */
  browseOrder: Entry[];
  /** Trigram → its id, the index of its posting list. */
  trigramIds: Map<string, number>;
  /** Trigram id → indexes into entries that have it, ascending. */
  postings: number[][];
  /** Unit id → procedures it offers (active offerings). */
  offeredAt: Map<string, Set<string>>;
  /** Procedures an active unit offers: the ones that can be filed online somewhere. */
  filable: Set<string>;
}

/** pg_trgm's trigrams of one word: padded with two spaces before and one after. */
function wordTrigrams(word: string): string[] {
  const padded = `  ${word} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return [...out];
}

function trigramSet(words: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const w of words) for (const t of wordTrigrams(w)) out.add(t);
  return out;
}

/** The trigrams a word is sure to share with any text that contains it (its inside, no padding). */
function innerTrigrams(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 3 <= word.length; i++) out.push(word.slice(i, i + 3));
  return out;
}

interface Row {
  procedure_id: string;
  slug: string;
  procedure_code: string | null;
  version_id: string;
  version: number;
  effective_from: string;
  superseded_from: string | null;
  code: string | null;
  code_status: ProcedureListItem["codeStatus"];
  name: string;
  name_en: string;
  field_code: string;
  field_name_vi: string;
  field_name_en: string;
  field_group: string;
  field_sort: number;
  levels: string[];
  online_level: ProcedureListItem["onlineLevel"];
  postal_receive: boolean;
  postal_deliver: boolean;
  summary: VersionSummary;
  search_text: string;
}

async function readVersion(db: Db): Promise<number> {
  const row = await db.selectFrom("catalog_state").select("version").where("id", "=", 1).executeTakeFirst();
  return Number(row?.version ?? 0);
}

async function load(db: Db): Promise<Snapshot> {
  // One snapshot of the database: the version number and the rows it describes.
  const { version, rows, offerings } = await db
    .transaction()
    .setIsolationLevel("repeatable read")
    .execute(async (tx) => {
      const version = await readVersion(tx as unknown as Db);
      const rows = (
        await sql<Row>`
          SELECT p.id AS procedure_id, p.slug, p.code AS procedure_code, v.id AS version_id, v.version,
            v.effective_from, v.superseded_from, v.code, v.code_status, v.name, v.name_en, v.field_code,
            f.name_vi AS field_name_vi, f.name_en AS field_name_en, f.group_name AS field_group, f.sort AS field_sort,
            v.levels, v.online_level, v.postal_receive, v.postal_deliver, v.summary, v.search_text
          FROM procedure_versions v
          JOIN procedures p ON p.id = v.procedure_id
          JOIN catalog_fields f ON f.code = v.field_code
        `.execute(tx)
      ).rows;
      const offerings = await tx
        .selectFrom("procedure_offerings as o")
        .innerJoin("units as u", "u.id", "o.unit_id")
        .select(["o.unit_id", "o.procedure_id", "u.active as unit_active"])
        .where("o.active", "=", true)
        .execute();
      return { version, rows, offerings };
    });

  const trigramIds = new Map<string, number>();
  const idOf = (trigram: string): number => {
    let id = trigramIds.get(trigram);
    if (id === undefined) {
      id = trigramIds.size;
      trigramIds.set(trigram, id);
    }
    return id;
  };
  const entries: Entry[] = rows.map((row) => {
    const words = row.search_text.split(" ").filter((w) => w.length > 0);
    const sequence = Int32Array.from(words.flatMap(wordTrigrams), idOf);
    return {
      item: {
        id: row.procedure_id,
        slug: row.slug,
        code: row.code,
        codeStatus: row.code_status,
        name: row.name,
        nameEn: row.name_en,
        field: {
          code: row.field_code,
          nameVi: row.field_name_vi,
          nameEn: row.field_name_en,
          group: row.field_group,
        },
        levels: row.levels,
        onlineLevel: row.online_level,
        postal: { receiveDossier: row.postal_receive, deliverResult: row.postal_deliver },
        timeVi: row.summary.timeVi,
        timeEn: row.summary.timeEn,
        feeVi: row.summary.feeVi,
        feeEn: row.summary.feeEn,
        versionId: row.version_id,
        version: row.version,
        effectiveFrom: row.effective_from,
      },
      procedureId: row.procedure_id,
      procedureCode: row.procedure_code,
      effectiveFrom: row.effective_from,
      supersededFrom: row.superseded_from,
      fieldSort: row.field_sort,
      text: row.search_text,
      padded: ` ${row.search_text} `,
      sequence,
      trigramCount: new Set(sequence).size,
    };
  });
  const postings: number[][] = Array.from({ length: trigramIds.size }, () => []);
  entries.forEach((entry, index) => {
    for (const t of new Set(entry.sequence)) postings[t]?.push(index);
  });
  const offeredAt = new Map<string, Set<string>>();
  const filable = new Set<string>();
  for (const o of offerings) {
    let set = offeredAt.get(o.unit_id);
    if (!set) {
      set = new Set();
      offeredAt.set(o.unit_id, set);
    }
    set.add(o.procedure_id);
    if (o.unit_active) filable.add(o.procedure_id);
  }
  const browseOrder = [...entries].sort(
    (a, b) =>
      a.fieldSort - b.fieldSort ||
      compareText(a.item.name, b.item.name) ||
      compareText(a.item.slug, b.item.slug),
  );
  return { version, entries, browseOrder, trigramIds, postings, offeredAt, filable };
}

function postingsOf(snapshot: Snapshot, trigram: string): number[] {
  const id = snapshot.trigramIds.get(trigram);
  return id === undefined ? [] : (snapshot.postings[id] ?? []);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorted intersection of posting lists (shortest first). */
function intersect(lists: number[][]): number[] {
  const sorted = [...lists].sort((a, b) => a.length - b.length);
  let result = sorted[0] ?? [];
  for (const list of sorted.slice(1)) {
    const next: number[] = [];
    let j = 0;
    for (const x of result) {
      while (j < list.length && (list[j] as number) < x) j++;
      if (j >= list.length) break;
      if (list[j] === x) next.push(x);
    }
    result = next;
    if (result.length === 0) break;
  }
  return result;
}

/**
 * pg_trgm's word_similarity: the greatest similarity (shared / distinct of both) between the query's trigrams and
 * any continuous extent of the name's trigrams in order. An extent with more distinct trigrams than
 * query/threshold cannot reach the threshold, which bounds the search.
 */
function wordSimilarity(inQuery: Uint8Array, querySize: number, entry: Entry, seen: Int32Array): number {
  const sequence = entry.sequence;
  const limit = querySize / WORD_SIMILARITY_THRESHOLD;
  let best = 0;
  for (let start = 0; start < sequence.length; start++) {
    if (inQuery[sequence[start] as number] === 0) continue;
    // seen[t] === stamp: t is in the current extent (a fresh stamp per start instead of clearing).
    const stamp = ++seenStamp;
    let distinct = 0;
    let shared = 0;
    for (let end = start; end < sequence.length; end++) {
      const t = sequence[end] as number;
      if (seen[t] === stamp) continue;
      seen[t] = stamp;
      distinct++;
      if (distinct > limit) break;
      if (inQuery[t] === 0) continue;
      shared++;
      const s = shared / (querySize + distinct - shared);
      if (s > best) best = s;
    }
  }
  return best;
}

let seenStamp = 0;

/** pg_trgm's word_similarity_threshold (the <% operator). */
const WORD_SIMILARITY_THRESHOLD = 0.6;
const CODE_PATTERN_LOOSE = /^\d\.\d{6}$/;

interface Scored {
  entry: Entry;
  score: number;
}

class CatalogIndex {
  private snapshot: Snapshot | undefined;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private observedAt = Number.NEGATIVE_INFINITY;
  private pending: Promise<Snapshot> | undefined;
  private pendingSince = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly db: Db,
    private readonly checkEveryMs: number,
  ) {}

  /** The index for the catalog as it is now (within a second for other processes' writes). */
  async current(): Promise<Snapshot> {
    const now = Date.now();
    const localWrite = localWriteAt > this.observedAt && now - localWriteAt < LOCAL_WRITE_WINDOW_MS;
    if (this.snapshot && now - this.checkedAt < this.checkEveryMs && !localWrite) return this.snapshot;
    // Searches share a refresh under way, unless it began before this process's last write (it may have read
    // the version before that write committed): then another follows it.
    if (this.pending && this.pendingSince >= localWriteAt) return this.pending;
    const run = (this.pending ?? Promise.resolve()).catch(() => undefined).then(() => this.refresh(now));
    this.pending = run;
    this.pendingSince = now;
    void run
      .finally(() => {
        if (this.pending === run) this.pending = undefined;
      })
      .catch(() => undefined);
    return run;
  }

  private async refresh(now: number): Promise<Snapshot> {
    const version = await readVersion(this.db);
    if (!this.snapshot || this.snapshot.version !== version) {
      this.snapshot = await load(this.db);
      this.observedAt = now;
    }
    this.checkedAt = now;
    return this.snapshot;
  }
}

const indexes = new WeakMap<Db, CatalogIndex>();

/** This process's index of the catalog of a database (one per database handle). */
function indexOf(db: Db, checkEveryMs = CHECK_EVERY_MS): CatalogIndex {
  let index = indexes.get(db);
  if (!index) {
    index = new CatalogIndex(db, checkEveryMs);
    indexes.set(db, index);
  }
  return index;
}

/** A separate index with its own check interval (tests). */
export function catalogIndexFor(db: Db, checkEveryMs: number) {
  const index = new CatalogIndex(db, checkEveryMs);
  return {
    search: (query: ProcedureSearchQuery, day: string, unitId: string | null) =>
      searchIndex(index, query, day, unitId),
    version: async () => (await index.current()).version,
  };
}

/**
 * Catalog search. Case and diacritics are ignored (the query folded as f_unaccent folds names), punctuation counts
 * as spaces. A procedure matches when its name contains every word of the query; when none does, names whose
 * trigram word similarity to the query reaches pg_trgm's threshold (0.6: a typo or two) match instead; a query that
 * is a national code matches that procedure.
 * Ranking: the exact phrase, then all words, a name that starts with the query, trigram similarities.
 */
export function searchProcedures(
  db: Db,
  query: ProcedureSearchQuery,
  day: string,
  unitId: string | null,
): Promise<{ items: ProcedureListItem[]; total: number }> {
  return searchIndex(indexOf(db), query, day, unitId);
}

async function searchIndex(
  index: CatalogIndex,
  query: ProcedureSearchQuery,
  day: string,
  unitId: string | null,
): Promise<{ items: ProcedureListItem[]; total: number }> {
  const snapshot = await index.current();
  const offered = unitId ? (snapshot.offeredAt.get(unitId) ?? new Set<string>()) : null;
  const visible = (e: Entry): boolean =>
    e.effectiveFrom <= day &&
    (e.supersededFrom === null || e.supersededFrom > day) &&
    (offered === null || offered.has(e.procedureId)) &&
    (query.field === undefined || e.item.field.code === query.field) &&
    // Listed as online only where it can be filed online here: an active unit offers it.
    (query.online === undefined ||
      (e.item.onlineLevel === query.online && snapshot.filable.has(e.procedureId))) &&
    (query.postal !== "receive" || e.item.postal.receiveDossier) &&
    (query.postal !== "deliver" || e.item.postal.deliverResult);

  const raw = (query.q ?? "").trim();
  const folded = /[\p{L}\p{N}]/u.test(raw) ? foldForSearch(raw) : "";
  if (folded.length === 0) {
    const matches = snapshot.browseOrder.filter(visible);
    return page(
      matches.map((entry) => ({ entry, score: Number.NaN })),
      query,
      true,
    );
  }
  if (CODE_PATTERN_LOOSE.test(raw)) {
    const matches = snapshot.entries.filter((e) => e.procedureCode === raw && visible(e));
    return page(
      matches.map((entry) => ({ entry, score: 3 })),
      query,
    );
  }

  const words = folded.split(" ").filter((w) => w.length > 0);
  // Whole words count more than parts of words; the last word may be a prefix (typing).
  const wholeWords = words.map((w, i) => (i === words.length - 1 ? ` ${w}` : ` ${w} `));
  const phrase = ` ${folded} `;
  const bonuses = (e: Entry): number =>
    (wholeWords.every((w) => e.padded.includes(w)) ? 0.6 : 0) +
    (e.padded.includes(phrase) ? 0.4 : 0) +
    (e.text.startsWith(folded) ? 0.2 : 0);

  // 1. Every word of the query in the name (the trigrams inside the words narrow the candidates).
  const narrowing = words.flatMap(innerTrigrams).map((t) => postingsOf(snapshot, t));
  const candidates =
    narrowing.length > 0 ? intersect(narrowing).map((i) => snapshot.entries[i] as Entry) : snapshot.entries;
  const exact: Scored[] = [];
  for (const entry of candidates) {
    if (!words.every((w) => entry.text.includes(w)) || !visible(entry)) continue;
    exact.push({ entry, score: 1 + bonuses(entry) + 16 / (16 + entry.text.length) });
  }
  if (exact.length > 0) return page(exact, query);

  // 2. Nothing has every word: a typo. Names whose word similarity reaches the threshold, best first.
  const trigrams = [...trigramSet(words)];
  const vocabulary = snapshot.postings.length;
  const inQuery = new Uint8Array(vocabulary);
  for (const t of trigrams) {
    const id = snapshot.trigramIds.get(t);
    if (id !== undefined) inQuery[id] = 1;
  }
  const shared = new Uint16Array(snapshot.entries.length);
  for (const t of trigrams) for (const i of postingsOf(snapshot, t)) shared[i] = (shared[i] as number) + 1;
  const seen = new Int32Array(vocabulary);
  seenStamp = 0;
  const close: Scored[] = [];
  for (let i = 0; i < shared.length; i++) {
    const count = shared[i] as number;
    // A word similarity of 0.6 needs at least 0.6 of the query's trigrams.
    if (count < WORD_SIMILARITY_THRESHOLD * trigrams.length) continue;
    const entry = snapshot.entries[i] as Entry;
    if (!visible(entry)) continue;
    const word = wordSimilarity(inQuery, trigrams.length, entry, seen);
    if (word < WORD_SIMILARITY_THRESHOLD) continue;
    const similarity = count / (trigrams.length + entry.trigramCount - count);
    close.push({ entry, score: word + 0.3 * similarity + bonuses(entry) });
  }
  return page(close, query);
}

function page(
  matches: Scored[],
  query: ProcedureSearchQuery,
  browsing = false,
): { items: ProcedureListItem[]; total: number } {
  let ranked = matches;
  if (!browsing) {
    // Only the page and what ranks above it need ordering: the score of the last place on the page bounds them.
    const needed = query.offset + query.limit;
    if (matches.length > needed) {
      const scores = Float64Array.from(matches, (m) => -m.score).sort();
      const cutoff = -(scores[needed - 1] as number);
      ranked = matches.filter((m) => m.score >= cutoff);
    }
    ranked.sort(
      (a, b) =>
        b.score - a.score ||
        compareText(a.entry.item.name, b.entry.item.name) ||
        compareText(a.entry.item.slug, b.entry.item.slug),
    );
  }
  return {
    items: ranked.slice(query.offset, query.offset + query.limit).map(({ entry, score }) => ({
      ...entry.item,
      score: browsing ? null : Math.round(score * 1000) / 1000,
    })),
    total: matches.length,
  };
}
