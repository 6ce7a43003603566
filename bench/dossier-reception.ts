/**
 * Counter reception through the HTTP API — POST /api/v1/dossiers, accepted: validation, procedure version and
 * offering, calendar and due instant, gap-free daily code, tasks, history, audit chain, and the receipt (form 01)
 * drawn and stored — in dossiers per second and latency, with 32 concurrent clients, on PostgreSQL. Baseline, in
 * the same run on the same database: the same rows written as raw SQL over node-postgres, with the same 32-way
 * concurrency and the same locks (daily sequence row, the unit's audit chain head), but no HTTP, no checks, no
 * calendar and no PDF. Two placements: 32 desk officers spread over the 17 demo communes of Bạch Thông (each desk has its own
 * sequence and audit chain), and all 32 at one desk (every reception queues on the same two rows). The API runs
 * twice: as configured by default (the receipt queued in the reception's transaction, drawn in the render pool's
 * worker threads and stored right after it commits, the answer not waiting for it), and with
 * DOSSIER_FORMS=on_download (drawn on first download), which shows the server's own path without the PDF.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/dossier-reception.ts [seconds]
 *
 * A fresh database motcua_bench_reception_<pid> is created and dropped.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { LocalFileStore } from "../src/adapters/storage/local-file-store.ts";
import { buildApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import type { ReceiveInput } from "../src/contracts/dossiers.ts";
import { openPostgres } from "../src/db/connection.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import { dossierCodeFor, isAgencyCode } from "../src/domain/codes/index.ts";
import { GENESIS_HASH, hashEntry } from "../src/modules/audit/audit-log.ts";
import { canonicalJson } from "../src/modules/audit/canonical-json.ts";
import { hashPassword } from "../src/modules/auth/passwords.ts";
import { renderReceipt } from "../src/pdf/forms/index.ts";
import { buildReceipt } from "../src/pdf/forms/test-support.ts";
import { holdRenderPool } from "../src/pdf/pool.ts";
import { seedDemoIfEmpty } from "../src/seed/demo.ts";
import { freePort, HttpSession } from "../test/support/http.ts";

const CLIENTS = 32;
const POOL = 20;
const SECONDS = Number(process.argv[2] ?? 15);
const PROCEDURE = "cap-giay-xac-nhan-tinh-trang-hon-nhan";
const PASSWORD = "bench-reception-2026";

interface Stats {
  dossiersPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  count: number;
  errors: number;
}

function summarise(latencies: number[], errors: number, seconds: number): Stats {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return {
    dossiersPerSecond: Math.round((sorted.length / seconds) * 10) / 10,
    p50Ms: Math.round(at(0.5) * 10) / 10,
    p99Ms: Math.round(at(0.99) * 10) / 10,
    count: sorted.length,
    errors,
  };
}

/** Runs `work` in `workers` loops for `seconds`; latencies of the successful runs. */
async function drive(
  workers: number,
  seconds: number,
  work: (worker: number) => Promise<boolean>,
): Promise<Stats> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      while (performance.now() < end) {
        const t = performance.now();
        const ok = await work(w).catch((error: unknown) => {
          if (firstError === null) firstError = error instanceof Error ? error.message : String(error);
          return false;
        });
        if (ok) latencies.push(performance.now() - t);
        else errors++;
      }
    }),
  );
  if (firstError !== null) console.error(`first error: ${firstError}`);
  return summarise(latencies, errors, (performance.now() - started) / 1000);
}

/** An officer's session that receives dossiers; `base` sends it to another app instance over the same database. */
class Client {
  private readonly session: HttpSession;
  constructor(base: string) {
    this.session = new HttpSession(base);
  }

  login(username: string): Promise<void> {
    return this.session.login(username, PASSWORD);
  }

  async receive(body: ReceiveInput, base?: string): Promise<boolean> {
    const res = await this.session.send("POST", "/api/v1/dossiers", body, base ? { base } : {});
    const text = await res.text();
    if (res.status !== 201) throw new Error(`${res.status} ${text.slice(0, 300)}`);
    return true;
  }
}

