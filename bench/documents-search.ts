/**
 * Documents (quản lý văn bản) at the scale of a district's archive: 100,000 outgoing and incoming documents of one
 * unit (UBND huyện Bạch Thông, 2019–2025), generated in SQL with Vietnamese summaries, content and OCR text.
 * Measured, p50/p99, against a baseline taken in the same run on the same database — the lookup of one document
 * by its number and notation in a year ("49/QĐ-UBND" of 2023), the query a clerk types most:
 *  - search: the workspace's real full-text search (listDocuments, as GET /api/v1/documents?q= runs it) for
 *    words typed with and without diacritics, common and rare;
 *  - registering: registerIncoming (the clerk's "vào sổ văn bản đến", with the duplicate check) on a few hundred
 *    newly arrived documents, run twice: without and with the duplicate-check index of migration
 *    2026-12-07-40-documents-duplicate-index-16d, so the ratio shows what that index does at this size.
 * PGlite always; PostgreSQL too when DATABASE_URL is set (a fresh database, dropped at the end). Prints JSON.
 *
 *   npx tsx bench/documents-search.ts [documents] [rounds] [engines: pglite,postgres]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import pg from "pg";
import { LocalFileStore } from "../src/adapters/storage/local-file-store.ts";
import { type DbHandle, openPglite, openPostgres } from "../src/db/connection.ts";
import type { Db } from "../src/db/database.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import type { StaffPrincipal } from "../src/modules/auth/principal.ts";
import type { DocumentDeps } from "../src/modules/documents/deps.ts";
import { registerIncoming } from "../src/modules/documents/incoming.ts";
import { listDocuments } from "../src/modules/documents/views.ts";
import { seedDemoIfEmpty } from "../src/seed/demo.ts";

const DOCUMENTS = Number(process.argv[2] ?? 100_000);
const ROUNDS = Number(process.argv[3] ?? 10);
const ENGINES = (process.argv[4] ?? "pglite,postgres").split(",");
const REGISTRATIONS = 200;
const BATCH = 10_000;
const NOW = new Date("2026-12-07T02:00:00Z");
const DISTRICT = "000.00.31.H06";
const CLERK = "vanthu.bachthong";
const DUPLICATE_INDEX = "documents_duplicate_upper_idx";

const CASES: { label: string; q: string; box?: "incoming" }[] = [
  { label: "giải phóng mặt bằng", q: "giải phóng mặt bằng" },
  { label: "giai phong mat bang (no diacritics)", q: "giai phong mat bang" },
  { label: "chuyen doi so (no diacritics)", q: "chuyen doi so" },
  { label: "dịch tả lợn châu Phi, incoming box", q: "dịch tả lợn châu Phi", box: "incoming" },
  { label: "Bế Văn Khánh (a name, rare)", q: "Bế Văn Khánh" },
  { label: "be van khanh (rare, no diacritics)", q: "be van khanh" },
  { label: "quyết định (in almost every one)", q: "quyết định" },
  { label: "Quang Thuận", q: "Quang Thuận" },
  { label: "49/QĐ-UBND (a number)", q: "49/QĐ-UBND" },
  { label: "tàu vũ trụ (nowhere)", q: "tàu vũ trụ" },
];

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return {
    n: sorted.length,
    p50Ms: round(percentile(sorted, 50)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(sorted[sorted.length - 1] ?? Number.NaN),
  };
}

const ratio = (a: number, b: number) => Math.round((a / b) * 10) / 10;

// Vietnamese text pieces, combined by the row number with different moduli (all lengths coprime-ish) so that
// summaries, content and names mix like a real register's.
const lit = (items: string[]) =>
  sql.raw(`ARRAY[${items.map((s) => `'${s.replace(/'/g, "''")}'`).join(",")}]`);
const ACTIONS = lit([
  "Về việc phê duyệt",
  "Về việc triển khai",
  "Về việc báo cáo kết quả",
  "Về việc tăng cường",
  "Về việc hướng dẫn thực hiện",
  "Về việc kiện toàn ban chỉ đạo",
  "Về việc đôn đốc",
  "Về việc giao chỉ tiêu",
  "Về việc tổng kết",
  "Về việc điều chỉnh",
  "Về việc rà soát",
]);
const SUBJECTS = lit([
  "kế hoạch cải cách hành chính",
  "công tác phòng, chống thiên tai và tìm kiếm cứu nạn",
  "chương trình mục tiêu quốc gia xây dựng nông thôn mới",
  "bồi thường, hỗ trợ, giải phóng mặt bằng dự án đường tỉnh 258",
  "cấp giấy chứng nhận quyền sử dụng đất lần đầu",
  "đăng ký khai sinh, khai tử đúng hạn",
  "tiêm chủng mở rộng cho trẻ em dưới 5 tuổi",
  "phòng cháy, chữa cháy rừng mùa khô",
  "hỗ trợ hộ nghèo, hộ cận nghèo về nhà ở",
  "chuyển đổi số và dịch vụ công trực tuyến",
  "thu ngân sách nhà nước",
  "tuyển chọn và gọi công dân nhập ngũ",
  "bầu cử đại biểu Hội đồng nhân dân các cấp",
  "kiểm kê đất đai, lập bản đồ hiện trạng sử dụng đất",
  "bảo đảm an toàn thực phẩm dịp Tết Nguyên đán",
  "bảo vệ môi trường và thu gom rác thải nông thôn",
  "phòng, chống dịch tả lợn châu Phi",
  "trồng rừng thay thế và giao khoán bảo vệ rừng",
  "sắp xếp đơn vị hành chính cấp xã",
  "thực hiện cơ chế một cửa, một cửa liên thông",
  "chi trả trợ cấp cho người có công với cách mạng",
  "xây dựng trường học đạt chuẩn quốc gia",
  "khắc phục hậu quả mưa lũ",
]);
const PLACES = lit([
  "xã Quang Thuận",
  "xã Đôn Phong",
  "thị trấn Phủ Thông",
  "xã Vi Hương",
  "xã Cẩm Giàng",
  "xã Nguyên Phúc",
  "xã Lục Bình",
  "xã Hà Vị",
  "xã Sĩ Bình",
  "xã Vũ Muộn",
  "xã Cao Sơn",
  "xã Mỹ Thanh",
  "xã Tân Tú",
  "xã Quân Hà",
  "xã Dương Phong",
  "xã Đồng Thắng",
  "xã Phương Linh",
  "địa bàn huyện Bạch Thông",
]);
const OFFICES = lit([
  "Phòng Nội vụ",
  "Phòng Tài nguyên và Môi trường",
  "Phòng Tư pháp",
  "Phòng Tài chính - Kế hoạch",
  "Phòng Nông nghiệp và Phát triển nông thôn",
  "Phòng Giáo dục và Đào tạo",
  "Phòng Lao động - Thương binh và Xã hội",
  "Phòng Văn hóa và Thông tin",
  "Phòng Y tế",
  "Phòng Kinh tế và Hạ tầng",
]);
const SURNAMES = lit([
  "Nông",
  "Hoàng",
  "Lục",
  "Ma",
  "Triệu",
  "Đàm",
  "Bế",
  "Hà",
  "Lý",
  "Nguyễn",
  "Dương",
  "Lường",
  "Sằm",
]);
const MIDDLES = lit(["Văn", "Thị", "Đức", "Thanh"]);
const GIVENS = lit([
  "Thành",
  "Lan",
  "Bình",
  "Hương",
  "Sinh",
  "Hoa",
  "Khánh",
  "Dũng",
  "Tuấn",
  "Mai",
  "Cường",
  "Hạnh",
  "Phúc",
  "Tâm",
  "Quý",
  "Sơn",
  "Thắm",
  "Vinh",
  "Yến",
  "Hùng",
  "Nga",
  "Tiến",
  "Lâm",
  "Thảo",
  "Chiến",
  "Huyền",
  "Đông",
  "Xuân",
  "Thu",
  "Kiên",
  "Lợi",
]);
const ISSUERS = lit([
  "UBND tỉnh Bắc Kạn",
  "Văn phòng UBND tỉnh Bắc Kạn",
  "Sở Nội vụ tỉnh Bắc Kạn",
  "Sở Tài nguyên và Môi trường tỉnh Bắc Kạn",
  "Sở Tư pháp tỉnh Bắc Kạn",
  "Sở Y tế tỉnh Bắc Kạn",
  "Sở Nông nghiệp và Phát triển nông thôn tỉnh Bắc Kạn",
  "Bộ Chỉ huy Quân sự tỉnh Bắc Kạn",
  "Công an tỉnh Bắc Kạn",
  "Huyện ủy Bạch Thông",
  "UBND xã Quang Thuận",
  "UBND xã Đôn Phong",
]);
const ISSUER_NOTATIONS = lit([
  "QĐ-UBND",
  "UBND-VP",
  "SNV-CCHC",
  "STNMT-QLĐĐ",
  "STP-HCTP",
  "SYT-NVY",
  "SNN-KHTC",
  "BCH-TM",
  "CAT-PV01",
  "HU-VP",
  "UBND",
  "KH-UBND",
]);
// Outgoing kinds: type code, notation after the number (Phụ lục I ô 3; a công văn carries the drafting office).
const OUT_TYPES = [
  ["quyet-dinh", "QĐ-UBND"],
  ["cong-van", "UBND-VP"],
  ["ke-hoach", "KH-UBND"],
  ["thong-bao", "TB-UBND"],
  ["bao-cao", "BC-UBND"],
  ["to-trinh", "TTr-UBND"],
] as const;
const TYPE_CODES = lit(OUT_TYPES.map((t) => t[0]));
const TYPE_NOTATIONS = lit(OUT_TYPES.map((t) => t[1]));
const YEARS = 7; // 2019–2025

/** Rows [from, to) of the archive in one INSERT … SELECT generate_series. */
async function insertBatch(db: Db, unitId: string, from: number, to: number): Promise<void> {
  await sql`
    WITH k AS (
      SELECT g AS k, g / 2 AS m, g % 2 = 0 AS outgoing FROM generate_series(${from}::int, ${to - 1}::int) g
    ), parts AS (
      SELECT k, outgoing,
        CASE WHEN outgoing THEN m % 6 ELSE NULL END AS t,
        2019 + CASE WHEN outgoing THEN (m / 6) % ${YEARS} ELSE m % ${YEARS} END AS y,
        CASE WHEN outgoing THEN m / ${6 * YEARS} + 1 ELSE m / ${YEARS} + 1 END AS n,
        (${ACTIONS})[1 + (k * 7) % 11] || ' ' || (${SUBJECTS})[1 + (k * 13) % 23] || ' ' ||
          CASE WHEN k % 3 = 0 THEN 'tại ' ELSE 'trên ' END || (${PLACES})[1 + (k * 5) % 18] AS summary,
        (${SURNAMES})[1 + k % 13] || ' ' || (${MIDDLES})[1 + (k / 13) % 4] || ' ' || (${GIVENS})[1 + (k / 7) % 31] AS person,
        (${OFFICES})[1 + (k * 3) % 10] AS office,
        (${PLACES})[1 + (k * 11) % 18] AS place2,
        (${ISSUERS})[1 + (k / 2) % 12] AS issuer
      FROM k
    ), texts AS (
      SELECT *,
        'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; căn cứ Nghị định số 30/2020/NĐ-CP ' ||
        'ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư; xét đề nghị của Trưởng ' || office || '. ' ||
        'Điều 1. ' || summary || ' năm ' || y || ', trong đó có trường hợp hộ gia đình ông (bà) ' || person ||
        ' ở ' || place2 || '. Điều 2. Giao ' || office || ' chủ trì, phối hợp với các cơ quan, đơn vị liên quan ' ||
        'tổ chức thực hiện, báo cáo kết quả trước ngày 15 tháng 12 năm ' || y || '. Điều 3. Quyết định này có ' ||
        'hiệu lực kể từ ngày ký. Chánh Văn phòng HĐND và UBND huyện, Trưởng ' || office || ', Chủ tịch UBND ' ||
        place2 || ' và các cá nhân có liên quan chịu trách nhiệm thi hành.' AS body
      FROM parts
    )
    INSERT INTO documents (unit_id, direction, status, type_code, summary, content_text, urgency, confidentiality,
      register_id, number, notation, issued_on, issued_at, origin, issuer_name, original_number, original_date,
      arrived_at, registered_at, done_at, ocr_status, ocr_text, created_at, updated_at)
    SELECT ${unitId}::uuid,
      CASE WHEN outgoing THEN 'outgoing' ELSE 'incoming' END,
      CASE WHEN outgoing THEN 'sent' WHEN k % 17 = 1 THEN 'in_progress' ELSE 'done' END,
      CASE WHEN outgoing THEN (${TYPE_CODES})[1 + t] ELSE 'cong-van' END,
      summary,
      CASE WHEN outgoing OR k % 3 <> 1 THEN body END,
      CASE WHEN k % 211 = 0 THEN 'hoa_toc' WHEN k % 53 = 0 THEN 'khan' ELSE 'normal' END,
      CASE WHEN k % 97 = 0 THEN 'mat' ELSE 'normal' END,
      r.id, n,
      CASE WHEN outgoing THEN CASE WHEN n < 10 THEN '0' ELSE '' END || n::text || '/' || (${TYPE_NOTATIONS})[1 + t] ELSE n::text END,
      d::date, CASE WHEN outgoing THEN d END,
      CASE WHEN outgoing THEN NULL WHEN k % 3 = 1 THEN 'paper' ELSE 'outside' END,
      CASE WHEN outgoing THEN NULL ELSE issuer END,
      CASE WHEN outgoing THEN NULL ELSE (k % 900 + 1)::text || '/' || (${ISSUER_NOTATIONS})[1 + (k / 2) % 12] END,
      CASE WHEN outgoing THEN NULL ELSE (d - interval '2 days')::date END,
      CASE WHEN outgoing THEN NULL ELSE d END,
      CASE WHEN outgoing THEN NULL ELSE d END,
      CASE WHEN outgoing OR k % 17 = 1 THEN NULL ELSE d + interval '5 days' END,
      CASE WHEN NOT outgoing AND k % 3 = 1 THEN 'done' ELSE 'none' END,
      CASE WHEN NOT outgoing AND k % 3 = 1 THEN
        upper(issuer) || ' CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Số: ' ||
        (k % 900 + 1)::text || ' V/v ' || summary || ' ' || body END,
      d, d
    FROM (
      SELECT texts.*, make_date(y, 1, 2)::timestamptz + make_interval(mins => n * 60) AS d FROM texts
    ) x
    JOIN document_registers r ON r.unit_id = ${unitId}::uuid AND r.year = x.y
      AND r.series = CASE WHEN outgoing THEN 'out:' || (${TYPE_CODES})[1 + t] ELSE 'in' END
  `.execute(db);
}

