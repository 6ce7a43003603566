import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newContext } from "./support/browser.ts";
import { type ProductServer, startServer } from "./support/server.ts";

/**
 * Web delivery (issue 23, item 8): files compressed at build time and sent as they are, hashed names cached for good,
 * HTTP 404 for addresses the app has no page for (with its "not found" page), and a visitor's first load fails no
 * request.
 */
let server: ProductServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function firstScript(): Promise<string> {
  const html = await (await fetch(`${server.url}/`)).text();
  const src = /<script[^>]+src="([^"]+\.js)"/.exec(html)?.[1];
  expect(src).toMatch(/^\/assets\/.+-[A-Za-z0-9_-]{8,}\.js$/);
  return src as string;
}

describe("web delivery", () => {
  it("sends the brotli copy made at build time to a browser that accepts it, cached as immutable", async () => {
    const src = await firstScript();
    const plain = await fetch(`${server.url}${src}`, { headers: { "accept-encoding": "identity" } });
    const plainBytes = (await plain.arrayBuffer()).byteLength;
    const br = await fetch(`${server.url}${src}`, { headers: { "accept-encoding": "br, gzip" } });
    expect(br.headers.get("content-encoding")).toBe("br");
    expect(br.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(br.headers.get("vary")).toMatch(/accept-encoding/i);
    // fetch decodes the body: the length on the wire is the header's.
    expect(Number(br.headers.get("content-length"))).toBeLessThan(plainBytes / 2);
    const gz = await fetch(`${server.url}${src}`, { headers: { "accept-encoding": "gzip" } });
    expect(gz.headers.get("content-encoding")).toBe("gzip");
  });

  it("sends the page itself (index.html) compressed too, never cached without asking", async () => {
    const plain = await fetch(`${server.url}/`, { headers: { "accept-encoding": "identity" } });
    const plainText = await plain.text();
    expect(plain.headers.get("content-encoding")).toBeNull();
    const br = await fetch(`${server.url}/`, { headers: { "accept-encoding": "gzip, br" } });
    expect(br.headers.get("content-encoding")).toBe("br");
    expect(br.headers.get("cache-control")).toBe("no-cache");
    expect(br.headers.get("vary")).toMatch(/accept-encoding/i);
    expect(await br.text()).toBe(plainText);
    const gz = await fetch(`${server.url}/tra-cuu`, { headers: { "accept-encoding": "gzip" } });
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect(gz.headers.get("cache-control")).toBe("no-cache");
    expect(await gz.text()).toBe(plainText);
    // An unknown address: still 404, still compressed.
    const missing = await fetch(`${server.url}/trang-khong-co`, { headers: { "accept-encoding": "br" } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-encoding")).toBe("br");
  });

  it("answers 404 for an address the app has no page for, with the app's not-found page", async () => {
    for (const path of ["/thong-ke", "/trang-khong-co"]) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(404);
      expect(res.headers.get("content-type")).toContain("text/html");
    }
    expect((await fetch(`${server.url}/portal/thu-tuc/dang-ky-khai-sinh`)).status).toBe(200);
    const context = await newContext(browser, { baseURL: server.url });
    const page = await context.newPage();
    await page.goto("/thong-ke");
    await page.getByRole("heading", { level: 1, name: /Không tìm thấy trang/ }).waitFor();
    await context.close();
  });

  it("fails no request when a visitor who is not signed in opens the home page, the portal and a start page", async () => {
    const context = await newContext(browser, { baseURL: server.url });
    const page = await context.newPage();
    const failed: string[] = [];
    page.on("response", (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    page.on("requestfailed", (r) => failed.push(`failed ${r.url()}`));
    for (const path of ["/", "/portal", "/portal/thu-tuc/dang-ky-khai-sinh", "/thu-tuc/dang-ky-khai-sinh"]) {
      await page.goto(path);
      await page.locator("h1").first().waitFor();
      await page.waitForLoadState("networkidle");
    }
    expect(failed).toEqual([]);
    await context.close();
  });
});
