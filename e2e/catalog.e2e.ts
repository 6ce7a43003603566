import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launchBrowser, newContext, screenshot, watchConsole } from "./support/browser.ts";
import { type ProductServer, startServer } from "./support/server.ts";

const COPY_CERT =
  "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận";
const QUANG_THUAN = "000.17.31.H06";

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
  expect(problems).toEqual([]);
});

describe("public procedure catalog", () => {
  it("finds a procedure from the home page without diacritics and opens its page", async () => {
    await openPage();
    await page.goto("/");
    await page.getByRole("heading", { level: 2, name: "Tra cứu thủ tục hành chính" }).waitFor();
    await page.getByLabel("Tên hoặc mã thủ tục").fill("chung thuc ban sao");
    await page.getByRole("button", { name: "Tìm kiếm" }).click();
    await page.waitForURL(
      (url) => url.pathname === "/thu-tuc" && url.searchParams.get("q") === "chung thuc ban sao",
    );
    await page.getByRole("heading", { level: 1, name: "Danh mục thủ tục hành chính" }).waitFor();
    const first = page.locator(".cat-result").first();
    await first.getByRole("link", { name: COPY_CERT }).waitFor();
    expect(await first.textContent()).toContain("2.000815");
    await expectAccessible(page, "catalog search results");
    await screenshot(page, "catalog-search");

    await first.getByRole("link", { name: COPY_CERT }).click();
    await page.waitForURL((url) => url.pathname === "/thu-tuc/chung-thuc-ban-sao-tu-ban-chinh");
    await page.getByRole("heading", { level: 1, name: COPY_CERT }).waitFor();
    for (const section of [
      "Cần chuẩn bị những gì",
      "Chi phí",
      "Thời hạn giải quyết",
      "Trình tự giải quyết",
      "Căn cứ pháp lý",
      "Nộp ở đâu, khi nào",
    ]) {
      await page.getByRole("heading", { level: 2, name: section }).waitFor();
    }
    const body = (await page.locator("main").textContent()) ?? "";
    expect(body).toContain("tối đa 200.000 đ/bản");
    expect(body).toContain("Nghị định số 23/2015/NĐ-CP");

    // The fee calculator asks the server's fee function: 250 pages reach the cap.
    await page.getByLabel("Số trang của bản chính").fill("250");
    await page.getByRole("button", { name: "Tính", exact: true }).click();
    await page.getByText("Tổng cộng: 200.000 đ").waitFor();

    // Where and when to file: choose the commune; its hours and the 15:00 rule appear, with the board link.
    await page.getByLabel("Đơn vị tiếp nhận").selectOption(QUANG_THUAN);
    await page.waitForURL((url) => url.searchParams.get("unit") === QUANG_THUAN);
    await page.locator(".cat-place").getByText("UBND xã Quang Thuận", { exact: true }).waitFor();
    await page.getByText(/Hồ sơ giấy nhận sau 15:00/).waitFor();
    const board = page.getByRole("link", { name: "In bảng niêm yết (PDF)" });
    const href = (await board.getAttribute("href")) ?? "";
    expect(href).toBe(`/api/v1/catalog/board?unit=${QUANG_THUAN}`);
    const pdf = await page.request.get(href);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
    await expectAccessible(page, "procedure page");
    await screenshot(page, "catalog-procedure");
  });

  it("tolerates a typo, filters by field and online service, and keeps the search in the address", async () => {
    await openPage();
    await page.goto("/thu-tuc?q=chung%20thuc%20ban%20sau");
    await page.locator(".cat-result").first().getByRole("link", { name: COPY_CERT }).waitFor();
    await page.getByLabel("Lĩnh vực").selectOption("ho-tich");
    await page.waitForURL((url) => url.searchParams.get("field") === "ho-tich");
    await page.goto("/thu-tuc?field=ho-tich&online=full");
    await page.getByText(/^Tìm thấy \d+ thủ tục\.$/).waitFor();
    const badges = await page.locator(".cat-result .cat-online").allTextContents();
    expect(badges.length).toBeGreaterThan(0);
    expect(new Set(badges)).toEqual(new Set(["Toàn trình"]));
    await expectAccessible(page, "filtered catalog");
  });

  it("is readable on a phone, in English too", async () => {
    await openPage({ width: 390, height: 844 });
    await page.goto(`/thu-tuc/dang-ky-khai-sinh?unit=${QUANG_THUAN}`);
    await page.getByRole("heading", { level: 1, name: "Đăng ký khai sinh" }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByRole("button", { name: /English/ }).click();
    await page.getByRole("heading", { level: 2, name: "What to bring" }).waitFor();
    await page.getByText("Birth registration", { exact: false }).first().waitFor();
    await expectAccessible(page, "procedure page on a phone, English");
    await screenshot(page, "catalog-procedure-phone-en");
  });
});

describe("catalog workspace", () => {
  it("edits a procedure: a workflow that does not make 100% is refused with the reason at the field, then saved as a new version", async () => {
    const { login } = await import("./support/app.ts");
    await openPage();
    await login(page, "admin");
    await page.goto("/app/catalog");
    await page.getByRole("heading", { level: 1, name: "Danh mục thủ tục hành chính" }).waitFor();
    await page.getByLabel("Tên hoặc mã thủ tục").fill("chung thuc chu ky");
    await page.getByRole("button", { name: "Tìm kiếm" }).click();
    await page.getByRole("link", { name: /^Sửa thủ tục Chứng thực chữ ký/ }).click();
    await page.waitForURL((url) => url.pathname === "/app/catalog/procedure");
    await page.getByRole("heading", { level: 1, name: /^Sửa thủ tục: Chứng thực chữ ký/ }).waitFor();
    await expectAccessible(page, "procedure editor");
    await screenshot(page, "catalog-editor");

    const step2 = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Bước 2" }) });
    await step2.getByLabel("Tỷ lệ thời gian (%)").fill("35");
    await page.getByText("Tổng tỷ lệ thời gian: 90%").waitFor();
    await page.getByRole("button", { name: "Lưu thành phiên bản mới" }).click();
    await page.getByRole("alert").getByText("Thủ tục hành chính chưa hợp lệ: xem danh sách lỗi.").waitFor();
    await page.getByText("Tổng tỷ lệ thời gian các bước là 90%, phải bằng 100%.").first().waitFor();

    await step2.getByLabel("Tỷ lệ thời gian (%)").fill("45");
    await page.getByText("Tổng tỷ lệ thời gian: 100%").waitFor();
    await step2
      .getByLabel("Việc làm ở bước này")
      .fill("Công chức tư pháp - hộ tịch kiểm tra, trình ký (đã sửa)");
    await page.getByRole("button", { name: "Lưu thành phiên bản mới" }).click();
    await page.getByText(/^Đã lưu phiên bản 2, hiệu lực từ/).waitFor();
    const versions = await page.request.get("/api/v1/procedures/chung-thuc-chu-ky/versions");
    expect(((await versions.json()) as { items: unknown[] }).items).toHaveLength(2);
  });

  it("lets a commune admin add a local note to its offering", async () => {
    const { login } = await import("./support/app.ts");
    await openPage();
    await login(page, "quantri.quangthuan");
    await page.goto("/app/catalog/offering");
    await page.getByRole("heading", { level: 1, name: "Thủ tục niêm yết tại đơn vị" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Đang niêm yết 48 thủ tục" }).waitFor();
    await expectAccessible(page, "unit offering");
    await page
      .getByRole("button", { name: "Sửa nội dung bổ sung của Đăng ký khai sinh", exact: true })
      .click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Ghi chú cho người dân").fill("Nộp tại Bộ phận một cửa, tầng 1 trụ sở UBND xã.");
    await expectAccessible(page, "local additions dialog");
    await dialog.getByRole("button", { name: "Lưu thay đổi" }).click();
    await page.getByText("Đã lưu nội dung bổ sung của «Đăng ký khai sinh».").waitFor();
    await page.goto(`/thu-tuc/dang-ky-khai-sinh?unit=${QUANG_THUAN}`);
    await page.getByText("Nộp tại Bộ phận một cửa, tầng 1 trụ sở UBND xã.").waitFor();
  });
});