/** The archive in batches; the trigram index is dropped during the load and rebuilt after it, as a bulk load would. */
async function generate(db: Db, unitId: string): Promise<void> {
  const trigram = await sql<{ def: string }>`
    SELECT pg_get_indexdef('documents_search_trgm_idx'::regclass) AS def
  `.execute(db);
  await sql`DROP INDEX documents_search_trgm_idx`.execute(db);
  await sql`
    INSERT INTO document_registers (unit_id, series, year)
    SELECT ${unitId}::uuid, s, y
    FROM unnest(array_append(ARRAY(SELECT 'out:' || c FROM unnest(${TYPE_CODES}) c), 'in')) s,
      generate_series(2019, ${2018 + YEARS}) y
    ON CONFLICT DO NOTHING
  `.execute(db);
  for (let from = 0; from < DOCUMENTS; from += BATCH) {
    await insertBatch(db, unitId, from, Math.min(DOCUMENTS, from + BATCH));
  }
  await sql`
    UPDATE document_registers r SET last_number = x.n
    FROM (SELECT register_id, max(number) AS n FROM documents GROUP BY register_id) x
    WHERE x.register_id = r.id
  `.execute(db);
  await sql.raw(trigram.rows[0]?.def ?? "").execute(db);
  await sql`ANALYZE`.execute(db);
}

