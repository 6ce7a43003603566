/**
 * The staff reports page: a commune leader opens "Báo cáo", sees the periodic report's table with the form's
 * column headings (axe), and downloads the PDF made by the background export pass.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { login, menuEntries } from "./support/app.ts";
import { expectAccessible, launchBrowser, newContext, screenshot, watchConsole } from "./support/browser.ts";
import { type ProductServer, startServer } from "./support/server.ts";

let server: ProductServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

afterEach(async () => {
  await context?.close();
  expect(problems).toEqual([]);
});

describe("reports page", () => {
  it("lanhdao.quangthuan sees the report table by field and unit and downloads its PDF", async () => {
    context = await newContext(browser, { baseURL: server.url });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    problems = watchConsole(page);
    await login(page, "lanhdao.quangthuan");
    expect(await menuEntries(page)).toContain("reports");
    await page.goto("/app/reports");
    await page.getByRole("heading", { level: 1, name: "Tình hình, kết quả giải quyết TTHC" }).waitFor();
    const table = page.getByTestId("report-table");
    await table.waitFor();
    const header = (await table.locator("thead").textContent()) ?? "";
    for (const heading of [
      "STT",
      "Lĩnh vực, công việc giải quyết",
      "Số hồ sơ nhận giải quyết",
      "Trong kỳ: Trực tuyến",
      "Trong kỳ: Trực tiếp, dịch vụ bưu chính",
      "Từ kỳ trước",
      "Số hồ sơ đã giải quyết",
      "Trước hạn",
      "Đúng hạn",
      "Quá hạn",
      "Số hồ sơ đang giải quyết",
      "Trong hạn",
    ])
      expect(header, heading).toContain(heading);
    expect(await table.textContent()).toContain("Tổng cộng");
    await screenshot(page, "reports");
    await expectAccessible(page, "reports");
    await page.getByTestId("report-pdf").click();
    const link = page.getByTestId("report-pdf-file");
    await link.waitFor({ timeout: 30_000 });
    const href = (await link.getAttribute("href")) ?? "";
    const res = await page.request.get(href);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("application/pdf");
    expect((await res.body()).subarray(0, 5).toString()).toBe("%PDF-");
    await expectAccessible(page, "reports with the file link");
  });
});
