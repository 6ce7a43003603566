import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiFromPage, field, login } from "./support/app.ts";
import { expectAccessible, launchBrowser, newContext, screenshot, watchConsole } from "./support/browser.ts";
import { type ProductServer, startServer } from "./support/server.ts";

const QUANG_THUAN = "000.17.31.H06";
const PHU_THONG = "000.01.31.H06";
const PROCEDURE = "Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch";

let server: ProductServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const watched: string[][] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.stop();
  // No CSP violation, no uncaught exception on any page of the test.
  expect(watched.flat()).toEqual([]);
});

/** Each device and person gets its own browser context: its own cookies, as on separate machines. */
async function newPage(viewport?: { width: number; height: number }): Promise<Page> {
  const context = await newContext(browser, { baseURL: server.url, ...(viewport ? { viewport } : {}) });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  watched.push(watchConsole(page));
  return page;
}

async function pairingCode(page: Page): Promise<string> {
  const code = page.getByTestId("pairing-code");
  await code.waitFor();
  return ((await code.textContent()) ?? "").trim();
}

async function pair(page: Page, code: string, counter: string) {
  await page.getByLabel("Mã ghép").fill(code);
  await page.getByLabel("Quầy (máy đánh giá)").fill(counter);
  await page.getByRole("button", { name: "Ghép thiết bị" }).click();
}

/**
 * Syllables that never stand without their marks in Vietnamese ("lịch", "trực", "điện thoại"…): one of them written
 * bare on a page means a text lost its diacritics.
 */
const BARE =
  /\b(lich|truc|thoai|dien|chieu|tiep|ket|vuc|nhiem|thuong|truong|huong|duoc|nguoi|viec|gio|ngay|quay|pho|chu|cong|thu tuc)\b/i;

