/**
 * First load of the portal on a throttled phone (issue 23, item 9): Chromium (playwright-core, Debian's build) with
 * the DevTools protocol's Network.emulateNetworkConditions (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up) and
 * Emulation.setCPUThrottlingRate 4, a 390×844 viewport, a fresh context (empty cache) for every load. Measured for
 * the home page, the catalog and a service's start page of `motcua serve --demo`: the time from the navigation's
 * start to the page's heading (main h1) on screen, and to the load event. Baseline in the same run, under the same
 * throttling: a blank page (a heading and nothing else) served from disk by Fastify with @fastify/static, as motcua
 * serves its files; results are also given as ratios to it.
 *
 *   npm run build:web && npx tsx bench/first-load.ts [loads per page, default 5]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import Fastify from "fastify";
import type { Browser } from "playwright-core";
import { launchBrowser } from "../e2e/support/browser.ts";
import { startServerProcess } from "../test/process/server-process.ts";
import { freePort, waitForHealth } from "../test/support/http.ts";

const LOADS = Number(process.argv[2] ?? 5);
const PHONE = { width: 390, height: 844 };
const NETWORK = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1_000_000) / 8,
  uploadThroughput: (750 * 1000) / 8,
};
const CPU_SLOWDOWN = 4;
const PAGES = [
  { name: "home", path: "/" },
  { name: "catalog", path: "/thu-tuc" },
  { name: "start page", path: "/portal/thu-tuc/dang-ky-khai-sinh" },
];
/** The figures the issue measured before this work (seconds, same throttling). */
const BEFORE: Record<string, number | null> = { home: 3.5, catalog: null, "start page": 5.6 };

/** Resolves, in the page's clock (0 = the navigation's start), at the first frame that shows main h1. */
const HEADING_ON_SCREEN = `new Promise((resolve) => {
  const check = () => {
    const h1 = document.querySelector("main h1");
    if (h1 && h1.getBoundingClientRect().height > 0) requestAnimationFrame(() => resolve(performance.now()));
    else requestAnimationFrame(check);
  };
  check();
})`;

interface Load {
  headingMs: number;
  loadEventMs: number;
  bytes: number;
}

async function firstLoad(browser: Browser, url: string): Promise<Load> {
  const context = await browser.newContext({ viewport: PHONE, locale: "vi-VN" });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", NETWORK);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
    let bytes = 0;
    cdp.on("Network.loadingFinished", (event: { encodedDataLength: number }) => {
      bytes += event.encodedDataLength;
    });
    await page.goto(url, { waitUntil: "commit", timeout: 120_000 });
    // The heading's first frame on screen, in the page's clock (0 = the navigation's start).
    // A string, not a function: tsx would wrap a named function in a helper the page does not have.
    const headingMs = (await page.evaluate(HEADING_ON_SCREEN)) as number;
    await page.waitForLoadState("load", { timeout: 120_000 });
    const loadEventMs = await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
      return nav ? nav.loadEventEnd : 0;
    });
    await page.waitForLoadState("networkidle", { timeout: 120_000 }).catch(() => undefined);
    return { headingMs, loadEventMs, bytes };
  } finally {
    await context.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

async function measure(browser: Browser, url: string) {
  await firstLoad(browser, url); // warm the server, not the browser (every load has a fresh context)
  const loads: Load[] = [];
  for (let i = 0; i < LOADS; i++) loads.push(await firstLoad(browser, url));
  return {
    headingMs: Math.round(median(loads.map((l) => l.headingMs))),
    loadEventMs: Math.round(median(loads.map((l) => l.loadEventMs))),
    kilobytes: Math.round(median(loads.map((l) => l.bytes)) / 1024),
  };
}

async function main() {
  if (!fs.existsSync("web/dist/index.html"))
    throw new Error("web/dist is missing: run npm run build:web first");
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "motcua-bench-"));
  const blankDir = fs.mkdtempSync(path.join(os.tmpdir(), "motcua-blank-"));
  const browser = await launchBrowser();
  const bare = Fastify();
  const port = await freePort();
  const server = startServerProcess(dataDir, port, { LOG_LEVEL: "error" });
  try {
    fs.writeFileSync(
      path.join(blankDir, "blank.html"),
      '<!doctype html><html lang="vi"><meta charset="utf-8"><title>Trống</title><main><h1>Trống</h1></main></html>',
    );
    await bare.register(fastifyStatic, { root: blankDir, preCompressed: true });
    const barePort = await freePort();
    await bare.listen({ port: barePort, host: "127.0.0.1" });
    await waitForHealth(server.url, { timeoutMs: 240_000, exited: server.exited, output: server.output });

    const baseline = await measure(browser, `http://127.0.0.1:${barePort}/blank.html`);
    const pages = [];
    for (const p of PAGES) {
      const m = await measure(browser, `${server.url}${p.path}`);
      pages.push({
        page: `${p.name} (${p.path})`,
        ...m,
        headingRatio: Math.round((m.headingMs / baseline.headingMs) * 10) / 10,
        beforeSeconds: BEFORE[p.name] ?? null,
      });
    }
    console.log(
      JSON.stringify(
        {
          throttling: { ...NETWORK, cpuSlowdown: CPU_SLOWDOWN, viewport: PHONE },
          loadsPerPage: LOADS,
          baselineBlankPage: baseline,
          pages,
        },
        null,
        2,
      ),
    );
  } finally {
    await browser.close();
    await bare.close();
    server.child.kill("SIGTERM");
    await server.exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(blankDir, { recursive: true, force: true });
  }
}

await main();
