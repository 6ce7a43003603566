/**
 * Crash safety of the background jobs (issue 24): a real `motcua serve` process keeps its background queues busy —
 * report exports, hand-over list prints, catalog imports, OCR of incoming scans, due and overdue reminders of
 * incoming-document assignments (through the outbox to the far-side SMTP server and SMS gateway), and the
 * reconciliation of pending online payments with a far-side payment gateway — while it is SIGKILLed at random
 * moments and restarted. Every pass runs every 150 ms with a 2 s lease (JOBS_INTERVAL_MS, JOBS_LEASE_SECONDS), so
 * most kills land inside a pass. After each kill, with the server down, and once more after the last server has
 * drained everything: every job is done exactly once (one file per export, one procedure version per import, OCR
 * text kept), none is left running after its last attempt, attempts stay within the cap, each payment is settled
 * once (one receipt number, one audit event, one message), each reminder is written once (its mark, its audit
 * event and its message under one dedupe key), the far side received each message once under its key, the
 * gateway was never asked for a refund, and `motcua audit-verify` passes.
 */
import { execFile } from "node:child_process";
import { randomInt } from "node:crypto";
import fs from "node:fs";
import { promisify } from "node:util";
import Fastify from "fastify";
import { sql } from "kysely";
import {
  type GatewayTransaction,
  type LocalGatewayState,
  localGatewayPlugin,
} from "../../src/adapters/payment/local-gateway.ts";
import { TRANSACTION_API_PATH, vnpDate } from "../../src/adapters/payment/vnpay.ts";
import { openDatabase } from "../../src/db/connection.ts";
import type { Db } from "../../src/db/database.ts";
import { INTERRUPTED } from "../../src/db/job-lease.ts";
import { vietnamDate } from "../../src/domain/documents/index.ts";
import { recordAudit } from "../../src/modules/audit/audit-log.ts";
import { newTxnRef } from "../../src/modules/payments/start.ts";
import { DEMO_PASSWORD } from "../../src/seed/demo-units.ts";
import type { ServerProcess } from "../process/server-process.ts";
import { HttpSession } from "../support/http.ts";
import {
  auditVerify,
  checkFarSide,
  crashEnv,
  DRAINED,
  prepareRun,
  receptionBody,
  startMotcua,
  uniquePdf,
  untilStable,
} from "./crash-suite.ts";
import { startFarSide } from "./far-side-peers.ts";

const run = promisify(execFile);

const UNIT_CODE = "000.17.31.H06";
const USERS = {
  leader: "lanhdao.quangthuan",
  clerk: "vanthu.quangthuan",
  officer: "chuyenvien.quangthuan",
  desk: "tiepnhan.quangthuan",
  admin: "admin",
} as const;
const MERCHANT = { tmnCode: "CRASH001", hashSecret: "crash-suite-merchant-hash-secret-0001" };
const FEE_VND = 50_000;
/** Attempts of each leased queue (src/db/job-lease.ts users): exports, prints and imports 3, OCR 3. */
const ATTEMPT_CAP = 3;

export interface BackgroundOptions {
  engine: "pglite" | "postgres";
  kills: number;
  postgresUrl?: string;
  log?: (line: string) => void;
}

export interface BackgroundSummary {
  engine: string;
  kills: number;
  reportExports: number;
  handOverPrints: number;
  catalogImports: number;
  /** null: the OCR tools (poppler, tesseract) are not on this machine and OCR was not checked. */
  ocrDocuments: number | null;
  reminders: number;
  payments: { paid: number; expired: number; failed: number };
  querydrCalls: number;
  /** Jobs a kill left claimed and unfinished (running after the kill), taken up again by a later server. */
  jobsCutByKill: number;
  /** Jobs whose every attempt was cut by a kill, closed as failed ("interrupted") rather than left running. */
  jobsGivenUp: number;
  emailsDelivered: number;
  smsDelivered: number;
  resentUnderSameKey: number;
  problems: string[];
  seconds: number;
}

/** What the far-side gateway was asked, by vnp_TxnRef. */
interface GatewayPeer {
  url: string;
  state: LocalGatewayState;
  querydr: Map<string, number>;
  refunds: Map<string, number>;
  close(): Promise<void>;
}

/**
 * The payment gateway of the far side: the local VNPay-protocol gateway on its own port in the test process (it
 * outlives every kill), counting each querydr and refund call by transaction.
 */
