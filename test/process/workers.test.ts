/**
 * Several server processes on one PostgreSQL (issues 22 and 24): `motcua serve --workers 2` under a load of counter
 * receptions from several officers; one worker is killed with SIGKILL. The other must keep answering while it is
 * down, the primary must fork a replacement, every acknowledged reception must be whole afterwards (the crash
 * suite's checks: dossier with its code, components, audit event, unique codes), and a leased job that a dead
 * worker held (a report export marked running, its lease run out) must be finished by a live worker exactly once.
 * The demo's side services are the primary's, one for all workers: the mailbox and the local payment gateway.
 *
 * PGlite is one process (its data directory lock): there `--workers 2` is refused at start, which the last test
 * checks on either engine; the cluster test needs PostgreSQL and is skipped without DATABASE_URL.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { payUrl } from "../../src/adapters/payment/vnpay.ts";
import { loadConfig } from "../../src/config.ts";
import { openDatabase } from "../../src/db/connection.ts";
import { gatewayOf } from "../../src/modules/payments/gateway.ts";
import { EXPORT_LIMITS } from "../../src/modules/reports/exports.ts";
import { DEMO_PASSWORD } from "../../src/seed/demo-units.ts";
import {
  type AckReception,
  type AckUpload,
  COUNTER_OFFICERS,
  checkIntegrity,
  worker as receptionLoop,
} from "../crash/crash-suite.ts";
import { testDatabaseUrl, withDatabase } from "../support/engine.ts";
import { freePort, HttpSession, waitForHealth } from "../support/http.ts";
import { type ServerProcess, startServerProcess } from "./server-process.ts";

const run = promisify(execFile);
const baseUrl = testDatabaseUrl();
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "motcua-workers-"));
  cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The worker processes the primary forked (its other children, e.g. the TypeScript loader's, are left out). */
async function workerPids(primary: number): Promise<number[]> {
  const { stdout } = await run("ps", ["--ppid", String(primary), "-o", "pid=,args="]);
  return stdout
    .split("\n")
    .filter((line) => line.includes("motcua.js serve"))
    .map((line) => Number.parseInt(line.trim(), 10));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A GET on a new connection (no keep-alive pool): the status, which worker answered (X-Motcua-Worker), the body. */
function getFresh(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; pid: number; body: string } | null> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false, timeout: 10_000, headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => {
        body += d;
      });
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, pid: Number(res.headers["x-motcua-worker"] ?? 0), body }),
      );
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(null));
  });
}

async function whoAnswers(url: string): Promise<{ status: number; pid: number } | null> {
  const a = await getFresh(`${url}/health`);
  return a && { status: a.status, pid: a.pid };
}

