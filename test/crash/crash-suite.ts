/**
 * Crash safety under load (issue 8): a real `motcua serve` process receives dossiers at the counter from several
 * communes and online submissions from demo citizens at once, is killed with SIGKILL at random moments and
 * restarted. After every kill, with the server down, the data is checked: every request the server answered with
 * success is fully there (the dossier with its code, components and audit event; each uploaded scan's row, its bytes
 * in the file store and its audit event; each online submission with its upload, audit event and outbox message),
 * nothing half-written exists anywhere, codes stay unique, and `motcua audit-verify` passes.
 */
import { execFile } from "node:child_process";
import { createHash, randomInt } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { sql } from "kysely";
import { PDFDocument, StandardFonts } from "pdf-lib";
import pg from "pg";
import { LocalFileStore } from "../../src/adapters/storage/local-file-store.ts";
import { openDatabase } from "../../src/db/connection.ts";
import type { Db } from "../../src/db/database.ts";
import { DEMO_PASSWORD } from "../../src/seed/demo-units.ts";
import { type ServerProcess, startServerProcess } from "../process/server-process.ts";
import { withDatabase } from "../support/engine.ts";
import { freePort, HttpSession, waitForHealth } from "../support/http.ts";
import { type FarSide, startFarSide } from "./far-side-peers.ts";

const run = promisify(execFile);

/** Reception officers of several demo communes, each receiving at its own desk. */
export const COUNTER_OFFICERS = ["tiepnhan.quangthuan", "tiepnhan.phuthong", "tiepnhan.phongquang"];
const PROCEDURE = "cap-giay-xac-nhan-tinh-trang-hon-nhan";
/** Demo citizens (src/seed/demo-citizens.ts) filing online at Quang Thuận, where the procedure is offered online. */
export const ONLINE_CITIZENS = ["006188001234", "006075004321"];
const ONLINE_UNIT = "000.17.31.H06";
const ONLINE_ANSWERS = {
  applicantRelation: "ban-than",
  subjectSex: "nu",
  maritalStatus: "chua-ket-hon",
  purpose: "Bổ sung hồ sơ xin việc",
  copies: 1,
  declaration: true,
};

export interface CrashOptions {
  engine: "pglite" | "postgres";
  kills: number;
  /** A PostgreSQL server URL (any database); a fresh database is created on it for the run. */
  postgresUrl?: string;
  /** Concurrent request loops per officer. */
  workersPerOfficer?: number;
  log?: (line: string) => void;
}

export interface CrashSummary {
  engine: string;
  kills: number;
  receptionsAnswered: number;
  submissionsAnswered: number;
  uploadsAnswered: number;
  requestsFailedByKill: number;
  dossiersInDatabase: number;
  /** Outbox messages the far side holds at the end, by de-duplication key (each exactly once as it can tell). */
  emailsDelivered: number;
  smsDelivered: number;
  /** Deliveries the far side had taken whose outbox row a kill left unmarked (found after each kill). */
  deliveriesCutByKill: number;
  /** Copies that arrived again under a key already delivered: the re-sends the key lets the far side drop. */
  resentUnderSameKey: number;
  problems: string[];
  seconds: number;
}

export interface AckUpload {
  id: string;
  sha256: string;
}
export interface AckReception {
  id: string;
  code: string;
  fileIds: string[];
  components: number;
}
export interface AckSubmission {
  id: string;
  reference: string;
  /** SHA-256 of the document uploaded with it. */
  sha256: string;
}