async function startGatewayPeer(): Promise<GatewayPeer> {
  const state: LocalGatewayState = {
    transactions: new Map(),
    merchants: new Map([[MERCHANT.tmnCode, { ...MERCHANT, ipnUrl: "http://127.0.0.1:9/ipn" }]]),
  };
  const querydr = new Map<string, number>();
  const refunds = new Map<string, number>();
  const app = Fastify({ logger: false });
  app.addHook("preHandler", async (request) => {
    const body = request.body as Record<string, unknown> | null;
    if (!request.url.endsWith(TRANSACTION_API_PATH) || !body) return;
    const into = body.vnp_Command === "refund" ? refunds : querydr;
    const ref = String(body.vnp_TxnRef);
    into.set(ref, (into.get(ref) ?? 0) + 1);
  });
  await app.register(localGatewayPlugin({ merchants: state.merchants, state }));
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  return { url, state, querydr, refunds, close: () => app.close() };
}

type GatewayFate = "paid" | "pending" | "cancelled" | "absent";
/** The payment's end state when the reconciler asks the gateway (src/modules/payments/reconcile.ts). */
const SETTLED_AS: Record<GatewayFate, "paid" | "expired" | "failed"> = {
  paid: "paid",
  pending: "expired",
  cancelled: "failed",
  absent: "expired",
};
const FATES: GatewayFate[] = ["paid", "pending", "cancelled", "absent"];

interface PaymentCase {
  id: string;
  txnRef: string;
  fate: GatewayFate;
}

/**
 * Pending online payments whose time at the gateway ran out, written as the payment route writes them (row and
 * payment.start audit event in one transaction), with the gateway holding each in its fate: paid (the IPN was
 * lost), still pending, cancelled by the payer, or never reached.
 */
async function addPayments(db: Db, gateway: GatewayPeer, dossierIds: string[], ledger: PaymentCase[]) {
  const now = new Date();
  const created = new Date(now.getTime() - 20 * 60_000);
  const expires = new Date(now.getTime() - 10 * 60_000);
  for (const dossierId of dossierIds) {
    const dossier = await db
      .selectFrom("dossiers")
      .select(["id", "received_unit_id", "applicant_name", "code"])
      .where("id", "=", dossierId)
      .executeTakeFirst();
    if (!dossier) continue;
    const fate = FATES[ledger.length % FATES.length] as GatewayFate;
    const txnRef = newTxnRef(now);
    const payment = await db.transaction().execute(async (tx) => {
      const row = await tx
        .insertInto("payments")
        .values({
          dossier_id: dossier.id,
          unit_id: dossier.received_unit_id,
          citizen_id: null,
          method: "vnpay",
          status: "pending",
          amount_vnd: FEE_VND,
          txn_ref: txnRef,
          order_info: `Thanh toan phi, le phi ho so ${dossier.code ?? txnRef}`,
          payer_name: dossier.applicant_name,
          redirect_url: `${gateway.url}/paymentv2/vpcpay.html`,
          ip: "127.0.0.1",
          gateway_create_date: created,
          created_at: created,
          expires_at: expires,
        })
        .returning(["id", "unit_id"])
        .executeTakeFirstOrThrow();
      await recordAudit(
        tx,
        {
          actor: { kind: "system", id: null },
          action: "payment.start",
          entityType: "payment",
          entityId: row.id,
          unitId: row.unit_id,
          summary: { dossierId: dossier.id, method: "vnpay", amountVnd: FEE_VND, txnRef },
        },
        created,
      );
      return row;
    });
    ledger.push({ id: payment.id, txnRef, fate });
    if (fate === "absent") continue;
    const txn: GatewayTransaction = {
      tmnCode: MERCHANT.tmnCode,
      txnRef,
      amountVnd: FEE_VND,
      orderInfo: "Thanh toan phi",
      returnUrl: "http://127.0.0.1:9/return",
      locale: "vn",
      createDate: vnpDate(created),
      expireDate: expires,
      status: fate,
      responseCode: fate === "paid" ? "00" : fate === "cancelled" ? "24" : null,
      transactionNo: fate === "paid" ? String(14_000_000 + randomInt(1_000_000)) : null,
      bankCode: "NCB",
      cardType: "ATM",
      payDate: fate === "paid" ? vnpDate(new Date(created.getTime() + 60_000)) : null,
      refundedVnd: 0,
      ipnAnswers: [],
      token: txnRef,
    };
    gateway.state.transactions.set(`${MERCHANT.tmnCode}\u0000${txnRef}`, txn);
  }
}