describe("the desk at work", () => {
  it("kiosk, officer workspace and waiting-room display together; the counter's tablet records the rating", async () => {
    const admin = await newPage();
    await login(admin, "quantri.quangthuan");
    await admin.goto("/app/desk");
    await admin.getByRole("heading", { level: 2, name: "Ghép thiết bị tại quầy" }).waitFor();

    // The kiosk shows a code; the unit admin enters it.
    const kiosk = await newPage({ width: 1080, height: 1920 });
    await kiosk.goto(`/quay/lay-so?unit=${QUANG_THUAN}`);
    await pair(admin, await pairingCode(kiosk), "");
    await admin.getByText("Đã ghép máy lấy số.").waitFor();
    await kiosk.getByRole("heading", { level: 1, name: "Lấy số thứ tự" }).waitFor();

    const display = await newPage({ width: 1920, height: 1080 });
    await display.goto(`/quay/man-hinh?unit=${QUANG_THUAN}`);
    await display.getByRole("heading", { level: 1, name: /Số đang phục vụ/ }).waitFor();
    await display.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });

    const officer = await newPage();
    await login(officer, "tiepnhan.quangthuan");
    await officer.goto("/app/desk/queue");
    await officer.getByRole("heading", { level: 1, name: "Gọi số tại quầy" }).waitFor();

    // The counter's tablet, paired by the officer with counter 1.
    const tablet = await newPage({ width: 1280, height: 800 });
    await tablet.goto(`/quay/danh-gia?unit=${QUANG_THUAN}`);
    await pair(officer, await pairingCode(tablet), "1");
    await officer.getByText("Đã ghép máy đánh giá với quầy 1.").waitFor();
    await tablet.getByTestId("rating-idle").waitFor();

    // A visitor takes a number for civil status.
    await kiosk.getByRole("button", { name: "Hộ tịch" }).click();
    const number = ((await kiosk.getByTestId("kiosk-number").textContent()) ?? "").trim();
    expect(number).toBe("001");
    await expectAccessible(kiosk, "kiosk ticket");
    await screenshot(kiosk, "desk-kiosk-ticket");

    // The display shows it waiting, then at counter 1 once called — without a reload.
    await display.getByTestId("display-waiting").getByText(number, { exact: true }).waitFor();
    await officer.getByTestId("queue-waiting").getByText(number).waitFor();
    await officer.getByTestId("queue-call-next").click();
    await officer.getByTestId("queue-current").getByText(number).waitFor();
    await display.locator('[data-counter="1"]').getByText(number, { exact: true }).waitFor();
    expect(await display.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(
      true,
    );
    expect(await display.getByTestId("display-waiting").getByText(number, { exact: true }).count()).toBe(0);
    await expectAccessible(display, "display");
    await screenshot(display, "desk-display");

    // The officer receives the dossier for this number.
    await officer.getByRole("button", { name: "Tiếp nhận hồ sơ cho số này" }).click();
    await officer.getByRole("heading", { level: 1, name: "Tiếp nhận hồ sơ" }).waitFor();
    const picker = officer.getByTestId("procedure-input");
    await officer.getByText(/thủ tục đơn vị đang thực hiện/).waitFor();
    await picker.pressSequentially("cai chinh ho tich");
    await officer.getByRole("option", { name: new RegExp(PROCEDURE) }).waitFor();
    await officer.keyboard.press("Enter");
    await field(officer, "Họ và tên").fill("Hoàng Văn Xếp Hàng");
    await field(officer, "Số định danh cá nhân (CCCD)").fill("006094012399");
    await field(officer, "Địa chỉ").fill("Thôn Nà Mèo");
    await officer.locator("li[data-paper] input[type=checkbox]:checked").first().waitFor();
    const popup = officer
      .context()
      .waitForEvent("page", { timeout: 15_000 })
      .catch(() => null);
    await officer.keyboard.press("Alt+A");
    await officer.getByTestId("receipt-panel").waitFor();
    const code = ((await officer.getByTestId("receipt-code").textContent()) ?? "").trim();
    const opened = await popup;
    if (opened) await opened.close();
    await officer.getByText(`Số ${number} đã gắn với hồ sơ ${code}.`).waitFor();

    // Pushed to the tablet of counter 1: the tablet shows the dossier code, and nothing about the applicant.
    await officer.getByTestId("queue-ask-rating").click();
    await officer.getByText(`Hồ sơ ${code} đã hiện trên máy đánh giá của quầy 1.`).waitFor();
    await tablet.getByTestId("rating-dossier").getByText(`Hồ sơ ${code}`).waitFor();
    const tabletText = (await tablet.locator("body").textContent()) ?? "";
    expect(tabletText).not.toContain("Hoàng Văn Xếp Hàng");
    expect(tabletText).not.toContain("006094012399");
    await expectAccessible(tablet, "rating tablet");
    for (const fieldset of await tablet.locator("fieldset").all()) {
      await fieldset.getByText("Rất hài lòng").click();
    }
    await tablet.getByRole("button", { name: "Gửi đánh giá" }).click();
    await tablet.getByRole("heading", { name: "Cảm ơn ông/bà đã đánh giá." }).waitFor();
    await screenshot(tablet, "desk-rating-done");

    // The rating is in the satisfaction records, counted for the officer who served.
    const me = await apiFromPage<{ unit: { id: string } }>(admin, "GET", "/auth/me");
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const figures = await apiFromPage<{
      ratingsPerOfficer: { name: string; ratings: number; meanStaffAttitude: number }[];
      perDay: { day: string; visitors: number }[];
    }>(admin, "GET", `/units/${me.body.unit.id}/desk/figures?from=${today}&to=${today}`);
    expect(figures.body.ratingsPerOfficer).toEqual([
      expect.objectContaining({ name: "Hà Thị Nhận", ratings: 1, meanStaffAttitude: 2 }),
    ]);
    expect(figures.body.perDay).toEqual([{ day: today, visitors: 1 }]);
  }, 240_000);

  it("the unit's public page lists the members, this week's roster, the house rules and the feedback address", async () => {
    const page = await newPage();
    await page.goto(`/mot-cua?unit=${PHU_THONG}`);
    await page
      .getByRole("heading", { level: 1, name: "Bộ phận Tiếp nhận và Trả kết quả thị trấn Phủ Thông" })
      .waitFor();
    const members = page.getByTestId("desk-members");
    expect(await members.locator("tbody tr").count()).toBe(8);
    expect(await members.locator("tbody tr").first().textContent()).toContain("Chủ tịch UBND thị trấn");
    await page.getByTestId("desk-roster").waitFor();
    expect(await page.getByTestId("desk-roster").locator("tbody tr").count()).toBe(7);
    await page
      .getByTestId("desk-document-house_rules")
      .getByText(/Nội quy/)
      .first()
      .waitFor();
    expect(await page.getByTestId("desk-feedback").textContent()).toContain("0209 3850 101");
    await expectAccessible(page, "desk public page");
    // The rendered text, with breaks between blocks, so that words of adjacent cells do not run together.
    // biome-ignore lint/performance/useDomNodeTextContent: the word check needs the text as laid out
    const text = (await page.locator("main, body").first().innerText()).normalize("NFC");
    expect(text.match(BARE)?.[0] ?? null).toBeNull();
    // Every letter is precomposed (NFC): a decomposed mark would read wrong in some fonts and searches.
    expect(
      await page.locator("body").evaluate((b) => b.textContent === b.textContent?.normalize("NFC")),
    ).toBe(true);
    await screenshot(page, "desk-public-page");
  }, 60_000);
});
