/**
 * Document statistics in the browser (issue #16 item 8): the district's clerk receives letters, the district's
 * chairman opens "Thống kê văn bản" from the menu and reads the figures that the letters predict; the district's
 * supervisor sees the same district row with the communes below it and the total. The clerk prints the year's
 * hand-over list of work files from the work files screen (drawn in the background). Every screen passes axe.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { samplePdf } from "../src/signing/test-support.ts";
import { apiFromPage, login } from "./support/app.ts";
import { expectAccessible, launchBrowser, newContext, screenshot, watchConsole } from "./support/browser.ts";
import { type ProductServer, startServer } from "./support/server.ts";

let server: ProductServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];

async function as(username: string): Promise<Page> {
  context = await newContext(browser, { baseURL: server.url });
  page = await context.newPage();
  page.setDefaultTimeout(30_000);
  problems = watchConsole(page);
  await login(page, username);
  return page;
}

/** The figure of one row (by unit id, or "total") and one column of the statistics table. */
async function cell(p: Page, unit: string, column: string): Promise<string> {
  const text = await p
    .getByTestId("stats-table")
    .locator(`tr[data-unit="${unit}"] td[data-column="${column}"]`)
    .textContent();
  return (text ?? "").trim();
}

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

describe("document statistics", () => {
  let district: string;

  it("the district's clerk receives three letters on paper and one from an outside system", async () => {
    const p = await as("vanthu.bachthong");
    const me = await apiFromPage<{ unit: { id: string } }>(p, "GET", "/auth/me");
    district = me.body.unit.id;
    const file = Buffer.from(await samplePdf()).toString("base64");
    const day = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    for (const [i, origin] of (["paper", "paper", "paper", "outside"] as const).entries()) {
      const created = await apiFromPage<{ id: string }>(p, "POST", "/documents/incoming", {
        upload: { file, fileName: `cong-van-${i + 1}.pdf` },
        origin,
        typeCode: "cong-van",
        summary: `Về việc báo cáo số liệu văn bản, lần ${i + 1}`,
        issuerName: "Sở Nội vụ tỉnh Bắc Kạn",
        originalNumber: `${i + 1}/SNV-VP`,
        originalDate: day,
      });
      expect(created.status).toBe(201);
    }
  });

  it("the district's chairman opens the statistics from the menu and reads 3 on paper and 1 electronic", async () => {
    const p = await as("lanhdao.bachthong");
    await p.locator('#staff-nav a[data-nav="document-stats"]').click();
    await p.getByRole("heading", { level: 1, name: "Thống kê văn bản" }).waitFor();
    await p.getByTestId("stats-table").waitFor();
    // This month by default: the letters arrived today, so 3 on paper and 1 electronically, none sent or signed.
    expect(await cell(p, district, "d.stats.received-d.stats.paper")).toBe("3");
    expect(await cell(p, district, "d.stats.received-d.stats.electronic")).toBe("1");
    expect(await cell(p, district, "d.stats.sent-d.stats.electronic")).toBe("0");
    expect(await cell(p, "total", "d.stats.received-d.stats.paper")).toBe("3");
    // The leader's figures are the district's own: one row and the total, no unit picker.
    expect(await p.getByTestId("stats-table").locator("tbody tr").count()).toBe(1);
    expect(await p.getByRole("combobox", { name: "Đơn vị" }).count()).toBe(0);
    await p.getByRole("button", { name: "Năm nay" }).click();
    const year = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 4);
    await p
      .getByRole("heading", { level: 2, name: `UBND huyện Bạch Thông, từ 01/01/${year} đến 31/12/${year}` })
      .waitFor();
    expect(await cell(p, "total", "d.stats.received-d.stats.paper")).toBe("3");
    await screenshot(p, "document-stats");
    await expectAccessible(p, "document statistics");
  });

  it("the district's supervisor sees a row per unit below the district and the same total", async () => {
    const p = await as("giamsat.bachthong");
    await p.goto("/app/documents/stats");
    await p.getByTestId("stats-table").waitFor();
    // The district itself and its 19 units below (17 communes and towns, two offices); nothing arrived below it.
    expect(await p.getByTestId("stats-table").locator("tbody tr").count()).toBe(20);
    expect(await cell(p, district, "d.stats.received-d.stats.paper")).toBe("3");
    expect(await cell(p, "total", "d.stats.received-d.stats.paper")).toBe("3");
    expect(await p.getByTestId("stats-table").textContent()).toContain("UBND xã Quang Thuận");
    expect(await p.getByRole("combobox", { name: "Đơn vị" }).count()).toBe(1);
    await expectAccessible(p, "document statistics of a district for its supervisor");
  });
});

describe("the hand-over list from the work files screen", () => {
  it("the district's clerk prints the year's list and downloads the PDF once the background pass has drawn it", async () => {
    const p = await as("vanthu.bachthong");
    await p.goto("/app/documents/files");
    await p.getByRole("heading", { level: 1, name: "Hồ sơ công việc" }).waitFor();
    const year = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 4);
    await p.getByRole("button", { name: `In mục lục hồ sơ nộp lưu năm ${year} (PDF)` }).click();
    const link = p.getByRole("link", { name: `Tải mục lục hồ sơ, tài liệu nộp lưu năm ${year} (PDF)` });
    await link.waitFor();
    const href = (await link.getAttribute("href")) ?? "";
    const file = await p.request.get(href);
    expect(file.status()).toBe(200);
    expect(file.headers()["content-type"]).toBe("application/pdf");
    expect((await file.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    await expectAccessible(p, "work files with the hand-over list printed");
  });
});
