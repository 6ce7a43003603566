/**
 * Load at rising concurrency (issue 8): a real `motcua serve` process, driven by autocannon with a realistic mix
 * per connection — 4 catalog searches, 3 public lookups (each from its own client address), 2 inbox reads and
 * 1 counter reception in every 10 requests — at 1, 2, 4, 8 … connections until p99 passes 500 ms (that step is
 * recorded too), on PostgreSQL (a fresh database) and on PGlite (a fresh data directory).
 *
 *   npx tsx bench/load.ts [seconds per step] [engines]      e.g. npx tsx bench/load.ts 5 postgres,pglite
 *
 * Each engine gets a 10 s warm-up at 4 connections first, not recorded.
 * DATABASE_URL (or LOAD_DATABASE_URL) names the PostgreSQL server; a database motcua_load_<pid> is created there
 * and dropped. Prints a Markdown table per engine.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { DEMO_PASSWORD } from "../src/seed/demo-units.ts";
import { HttpSession } from "../test/crash/http-session.ts";
import { freePort, startServerProcess, waitForHealth } from "../test/process/server-process.ts";
import { withDatabase } from "../test/support/engine.ts";

const SECONDS = Number(process.argv[2] ?? 5);
const ENGINES = (process.argv[3] ?? "postgres,pglite").split(",");
const P99_LIMIT_MS = 500;
const WARM_UP_SECONDS = 10;
const MAX_CONNECTIONS = 256;
const OFFICERS = ["tiepnhan.quangthuan", "tiepnhan.phuthong", "tiepnhan.phongquang"];
const SEARCHES = ["chung thuc", "khai sinh", "hon nhan", "ho tich", "dat dai", "kết hôn"];

interface Step {
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

interface Officer {
  cookie: string;
  csrf: string;
}

async function officerHeaders(base: string, username: string): Promise<Officer> {
  // A login through the same client the crash suite uses, then the cookies it kept, for autocannon.
  const cookies = new Map<string, string>();
  const csrfRes = await fetch(`${base}/api/v1/auth/csrf`);
  for (const c of csrfRes.headers.getSetCookie()) {
    const [pair] = c.split(";");
    cookies.set(pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1));
  }
  const csrf = ((await csrfRes.json()) as { csrfToken: string }).csrfToken;
  const cookie = () => [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-csrf-token": csrf, cookie: cookie() },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`login ${username}: ${login.status}`);
  for (const c of login.headers.getSetCookie()) {
    const [pair] = c.split(";");
    cookies.set(pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1));
  }
  // The CSRF token is bound to the session: the signed-in session gets its own.
  const signedIn = await fetch(`${base}/api/v1/auth/csrf`, { headers: { cookie: cookie() } });
  return { cookie: cookie(), csrf: ((await signedIn.json()) as { csrfToken: string }).csrfToken };
}

function receptionBody(i: number): string {
  return JSON.stringify({
    procedure: "cap-giay-xac-nhan-tinh-trang-hon-nhan",
    applicant: {
      kind: "person",
      name: `Người nộp tải ${i}`,
      identityNumber: "006190001234",
      address: { detail: "Thôn Nà Mèo", commune: "Xã", district: "Huyện", province: "Tỉnh" },
      phone: "0912 345 678",
    },
    components: [{ name: "Tờ khai", kind: "original", count: 1 }],
    decision: { outcome: "accept" },
  });
}

async function runEngine(engine: string): Promise<Step[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `motcua-load-${engine}-`));
  let env: NodeJS.ProcessEnv = { TRUST_PROXY: "1" };
  let drop = async () => {};
  if (engine === "postgres") {
    const base = process.env.LOAD_DATABASE_URL ?? process.env.DATABASE_URL;
    if (!base) throw new Error("set DATABASE_URL for the PostgreSQL run");
    const name = `motcua_load_${process.pid}`;
    const admin = new pg.Client({ connectionString: withDatabase(base, "postgres") });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    env = { ...env, DATABASE_URL: withDatabase(base, name) };
    drop = async () => {
      const c = new pg.Client({ connectionString: withDatabase(base, "postgres") });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  const server = startServerProcess(dataDir, await freePort(), env);
  const steps: Step[] = [];
  try {
    await waitForHealth(server.url, 300_000, server.exited);
    const officers = await Promise.all(OFFICERS.map((u) => officerHeaders(server.url, u)));
    // Dossiers to look up: received once, code and secret kept.
    const lookups: { code: string; secret: string }[] = [];
    const desk = new HttpSession(server.url);
    await desk.login(OFFICERS[0], DEMO_PASSWORD);
    for (let i = 0; i < 5; i++) {
      const res = await desk.send("POST", "/api/v1/dossiers", JSON.parse(receptionBody(i)));
      const body = (await res.json()) as { dossier: { code: string }; receipt: { secret: string } };
      lookups.push({ code: body.dossier.code, secret: body.receipt.secret });
    }
    let n = 0;
    const officer = () => officers[n++ % officers.length];
    const address = () => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n++ & 255}`;
    const search = (): autocannon.Request => ({
      method: "GET",
      setupRequest: (r) => ({
        ...r,
        path: `/api/v1/procedures?q=${encodeURIComponent(SEARCHES[n++ % SEARCHES.length])}`,
      }),
    });
    const lookup = (): autocannon.Request => ({
      method: "GET",
      setupRequest: (r) => {
        const l = lookups[n % lookups.length];
        return {
          ...r,
          path: `/api/v1/dossiers/lookup?code=${encodeURIComponent(l.code)}&secret=${l.secret}`,
          headers: { ...r.headers, "x-forwarded-for": address() },
        };
      },
    });
    const inbox = (): autocannon.Request => ({
      method: "GET",
      setupRequest: (r) => ({
        ...r,
        path: "/api/v1/dossiers/inbox?box=todo",
        headers: { ...r.headers, cookie: officer().cookie },
      }),
    });
    const reception = (): autocannon.Request => ({
      method: "POST",
      setupRequest: (r) => {
        const o = officer();
        return {
          ...r,
          path: "/api/v1/dossiers",
          headers: {
            ...r.headers,
            "content-type": "application/json",
            cookie: o.cookie,
            "x-csrf-token": o.csrf,
          },
          body: receptionBody(n++),
        };
      },
    });
    const mix = [
      search(),
      lookup(),
      inbox(),
      search(),
      reception(),
      lookup(),
      search(),
      inbox(),
      lookup(),
      search(),
    ];
    // Warm-up, not recorded: the first receptions load the PDF fonts and compile the hot paths, which would
    // otherwise be the p99 of the first step.
    await autocannon({ url: server.url, connections: 4, duration: WARM_UP_SECONDS, requests: mix });
    for (let connections = 1; connections <= MAX_CONNECTIONS; connections *= 2) {
      const result = await autocannon({ url: server.url, connections, duration: SECONDS, requests: mix });
      const step: Step = {
        connections,
        requestsPerSecond: Math.round(result.requests.average),
        p50: result.latency.p50,
        p99: result.latency.p99,
        non2xx: result.non2xx,
        errors: result.errors + result.timeouts,
      };
      steps.push(step);
      console.log(`${engine}: ${JSON.stringify(step)}`);
      if (step.p99 > P99_LIMIT_MS) break;
    }
  } finally {
    server.child.kill("SIGTERM");
    await server.exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
    await drop();
  }
  return steps;
}

const started = new Date().toISOString();
const load = os.loadavg().map((l) => l.toFixed(2));
const tables: string[] = [];
for (const engine of ENGINES) {
  const steps = await runEngine(engine);
  tables.push(
    [
      `\n${engine} (${SECONDS} s per step)\n`,
      "| connections | requests/s | p50 ms | p99 ms | non-2xx | errors |",
      "| --- | --- | --- | --- | --- | --- |",
      ...steps.map(
        (s) =>
          `| ${s.connections} | ${s.requestsPerSecond} | ${s.p50} | ${s.p99} | ${s.non2xx} | ${s.errors} |`,
      ),
    ].join("\n"),
  );
}
console.log(
  `\nrun ${started}, load average before: ${load.join(", ")}, after: ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(", ")}`,
);
for (const t of tables) console.log(t);