export async function uniquePdf(label: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([300, 200]).drawText(`Ban quet ${label}`, { x: 20, y: 100, size: 12, font });
  return doc.save();
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** A dossier received and accepted at the counter (with the scans `fileIds` on its form), as the desk sends it. */
export function receptionBody(label: string, fileIds: string[]) {
  return {
    procedure: PROCEDURE,
    applicant: {
      kind: "person",
      name: `Nông Thị Thử ${label}`,
      identityNumber: `0061900${String(randomInt(1e5)).padStart(5, "0")}`,
      address: { detail: "Thôn Nà Mèo", commune: "Xã thử", district: "Huyện thử", province: "Tỉnh thử" },
      phone: "0912 345 678",
    },
    components: [
      { name: "Tờ khai", kind: "original", count: 1, ...(fileIds.length > 0 ? { fileIds } : {}) },
      { name: "Căn cước công dân", kind: "copy", count: 1 },
    ],
    decision: { outcome: "accept" },
  };
}

/**
 * One request loop: upload a scan, then receive a dossier that references it; record what the server confirmed.
 * It returns when a request is cut (the server killed), leaving that request unacknowledged.
 */
export async function worker(
  session: HttpSession,
  tag: string,
  state: { stop: boolean; uploads: AckUpload[]; receptions: AckReception[]; failures: number },
): Promise<void> {
  let i = 0;
  while (!state.stop) {
    i++;
    try {
      const pdf = await uniquePdf(`${tag}-${i}-${randomInt(1e9)}`);
      const up = await session.send("POST", "/api/v1/dossier-files", {
        filename: `to-khai-${i}.pdf`,
        contentType: "application/pdf",
        file: Buffer.from(pdf).toString("base64"),
      });
      if (up.status !== 201) throw new Error(`upload: ${up.status} ${await up.text()}`);
      const file = (await up.json()) as { id: string };
      state.uploads.push({ id: file.id, sha256: sha256(pdf) });
      const res = await session.send("POST", "/api/v1/dossiers", receptionBody(`${tag} ${i}`, [file.id]));
      if (res.status !== 201) throw new Error(`reception: ${res.status} ${await res.text()}`);
      const body = (await res.json()) as { dossier: { id: string; code: string } };
      state.receptions.push({
        id: body.dossier.id,
        code: body.dossier.code,
        fileIds: [file.id],
        components: 2,
      });
    } catch (error) {
      if (state.stop) return;
      // A connection cut by the kill: the request may or may not have committed; it was not acknowledged.
      if (error instanceof TypeError) {
        state.failures++;
        return;
      }
      throw error;
    }
  }
}

/** One citizen's loop: start a draft, answer, upload the identity paper, submit; record what the server confirmed. */
async function onlineWorker(
  session: HttpSession,
  tag: string,
  state: { stop: boolean; submissions: AckSubmission[]; failures: number },
): Promise<void> {
  const expect = async (res: Response, status: number, what: string) => {
    if (res.status !== status) throw new Error(`${what}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<Record<string, unknown>>;
  };
  let i = 0;
  while (!state.stop) {
    i++;
    try {
      const base = "/api/v1/portal/dossiers";
      const draft = await expect(
        await session.send("POST", base, { procedure: PROCEDURE, unit: ONLINE_UNIT }),
        201,
        "draft",
      );
      const id = draft.id as string;
      const saved = await expect(
        await session.send("PATCH", `${base}/${id}/draft`, {
          version: draft.version,
          answers: ONLINE_ANSWERS,
        }),
        200,
        "answers",
      );
      const pdf = await uniquePdf(`${tag}-${i}-${randomInt(1e9)}`);
      const upload = await expect(
        await session.send("POST", `${base}/${id}/uploads`, {
          version: saved.version,
          componentId: "giay-to-tuy-than",
          filename: `cccd-${i}.pdf`,
          file: Buffer.from(pdf).toString("base64"),
        }),
        201,
        "upload",
      );
      const submitted = await expect(
        await session.send("POST", `${base}/${id}/submit`, { version: upload.version }),
        200,
        "submit",
      );
      state.submissions.push({ id, reference: String(submitted.reference ?? ""), sha256: sha256(pdf) });
    } catch (error) {
      if (state.stop) return;
      if (error instanceof TypeError) {
        state.failures++;
        return;
      }
      throw error;
    }
  }
}

/** Everything the server acknowledged is there, and nothing half-written exists. */
export async function checkIntegrity(
  db: Db,
  filesDir: string,
  acked: { uploads: AckUpload[]; receptions: AckReception[]; submissions: AckSubmission[] },
): Promise<string[]> {
  const problems: string[] = [];
  const store = new LocalFileStore(filesDir);

  const fileRows = new Map(
    (await db.selectFrom("files").select(["id", "sha256", "size"]).execute()).map((f) => [f.id, f]),
  );
  const fileAudits = new Set(
    (
      await db
        .selectFrom("audit_log")
        .select("entity_id")
        .where("entity_type", "=", "file")
        .where("action", "=", "file.store")
        .execute()
    ).map((r) => r.entity_id),
  );
  for (const u of acked.uploads) {
    const row = fileRows.get(u.id);
    if (!row) problems.push(`acknowledged upload ${u.id} has no file row`);
    else if (row.sha256 !== u.sha256) problems.push(`upload ${u.id}: stored hash differs`);
  }
  // Every file row, acknowledged or not: its bytes are in the store and match, and it has its audit event.
  for (const f of fileRows.values()) {
    if (!fileAudits.has(f.id)) problems.push(`file ${f.id} has no file.store audit event`);
    try {
      const bytes = await store.get(f.sha256);
      if (sha256(bytes) !== f.sha256 || bytes.length !== Number(f.size))
        problems.push(`file ${f.id}: bytes in the store do not match`);
    } catch {
      problems.push(`file ${f.id}: no bytes in the file store`);
    }
  }

  const dossiers = new Map(
    (
      await db
        .selectFrom("dossiers")
        .select([
          "id",
          "code",
          "status",
          "received_at",
          "lookup_hash",
          "code_agency",
          "code_date",
          "code_seq",
        ])
        .execute()
    ).map((d) => [d.id, d]),
  );
  const components = await db.selectFrom("dossier_components").select(["dossier_id", "file_ids"]).execute();
  const componentsOf = new Map<string, string[][]>();
  for (const c of components) {
    if (!dossiers.has(c.dossier_id)) problems.push(`component of missing dossier ${c.dossier_id}`);
    componentsOf.set(c.dossier_id, [...(componentsOf.get(c.dossier_id) ?? []), c.file_ids]);
    for (const fid of c.file_ids)
      if (!fileRows.has(fid)) problems.push(`component refers to missing file ${fid}`);
  }
  const dossierAudits = new Map<string, string[]>();
  for (const a of await db
    .selectFrom("audit_log")
    .select(["entity_id", "action"])
    .where("entity_type", "=", "dossier")
    .execute()) {
    if (!a.entity_id) continue;
    dossierAudits.set(a.entity_id, [...(dossierAudits.get(a.entity_id) ?? []), a.action]);
  }

  for (const r of acked.receptions) {
    const d = dossiers.get(r.id);
    if (!d) {
      problems.push(`acknowledged dossier ${r.code} (${r.id}) is missing`);
      continue;
    }
    if (d.code !== r.code) problems.push(`dossier ${r.id}: code ${d.code} instead of ${r.code}`);
    const comps = componentsOf.get(r.id) ?? [];
    if (comps.length !== r.components) problems.push(`dossier ${r.code}: ${comps.length} components`);
    if (!r.fileIds.every((f) => comps.some((ids) => ids.includes(f))))
      problems.push(`dossier ${r.code}: a scan is no longer attached`);
    if (!dossierAudits.get(r.id)?.includes("dossier.receive"))
      problems.push(`dossier ${r.code}: no dossier.receive audit event`);
  }
  // Online submissions: the dossier left the draft, its uploaded document is one of its components, the submission
  // is audited and the citizen's confirmation is in the outbox.
  const submittedNotices = new Set(
    (
      await db
        .selectFrom("notification_outbox")
        .select("dossier_id")
        .where("template", "=", "dossier.submitted")
        .execute()
    ).map((m) => m.dossier_id),
  );
  const shaOfFile = new Map([...fileRows.values()].map((f) => [f.id, f.sha256]));
  for (const s of acked.submissions) {
    const d = dossiers.get(s.id);
    if (!d) {
      problems.push(`acknowledged submission ${s.reference} (${s.id}) is missing`);
      continue;
    }
    if (d.status === "draft_online") problems.push(`submission ${s.reference} is still a draft`);
    const files = (componentsOf.get(s.id) ?? []).flat();
    if (!files.some((f) => shaOfFile.get(f) === s.sha256))
      problems.push(`submission ${s.reference}: the uploaded document is not among its components`);
    if (!dossierAudits.get(s.id)?.includes("portal.submit_online"))
      problems.push(`submission ${s.reference}: no portal.submit_online audit event`);
    if (!submittedNotices.has(s.id)) problems.push(`submission ${s.reference}: no dossier.submitted message`);
  }
  // Every dossier, acknowledged or not: whole, audited, and coded consistently. A draft may have no components yet.
  for (const d of dossiers.values()) {
    if (!dossierAudits.has(d.id)) problems.push(`dossier ${d.id} has no audit event`);
    if (!componentsOf.has(d.id) && d.status !== "draft_online")
      problems.push(`dossier ${d.id} has no components`);
    if (d.status === "submitted_online" && !dossierAudits.get(d.id)?.includes("portal.submit_online"))
      problems.push(`dossier ${d.id}: submitted online without its audit event`);
    const coded = d.code !== null;
    if (
      coded !== (d.received_at !== null) ||
      coded !== (d.lookup_hash !== null) ||
      coded !== (d.code_seq !== null)
    )
      problems.push(`dossier ${d.id}: code, reception time and lookup secret are not all set together`);
  }
  const duplicates = await sql<{ code: string }>`
    SELECT code FROM dossiers WHERE code IS NOT NULL GROUP BY code HAVING count(*) > 1
  `.execute(db);
  for (const d of duplicates.rows) problems.push(`code ${d.code} is used twice`);
  const seqDuplicates = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM (
      SELECT 1 FROM dossiers WHERE code_seq IS NOT NULL GROUP BY code_agency, code_date, code_seq HAVING count(*) > 1
    ) x
  `.execute(db);
  if (Number(seqDuplicates.rows[0]?.n) > 0) problems.push("a code sequence number is used twice");
  // The numbering never falls behind a number already given.
  const behind = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM dossiers d
    LEFT JOIN dossier_code_sequences s ON s.agency_code = d.code_agency AND s.day = d.code_date
    WHERE d.code_seq IS NOT NULL AND (s.last_seq IS NULL OR s.last_seq < d.code_seq)
  `.execute(db);
  if (Number(behind.rows[0]?.n) > 0)
    problems.push(`${behind.rows[0]?.n} codes above their sequence's last number`);

  // The notifications outbox: the receipt notice is written in the reception's transaction, so every accepted
  // dossier with a phone has exactly its one SMS message (acknowledged or not), no message names a missing
  // dossier, and none is lost (a message leaves `pending` only as sent or dead).
  const receiptMessages = new Map<string, number>();
  for (const m of await db
    .selectFrom("notification_outbox")
    .select(["dossier_id", "status"])
    .where("template", "=", "dossier.received")
    .where("channel", "=", "sms")
    .execute()) {
    if (!m.dossier_id) continue;
    receiptMessages.set(m.dossier_id, (receiptMessages.get(m.dossier_id) ?? 0) + 1);
  }
  for (const r of acked.receptions) {
    if (!receiptMessages.has(r.id))
      problems.push(`dossier ${r.code}: acknowledged without its outbox message`);
  }
  const phoneOf = new Map(
    (
      await sql<{
        id: string;
        phone: string | null;
      }>`SELECT id, applicant->>'phone' AS phone FROM dossiers`.execute(db)
    ).rows.map((r) => [r.id, r.phone]),
  );
  for (const d of dossiers.values()) {
    const expected = d.code !== null && phoneOf.get(d.id) ? 1 : 0;
    const found = receiptMessages.get(d.id) ?? 0;
    if (found !== expected)
      problems.push(`dossier ${d.id}: ${found} receipt messages instead of ${expected}`);
  }
  const orphans = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM notification_outbox o
    WHERE o.dossier_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM dossiers d WHERE d.id = o.dossier_id)
  `.execute(db);
  if (Number(orphans.rows[0]?.n) > 0)
    problems.push(`${orphans.rows[0]?.n} outbox messages of missing dossiers`);
  const dead = await sql<{ n: number; error: string | null }>`
    SELECT count(*)::int AS n, max(last_error) AS error FROM notification_outbox WHERE status = 'dead'
  `.execute(db);
  if (Number(dead.rows[0]?.n) > 0)
    problems.push(`${dead.rows[0]?.n} outbox messages dead (last error: ${dead.rows[0]?.error})`);
  return problems;
}

/**
 * The background delivery of the outbox against the far side (issue 24): every message the outbox marks sent was
 * received under its own key; nothing arrived under a key that names no outbox message or names it for another
 * channel or recipient; one event never became two messages (two keys the far side cannot tell apart). With
 * `drained`, every message has been delivered. Returns the deliveries a kill cut (received, row not yet marked).
 */
export async function checkFarSide(
  db: Db,
  far: FarSide,
  drained: boolean,
): Promise<{ problems: string[]; cut: number }> {
  const problems: string[] = [];
  const rows = await db
    .selectFrom("notification_outbox")
    .select(["id", "channel", "status", "recipient"])
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  let cut = 0;
  for (const [channel, delivered] of [
    ["email", far.emails],
    ["sms", far.sms],
  ] as const) {
    for (const d of delivered.values()) {
      const row = byId.get(d.outboxId);
      if (!row) problems.push(`${channel} delivered under key ${d.outboxId}, which names no outbox message`);
      else if (row.channel !== channel)
        problems.push(`outbox ${row.id} (${row.channel}) arrived as ${channel}`);
      else if (channel === "email" && d.recipient !== row.recipient)
        problems.push(`outbox ${row.id} arrived for ${d.recipient} instead of ${row.recipient}`);
      else if (row.status === "pending") cut++;
    }
  }
  for (const r of rows) {
    const delivered = (r.channel === "email" ? far.emails : far.sms).has(r.id);
    if (r.status === "sent" && !delivered)
      problems.push(`outbox ${r.id} (${r.channel}) is marked sent but the far side never received it`);
    if (drained && r.status !== "sent")
      problems.push(`outbox ${r.id} (${r.channel}) still ${r.status} after draining`);
  }
  for (const u of far.unkeyed) problems.push(`delivered without its de-duplication key: ${u}`);
  const twice = await sql<{ dossier_id: string; template: string; n: number }>`
    SELECT dossier_id, template, count(*)::int AS n FROM notification_outbox
     WHERE template IN ('dossier.received', 'dossier.submitted') AND dossier_id IS NOT NULL
     GROUP BY dossier_id, template, channel HAVING count(*) > 1
  `.execute(db);
  for (const t of twice.rows)
    problems.push(
      `dossier ${t.dossier_id}: ${t.n} ${t.template} messages on one channel (the far side sees ${t.n})`,
    );
  return { problems, cut };
}

export async function runCrashSuite(options: CrashOptions): Promise<CrashSummary> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const { dataDir, databaseUrl, dropDatabase } = await prepareRun(options.engine, options.postgresUrl);
  // The outbox is drained every 100 ms with a 2 s lease, so kills land inside deliveries and a cut delivery is
  // re-sent within the round; the SMTP server and SMS gateway outlive the kills (test/crash/far-side-peers.ts).
  const far = await startFarSide();
  let deliveriesCutByKill = 0;
  const env = crashEnv(databaseUrl, far);
  const filesDir = path.join(dataDir, "files");
  const acked = {
    uploads: [] as AckUpload[],
    receptions: [] as AckReception[],
    submissions: [] as AckSubmission[],
  };
  const problems: string[] = [];
  let failures = 0;
  let dossiersInDatabase = 0;
  let server: ServerProcess | undefined;

  const start = () => startMotcua(dataDir, env);

  async function verifyOffline(round: number | typeof DRAINED): Promise<void> {
    const cli = await auditVerify(dataDir, env);
    if (cli) problems.push(`after kill ${round}: ${cli}`);
    const handle = await openDatabase({ dataDir, ...(databaseUrl ? { databaseUrl } : {}) });
    try {
      for (const p of await checkIntegrity(handle.db, filesDir, acked))
        problems.push(`after kill ${round}: ${p}`);
      for (const p of await checkFormRenders(handle.db, round === DRAINED))
        problems.push(`after kill ${round}: ${p}`);
      const delivery = await checkFarSide(handle.db, far, round === DRAINED);
      for (const p of delivery.problems) problems.push(`after kill ${round}: ${p}`);
      if (round !== DRAINED) deliveriesCutByKill += delivery.cut;
      const n = await sql<{ n: number }>`SELECT count(*)::int AS n FROM dossiers`.execute(handle.db);
      dossiersInDatabase = Number(n.rows[0]?.n);
    } finally {
      await handle.close();
    }
  }

  try {
    server = await start();
    for (let round = 1; round <= options.kills; round++) {
      const sessions = await Promise.all(
        COUNTER_OFFICERS.map(async (u) => {
          const s = new HttpSession(server?.url as string);
          await s.login(u, DEMO_PASSWORD);
          return { s, u };
        }),
      );
      const citizens = await Promise.all(
        ONLINE_CITIZENS.map(async (login) => {
          const s = new HttpSession(server?.url as string);
          const res = await s.send("POST", "/api/v1/portal/account/login", {
            login,
            password: DEMO_PASSWORD,
          });
          if (res.status !== 200)
            throw new Error(`citizen login ${login}: ${res.status} ${await res.text()}`);
          return { s, login };
        }),
      );
      const state = {
        stop: false,
        uploads: acked.uploads,
        receptions: acked.receptions,
        submissions: acked.submissions,
        failures: 0,
      };
      const loops = [
        ...sessions.flatMap(({ s, u }) =>
          Array.from({ length: options.workersPerOfficer ?? 2 }, (_, w) =>
            worker(s, `${u}-${round}-${w}`, state),
          ),
        ),
        ...citizens.map(({ s, login }) => onlineWorker(s, `${login}-${round}`, state)),
      ];
      const before = acked.receptions.length;
      // Kill at a random moment once writes are flowing (the first answer of the round), so every kill hits
      // requests in flight whatever the machine's speed.
      const waitStart = Date.now();
      while (acked.receptions.length === before && Date.now() - waitStart < 120_000)
        await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, randomInt(0, 3000)));
      server.child.kill("SIGKILL");
      await server.exited;
      state.stop = true;
      await Promise.all(loops);
      failures += state.failures;
      await verifyOffline(round);
      log(
        `${options.engine}: kill ${round}/${options.kills}: ${acked.receptions.length - before} receptions answered ` +
          `this round (${acked.receptions.length} in all, ${acked.submissions.length} online submissions), ` +
          `${dossiersInDatabase} dossiers in the database, ` +
          `${far.emails.size + far.sms.size} messages at the far side (${deliveriesCutByKill} deliveries cut by kills), ` +
          `${problems.length} problems`,
      );
      server = await start();
    }
    // The server that came back last answers for an acknowledged dossier over HTTP too.
    const last = acked.receptions.at(-1);
    if (last) {
      const ok = await Promise.all(
        COUNTER_OFFICERS.map(async (u) => {
          const s = new HttpSession(server?.url as string);
          await s.login(u, DEMO_PASSWORD);
          return (await s.send("GET", `/api/v1/dossiers/${last.id}`)).status;
        }),
      );
      if (!ok.includes(200)) problems.push(`acknowledged dossier ${last.code} not readable after restart`);
    }
    // Every message reaches the far side once the last server has drained the outbox (stable for 4 s: two leases).
    await untilStable(() => far.emails.size + far.sms.size);
    server.child.kill("SIGTERM");
    await server.exited;
    await verifyOffline(DRAINED);
  } finally {
    if (server && server.child.exitCode === null) {
      server.child.kill("SIGTERM");
      await server.exited;
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
    await dropDatabase();
    await far.close();
  }
  return {
    engine: options.engine,
    kills: options.kills,
    receptionsAnswered: acked.receptions.length,
    submissionsAnswered: acked.submissions.length,
    uploadsAnswered: acked.uploads.length,
    requestsFailedByKill: failures,
    dossiersInDatabase,
    emailsDelivered: far.emails.size,
    smsDelivered: far.sms.size,
    deliveriesCutByKill,
    resentUnderSameKey: [...far.emails.values(), ...far.sms.values()].reduce((n, d) => n + d.copies - 1, 0),
    problems,
    seconds: Math.round((Date.now() - started) / 1000),
  };
}

/**
 * The dossier forms (receipts) queued by the receptions: each drawn and stored at most once, however many kills cut
 * its render (a second stored copy would be a second `dossier_form` file or a second form link on the dossier),
 * and once `drained`, every queued form drawn.
 */
export async function checkFormRenders(db: Db, drained: boolean): Promise<string[]> {
  const problems: string[] = [];
  const { rows } = await sql<{ stored: number; forms_with_file: number; links: number; pending: number }>`
    SELECT
      (SELECT count(*)::int FROM files WHERE purpose = 'dossier_form') AS stored,
      (SELECT count(*)::int FROM dossier_forms WHERE file_id IS NOT NULL) AS forms_with_file,
      (SELECT count(*)::int FROM dossier_files WHERE role = 'form') AS links,
      (SELECT count(*)::int FROM dossier_forms WHERE file_id IS NULL AND render_queued_at IS NOT NULL) AS pending
  `.execute(db);
  const r = rows[0];
  if (!r) return ["the form counts could not be read"];
  if (r.stored !== r.forms_with_file)
    problems.push(
      `${r.stored} form files stored for ${r.forms_with_file} forms drawn: a form was stored twice`,
    );
  if (r.links !== r.forms_with_file)
    problems.push(`${r.links} form links on dossiers for ${r.forms_with_file} forms drawn`);
  if (drained && r.pending > 0) problems.push(`${r.pending} queued forms still not drawn after draining`);
  return problems;
}

/**
 * The server's settings in a crash run: its database, the far-side peers, and short timings so that kills land
 * inside the work. The outbox is delivered every 100 ms and the other queues (form renders, files, imports, OCR,
 * reminders, reconciliation) pass every 150 ms, each with a 2 s lease, so a cut delivery or render is taken up
 * again within the round and the final drain finds everything done.
 */
export function crashEnv(databaseUrl: string | undefined, far: FarSide): Record<string, string> {
  return {
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    SMTP_URL: far.smtpUrl,
    SMS_URL: far.smsUrl,
    SMS_API_KEY: far.smsApiKey,
    NOTIFY_INTERVAL_MS: "100",
    NOTIFY_LEASE_SECONDS: "2",
    JOBS_INTERVAL_MS: "150",
    JOBS_LEASE_SECONDS: "2",
  };
}

/** The check after the final drain (not after a kill). */
export const DRAINED = "drained";

function withoutDatabaseUrl(): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  return rest;
}

/** A run's own data directory, and on PostgreSQL a fresh database on the server of `postgresUrl` (dropped after). */
export async function prepareRun(
  engine: "pglite" | "postgres",
  postgresUrl: string | undefined,
): Promise<{ dataDir: string; databaseUrl: string | undefined; dropDatabase: () => Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `motcua-crash-${engine}-`));
  if (engine !== "postgres") return { dataDir, databaseUrl: undefined, dropDatabase: async () => {} };
  if (!postgresUrl) throw new Error("the PostgreSQL run needs a server URL");
  const name = `motcua_crash_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: withDatabase(postgresUrl, "postgres") });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    dataDir,
    databaseUrl: withDatabase(postgresUrl, name),
    dropDatabase: async () => {
      const c = new pg.Client({ connectionString: withDatabase(postgresUrl, "postgres") });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** `motcua serve --demo` on the run's data (and database, in `env`), once it answers /health. */
export async function startMotcua(dataDir: string, env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const s = startServerProcess(dataDir, await freePort(), env);
  try {
    // A fresh embedded database is created and seeded at the first start: minutes on a loaded machine.
    await waitForHealth(s.url, { timeoutMs: 900_000, exited: s.exited, output: s.output });
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${s.output()}`);
  }
  return s;
}

/** `motcua audit-verify` on the run's data with the server down: null when the chain verifies. */
export async function auditVerify(dataDir: string, env: NodeJS.ProcessEnv): Promise<string | null> {
  return run(process.execPath, [path.resolve("bin/motcua.js"), "audit-verify"], {
    env: { ...withoutDatabaseUrl(), DATA_DIR: dataDir, LOG_LEVEL: "warn", ...env },
    maxBuffer: 16 * 1024 * 1024,
  }).then(
    () => null,
    (error: { code?: number; stderr?: string }) => `audit-verify exit ${error.code}: ${error.stderr}`,
  );
}

/** Waits until `count` has not moved for 4 s (two outbox leases of the runs), at most two minutes. */
export async function untilStable(count: () => number | Promise<number>): Promise<void> {
  let seen = -1;
  for (let stable = 0, t = 0; stable < 8 && t < 240; t++) {
    await new Promise((r) => setTimeout(r, 500));
    const now = await count();
    stable = now === seen ? stable + 1 : 0;
    seen = now;
  }
}
