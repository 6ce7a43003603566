import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launchBrowser, newContext, screenshot, watchConsole } from "./support/browser.ts";
import { type ProductServer, startServer } from "./support/server.ts";

/**
 * The portal on a phone (issue 23, item 9): 390×844, the menu folds behind a button (aria-expanded, aria-controls,
 * usable with the keyboard, Escape closes it and gives the focus back) and each page's heading is in the first
 * screen — its top under 200 px on the home page, the catalog and a service's start page (it was 326–401 px).
 */

const PHONE = { width: 390, height: 844 };
/** A procedure the demo communes offer online (its start page). */
const START_PAGE = "/portal/thu-tuc/dang-ky-khai-sinh";
const PAGES = [
  { name: "home", path: "/" },
  { name: "catalog", path: "/thu-tuc" },
  { name: "start", path: START_PAGE },
];

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
  // No CSP violation, no uncaught exception, no failed request on any page a test visited.
  expect(problems).toEqual([]);
});

async function openPage(): Promise<Page> {
  context = await newContext(browser, { baseURL: server.url, viewport: PHONE });
  page = await context.newPage();
  page.setDefaultTimeout(20_000);
  problems = watchConsole(page);
  return page;
}

describe("the portal on a phone", () => {
  for (const { name, path } of PAGES) {
    it(`${name}: the heading starts in the first screen (top < 200 px of 844) and the menu is folded`, async () => {
      await openPage();
      await page.goto(path);
      const heading = page.locator("main h1").first();
      await heading.waitFor();
      const box = await heading.boundingBox();
      expect(box, "the page has a visible h1").not.toBeNull();
      expect(box?.y ?? Number.POSITIVE_INFINITY).toBeLessThan(200);
      await expect(page.locator("#public-nav").isVisible()).resolves.toBe(false);
      const toggle = page.getByTestId("public-menu-toggle");
      await expect(toggle.isVisible()).resolves.toBe(true);
      await expect(toggle.getAttribute("aria-expanded")).resolves.toBe("false");
      await expectAccessible(page, `phone-${name}`);
      await screenshot(page, `phone-${name}`, { fullPage: false });
    });
  }

  it("opens and closes the menu with the keyboard, and a link in it goes to its page", async () => {
    await openPage();
    await page.goto("/");
    await page.locator("main h1").first().waitFor();
    const toggle = page.getByTestId("public-menu-toggle");
    await expect(toggle.getAttribute("aria-controls")).resolves.toBe("public-nav");
    await toggle.focus();
    await page.keyboard.press("Enter");
    await expect(toggle.getAttribute("aria-expanded")).resolves.toBe("true");
    const nav = page.locator("#public-nav");
    await nav.waitFor({ state: "visible" });
    // The menu's links are reachable with Tab right after the button.
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.closest("#public-nav") !== null);
    expect(focused).toBe(true);
    await expectAccessible(page, "phone-menu-open");
    await screenshot(page, "phone-menu-open", { fullPage: false });
    // Escape folds it again and gives the focus back to the button.
    await page.keyboard.press("Escape");
    await expect(toggle.getAttribute("aria-expanded")).resolves.toBe("false");
    await expect(nav.isVisible()).resolves.toBe(false);
    await expect(page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).resolves.toBe(
      "public-menu-toggle",
    );
    // Space opens it too; following a link folds it on the new page.
    await page.keyboard.press("Space");
    await nav.getByRole("link", { name: "Tra cứu hồ sơ" }).click();
    await page.waitForURL((url) => url.pathname === "/tra-cuu");
    await expect(toggle.getAttribute("aria-expanded")).resolves.toBe("false");
  });

  it("on a desktop the menu is shown and the button is not", async () => {
    context = await newContext(browser, { baseURL: server.url, viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    problems = watchConsole(page);
    await page.goto("/");
    await page.locator("main h1").first().waitFor();
    await expect(page.locator("#public-nav").isVisible()).resolves.toBe(true);
    await expect(page.getByTestId("public-menu-toggle").isVisible()).resolves.toBe(false);
  });
});