/** The queues kept as rows, with their column names. */
const LEASED = [
  { name: "report export", table: "report_exports", status: "status", attempts: "attempts", error: "error" },
  {
    name: "hand-over print",
    table: "hand_over_list_exports",
    status: "status",
    attempts: "attempts",
    error: "error",
  },
  {
    name: "catalog import",
    table: "import_jobs",
    status: "status",
    attempts: "attempts",
    error: "error_code",
  },
  { name: "OCR", table: "documents", status: "ocr_status", attempts: "ocr_attempts", error: "ocr_error" },
] as const;

interface Acked {
  exports: number;
  prints: number;
  imports: { id: string; slug: string }[];
  /** Incoming documents assigned with a due date, by the reminder each is due. */
  assignments: { documentId: string; kind: "due_soon" | "overdue" }[];
}

/** The jobs after a kill (or, `drained`, after the last server finished): each done once, none left behind. */
export async function checkJobs(
  db: Db,
  acked: Acked,
  payments: PaymentCase[],
  gateway: GatewayPeer,
  options: { drained: boolean; ocr: boolean },
): Promise<{ problems: string[]; cut: number; givenUp: number }> {
  const problems: string[] = [];
  let cut = 0;
  let givenUp = 0;
  for (const q of LEASED) {
    if (q.table === "documents" && !options.ocr) continue;
    const { rows } = await sql<{ id: string; status: string; attempts: number; error: string | null }>`
      SELECT id, ${sql.ref(q.status)} AS status, ${sql.ref(q.attempts)} AS attempts, ${sql.ref(q.error)} AS error
      FROM ${sql.table(q.table)} WHERE ${sql.ref(q.status)} <> 'none'
    `.execute(db);
    for (const r of rows) {
      if (r.attempts > ATTEMPT_CAP)
        problems.push(`${q.name} ${r.id}: ${r.attempts} attempts (cap ${ATTEMPT_CAP})`);
      if (r.status === "running") {
        if (options.drained) problems.push(`${q.name} ${r.id} still running after the last server finished`);
        else cut++;
      }
      if (r.status === "pending" && options.drained) problems.push(`${q.name} ${r.id} never done`);
      if (r.status === "failed") {
        const interrupted =
          r.error === INTERRUPTED || (q.table === "import_jobs" && r.error === "IMPORT_FAILED");
        if (interrupted && r.attempts === ATTEMPT_CAP) givenUp++;
        else problems.push(`${q.name} ${r.id} failed: ${r.error}`);
      }
    }
  }
  // One file per export or print, kept on its row, of its format.
  for (const table of ["report_exports", "hand_over_list_exports"] as const) {
    const { rows } = await sql<{ id: string; content: Uint8Array | null; filename: string | null }>`
      SELECT id, content, filename FROM ${sql.table(table)} WHERE status = 'done'
    `.execute(db);
    for (const r of rows) {
      const head = r.content ? Buffer.from(r.content).subarray(0, 4).toString("latin1") : "";
      const format = r.filename?.endsWith(".xlsx") ? "PK\u0003\u0004" : "%PDF";
      if (head !== format) problems.push(`${table} ${r.id}: done without its ${format.slice(0, 3)} file`);
    }
  }
  if (options.ocr) {
    const blank = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM documents WHERE ocr_status = 'done' AND ocr_text IS NULL`.execute(db);
    if (Number(blank.rows[0]?.n) > 0) problems.push(`${blank.rows[0]?.n} documents OCR'd without their text`);
  }
  // Each import applied once: its one new procedure has one version and one creation event, and the job's result
  // is the first application (a second run would find the procedure there and call it unchanged).
  for (const job of acked.imports) {
    const row = await db
      .selectFrom("import_jobs")
      .select(["status", "result"])
      .where("id", "=", job.id)
      .executeTakeFirst();
    const versions = await sql<{ n: number; events: number }>`
      SELECT (SELECT count(*)::int FROM procedure_versions v WHERE v.procedure_id = p.id) AS n,
             (SELECT count(*)::int FROM audit_log a WHERE a.entity_id = p.id::text
                AND a.action = 'catalog.procedure.create') AS events
      FROM procedures p WHERE p.slug = ${job.slug}
    `.execute(db);
    const v = versions.rows[0];
    if (row?.status === "done") {
      const result = row.result as { created?: number; unchanged?: number } | null;
      if (result?.created !== 1 || result.unchanged !== 0)
        problems.push(
          `import ${job.id} (${job.slug}): result ${JSON.stringify(result)}, not one procedure created`,
        );
      if (v?.n !== 1 || v.events !== 1)
        problems.push(
          `import ${job.id} (${job.slug}): ${v?.n ?? 0} versions, ${v?.events ?? 0} creation events`,
        );
    } else if (v && row?.status !== "failed")
      problems.push(`import ${job.id} (${job.slug}) applied but not done`);
  }
  // Each reminder once: its mark, one audit event and one message per channel under its key, all or none.
  for (const a of acked.assignments) {
    const mark = a.kind === "due_soon" ? "due_reminded_at" : "overdue_reminded_at";
    const template = a.kind === "due_soon" ? "document.due" : "document.overdue";
    const action = a.kind === "due_soon" ? "document.remind-due" : "document.remind-overdue";
    const { rows } = await sql<{ id: string; marked: boolean; events: number; email: number; sms: number }>`
      SELECT a.id, (a.${sql.ref(mark)} IS NOT NULL) AS marked,
        (SELECT count(*)::int FROM audit_log l WHERE l.action = ${action}
          AND l.summary->>'assignmentId' = a.id::text) AS events,
        (SELECT count(*)::int FROM notification_outbox o WHERE o.template = ${template}
          AND o.dedupe_key LIKE ${`${template}:`} || a.id::text || ':%' AND o.channel = 'email') AS email,
        (SELECT count(*)::int FROM notification_outbox o WHERE o.template = ${template}
          AND o.dedupe_key LIKE ${`${template}:`} || a.id::text || ':%' AND o.channel = 'sms') AS sms
      FROM document_assignments a WHERE a.document_id = ${a.documentId} AND a.role = 'lead'
    `.execute(db);
    const r = rows[0];
    if (!r) {
      problems.push(`document ${a.documentId}: its acknowledged assignment is missing`);
      continue;
    }
    const once = r.marked ? 1 : 0;
    if (r.events !== once || r.email !== once || r.sms !== once)
      problems.push(
        `reminder ${a.kind} of assignment ${r.id}: marked ${r.marked}, ${r.events} events, ${r.email} e-mails, ${r.sms} SMS`,
      );
    if (options.drained && !r.marked) problems.push(`reminder ${a.kind} of assignment ${r.id} never written`);
  }
  // Each payment settled once, as the gateway holds it; the gateway never asked to refund.
  for (const p of payments) {
    const row = await db
      .selectFrom("payments")
      .select(["status", "receipt_number"])
      .where("id", "=", p.id)
      .executeTakeFirstOrThrow();
    const expected = SETTLED_AS[p.fate];
    if (row.status !== "pending" && row.status !== expected)
      problems.push(`payment ${p.txnRef} (${p.fate} at the gateway) settled as ${row.status}`);
    if (options.drained && row.status !== expected)
      problems.push(`payment ${p.txnRef} (${p.fate} at the gateway) still ${row.status}`);
    const { rows } = await sql<{ settled: number; messages: number }>`
      SELECT (SELECT count(*)::int FROM audit_log WHERE entity_id = ${p.id}
                AND action IN ('payment.paid', 'payment.expired', 'payment.failed')) AS settled,
             (SELECT count(*)::int FROM notification_outbox WHERE dedupe_key LIKE ${`payment:${p.id}:%`}) AS messages
    `.execute(db);
    const settled = row.status === "pending" ? 0 : 1;
    if (rows[0]?.settled !== settled)
      problems.push(`payment ${p.txnRef}: ${rows[0]?.settled} settlement events for status ${row.status}`);
    // payment.paid goes by SMS only here (the dossier's applicant has a phone and no e-mail).
    if (rows[0]?.messages !== (row.status === "paid" ? 1 : 0))
      problems.push(`payment ${p.txnRef}: ${rows[0]?.messages} messages for status ${row.status}`);
    if ((row.status === "paid") !== (row.receipt_number !== null))
      problems.push(`payment ${p.txnRef}: receipt number ${row.receipt_number} for status ${row.status}`);
    if (gateway.refunds.has(p.txnRef))
      problems.push(`payment ${p.txnRef}: a refund was asked of the gateway`);
    if (options.drained && !gateway.querydr.has(p.txnRef))
      problems.push(`payment ${p.txnRef}: the gateway was never asked`);
  }
  const receipts = await sql<{ receipt_number: string }>`
    SELECT receipt_number FROM payments WHERE receipt_number IS NOT NULL
    GROUP BY unit_id, receipt_number HAVING count(*) > 1`.execute(db);
  for (const r of receipts.rows) problems.push(`receipt number ${r.receipt_number} given twice`);
  return { problems, cut, givenUp };
}

