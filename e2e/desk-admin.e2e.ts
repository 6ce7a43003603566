import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiFromPage, field, login, selectByText } from "./support/app.ts";
import { expectAccessible, launchBrowser, newContext, screenshot, watchConsole } from "./support/browser.ts";
import { type ProductServer, startServer } from "./support/server.ts";

const PHU_THONG = "000.01.31.H06";
const NEW_MEMBER = "Lường Thị Mới";
const NEW_FIELD = "Phòng, chống thiên tai";
const NEW_RULE = "Điều 9. Công dân lấy số thứ tự tại máy lấy số và chờ gọi số tại quầy.";

let server: ProductServer;
let browser: Browser;
let page: Page;
let consoleErrors: string[];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const context = await newContext(browser, { baseURL: server.url });
  page = await context.newPage();
  page.setDefaultTimeout(20_000);
  consoleErrors = watchConsole(page);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  // No CSP violation, no uncaught exception on any page of the test.
  expect(consoleErrors).toEqual([]);
});

/** "YYYY-MM-DD" → "DD/MM/YYYY", as the pages write dates. */
const dmy = (iso: string) => iso.split("-").reverse().join("/");
const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe("the desk manager keeps the desk (issue 21)", () => {
  it("adds a member, publishes the house rules, sets a week's duties, records an absence and sees the gap; the public page follows", async () => {
    await login(page, "quantri.phuthong");
    // The menu leads to the three screens.
    for (const name of ["Thành viên Bộ phận Một cửa", "Nội quy, quy chế, giờ làm việc", "Lịch trực"]) {
      await page.locator("#staff-nav").getByRole("link", { name, exact: true }).waitFor();
    }

    // A new officer for a field nobody at Phủ Thông handles yet.
    await page.locator("#staff-nav").getByRole("link", { name: "Thành viên Bộ phận Một cửa" }).click();
    await page.getByRole("heading", { level: 1, name: "Thành viên Bộ phận Một cửa" }).waitFor();
    await page.getByTestId("desk-members-current").waitFor();
    await expectAccessible(page, "desk members");
    await page.getByRole("button", { name: "Thêm thành viên" }).click();
    const dialog = page.getByRole("dialog");
    // Sent empty: the server's refusal is shown at the fields, and the keyboard focus goes to the first one.
    await dialog.getByRole("button", { name: "Lưu thành viên" }).click();
    await dialog.locator('input[aria-invalid="true"]:focus').waitFor();
    expect(await field(dialog, "Họ và tên").getAttribute("aria-invalid")).toBe("true");
    await field(dialog, "Họ và tên").fill(NEW_MEMBER);
    await field(dialog, "Chức danh").fill("Công chức Địa chính - Nông nghiệp");
    await field(dialog, "Quầy").fill("5");
    await field(dialog, "Điện thoại").fill("0209 3850 155");
    await dialog.getByLabel(NEW_FIELD).check();
    await expectAccessible(page, "add member dialog");
    await dialog.getByRole("button", { name: "Lưu thành viên" }).click();
    await page.getByText(`Đã thêm ${NEW_MEMBER}.`).waitFor();
    await page.getByTestId("desk-members-current").getByRole("rowheader", { name: NEW_MEMBER }).waitFor();
    // The chairman's position ends today: kept in the history, still listed today on the public page.
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    await page.getByRole("button", { name: "Kết thúc nhiệm vụ: Dương Văn Lãnh" }).click();
    await field(page.getByRole("dialog"), "Ngày kết thúc").fill(today);
    await page.getByRole("dialog").getByRole("button", { name: "Kết thúc nhiệm vụ" }).click();
    await page.getByText(`Dương Văn Lãnh kết thúc nhiệm vụ ngày ${dmy(today)}.`).waitFor();
    await page
      .getByTestId("desk-members-history")
      .getByRole("rowheader", { name: "Dương Văn Lãnh" })
      .waitFor();
    expect(
      await page
        .getByTestId("desk-members-current")
        .getByRole("rowheader", { name: "Dương Văn Lãnh" })
        .count(),
    ).toBe(0);
    await expectAccessible(page, "desk members with history");
    await screenshot(page, "desk-admin-members");

    // A new version of the house rules, then published.
    await page.locator("#staff-nav").getByRole("link", { name: "Nội quy, quy chế, giờ làm việc" }).click();
    await page.getByRole("heading", { level: 1, name: "Nội quy, quy chế và thông tin công khai" }).waitFor();
    await page.getByTestId("da-doc-house_rules").locator("li").first().waitFor();
    await expectAccessible(page, "desk documents");
    await page.getByRole("button", { name: "Soạn phiên bản mới — Nội quy" }).click();
    const body = field(page.getByRole("dialog"), "Nội dung");
    await body.fill(`${await body.inputValue()}\n${NEW_RULE}`);
    await page.getByRole("dialog").getByRole("button", { name: "Lưu bản nháp" }).click();
    await page.getByText("Đã lưu bản nháp phiên bản 2.").waitFor();
    await page.getByRole("button", { name: "Ban hành phiên bản 2" }).click();
    await page.getByText("Đã ban hành Nội quy, phiên bản 2.").waitFor();
    await screenshot(page, "desk-admin-documents");
    // The phone for feedback, shown on the public page.
    await field(page, "Điện thoại tiếp nhận phản ánh, kiến nghị").fill("0209 3850 199");
    await page.getByRole("button", { name: "Lưu thông tin" }).click();
    await page.getByText("Đã lưu.", { exact: true }).waitFor();

    // Next week's roster: her field has nobody on duty until her duties are set.
    await page.locator("#staff-nav").getByRole("link", { name: "Lịch trực" }).click();
    await page.getByRole("heading", { level: 1, name: "Lịch trực của Bộ phận" }).waitFor();
    await page.getByTestId("desk-roster").waitFor();
    // The first week ahead with a working weekday (a week of Tết may have none).
    const me = await apiFromPage<{ unit: { id: string } }>(page, "GET", "/auth/me");
    type Week = { weekStart: string; days: { date: string; weekday: number; working: boolean }[] };
    let ahead = 0;
    let before: Week;
    do {
      ahead += 1;
      before = (
        await apiFromPage<Week>(
          page,
          "GET",
          `/units/${me.body.unit.id}/desk/roster?week=${addDays(today, 7 * ahead)}`,
        )
      ).body;
    } while (!before.days.some((d) => d.working && d.weekday <= 5));
    for (let i = 1; i <= ahead; i++) {
      await page.getByRole("button", { name: "Tuần sau" }).click();
      const monday = dmy(addDays(before.weekStart, 7 * (i - ahead)));
      await page.getByRole("heading", { level: 2, name: new RegExp(`^Tuần từ ${monday}`) }).waitFor();
    }
    const firstWorking = before.days.find((d) => d.working && d.weekday <= 5)?.date as string;
    const warnings = page.getByTestId("roster-warnings");
    await warnings.getByText(`${dmy(firstWorking)}: không có người trực lĩnh vực ${NEW_FIELD}`).waitFor();
    await expectAccessible(page, "desk roster with warnings");

    // Her weekly duties: counter 5, Monday to Friday mornings.
    await selectByText(page, "Người trực", NEW_MEMBER);
    expect(await field(page, "Quầy").inputValue()).toBe("5");
    for (const day of ["Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu"])
      await page.getByLabel(day, { exact: true }).check();
    await page.getByRole("button", { name: "Thêm ca trực" }).click();
    await page
      .getByText(
        `Đã thêm ca trực Thứ Hai, Thứ Ba, Thứ Tư, Thứ Năm, Thứ Sáu, Buổi sáng, quầy 5 cho ${NEW_MEMBER}.`,
      )
      .waitFor();
    await page.getByTestId("desk-roster").getByText(NEW_MEMBER).first().waitFor();
    expect(await page.getByText(`không có người trực lĩnh vực ${NEW_FIELD}`).count()).toBe(0);

    // She is away one morning next week: nobody handles her field that day, and the screen says so.
    const absenceDay = firstWorking;
    await field(page, "Ngày").fill(absenceDay);
    await selectByText(page, "Người nghỉ trực", NEW_MEMBER);
    await field(page, "Lý do").fill("Nghỉ phép");
    await page.getByRole("button", { name: "Ghi nhận thay đổi" }).click();
    await page.getByText("Đã ghi nhận; những người liên quan được thông báo.").waitFor();
    await warnings.getByText(`${dmy(absenceDay)}: không có người trực lĩnh vực ${NEW_FIELD}`).waitFor();
    expect(await warnings.getByText(NEW_FIELD).count()).toBe(1);
    await expectAccessible(page, "desk roster after the absence");
    await screenshot(page, "desk-admin-roster");
    // The same screen in English.
    await page.getByTestId("language-switch").click();
    await page.getByRole("heading", { level: 1, name: "The desk's duty roster" }).waitFor();
    await warnings
      .getByText(`${dmy(absenceDay)}: nobody on duty for Natural disaster prevention and recovery`)
      .waitFor();
    await expectAccessible(page, "desk roster in English");
    await page.getByTestId("language-switch").click();
    await page.getByRole("heading", { level: 1, name: "Lịch trực của Bộ phận" }).waitFor();

    // On duty on a day off of that week (a Sunday, or a holiday): listed under the day off, which stays one.
    const dayOff = before.days.find((d) => !d.working)?.date as string;
    await field(page, "Ngày nghỉ").fill(dayOff);
    await selectByText(page, "Người trực ngày nghỉ", NEW_MEMBER);
    expect(await field(page, "Quầy trực ngày nghỉ").inputValue()).toBe("5");
    await page.getByRole("button", { name: "Phân công trực ngày nghỉ" }).click();
    await page
      .getByText(`Đã phân công ${NEW_MEMBER} trực ngày ${dmy(dayOff)}, 07:30–11:30, quầy 5.`)
      .waitFor();
    const offRow = page.getByTestId("desk-roster").locator(`tr[data-date="${dayOff}"]`);
    await offRow.getByText("Nghỉ").first().waitFor();
    await offRow.getByTestId("holiday-duties").getByText(NEW_MEMBER).waitFor();
    expect(await offRow.getByTestId("holiday-duties").textContent()).toContain("Trực 07:30–11:30, Quầy 5:");
    await expectAccessible(page, "desk roster with a duty on a day off");
    // Cancelled again: gone from the day off.
    await page
      .getByRole("button", { name: `Hủy ca trực ngày nghỉ của ${NEW_MEMBER} ngày ${dmy(dayOff)}` })
      .click();
    await page.getByText("Đã hủy ca trực ngày nghỉ; người trực được thông báo.").waitFor();
    await offRow.getByTestId("holiday-duties").waitFor({ state: "detached" });

    // Her Monday duty ends today: it leaves the weekly duties.
    const mondayDuty = `Thứ Hai, Buổi sáng, Quầy 5 — ${NEW_MEMBER}`;
    await selectByText(page, "Ca trực", mondayDuty);
    await field(page, "Ngày trực cuối cùng").fill(today);
    await page.getByRole("button", { name: "Kết thúc ca trực" }).click();
    await page.getByText(`Ca trực của ${NEW_MEMBER} kết thúc sau ngày ${dmy(today)}.`).waitFor();
    // The screen reloads the duties after the notice: wait for the option to go.
    await field(page, "Ca trực").locator("option", { hasText: mondayDuty }).waitFor({ state: "detached" });
    await selectByText(page, "Ca trực", `Thứ Ba, Buổi sáng, Quầy 5 — ${NEW_MEMBER}`);

    // The public page of the unit shows the new member and the new house rules.
    await page.goto(`/mot-cua?unit=${PHU_THONG}`);
    const members = page.getByTestId("desk-members");
    await members.getByText(NEW_MEMBER).waitFor();
    expect(await members.locator("tbody tr").count()).toBe(9);
    expect(await members.locator("tr", { hasText: NEW_MEMBER }).textContent()).toContain(NEW_FIELD);
    const rules = page.getByTestId("desk-document-house_rules");
    await rules.getByText(NEW_RULE).waitFor();
    await rules.getByText("Phiên bản 2").waitFor();
    expect(await page.getByTestId("desk-feedback").textContent()).toContain("0209 3850 199");
    await expectAccessible(page, "desk public page after the changes");
  }, 240_000);

  it("the system administrator picks any unit's desk, and the pick follows from screen to screen", async () => {
    const context = await newContext(browser, { baseURL: server.url });
    const admin = await context.newPage();
    admin.setDefaultTimeout(20_000);
    const errors = watchConsole(admin);
    await login(admin, "admin");
    await admin.locator("#staff-nav").getByRole("link", { name: "Thành viên Bộ phận Một cửa" }).click();
    await admin.getByRole("heading", { level: 1, name: "Thành viên Bộ phận Một cửa" }).waitFor();
    await selectByText(admin, "Đơn vị", "UBND thị trấn Phủ Thông");
    await admin
      .getByTestId("desk-members-current")
      .getByRole("rowheader", { name: "Hoàng Thị Hà" })
      .waitFor();
    await admin.locator("#staff-nav").getByRole("link", { name: "Lịch trực" }).click();
    await admin.getByTestId("desk-roster").getByText("Hoàng Thị Hà").first().waitFor();
    await expectAccessible(admin, "desk roster, system administrator");
    await context.close();
    expect(errors).toEqual([]);
  }, 120_000);
});
