/**
 * Time to first byte of the portal home (GET /portal, the web app's page) while 32 clients load it, against a bare
 * Fastify server sending the same index.html from disk, measured in the same run. Needs the built web app.
 *
 *   npm run build:web && npx tsx bench/portal-home-ttfb.ts
 *
 * autocannon keeps 32 connections busy for 10 s; meanwhile a probe on its own connection measures, 200 times, the
 * time from sending the request to the first byte of the answer (the response headers).
 */
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import Fastify from "fastify";
import { startServerProcess } from "../test/process/server-process.ts";
import { freePort, waitForHealth } from "../test/support/http.ts";

const INDEX = path.resolve("web/dist/index.html");
const SECONDS = 10;
const CONNECTIONS = 32;
const PROBES = 200;

function ttfb(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const request = http.get(url, { agent: false }, (response) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      response.resume();
      response.on("end", () => resolve(ms));
    });
    request.on("error", reject);
  });
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round((sorted[Math.max(0, index)] as number) * 10) / 10;
}

async function underLoad(url: string) {
  const load = autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
  // Let the load settle before probing.
  await new Promise((r) => setTimeout(r, 1000));
  const samples: number[] = [];
  for (let i = 0; i < PROBES; i++) {
    samples.push(await ttfb(url));
    await new Promise((r) => setTimeout(r, ((SECONDS - 2) * 1000) / PROBES));
  }
  const result = await load;
  samples.sort((a, b) => a - b);
  return {
    requestsPerSecond: Math.round(result.requests.average),
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    errors: result.errors + result.non2xx,
    ttfbP50Ms: percentile(samples, 50),
    ttfbP95Ms: percentile(samples, 95),
    ttfbP99Ms: percentile(samples, 99),
  };
}

async function main() {
  if (!fs.existsSync(INDEX)) throw new Error("web/dist/index.html is missing: run npm run build:web first");
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "motcua-bench-"));
  try {
    const port = await freePort();
    const server = startServerProcess(dataDir, port, { LOG_LEVEL: "error" });
    await waitForHealth(server.url, { timeoutMs: 240_000, exited: server.exited, output: server.output });
    await autocannon({ url: `${server.url}/portal`, connections: CONNECTIONS, duration: 3 });
    const motcua = await underLoad(`${server.url}/portal`);
    server.child.kill("SIGTERM");
    await server.exited;

    const bare = Fastify();
    bare.get("/portal", (_request, reply) =>
      reply
        .header("cache-control", "no-cache")
        .type("text/html; charset=utf-8")
        .send(fs.createReadStream(INDEX)),
    );
    const barePort = await freePort();
    await bare.listen({ port: barePort, host: "127.0.0.1" });
    const bareUrl = `http://127.0.0.1:${barePort}/portal`;
    await autocannon({ url: bareUrl, connections: CONNECTIONS, duration: 3 });
    const baseline = await underLoad(bareUrl);
    await bare.close();

    console.log(
      JSON.stringify(
        {
          page: "GET /portal (portal home)",
          connections: CONNECTIONS,
          seconds: SECONDS,
          motcua,
          bareFastifySameFile: baseline,
          ttfbP99Ratio: Math.round((motcua.ttfbP99Ms / baseline.ttfbP99Ms) * 100) / 100,
          throughputRatio: Math.round((motcua.requestsPerSecond / baseline.requestsPerSecond) * 100) / 100,
        },
        null,
        2,
      ),
    );
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
