import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { login } from "./support/app.ts";
import { expectAccessible, launchBrowser, newContext, watchConsole } from "./support/browser.ts";
import { type ProductServer, startServer } from "./support/server.ts";

/**
 * Long catalog work in the web app shows its progress (issue 23, item 10). An import: the file is read, sent (a bar
 * with the share sent), checked by the server (its time shown as it passes), then written as a job: a bar with the
 * procedures imported of all and how many are left ("Đã nhập n/N thủ tục, còn …"); the result replaces it. An export runs as a job: done within a second it downloads at once, otherwise a bar shows how far it
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
  it("shows the file being sent, then the server at work, then the procedures imported of all, then the result", async () => {
    await login(page, "admin");
    await page.goto("/app/catalog");
    await page.getByRole("heading", { name: "Nhập, xuất danh mục" }).waitFor();
    // The catalog as it is, exported as JSON: importing it back changes nothing, and goes through every procedure.
    const exported = await page.evaluate(async () => {
      const res = await fetch("/api/v1/catalog/export?format=json");
      return res.text();
    });
    const total = (JSON.parse(exported) as { procedures: unknown[] }).procedures.length;
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
    // Hold the upload's answer for 1.5 s, as a big file's check would, to see the server stage. Then, as on a big
    // import, the first two looks at the job find it part-way (20, then 40 procedures written); later ones get the
    // server's real answer.
    await page.route("**/api/v1/catalog/import-jobs", async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    let looks = 0;
    await page.route("**/api/v1/catalog/import-jobs/*", async (route) => {
      await new Promise((r) => setTimeout(r, 600));
      looks += 1;
      if (looks > 2) return route.continue();
      const real = await route.fetch();
      const job = (await real.json()) as Record<string, unknown>;
      return route.fulfill({
        response: real,
        json: { ...job, status: "running", done: 20 * looks, result: null, finishedAt: null },
      });
    });
    await page.locator("#cat-import-file").setInputFiles({
      name: "danh-muc.json",
      mimeType: "application/json",
      buffer: Buffer.from(exported),
    });
    await page.getByRole("button", { name: "Nhập", exact: true }).click();
    const progress = page.getByTestId("import-progress");
    await progress.waitFor();
    await expect(progress.getAttribute("role")).resolves.toBe("status");
    const writing = page.locator('[data-testid="import-progress"][data-step="writing"]');
    await writing.getByText(`Đã nhập 40/${total} thủ tục, còn ${total - 40} thủ tục`).waitFor();
    await expect(writing.locator("progress").getAttribute("max")).resolves.toBe(String(total));
    await expect(writing.locator("progress").getAttribute("value")).resolves.toBe("40");
    await expectAccessible(page, "catalog-import-progress");
    await page.getByText("Đã nhập.", { exact: true }).waitFor({ timeout: 60_000 });
    await expect(progress.count()).resolves.toBe(0);
    // Sent, checked by the server, then written procedure by procedure, in that order. The "checking" stage starts
    // when Chromium reports the upload done, which it may not do before a quick answer arrives (CI on PostgreSQL saw
    // reading, sending, writing): the stages are checked as an ordered subsequence, not each one required.
    const order = ["reading", "sending", "checking", "writing"];
    const ranks = seen.map((step) => order.indexOf(step));
    expect(
      ranks.every((rank, i) => rank >= 0 && (i === 0 || rank > ranks[i - 1])),
      seen.join(" → "),
    ).toBe(true);
    expect(seen[0]).toBe("reading");
    expect(seen).toContain("sending");
    expect(seen.at(-1)).toBe("writing");
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
    // Waited for, not read at once: on a loaded machine the first look can already be past the first second.
    await running.getByText("60%", { exact: false }).waitFor();
    await expectAccessible(page, "catalog-export-running");
    const done = page.locator('[data-testid="export-progress"][data-status="done"]');
    await done.waitFor({ timeout: 60_000 });
    const download = page.waitForEvent("download");
    await done.getByRole("link").click();
    expect((await download).suggestedFilename()).toMatch(/^danh-muc-tthc-.+\.xlsx$/);
    await page.unrouteAll();
  });
});