function reception(n: number): ReceiveInput {
  return {
    procedure: PROCEDURE,
    applicant: {
      kind: "person",
      name: `Nguyễn Văn Thử ${n}`,
      identityNumber: String(6_190_000_000 + n).padStart(12, "0"),
      address: {
        detail: "Thôn Nà Mèo",
        commune: "Xã Quang Thuận",
        district: "Huyện Bạch Thông",
        province: "Tỉnh Bắc Kạn",
      },
      phone: "0912 345 678",
    },
    components: [
      { name: "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân", kind: "original", count: 1 },
      { name: "Căn cước công dân", kind: "copy", count: 1 },
    ],
    decision: { outcome: "accept" },
  };
}

interface Desk {
  id: string;
  code: string;
}

/** The rows one reception writes, as raw SQL in one transaction with the same locks, in the same order. */
async function rawReception(pool: pg.Pool, desk: Desk, template: Record<string, unknown>, n: number) {
  const client = await pool.connect();
  const now = new Date();
  try {
    await client.query("BEGIN");
    const id = randomUUID();
    const day = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
    const seq = await client.query<{ last_seq: number }>(
      `INSERT INTO dossier_code_sequences (agency_code, day, last_seq) VALUES ($1, $2, 1)
       ON CONFLICT (agency_code, day) DO UPDATE SET last_seq = dossier_code_sequences.last_seq + 1
       RETURNING last_seq`,
      [desk.code, day],
    );
    const sequence = Number(seq.rows[0]?.last_seq);
    const { code } = dossierCodeFor({ agencyCode: desk.code, receivedAt: now.getTime(), sequence });
    const due = new Date(now.getTime() + 3 * 86_400_000);
    await client.query(
      `INSERT INTO dossiers (id, code, code_agency, code_date, code_seq, lookup_hash, received_unit_id, current_unit_id,
         procedure_id, procedure_version_id, procedure_name, workflow, channel, applicant_kind, applicant_name,
         applicant_identity, applicant, return_method, processing_time, status, step_index, clock, duration,
         received_at, due_at, appointment_at, step_dues, state_at, status_data, created_at, updated_at, version)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$7,$8,$9,$10,$11,'counter','person',$12,$13,$14,'counter','03 ngày làm việc',
         'received',0,'running','{"workingDays":3}',$15,$16,$16,$17,$15,'{}',$15,$15,2)`,
      [
        id,
        code,
        desk.code,
        day,
        sequence,
        "0".repeat(64),
        desk.id,
        template.procedure_id,
        template.procedure_version_id,
        template.procedure_name,
        JSON.stringify(template.workflow),
        `Nguyễn Văn Thử ${n}`,
        "006190001234",
        JSON.stringify(template.applicant),
        now,
        due,
        JSON.stringify([due.getTime(), due.getTime(), due.getTime(), due.getTime()]),
      ],
    );
    await client.query(
      `INSERT INTO dossier_components (dossier_id, position, name, kind, count, added_at)
       VALUES ($1, 1, 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', 'original', 1, $2),
              ($1, 2, 'Căn cước công dân', 'copy', 1, $2)`,
      [id, now],
    );
    await client.query(
      `INSERT INTO dossier_events (dossier_id, seq, at, unit_id, action, from_status, to_status, step_index, detail)
       VALUES ($1, 1, $2, $3, 'receive', 'at_desk', 'received', 0, '{"outcome":"accept"}')`,
      [id, now, desk.id],
    );
    await client.query(
      `INSERT INTO dossier_tasks (dossier_id, seq, unit_id, step_index, role, name, due_at, started_at)
       VALUES ($1, 1, $2, 0, 'reception', 'Tiếp nhận', $3, $4)`,
      [id, desk.id, due, now],
    );
    const file = await client.query<{ id: string }>(
      `INSERT INTO files (sha256, size, mime, name, unit_id, purpose, created_by_kind, created_at)
       VALUES ($1, 40000, 'application/pdf', 'receipt.pdf', $2, 'dossier_form', 'staff', $3) RETURNING id`,
      ["a".repeat(64), desk.id, now],
    );
    await client.query(
      `INSERT INTO dossier_forms (dossier_id, kind, form_set, number, title, data, file_id, issued_at)
       VALUES ($1, 'receipt', 'tt03-2025', '01', 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả', $2, $3, $4)`,
      [id, JSON.stringify({ code, template: true }), file.rows[0]?.id, now],
    );
    await client.query(`INSERT INTO dossier_files (dossier_id, file_id, role) VALUES ($1, $2, 'form')`, [
      id,
      file.rows[0]?.id,
    ]);
    // The unit's audit chain: lock the head, append two entries (reception, stored receipt), move the head.
    await client.query(
      `INSERT INTO audit_heads (chain, seq, hash) VALUES ($1, 0, $2) ON CONFLICT (chain) DO NOTHING`,
      [desk.id, GENESIS_HASH],
    );
    const head = await client.query<{ seq: number; hash: string }>(
      "SELECT seq, hash FROM audit_heads WHERE chain = $1 FOR UPDATE",
      [desk.id],
    );
    let prev = head.rows[0]?.hash as string;
    let s = Number(head.rows[0]?.seq);
    for (const action of ["dossier.receive", "file.store"]) {
      s += 1;
      const summary = JSON.parse(canonicalJson({ code, to: "received" })) as Record<string, unknown>;
      const fields = {
        chain: desk.id,
        seq: s,
        at: now.toISOString(),
        unitId: desk.id,
        actorKind: "staff",
        actorId: null,
        action,
        entityType: "dossier",
        entityId: id,
        summary,
        prevHash: prev,
      };
      const hash = hashEntry(fields);
      await client.query(
        `INSERT INTO audit_log (chain, seq, at, unit_id, actor_kind, actor_id, action, entity_type, entity_id, summary,
           prev_hash, hash) VALUES ($1,$2,$3,$4,'staff',NULL,$5,'dossier',$6,$7,$8,$9)`,
        [desk.id, s, now, desk.id, action, id, JSON.stringify(summary), prev, hash],
      );
      prev = hash;
    }
    await client.query("UPDATE audit_heads SET seq = $2, hash = $3 WHERE chain = $1", [desk.id, s, prev]);
    await client.query("COMMIT");
    return true;
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url)
    throw new Error("Set DATABASE_URL to a PostgreSQL server (the benchmark creates its own database).");
  const name = `motcua_bench_reception_${process.pid}`;
  const adminUrl = new URL(url);
  adminUrl.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), "motcua-bench-files-"));
  const handle = await openPostgres(dbUrl.toString(), POOL);
  const pool = new pg.Pool({ connectionString: dbUrl.toString(), max: POOL });
  // Dropping the database at the end ends any connection still open; that is expected, not an error.
  pool.on("error", () => {});
  admin.on("error", () => {});
  try {
    await migrateToLatest(handle.db);
    await seedDemoIfEmpty(handle.db, new Date());
    const offering = (await handle.db
      .selectFrom("units as u")
      .innerJoin("procedure_offerings as o", "o.unit_id", "u.id")
      .innerJoin("procedures as p", "p.id", "o.procedure_id")
      .select(["u.id", "u.code"])
      .where("p.slug", "=", PROCEDURE)
      .orderBy("u.code")
      .execute()) as Desk[];
    // The demo's Thái Nguyên communes carry illustrative codes that are not valid agency identifiers.
    const desks = offering.filter((d) => isAgencyCode(d.code));
    const hash = await hashPassword(PASSWORD);
    const staff: { username: string; desk: Desk }[] = [];
    for (let i = 0; i < CLIENTS * 2; i++) {
      const desk = (i < CLIENTS ? desks[i % desks.length] : desks[0]) as Desk;
      const username = `bench.desk${i}`;
      await handle.db
        .insertInto("staff")
        .values({
          unit_id: desk.id,
          username,
          full_name: `Cán bộ một cửa ${i}`,
          password_hash: hash,
          roles: ["reception"],
        })
        .execute();
      staff.push({ username, desk });
    }
    // The render pool's threads started before the clock runs, as the server does at start.
    const releaseRenderPool = holdRenderPool();
    const apps = await Promise.all(
      (["on_commit", "on_download"] as const).map(async (forms) => {
        const config = loadConfig({
          LOG_LEVEL: "silent",
          DEMO: "1",
          PUBLIC_URL: "https://motcua.example.vn",
          DOSSIER_FORMS: forms,
        });
        const app = await buildApp({
          db: handle.db,
          engine: "postgres",
          config,
          clock: () => new Date(),
          files: new LocalFileStore(filesDir),
        });
        const port = await freePort();
        await app.listen({ port, host: "127.0.0.1" });
        return { app, base: `http://127.0.0.1:${port}` };
      }),
    );
    const [withForms, deferred] = apps as [(typeof apps)[number], (typeof apps)[number]];
    const base = withForms.base;

    // The PDF alone: how long one receipt takes to draw (the largest part of a reception).
    const receipt = buildReceipt();
    await renderReceipt(receipt);
    const pdfStart = performance.now();
    for (let i = 0; i < 10; i++) await renderReceipt(receipt);
    const receiptPdfMs = Math.round(((performance.now() - pdfStart) / 10) * 10) / 10;

    const template = (await handle.db
      .selectFrom("dossiers")
      .select(["procedure_id", "procedure_version_id", "procedure_name", "workflow", "applicant"])
      .limit(1)
      .executeTakeFirstOrThrow()) as unknown as Record<string, unknown>;

    const results: Record<string, unknown> = {};
    let n = 0;
    for (const placement of ["spread over 17 desks", "all at one desk"] as const) {
      const group = placement === "all at one desk" ? staff.slice(CLIENTS) : staff.slice(0, CLIENTS);
      const clients = await Promise.all(
        group.map(async (s) => {
          const c = new Client(base);
          await c.login(s.username);
          return c;
        }),
      );
      await drive(CLIENTS, 3, (w) => (clients[w] as Client).receive(reception(n++)));
      const api = await drive(CLIENTS, SECONDS, (w) => (clients[w] as Client).receive(reception(n++)));
      const apiFormsOnDownload = await drive(CLIENTS, SECONDS, (w) =>
        (clients[w] as Client).receive(reception(n++), deferred.base),
      );
      await drive(CLIENTS, 2, (w) => rawReception(pool, (group[w] as { desk: Desk }).desk, template, n++));
      const raw = await drive(CLIENTS, SECONDS, (w) =>
        rawReception(pool, (group[w] as { desk: Desk }).desk, template, n++),
      );
      const ratio = (a: number, b: number) => Math.round((a / Math.max(b, 0.1)) * 10) / 10;
      results[placement] = {
        api,
        apiFormsOnDownload,
        rawSql: raw,
        throughputRatio: ratio(raw.dossiersPerSecond, api.dossiersPerSecond),
        p99Ratio: ratio(api.p99Ms, raw.p99Ms),
        throughputRatioFormsOnDownload: ratio(raw.dossiersPerSecond, apiFormsOnDownload.dossiersPerSecond),
        p99RatioFormsOnDownload: ratio(apiFormsOnDownload.p99Ms, raw.p99Ms),
      };
    }
    const check = await handle.db
      .selectFrom("dossiers")
      .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.count<number>("code").distinct().as("codes")])
      .executeTakeFirstOrThrow();
    for (const a of apps) await a.app.close();
    await releaseRenderPool();
    console.log(
      JSON.stringify(
        {
          clients: CLIENTS,
          seconds: SECONDS,
          poolSize: POOL,
          receiptPdfMs,
          results,
          dossiers: Number(check.n),
          distinctCodes: Number(check.codes),
          node: process.version,
          cpus: os.cpus().length,
          loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10),
        },
        null,
        2,
      ),
    );
  } finally {
    await pool.end();
    await handle.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    fs.rmSync(filesDir, { recursive: true, force: true });
  }
}

await main();