/** Jobs still to do: queued or claimed rows, pending payments, messages not yet sent. */
async function outstanding(db: Db): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT (SELECT count(*) FROM report_exports WHERE status IN ('pending', 'running'))
      + (SELECT count(*) FROM hand_over_list_exports WHERE status IN ('pending', 'running'))
      + (SELECT count(*) FROM import_jobs WHERE status IN ('pending', 'running'))
      + (SELECT count(*) FROM documents WHERE ocr_status IN ('pending', 'running'))
      + (SELECT count(*) FROM payments WHERE status = 'pending')
      + (SELECT count(*) FROM notification_outbox WHERE status = 'pending') AS n
  `.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** poppler and tesseract with the Vietnamese model, which OCR needs (src/modules/documents/ocr.ts). */
async function ocrToolsPresent(): Promise<boolean> {
  try {
    await run("pdftoppm", ["-v"]);
    await run("pdftotext", ["-v"]);
    const langs = await run("tesseract", ["--list-langs"]);
    return /\bvie\b/.test(`${langs.stdout}${langs.stderr}`);
  } catch {
    return false;
  }
}

async function signedIn(url: string, username: string): Promise<HttpSession> {
  const s = new HttpSession(url);
  await s.login(username, DEMO_PASSWORD);
  return s;
}

async function expectStatus(res: Response, status: number, what: string): Promise<Record<string, unknown>> {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

interface Setup {
  unitId: string;
  officerId: string;
  /** A procedure of the catalog, the pattern of each import's new procedure. */
  pattern: Record<string, unknown>;
  catalog: Record<string, unknown>;
}

/**
 * One round's work, enqueued as users would: two report files and a hand-over list print, a catalog import of one
 * new procedure, two incoming scans (OCR) registered and assigned (one due tomorrow, one overdue since
 * yesterday), and two dossiers at the desk (their online payments are written while the server is down).
 */
async function enqueueRound(
  url: string,
  setup: Setup,
  tag: string,
  acked: Acked & { dossiers: string[] },
): Promise<void> {
  const [leader, clerk, desk, admin] = await Promise.all(
    [USERS.leader, USERS.clerk, USERS.desk, USERS.admin].map((u) => signedIn(url, u)),
  );
  const today = vietnamDate(new Date());
  const day = (offset: number) =>
    new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
  for (const format of ["pdf", "xlsx"]) {
    await expectStatus(
      await leader.send("POST", `/api/v1/units/${setup.unitId}/reports/dossiers/exports`, {
        period: today.slice(0, 7),
        format,
      }),
      202,
      "report export",
    );
    acked.exports++;
  }
  await expectStatus(
    await clerk.send("POST", `/api/v1/units/${setup.unitId}/work-files/hand-over-list/exports`, {
      year: Number(today.slice(0, 4)),
    }),
    202,
    "hand-over print",
  );
  acked.prints++;
  const slug = `thu-tuc-thu-sap-${tag}`;
  // An internal procedure without a national code yet (ProcedureCodeSchema, "unverified"): no code to collide.
  const procedure = {
    ...setup.pattern,
    id: slug,
    code: {
      status: "unverified",
      value: null,
      candidate: null,
      note: "Thủ tục thử của bộ kiểm thử dừng đột ngột.",
    },
  };
  const job = await expectStatus(
    await admin.send("POST", "/api/v1/catalog/import-jobs", {
      format: "json",
      file: Buffer.from(JSON.stringify({ ...setup.catalog, procedures: [procedure] })).toString("base64"),
    }),
    202,
    "catalog import",
  );
  acked.imports.push({ id: String(job.id), slug });
  for (const [kind, dueOn] of [
    ["due_soon", day(1)],
    ["overdue", day(-1)],
  ] as const) {
    const pdf = await uniquePdf(`${tag}-${kind}`);
    const doc = await expectStatus(
      await clerk.send("POST", "/api/v1/documents/incoming", {
        upload: { file: Buffer.from(pdf).toString("base64"), fileName: `cong-van-${tag}-${kind}.pdf` },
        origin: "paper",
        typeCode: "cong-van",
        summary: `Về việc kiểm thử khi máy chủ dừng đột ngột ${tag} ${kind}`,
        issuerName: "Sở Nội vụ tỉnh Bắc Kạn",
        originalNumber: `${randomInt(1, 9999)}/SNV-VP`,
        originalDate: day(-3),
      }),
      201,
      "incoming document",
    );
    const id = String(doc.id);
    const received = await expectStatus(await clerk.send("GET", `/api/v1/documents/${id}`), 200, "document");
    await expectStatus(
      await clerk.send("POST", `/api/v1/documents/${id}/register`, { version: received.version }),
      200,
      "register",
    );
    const registered = await expectStatus(
      await leader.send("GET", `/api/v1/documents/${id}`),
      200,
      "document",
    );
    await expectStatus(
      await leader.send("POST", `/api/v1/documents/${id}/assign`, {
        version: registered.version,
        assignments: [{ staffId: setup.officerId, role: "lead", dueOn }],
      }),
      200,
      "assign",
    );
    acked.assignments.push({ documentId: id, kind });
  }
  for (let i = 0; i < 2; i++) {
    const body = await expectStatus(
      await desk.send("POST", "/api/v1/dossiers", receptionBody(`${tag} ${i}`, [])),
      201,
      "reception",
    );
    acked.dossiers.push((body.dossier as { id: string }).id);
  }
}

export async function runBackgroundCrash(options: BackgroundOptions): Promise<BackgroundSummary> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const { dataDir, databaseUrl, dropDatabase } = await prepareRun(options.engine, options.postgresUrl);
  const far = await startFarSide();
  const gateway = await startGatewayPeer();
  const ocr = await ocrToolsPresent();
  if (!ocr)
    log(`${options.engine}: poppler or tesseract (vie) not on this machine: OCR jobs are not checked`);
  const env = {
    ...crashEnv(databaseUrl, far),
    PAYMENT_GATEWAY_URL: gateway.url,
    VNPAY_TMN_CODE: MERCHANT.tmnCode,
    VNPAY_HASH_SECRET: MERCHANT.hashSecret,
  };
  const open = () => openDatabase({ dataDir, ...(databaseUrl ? { databaseUrl } : {}) });
  const acked: Acked & { dossiers: string[] } = {
    exports: 0,
    prints: 0,
    imports: [],
    assignments: [],
    dossiers: [],
  };
  const payments: PaymentCase[] = [];
  const problems: string[] = [];
  let cut = 0;
  let givenUp = 0;
  let server: ServerProcess | undefined;

  async function verifyOffline(round: number | typeof DRAINED): Promise<void> {
    const cli = await auditVerify(dataDir, env);
    if (cli) problems.push(`after kill ${round}: ${cli}`);
    const handle = await open();
    try {
      const drained = round === DRAINED;
      const jobs = await checkJobs(handle.db, acked, payments, gateway, { drained, ocr });
      for (const p of jobs.problems) problems.push(`after kill ${round}: ${p}`);
      const delivery = await checkFarSide(handle.db, far, drained);
      for (const p of delivery.problems) problems.push(`after kill ${round}: ${p}`);
      if (!drained) cut += jobs.cut;
      givenUp = jobs.givenUp;
      // The dossiers received this round get their pending online payments while the server is down.
      const fresh = acked.dossiers.splice(0);
      if (!drained) await addPayments(handle.db, gateway, fresh, payments);
    } finally {
      await handle.close();
    }
  }

  try {
    // The first start creates and seeds the database; then, with the server down, the commune's working hours
    // become every day, all day (so reminders are due whatever the hour the suite runs), and the officer who is
    // assigned documents gets an e-mail address and a phone, so each reminder is a message on both channels.
    server = await startMotcua(dataDir, env);
    const setupUrl = server.url;
    const admin = await signedIn(setupUrl, USERS.admin);
    const catalogRes = await admin.send("GET", "/api/v1/catalog/export?format=json");
    const catalog = (await expectStatus(catalogRes, 200, "catalog export")) as Record<string, unknown> & {
      procedures: Record<string, unknown>[];
    };
    server.child.kill("SIGTERM");
    await server.exited;
    const handle = await open();
    let setup: Setup;
    try {
      const unit = await handle.db
        .selectFrom("units")
        .select("id")
        .where("code", "=", UNIT_CODE)
        .executeTakeFirstOrThrow();
      await handle.db
        .updateTable("units")
        .set({
          working_hours: {
            weekdays: [1, 2, 3, 4, 5, 6, 7],
            sessions: [{ start: "00:00", end: "23:59" }],
            lateReceptionCutoff: "23:59",
          },
        })
        .where("id", "=", unit.id)
        .execute();
      const officer = await handle.db
        .updateTable("staff")
        .set({ email: "chuyenvien@quangthuan.example.vn", phone: "0912000111" })
        .where("username", "=", USERS.officer)
        .returning("id")
        .executeTakeFirstOrThrow();
      setup = {
        unitId: unit.id,
        officerId: officer.id,
        pattern: catalog.procedures[0] as Record<string, unknown>,
        catalog: { ...catalog, procedures: [] },
      };
    } finally {
      await handle.close();
    }

    for (let round = 1; round <= options.kills; round++) {
      server = await startMotcua(dataDir, env);
      const live = server;
      // Kill at a random moment: every fourth round while its work is still being enqueued, the others within
      // 3 s after it was, while the passes work on it and on what earlier rounds left.
      let cutRequest = false;
      const enqueue = enqueueRound(live.url, setup, `${process.pid}-${round}`, acked).catch(
        (error: unknown) => {
          if (error instanceof TypeError) cutRequest = true;
          else throw error;
        },
      );
      if (round % 4 === 0)
        await Promise.race([enqueue, new Promise((r) => setTimeout(r, randomInt(300, 3000)))]);
      else await enqueue.then(() => new Promise((r) => setTimeout(r, randomInt(0, 3000))));
      live.child.kill("SIGKILL");
      await live.exited;
      await enqueue;
      await verifyOffline(round);
      log(
        `${options.engine}: kill ${round}/${options.kills}${cutRequest ? " (during the round's requests)" : ""}: ` +
          `${acked.imports.length} imports, ${acked.assignments.length} assignments, ${payments.length} payments so far, ` +
          `${cut} jobs cut by kills, ${gateway.querydr.size} payments asked at the gateway, ${problems.length} problems`,
      );
    }
    // The last servers finish everything: each runs until the far side has been quiet for 4 s and is stopped
    // cleanly; once no job is left to do, the final check runs.
    for (let drain = 1; drain <= 10; drain++) {
      server = await startMotcua(dataDir, env);
      await untilStable(
        () => far.emails.size + far.sms.size + [...gateway.querydr.values()].reduce((a, b) => a + b, 0),
      );
      server.child.kill("SIGTERM");
      await server.exited;
      const left = await open().then(async (h) => {
        try {
          return await outstanding(h.db);
        } finally {
          await h.close();
        }
      });
      log(`${options.engine}: drain ${drain}: ${left} jobs left`);
      if (left === 0) break;
    }
    await verifyOffline(DRAINED);
  } finally {
    if (server && server.child.exitCode === null) {
      server.child.kill("SIGTERM");
      await server.exited;
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
    await dropDatabase();
    await far.close();
    await gateway.close();
  }
  const settled = { paid: 0, expired: 0, failed: 0 };
  for (const p of payments) settled[SETTLED_AS[p.fate]]++;
  return {
    engine: options.engine,
    kills: options.kills,
    reportExports: acked.exports,
    handOverPrints: acked.prints,
    catalogImports: acked.imports.length,
    ocrDocuments: ocr ? acked.assignments.length : null,
    reminders: acked.assignments.length,
    payments: settled,
    querydrCalls: [...gateway.querydr.values()].reduce((a, b) => a + b, 0),
    jobsCutByKill: cut,
    jobsGivenUp: givenUp,
    emailsDelivered: far.emails.size,
    smsDelivered: far.sms.size,
    resentUnderSameKey: [...far.emails.values(), ...far.sms.values()].reduce((n, d) => n + d.copies - 1, 0),
    problems,
    seconds: Math.round((Date.now() - started) / 1000),
  };
}
