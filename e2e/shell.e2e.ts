import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { apiFromPage, field, login, logout, menuEntries } from "./support/app.ts";
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

const QUANG_THUAN = { name: "UBND xã Quang Thuận", code: "000.17.31.H06" };
const BACH_THONG = { name: "UBND huyện Bạch Thông", code: "000.00.31.H06" };
const BAC_KAN = { name: "UBND tỉnh Bắc Kạn", code: "000.00.00.H06" };

const SHELL_ENTRIES = ["home", "units", "staff", "account"];

const ROLES = [
  {
    username: "admin",
    unit: BAC_KAN,
    role: "Quản trị hệ thống",
    menu: ["home", "units", "staff", "account"],
  },
  {
    username: "giamsat.bachthong",
    unit: BACH_THONG,
    role: "Giám sát",
    menu: ["home", "units", "staff", "account"],
  },
  {
    username: "quantri.bachthong",
    unit: BACH_THONG,
    role: "Quản trị đơn vị",
    menu: ["home", "units", "staff", "account"],
  },
  {
    username: "tiepnhan.quangthuan",
    unit: QUANG_THUAN,
    role: "Tiếp nhận và trả kết quả",
    menu: ["home", "account"],
  },
  {
    username: "chuyenvien.quangthuan",
    unit: QUANG_THUAN,
    role: "Chuyên viên xử lý",
    menu: ["home", "account"],
  },
  {
    username: "lanhdao.quangthuan",
    unit: QUANG_THUAN,
    role: "Lãnh đạo phê duyệt",
    menu: ["home", "staff", "account"],
  },
  { username: "vanthu.quangthuan", unit: QUANG_THUAN, role: "Văn thư", menu: ["home", "account"] },
] as const;

describe("public pages", () => {
  it("the landing page is Vietnamese, links to staff sign-in and passes axe", async () => {
    await openPage();
    await page.goto("/");
    expect(await page.locator("html").getAttribute("lang")).toBe("vi");
    await page.getByRole("heading", { level: 1, name: "Cổng dịch vụ công một cửa" }).waitFor();
    await page.locator(".directory-item").first().waitFor();
    await screenshot(page, "landing");
    // The office directory finds units without regard to diacritics.
    await page.getByRole("searchbox", { name: "Tìm theo tên hoặc địa chỉ" }).fill("quang thuan");
    await page.locator(".directory-item", { hasText: "UBND xã Quang Thuận" }).waitFor();
    expect(await page.locator(".directory-item").count()).toBe(1);
    await expectAccessible(page, "landing");
    await page.getByRole("link", { name: "Đăng nhập cán bộ" }).first().click();
    await page.waitForURL("**/login");
    await page.getByRole("heading", { level: 1, name: "Đăng nhập cán bộ" }).waitFor();
    await screenshot(page, "login");
    await expectAccessible(page, "login");
  });

  it("a wrong password is reported next to the password field", async () => {
    await openPage();
    await page.goto("/login");
    await field(page, "Tên đăng nhập").fill("tiepnhan.phuthong");
    await field(page, "Mật khẩu").fill("sai-mat-khau-1");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    const password = field(page, "Mật khẩu");
    await page.locator('input[name="password"][aria-invalid="true"]').waitFor();
    const describedBy = (await password.getAttribute("aria-describedby")) ?? "";
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toContain(
      "Tên đăng nhập hoặc mật khẩu không đúng.",
    );
    await screenshot(page, "login-error");
    await expectAccessible(page, "login with an error");
  });

  it("after five wrong passwords the account is locked and the form says for how long", async () => {
    await openPage();
    await page.goto("/login");
    await field(page, "Tên đăng nhập").fill("tiepnhan.phongquang");
    for (let attempt = 1; attempt <= 5; attempt++) {
      await field(page, "Mật khẩu").fill(`sai-mat-khau-${attempt}`);
      await page.getByRole("button", { name: "Đăng nhập" }).click();
      await page.locator('input[name="password"][aria-invalid="true"]').waitFor();
    }
    await field(page, "Mật khẩu").fill("motcua-demo-2026");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.getByRole("alert").filter({ hasText: "Tài khoản tạm khóa" }).waitFor();
    expect(await page.getByRole("alert").textContent()).toMatch(/khoảng 1[45] phút/);
    await screenshot(page, "login-locked");
  });

  it("an anonymous visit to the workspace leads to sign-in and back", async () => {
    await openPage();
    await page.goto("/app/staff");
    await page.waitForURL("**/login?next=*");
    await field(page, "Tên đăng nhập").fill("quantri.bachthong");
    await field(page, "Mật khẩu").fill("motcua-demo-2026");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.waitForURL("**/app/staff");
    await page.getByRole("heading", { level: 1, name: "Cán bộ, công chức" }).waitFor();
  });
});