describe.skipIf(!baseUrl)(
  "motcua serve --workers 2 on PostgreSQL (skipped without DATABASE_URL: PGlite is one process)",
  () => {
    it("keeps answering through one worker's SIGKILL, replaces it, loses no acknowledged reception, and finishes the dead worker's leased job once", async () => {
      const base = baseUrl as string;
      const name = `motcua_workers_${process.pid}_${Date.now()}`;
      const admin = new pg.Client({ connectionString: withDatabase(base, "postgres") });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const databaseUrl = withDatabase(base, name);
      cleanups.push(async () => {
        const c = new pg.Client({ connectionString: withDatabase(base, "postgres") });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      });
      const dataDir = tempDataDir();
      const server: ServerProcess = startServerProcess(
        dataDir,
        await freePort(),
        { DATABASE_URL: databaseUrl, MOTCUA_WORKER_PID_HEADER: "1", NOTIFY_INTERVAL_MS: "200" },
        ["--workers", "2"],
      );
      cleanups.push(async () => {
        if (server.child.exitCode === null && server.child.signalCode === null) {
          server.child.kill("SIGKILL");
          await server.exited;
        }
      });
      await waitForHealth(server.url, { timeoutMs: 600_000, exited: server.exited, output: server.output });
      const handle = await openDatabase({ databaseUrl, dataDir });
      cleanups.push(() => handle.close());

      // Both workers are up: the primary forked two, and each answers on the shared port.
      const primary = server.child.pid as number;
      let pids: number[] = [];
      for (let t = 0; t < 600 && pids.length !== 2; t++) {
        pids = await workerPids(primary);
        if (pids.length !== 2) await sleep(100);
      }
      expect(pids).toHaveLength(2);
      const answered = new Set<number>();
      for (let t = 0; t < 600 && answered.size < 2; t++) {
        const a = await whoAnswers(server.url);
        if (a?.status === 200) answered.add(a.pid);
        else await sleep(100);
      }
      expect([...answered].sort()).toEqual([...pids].sort());
      const [victim, survivor] = pids as [number, number];

      // Receptions from several officers' desks, each loop going on after a request the kill cuts.
      const state = {
        stop: false,
        uploads: [] as AckUpload[],
        receptions: [] as AckReception[],
        failures: 0,
      };
      const sessions = await Promise.all(
        COUNTER_OFFICERS.map(async (u) => {
          const s = new HttpSession(server.url);
          await s.login(u, DEMO_PASSWORD);
          return { s, u };
        }),
      );
      const loops = sessions.flatMap(({ s, u }) =>
        [0, 1].map(async (w) => {
          for (let round = 0; !state.stop; round++) {
            await receptionLoop(s, `${u}-${w}-${round}`, state);
            if (!state.stop) await sleep(50);
          }
        }),
      );
      while (state.receptions.length < 10) await sleep(50);

      // A report export that the victim had claimed when it died: running, one attempt counted, lease run out.
      const unit = await handle.db
        .selectFrom("staff")
        .select(["id", "unit_id"])
        .where("username", "=", COUNTER_OFFICERS[0] as string)
        .executeTakeFirstOrThrow();
      const leased = await handle.db
        .insertInto("report_exports")
        .values({
          unit_id: unit.unit_id,
          requested_by: unit.id,
          kind: "dossiers",
          period: JSON.stringify({ kind: "month", label: "2026-11", from: "2026-10-15", to: "2026-11-14" }),
          rollup: false,
          format: "xlsx",
          status: "running",
          attempts: 1,
          lease_until: new Date(Date.now() - 60_000),
          requested_at: new Date(Date.now() - EXPORT_LIMITS.leaseSeconds * 1000 - 60_000),
        })
        .returning("id")
        .executeTakeFirstOrThrow();

      process.kill(victim, "SIGKILL");
      const killedAt = state.receptions.length;
      // Gone once the primary has reaped it (a zombie still answers kill 0); its replacement is forked later.
      while (alive(victim)) await sleep(10);
      // While it is down the survivor answers every new connection, and a new session can sign in.
      const during: ({ status: number; pid: number } | null)[] = [];
      for (let i = 0; i < 10; i++) during.push(await whoAnswers(server.url));
      expect(during).toEqual(Array.from({ length: 10 }, () => ({ status: 200, pid: survivor })));
      const lateComer = new HttpSession(server.url);
      await lateComer.login(COUNTER_OFFICERS[1] as string, DEMO_PASSWORD);

      // The primary forks a replacement, which answers in its turn.
      let replacement: number | undefined;
      for (let t = 0; t < 1200 && replacement === undefined; t++) {
        replacement = (await workerPids(primary)).find((p) => p !== victim && p !== survivor);
        if (replacement === undefined) await sleep(100);
      }
      expect(replacement).toBeDefined();
      const receptionsWhileDown = state.receptions.length - killedAt;
      let replacementAnswered = false;
      for (let t = 0; t < 2400 && !replacementAnswered; t++) {
        const a = await whoAnswers(server.url);
        replacementAnswered = a?.status === 200 && a.pid === replacement;
        if (!replacementAnswered) await sleep(50);
      }
      expect(replacementAnswered).toBe(true);
      expect(alive(victim)).toBe(false);
      // Receptions were acknowledged between the kill and the replacement's fork (a second after the death).
      expect(receptionsWhileDown).toBeGreaterThan(0);
      const afterReplacement = state.receptions.length;
      while (state.receptions.length < afterReplacement + 5) await sleep(50);
      state.stop = true;
      await Promise.all(loops);

      // The dead worker's job: taken up by a live worker once its lease ran out, finished exactly once.
      let job: { status: string; attempts: number; filename: string | null } | undefined;
      for (let t = 0; t < 1200 && job?.status !== "done"; t++) {
        job = await handle.db
          .selectFrom("report_exports")
          .select(["status", "attempts", "filename"])
          .where("id", "=", leased.id)
          .executeTakeFirstOrThrow();
        if (job.status !== "done") await sleep(100);
      }
      expect(job?.status).toBe("done");
      // The dead worker's claim (1) and one claim by a live worker: no second run.
      expect(job?.attempts).toBe(2);
      expect(job?.filename).toMatch(/\.xlsx$/);

      // The demo mailbox is the primary's, whichever worker answers: the SMS of the last receptions (delivered by
      // either worker's outbox pass) are all in it, read through each of the two live workers.
      const recent = state.receptions.slice(-20);
      for (let t = 0; t < 600; t++) {
        const pending = await handle.db
          .selectFrom("notification_outbox")
          .select("id")
          .where("channel", "=", "sms")
          .where("status", "=", "pending")
          .where(
            "dossier_id",
            "in",
            recent.map((r) => r.id),
          )
          .execute();
        if (pending.length === 0) break;
        await sleep(100);
      }
      const systemAdmin = new HttpSession(server.url);
      await systemAdmin.login("admin", DEMO_PASSWORD);
      const { cookie } = await systemAdmin.headers();
      const readers = new Set<number>();
      for (let t = 0; t < 600 && readers.size < 2; t++) {
        const res = await getFresh(`${server.url}/api/v1/demo/mailbox?to=0912345678`, { cookie });
        expect(res?.status).toBe(200);
        const messages = (JSON.parse(res?.body ?? "{}") as { sms: { message: string }[] }).sms.map(
          (m) => m.message,
        );
        expect(recent.filter((r) => !messages.some((m) => m.includes(r.code)))).toEqual([]);
        readers.add(res?.pid ?? 0);
      }
      expect([...readers].sort()).toEqual([survivor, replacement].sort());
      // The demo payment gateway is the primary's too: a payment opened through one worker is known to the
      // gateway's querydr whichever worker relays it (six at once, on as many connections).
      const demo = loadConfig({
        DEMO: "1",
        PORT: String(server.port),
        PUBLIC_URL: server.url,
        LOG_LEVEL: "silent",
      });
      const payment = demo.payment as NonNullable<typeof demo.payment>;
      const gateway = gatewayOf(demo) as NonNullable<ReturnType<typeof gatewayOf>>;
      const txnRef = `W${Date.now()}`;
      const openedAt = new Date();
      const opened = await getFresh(
        payUrl(payment.gatewayUrl, payment, {
          txnRef,
          amountVnd: 50_000,
          orderInfo: `Le phi ${txnRef}`,
          returnUrl: payment.returnUrl,
          ipAddr: "127.0.0.1",
          createdAt: openedAt,
          expiresAt: new Date(openedAt.getTime() + 15 * 60_000),
        }),
      );
      expect(opened?.status).toBe(200);
      const asked = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          gateway.client.queryDr({
            requestId: `${txnRef}q${i}`,
            txnRef,
            transactionDate: openedAt,
            createdAt: new Date(),
            ipAddr: "127.0.0.1",
            orderInfo: `Truy van ${txnRef}`,
          }),
        ),
      );
      expect(asked.map((a) => [a.found, a.amountVnd])).toEqual(
        Array.from({ length: 6 }, () => [true, 50_000]),
      );

      // SIGTERM stops the workers gracefully and the primary exits 0.
      const last = await workerPids(primary);
      server.child.kill("SIGTERM");
      expect(await server.exited).toBe(0);
      for (const pid of last) expect(alive(pid)).toBe(false);

      // Every acknowledged reception is whole, with its own code.
      expect(
        await checkIntegrity(handle.db, path.join(dataDir, "files"), { ...state, submissions: [] }),
      ).toEqual([]);
      const codes = state.receptions.map((r) => r.code);
      expect(new Set(codes).size).toBe(codes.length);
      const inDb = await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM dossiers WHERE code = ANY(${codes})`.execute(handle.db);
      expect(inDb.rows[0]?.n).toBe(codes.length);
    }, 900_000);
  },
);

describe("motcua serve --workers refusals", () => {
  it("refuses --workers 2 on PGlite (one process holds its data directory) with a clear message", async () => {
    const refused = startServerProcess(tempDataDir(), await freePort(), {}, ["--workers", "2"]);
    expect(await refused.exited).not.toBe(0);
    expect(refused.output()).toContain("--workers 2 needs PostgreSQL (DATABASE_URL)");
  }, 120_000);

  it("refuses a number of workers that is not a whole number from 1 to 64", async () => {
    for (const n of ["0", "65", "two", "1.5"]) {
      const refused = startServerProcess(tempDataDir(), await freePort(), {}, ["--workers", n]);
      expect(await refused.exited).not.toBe(0);
      expect(refused.output()).toContain("WORKERS: a whole number from 1 to 64");
    }
  }, 240_000);
});
