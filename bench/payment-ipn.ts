/**
 * Payment confirmations through the IPN — GET /api/v1/payments/vnpay/ipn with a signed query: HMAC-SHA512 check,
 * the payment row locked, amount checked, marked paid with the unit's next receipt number, audit event, the
 * "payment.paid" notification in the outbox, the call logged with its verdict — in confirmations per second with
 * 16 concurrent callers, on the embedded database (PGlite) or, with DATABASE_URL, on PostgreSQL (a fresh database
 * motcua_bench_ipn_<pid>, dropped at the end). Baselines in the same run on the same database:
 * replays of IPNs already confirmed (the same path up to the "already confirmed" answer and its log row), and the
 * bare minimum — the same HMAC check and one raw `UPDATE … WHERE status = 'pending'` per payment, no HTTP.
 *
 *   npx tsx bench/payment-ipn.ts [payments]        (default 1,500 per path)
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/payment-ipn.ts [payments]
 */
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import pg from "pg";
import { signParams, verifyParams } from "../src/adapters/payment/vnpay.ts";
import { MemoryFileStore } from "../src/adapters/storage/memory-file-store.ts";
import { buildApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { type DbHandle, openPglite, openPostgres } from "../src/db/connection.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import { seedDemoIfEmpty } from "../src/seed/demo.ts";

const N = Number(process.argv[2] ?? 1500);
const CLIENTS = 16;
const TMN = "BENCHIPN";
const SECRET = "bench-ipn-hash-secret-0123456789";

function summarise(latencies: number[], seconds: number) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return {
    perSecond: Math.round(sorted.length / seconds),
    p50Ms: Math.round(at(0.5) * 10) / 10,
    p99Ms: Math.round(at(0.99) * 10) / 10,
    count: sorted.length,
  };
}

async function drive(items: readonly string[], work: (item: string) => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < items.length) {
        const item = items[next++] as string;
        const t = performance.now();
        await work(item);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return summarise(latencies, (performance.now() - started) / 1000);
}

function ipnQuery(txnRef: string): string {
  return new URLSearchParams(
    signParams(
      {
        vnp_Amount: "500000",
        vnp_BankCode: "NCB",
        vnp_OrderInfo: "Thanh toan phi",
        vnp_PayDate: "20261130091000",
        vnp_ResponseCode: "00",
        vnp_TmnCode: TMN,
        vnp_TransactionNo: txnRef.slice(-8),
        vnp_TransactionStatus: "00",
        vnp_TxnRef: txnRef,
      },
      SECRET,
    ),
  ).toString();
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "motcua-bench-ipn-"));
const url = process.env.DATABASE_URL;
const dbName = `motcua_bench_ipn_${process.pid}`;
let admin: pg.Client | null = null;
let handle: DbHandle;
if (url) {
  const adminUrl = new URL(url);
  adminUrl.pathname = "/postgres";
  admin = new pg.Client({ connectionString: adminUrl.toString() });
  admin.on("error", () => {});
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${dbName}`;
  handle = await openPostgres(dbUrl.toString(), 20);
} else {
  handle = await openPglite(dir);
}
try {
  await migrateToLatest(handle.db);
  const now = new Date("2026-11-30T02:00:00Z");
  await seedDemoIfEmpty(handle.db, now);
  const db = handle.db;
  // 3 × N dossiers copied from a seeded one (no code), each with a pending 5,000 đồng payment.
  await sql`
    INSERT INTO dossiers
    SELECT (jsonb_populate_record(null::dossiers, to_jsonb(d) || jsonb_build_object(
      'id', gen_random_uuid(), 'code', null, 'code_agency', null, 'code_date', null, 'code_seq', null,
      'lookup_hash', null))).*
    FROM dossiers d, generate_series(1, ${3 * N})
    WHERE d.id = (SELECT id FROM dossiers WHERE code IS NOT NULL ORDER BY id LIMIT 1)
  `.execute(db);
  await sql`
    INSERT INTO payments (dossier_id, unit_id, method, status, amount_vnd, txn_ref, order_info, payer_name,
      created_at, expires_at, gateway_create_date)
    SELECT d.id, d.received_unit_id, 'vnpay', 'pending', 5000,
      'MCB' || lpad(row_number() OVER (ORDER BY d.id)::text, 9, '0'), 'Thanh toan phi', d.applicant_name,
      ${now}, ${new Date(now.getTime() + 3600_000)}, ${now}
    FROM dossiers d WHERE d.code IS NULL
  `.execute(db);
  const refs = (await db.selectFrom("payments").select("txn_ref").orderBy("txn_ref").execute()).map(
    (r) => r.txn_ref,
  );
  const [apiRefs, rawRefs] = [refs.slice(0, N), refs.slice(N, 2 * N)];

  const config = loadConfig({
    LOG_LEVEL: "silent",
    DEMO: "1",
    PAYMENT_GATEWAY_URL: "http://127.0.0.1:9",
    VNPAY_TMN_CODE: TMN,
    VNPAY_HASH_SECRET: SECRET,
  });
  const app = await buildApp({
    db,
    engine: handle.engine,
    config,
    clock: () => now,
    files: new MemoryFileStore(),
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/v1/payments/vnpay/ipn`;
  const call = async (ref: string, expected: string) => {
    const res = await fetch(`${base}?${ipnQuery(ref)}`);
    const answer = (await res.json()) as { RspCode: string };
    if (answer.RspCode !== expected) throw new Error(`${ref}: ${answer.RspCode}, expected ${expected}`);
  };
  for (const ref of apiRefs.slice(0, 20)) await call(ref, "00"); // warm-up, counted below as replays only

  const confirm = await drive(apiRefs.slice(20), (ref) => call(ref, "00"));
  const replay = await drive(apiRefs.slice(20), (ref) => call(ref, "02"));
  await app.close();

  const raw = await drive(rawRefs, async (ref) => {
    const params = Object.fromEntries(new URLSearchParams(ipnQuery(ref)));
    if (!verifyParams(params, SECRET)) throw new Error("signature");
    const res = await db
      .updateTable("payments")
      .set({ status: "paid", paid_at: now, receipt_number: ref, gateway_transaction_no: ref.slice(-8) })
      .where("txn_ref", "=", ref)
      .where("status", "=", "pending")
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new Error(`raw update ${ref}`);
  });

  const receipts = await db
    .selectFrom("payments")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("status", "=", "paid")
    .where("receipt_number", "like", "%/2026")
    .executeTakeFirstOrThrow();
  console.log(
    JSON.stringify(
      {
        engine: handle.engine,
        clients: CLIENTS,
        ipnConfirm: confirm,
        ipnReplay: replay,
        rawVerifyAndUpdate: raw,
        confirmVsRaw: Math.round((confirm.perSecond / raw.perSecond) * 100) / 100,
        receiptsIssued: Number(receipts.n),
      },
      null,
      2,
    ),
  );
} finally {
  await handle.close();
  if (admin) {
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
  fs.rmSync(dir, { recursive: true, force: true });
}
