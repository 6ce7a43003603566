import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { login } from "./support/app.ts";
import { expectAccessible, launchBrowser, newContext, watchConsole } from "./support/browser.ts";
import { type ProductServer, startServer } from "./support/server.ts";

/**
 * Long catalog work in the web app shows its progress (issue 23, item 10). An import: the file is read, sent (a bar
 * with the share sent) and then checked and written by the server, whose time is shown as it passes; the result
 * replaces it. An export runs as a job: done within a second it downloads at once, otherwise a bar shows how far it
 * has got and a link gives the file when done.
 */
let server: ProductServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await newContext(browser, { baseURL: server.url });
  page = await context.newPage();
  page.setDefaultTimeout(20_000);
  problems = watchConsole(page);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

afterEach(() => {
  expect(problems).toEqual([]);
});

describe("catalog import in the web app", () => {
  it("shows the file being sent, then the server at work, then the result", async () => {
    await login(page, "admin");
    await page.goto("/app/catalog");
    await page.getByRole("heading", { name: "Nhập, xuất danh mục" }).waitFor();
    // The catalog as it is, exported as JSON: importing it back changes nothing, and checks every procedure.
    const exported = await page.evaluate(async () => {
      const res = await fetch("/api/v1/catalog/export?format=json");
      return res.text();
    });
    // Hold the server's answer for 2.5 s, as a big import would, to see the server stage.
    const seen: string[] = [];
    await page.exposeFunction("reportStep", (step: string) => seen.push(step));
    await page.evaluate(() => {
      new MutationObserver(() => {
        const step = document.querySelector("[data-testid=import-progress]")?.getAttribute("data-step");
        const w = window as unknown as { reportStep(s: string): void; lastStep?: string };
        if (step && step !== w.lastStep) {
          w.lastStep = step;
          w.reportStep(step);
        }
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await page.route("**/api/v1/catalog/import", async (route) => {
      await new Promise((r) => setTimeout(r, 2500));
      await route.continue();
    });
    await page.locator("#cat-import-file").setInputFiles({
      name: "danh-muc.json",
      mimeType: "application/json",
      buffer: Buffer.from(exported),
    });
    await page.getByRole("button", { name: "Kiểm tra (không ghi)" }).click();
    const progress = page.getByTestId("import-progress");
    await progress.waitFor();
    await expect(progress.getAttribute("role")).resolves.toBe("status");
    await expectAccessible(page, "catalog-import-progress");
    await page.getByText("Tệp hợp lệ; chưa ghi gì.").waitFor({ timeout: 60_000 });
    await expect(progress.count()).resolves.toBe(0);
    // It went through sending to the server's stage; the last one seen is the server at work.
    expect(seen.at(-1)).toBe("server");
    expect(seen).toContain("server");
  });

  it("an export done within a second downloads at once", async () => {
    await page.unrouteAll();
    await page.goto("/app/catalog");
    await page.getByRole("heading", { name: "Nhập, xuất danh mục" }).waitFor();
    const download = page.waitForEvent("download");
    await page.locator('button[data-export="json"]').click();
    expect((await download).suggestedFilename()).toMatch(/^danh-muc-tthc-.+\.json$/);
    await expect(page.getByTestId("export-progress").count()).resolves.toBe(0);
  });

  it("a longer export shows a progress bar, then a link to the file", async () => {
    // As on a big export: the first looks at the job, 600 ms apart, find it running (3 then 6 of 10 steps); the
    // next ones get the server's real answer.
    let looks = 0;
    await page.route("**/api/v1/catalog/export-jobs/*", async (route) => {
      await new Promise((r) => setTimeout(r, 600));
      looks += 1;
      if (looks > 2) return route.continue();
      const real = await route.fetch();
      const job = (await real.json()) as Record<string, unknown>;
      return route.fulfill({
        response: real,
        json: { ...job, status: "running", done: 3 * looks, total: 10, fileUrl: null, finishedAt: null },
      });
    });
    await page.locator('button[data-export="xlsx"]').click();
    const running = page.locator('[data-testid="export-progress"][data-status="running"]');
    await running.waitFor();
    await expect(running.locator("progress").getAttribute("max")).resolves.toBe("10");
    await expect(running.textContent()).resolves.toContain("60%");
    await expectAccessible(page, "catalog-export-running");
    const done = page.locator('[data-testid="export-progress"][data-status="done"]');
    await done.waitFor({ timeout: 60_000 });
    const download = page.waitForEvent("download");
    await done.getByRole("link").click();
    expect((await download).suggestedFilename()).toMatch(/^danh-muc-tthc-.+\.xlsx$/);
    await page.unrouteAll();
  });
});