/**
 * Newly arrived documents for the clerk to register; one in ten repeats the số + ký hiệu and issuer of archived
 * incoming document 2g+1 (see insertBatch), so the duplicate check finds it.
 */
async function arrive(db: Db, unitId: string, count: number, tag: string): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    INSERT INTO documents (unit_id, direction, status, type_code, summary, origin, issuer_name, original_number,
      original_date, arrived_at, register_due_on, created_at, updated_at)
    SELECT ${unitId}::uuid, 'incoming', 'arrived', 'cong-van',
      'Về việc ' || (${SUBJECTS})[1 + g % 23] || ' (' || ${tag} || ')', 'outside', (${ISSUERS})[1 + g % 12],
      CASE WHEN g % 10 = 0 THEN ((2 * g + 1) % 900 + 1)::text || '/' || (${ISSUER_NOTATIONS})[1 + g % 12]
        ELSE (5000 + g)::text || '/' || ${tag} END,
      ${NOW}::date, ${NOW}, ${NOW}::date, ${NOW}, ${NOW}
    FROM generate_series(1, ${count}) g
    RETURNING id
  `.execute(db);
  return rows.rows.map((r) => r.id);
}

async function measure(engine: string, handle: DbHandle, filesDir: string) {
  const db = handle.db;
  await migrateToLatest(db);
  await seedDemoIfEmpty(db, NOW);
  const unit = await db
    .selectFrom("units")
    .select(["id", "path"])
    .where("code", "=", DISTRICT)
    .executeTakeFirstOrThrow();
  const clerkRow = await db
    .selectFrom("staff")
    .select(["id", "username", "full_name", "roles"])
    .where("username", "=", CLERK)
    .executeTakeFirstOrThrow();
  const clerk: StaffPrincipal = {
    kind: "staff",
    staffId: clerkRow.id,
    username: clerkRow.username,
    fullName: clerkRow.full_name,
    unitId: unit.id,
    unitPath: unit.path,
    roles: clerkRow.roles,
    sessionHash: "benchmark",
  };
  const deps: DocumentDeps = {
    db,
    files: new LocalFileStore(filesDir),
    config: { demo: true, signingKeySecret: "benchmark-secret-0123456789abcdef" },
    clock: () => NOW,
  };

  let started = performance.now();
  await generate(db, unit.id);
  const generateMs = Math.round(performance.now() - started);
  const total = await db
    .selectFrom("documents")
    .select(db.fn.countAll<number>().as("n"))
    .where("unit_id", "=", unit.id)
    .executeTakeFirstOrThrow();

  // Baseline: a document by number and notation in a year, e.g. "49/QĐ-UBND" issued in 2023.
  let seed = 1;
  const lookup = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const [, notation] = OUT_TYPES[seed % 6] as readonly [string, string];
    const n = 1 + (seed % Math.max(1, Math.floor(DOCUMENTS / (2 * 6 * YEARS))));
    const year = 2019 + (seed % YEARS);
    return db
      .selectFrom("documents")
      .select(["id", "summary", "status"])
      .where("unit_id", "=", unit.id)
      .where("notation", "=", `${String(n).padStart(2, "0")}/${notation}`)
      .where("issued_on", ">=", `${year}-01-01`)
      .where("issued_on", "<", `${year + 1}-01-01`)
      .executeTakeFirstOrThrow();
  };
  const search = (c: (typeof CASES)[number]) =>
    listDocuments(db, clerk, { box: c.box ?? "all", q: c.q, limit: 50, offset: 0 });

  for (let i = 0; i < 2; i++) {
    for (const c of CASES) await search(c);
    for (let k = 0; k < 30; k++) await lookup();
  }
  const perCase = new Map<string, number[]>(CASES.map((c) => [c.label, []]));
  const matches = new Map<string, number>();
  const allSearch: number[] = [];
  const lookups: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const c of CASES) {
      let t = performance.now();
      const found = await search(c);
      const ms = performance.now() - t;
      matches.set(c.label, found.total);
      perCase.get(c.label)?.push(ms);
      allSearch.push(ms);
      for (let k = 0; k < 3; k++) {
        t = performance.now();
        await lookup();
        lookups.push(performance.now() - t);
      }
    }
  }

  // Registering: the same number of arrivals each way, interleaved with lookups for the baseline.
  const register = async (label: string) => {
    const ids = await arrive(db, unit.id, REGISTRATIONS, label);
    await sql`ANALYZE documents`.execute(db);
    const samples: number[] = [];
    let duplicates = 0;
    for (const id of ids) {
      const t = performance.now();
      const result = await registerIncoming(deps, clerk, id, { version: 1 });
      samples.push(performance.now() - t);
      if (result.duplicateOf) duplicates++;
      const l = performance.now();
      await lookup();
      lookups.push(performance.now() - l);
    }
    return { ...stats(samples), duplicatesFlagged: duplicates };
  };
  const indexDef = await sql<{ def: string }>`
    SELECT pg_get_indexdef(indexrelid) AS def FROM pg_index WHERE indexrelid = ${DUPLICATE_INDEX}::regclass
  `.execute(db);
  await sql`DROP INDEX ${sql.id(DUPLICATE_INDEX)}`.execute(db);
  started = performance.now();
  const withoutIndex = await register("CV-BENCH1");
  await sql.raw(indexDef.rows[0]?.def ?? "").execute(db);
  const withIndex = await register("CV-BENCH2");
  const registerMs = Math.round(performance.now() - started);

  const searchStats = stats(allSearch);
  const lookupStats = stats(lookups);
  return {
    engine,
    documents: Number(total.n),
    generateMs,
    registerPhaseMs: registerMs,
    lookupByNumberAndNotation: lookupStats,
    search: searchStats,
    searchRatioP50: ratio(searchStats.p50Ms, lookupStats.p50Ms),
    searchRatioP99: ratio(searchStats.p99Ms, lookupStats.p99Ms),
    perQuery: Object.fromEntries(
      [...perCase].map(([label, samples]) => [label, { ...stats(samples), matches: matches.get(label) }]),
    ),
    registerIncoming: {
      withoutDuplicateIndex: {
        ...withoutIndex,
        ratioP50: ratio(withoutIndex.p50Ms, lookupStats.p50Ms),
        ratioP99: ratio(withoutIndex.p99Ms, lookupStats.p99Ms),
      },
      withDuplicateIndex: {
        ...withIndex,
        ratioP50: ratio(withIndex.p50Ms, lookupStats.p50Ms),
        ratioP99: ratio(withIndex.p99Ms, lookupStats.p99Ms),
      },
    },
  };
}

async function main() {
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), "motcua-bench-documents-"));
  const results = [];
  try {
    if (ENGINES.includes("pglite")) {
      const lite = await openPglite(undefined);
      try {
        results.push(await measure("pglite", lite, filesDir));
      } finally {
        await lite.close();
      }
    }
    const url = process.env.DATABASE_URL;
    if (url && ENGINES.includes("postgres")) {
      const name = `motcua_bench_documents_${process.pid}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      const target = new URL(url);
      target.pathname = `/${name}`;
      const handle = await openPostgres(target.toString(), 4);
      try {
        results.push(await measure("postgres", handle, filesDir));
      } finally {
        await handle.close();
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      }
    }
  } finally {
    fs.rmSync(filesDir, { recursive: true, force: true });
  }
  console.log(
    JSON.stringify(
      {
        machine: {
          cpus: os.cpus().length,
          loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10),
          node: process.version,
        },
        rounds: ROUNDS,
        results,
      },
      null,
      2,
    ),
  );
}

await main();