describe("each demo role", () => {
  for (const account of ROLES) {
    it(`${account.username} sees ${account.unit.name} and only its menu entries`, async () => {
      await openPage();
      await login(page, account.username);
      await page.getByTestId("me-unit").waitFor();
      expect(await page.getByTestId("me-unit").textContent()).toBe(account.unit.name);
      expect(await page.getByTestId("me-unit-code").textContent()).toBe(account.unit.code);
      expect(await page.getByTestId("header-unit").textContent()).toBe(account.unit.name);
      expect(await page.getByTestId("me-roles").textContent()).toContain(account.role);
      // Entries of this shell's pages; modules added later bring their own entries and tests.
      const shellEntries = (await menuEntries(page)).filter((id) => SHELL_ENTRIES.includes(id));
      expect(shellEntries).toEqual(account.menu);
      // The home page's shortcuts offer the same pages as the menu.
      for (const entry of ["units", "staff"]) {
        const shown = await page.locator(`main a[href="/app/${entry}"]`).count();
        expect(shown > 0).toBe(account.menu.includes(entry as never));
      }
      if (!account.menu.includes("units" as never)) {
        await page.goto("/app/units");
        await page.getByRole("heading", { level: 1, name: "Không có quyền truy cập" }).waitFor();
      }
      await logout(page);
    });
  }

  it("the home page passes axe", async () => {
    await openPage();
    await login(page, "lanhdao.quangthuan");
    await page.getByTestId("me-unit").waitFor();
    await screenshot(page, "home");
    await expectAccessible(page, "home");
  });

  it("a commune officer is refused another commune's unit data (403)", async () => {
    await openPage();
    await login(page, "tiepnhan.quangthuan");
    const directory = await apiFromPage<{ items: { id: string; name: string }[] }>(
      page,
      "GET",
      "/public/units",
    );
    const phuThong = directory.body.items.find((u) => u.name === "UBND thị trấn Phủ Thông");
    const quangThuan = directory.body.items.find((u) => u.name === QUANG_THUAN.name);
    expect(phuThong && quangThuan).toBeTruthy();
    const own = await apiFromPage<{ name: string }>(page, "GET", `/units/${quangThuan?.id}`);
    expect(own.status).toBe(200);
    const other = await apiFromPage<{ error: { code: string } }>(page, "GET", `/units/${phuThong?.id}`);
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe("FORBIDDEN");
  });
});

describe("language", () => {
  it("switches to English, keeps the choice after a reload, and switches back", async () => {
    await openPage();
    await login(page, "quantri.bachthong");
    await page.getByRole("heading", { level: 1, name: "Xin chào, Nông Thị Quản" }).waitFor();
    await page.getByTestId("language-switch").click();
    await page.getByRole("heading", { level: 1, name: "Welcome, Nông Thị Quản" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await page.getByTestId("me-roles").textContent()).toContain("Unit administrator");
    expect(
      await page.getByRole("navigation", { name: "Main menu" }).getByRole("link").allTextContents(),
    ).toEqual(expect.arrayContaining(["Home", "Administrative units", "Staff", "Account"]));
    await screenshot(page, "home-en");
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Welcome, Nông Thị Quản" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    // API errors are shown in the reader's language too.
    await page.goto("/app/account/password");
    await field(page, "Current password").fill("not-my-password-1");
    await field(page, "New password").fill("mot-khau-moi-2027");
    await field(page, "Repeat the new password").fill("mot-khau-moi-2027");
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByText("The current password is incorrect.").waitFor();
    await page.getByTestId("language-switch").click();
    await page.getByRole("heading", { level: 1, name: "Đổi mật khẩu" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("vi");
  });
});

describe("phone", () => {
  it("shows a collapsible menu at 375×740 and nothing overflows sideways", async () => {
    await openPage({ width: 375, height: 740 });
    await login(page, "quantri.bachthong");
    await page.getByTestId("me-unit").waitFor();
    const toggle = page.getByRole("button", { name: "Menu" });
    const nav = page.getByRole("navigation", { name: "Menu chính" });
    expect(await toggle.isVisible()).toBe(true);
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    expect(await nav.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(page, "phone-home", { fullPage: false });
    await toggle.click();
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    expect(await nav.isVisible()).toBe(true);
    await screenshot(page, "phone-menu", { fullPage: false });
    await expectAccessible(page, "phone menu");
    await nav.getByRole("link", { name: "Cán bộ, công chức" }).click();
    await page.waitForURL("**/app/staff");
    expect(await nav.isVisible()).toBe(false);
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    await page.locator("tr[data-username]").first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(page, "phone-staff", { fullPage: false });
    // Escape closes the open menu and gives the focus back to its button.
    await toggle.click();
    await page.keyboard.press("Escape");
    expect(await nav.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-controls"))).toBe(
      "staff-nav",
    );
  });

  it("the landing and units pages fit 360 px", async () => {
    await openPage({ width: 360, height: 740 });
    await page.goto("/");
    await page.locator(".directory-item").first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, "phone-landing", { fullPage: false });
    await login(page, "quantri.bachthong");
    await page.goto("/app/units");
    await page.locator(".tree-label").first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, "phone-units", { fullPage: false });
  });
});
