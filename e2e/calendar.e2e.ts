import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { field, login, menuEntries, selectByText } from "./support/app.ts";
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

async function openPage(viewport?: { width: number; height: number }): Promise<Page> {
  context = await newContext(browser, { baseURL: server.url, ...(viewport ? { viewport } : {}) });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
  problems = watchConsole(page);
  return page;
}

afterEach(async () => {
  await context?.close();
  // No CSP violation, no uncaught exception, no failed script on any page a test visited.
  expect(problems).toEqual([]);
});

const TET_2026 = ["16/02/2026", "17/02/2026", "18/02/2026", "19/02/2026", "20/02/2026"];

describe("public calendar", () => {
  it("shows Tết 2026 with its source and lunar dates, and passes axe", async () => {
    await openPage();
    await page.goto("/calendar?year=2026");
    await page.getByRole("heading", { level: 1, name: "Lịch nghỉ lễ, tết năm 2026" }).waitFor();
    const list = page.getByTestId("holiday-list");
    await list.waitFor();
    const text = (await list.textContent()) ?? "";
    for (const date of TET_2026) expect(text).toContain(date);
    expect(text).toContain("Tết Âm lịch (Mùng 1 tháng Giêng)");
    expect(text).toContain("Thông báo 9441/TB-BNV");
    expect(text).toContain("Làm việc bù");

    // February's grid: Tết day cells are links to their entry; 17/02 is the 1st of lunar month 1.
    const february = page.getByRole("table", { name: "Tháng 2 năm 2026" });
    const tet = february.locator('a[data-date="2026-02-17"]');
    expect(await tet.textContent()).toContain("1/1");
    expect(await february.locator("a[data-date]").count()).toBe(5);
    expect(await page.locator("td.is-lunar-first").count()).toBeGreaterThanOrEqual(12);

    // The holiday's name appears when its day takes the keyboard focus.
    await tet.focus();
    const tip = page.locator("#tip-2026-02-17");
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toContain("Tết Âm lịch");
    await page.keyboard.press("Escape");
    await expect.poll(() => tip.isVisible()).toBe(false);

    await screenshot(page, "calendar-2026");
    await expectAccessible(page, "public calendar 2026");
  });

  it("is reachable from the portal menu and switches years from the keyboard", async () => {
    await openPage();
    await page.goto("/");
    await page
      .getByRole("navigation", { name: "Điều hướng cổng thông tin" })
      .getByRole("link", { name: "Lịch nghỉ lễ" })
      .click();
    await page.waitForURL("**/calendar");
    await page.goto("/calendar?year=2026");
    await page.getByRole("heading", { level: 1, name: "Lịch nghỉ lễ, tết năm 2026" }).waitFor();
    await page.getByRole("button", { name: "Năm sau, 2027" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Lịch nghỉ lễ, tết năm 2027" }).waitFor();
    expect(new URL(page.url()).searchParams.get("year")).toBe("2027");
    await field(page, "Năm").selectOption("2025");
    await page.getByRole("heading", { level: 1, name: "Lịch nghỉ lễ, tết năm 2025" }).waitFor();
    await page.getByTestId("holiday-list").getByText("29/01/2025").waitFor();
  });

  it("fits a phone and reads in English", async () => {
    await openPage({ width: 390, height: 844 });
    await page.goto("/calendar?year=2026");
    await page.getByTestId("holiday-list").waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByTestId("language-switch").click();
    await page.getByRole("heading", { level: 1, name: "Public holidays in 2026" }).waitFor();
    await page.getByRole("table", { name: "February 2026" }).waitFor();
    await screenshot(page, "calendar-2026-phone-en");
    await expectAccessible(page, "public calendar on a phone, in English");
  });
});

describe("yearly decisions", () => {
  it("a system admin adds a unit decision that the unit's calendar then shows, and deletes it", async () => {
    await openPage();
    await login(page, "admin");
    expect(await menuEntries(page)).toContain("calendar");
    await page.goto("/app/calendar");
    await page.getByRole("heading", { level: 1, name: "Quyết định về ngày nghỉ lễ, tết" }).waitFor();
    await page.locator('tr[data-decision="2026-tet"]').waitFor();
    await expectAccessible(page, "decisions");

    await page.getByRole("button", { name: "Thêm quyết định" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Thêm quyết định về ngày nghỉ" });
    await dialog.waitFor();
    await field(dialog, "Mã quyết định").fill("2026-e2e-bach-thong");
    await field(dialog, "Năm áp dụng").fill("2026");
    await field(dialog, "Tiêu đề").fill("Nghỉ thử nghiệm của huyện Bạch Thông");
    await field(dialog, "Văn bản căn cứ").fill("Quyết định thử nghiệm số 2/QĐ-UBND");
    await dialog.getByLabel("Một số đơn vị và các đơn vị cấp dưới").check();
    await field(dialog, "Mã định danh đơn vị").fill("000.00.31.H06");
    await dialog.getByRole("button", { name: "Thêm ngày nghỉ" }).click();
    await field(dialog, "Ngày").fill("2026-12-05");
    await field(dialog, "Loại ngày nghỉ").selectOption("extra");
    await field(dialog, "Tên gọi").fill("Ngày hội thử nghiệm");
    await dialog.getByRole("button", { name: "Thêm quyết định" }).click();
    // 05/12/2026 is a Saturday: refused next to the field, before anything is sent.
    await dialog.getByText("Ngày nghỉ phải từ thứ Hai đến thứ Sáu.").waitFor();
    await expectAccessible(page, "decision form with an error");
    await field(dialog, "Ngày").fill("2026-12-04");
    await dialog.getByRole("button", { name: "Thêm quyết định" }).click();
    await page.getByTestId("notice").waitFor();
    expect(await page.getByTestId("notice").textContent()).toContain("Nghỉ thử nghiệm của huyện Bạch Thông");
    await page.locator('tr[data-decision="2026-e2e-bach-thong"]').waitFor();
    await screenshot(page, "decisions");

    await page.goto("/calendar?year=2026");
    await page.getByTestId("holiday-list").waitFor();
    expect(await page.getByTestId("holiday-list").textContent()).not.toContain("Ngày hội thử nghiệm");
    await selectByText(page, "Đơn vị", "Quang Thuận");
    await page.getByTestId("holiday-list").getByText("Ngày hội thử nghiệm").waitFor();
    expect(new URL(page.url()).searchParams.get("unit")).toBe("000.17.31.H06");

    await page.goto("/app/calendar");
    await page.getByRole("button", { name: "Xóa Nghỉ thử nghiệm của huyện Bạch Thông" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Xóa quyết định" }).click();
    await page.getByTestId("notice").waitFor();
    // The list reloads after the message appears: wait for the row to go rather than counting at once.
    await page.locator('tr[data-decision="2026-e2e-bach-thong"]').waitFor({ state: "detached" });
  });

  it("is not offered to a reception officer", async () => {
    await openPage();
    await login(page, "tiepnhan.quangthuan");
    expect(await menuEntries(page)).not.toContain("calendar");
    await page.goto("/app/calendar");
    await page.getByRole("heading", { level: 1, name: "Không có quyền truy cập" }).waitFor();
  });
});
