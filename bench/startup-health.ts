/**
 * Start-up time and resident memory of the server on an empty data directory, and requests per second of
 * GET /health against a bare Fastify server answering the same JSON, measured in the same run.
 *
 *   npx tsx bench/startup-health.ts
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import Fastify from "fastify";
import { startServerProcess } from "../test/process/server-process.ts";
import { freePort, waitForHealth } from "../test/support/http.ts";

function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round((kb / 1024) * 10) / 10;
}

async function load(url: string, seconds = 10, connections = 32) {
  const result = await autocannon({ url, connections, duration: seconds });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p99Ms: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "motcua-bench-"));
  try {
    const port = await freePort();
    const cold = startServerProcess(dataDir, port, { LOG_LEVEL: "error" });
    const coldMs = await waitForHealth(cold.url, {
      timeoutMs: 120_000,
      exited: cold.exited,
      output: cold.output,
    });
    const rssAfterStart = rssMiB(cold.child.pid as number);
    cold.child.kill("SIGTERM");
    await cold.exited;

    const warm = startServerProcess(dataDir, port, { LOG_LEVEL: "error" });
    const warmMs = await waitForHealth(warm.url, {
      timeoutMs: 120_000,
      exited: warm.exited,
      output: warm.output,
    });
    await load(`${warm.url}/health`, 3);
    const motcua = await load(`${warm.url}/health`);
    const rssAfterLoad = rssMiB(warm.child.pid as number);
    warm.child.kill("SIGTERM");
    await warm.exited;

    const bare = Fastify();
    bare.get("/health", async () => ({ status: "ok" }));
    const barePort = await freePort();
    await bare.listen({ port: barePort, host: "127.0.0.1" });
    await load(`http://127.0.0.1:${barePort}/health`, 3);
    const baseline = await load(`http://127.0.0.1:${barePort}/health`);
    await bare.close();

    console.log(
      JSON.stringify(
        {
          coldStartMs: coldMs,
          warmStartMs: warmMs,
          rssAfterStartMiB: rssAfterStart,
          rssAfterLoadMiB: rssAfterLoad,
          health: motcua,
          bareFastifyHealth: baseline,
          ratioVsBare: Math.round((motcua.requestsPerSecond / baseline.requestsPerSecond) * 100) / 100,
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
