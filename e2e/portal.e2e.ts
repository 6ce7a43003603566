import { PDFDocument } from "pdf-lib";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type SmtpCatcher, startSmtpCatcher } from "../src/adapters/messaging/smtp-catcher.ts";
import { field, login, logout } from "./support/app.ts";
import { expectAccessible, launchBrowser, newContext, screenshot, watchConsole } from "./support/browser.ts";
import { type ProductServer, startServer } from "./support/server.ts";

/**
 * The citizen portal end to end (issue 6, Done-when): a citizen registers (the one-time code is read from the
 * e-mail caught by a local SMTP server), files an online dossier with two uploads, pays through the local
 * VNPay-protocol gateway, the desk accepts it in the officers' workspace and asks for one supplement, the citizen
 * answers online, the dossier is processed and the result published online, the citizen downloads it and rates
 * the service; every notice arrives at the SMTP server. Plus axe on each portal page, a phone width, English,
 * and clear rejections (a file that is not what its name says, a missing answer).
 */

/** Chứng thực bản sao từ bản chính: online (partial), per-page fee (TT 226/2016), offered by UBND xã Quang Thuận. */
const PROCEDURE_SEARCH = "chung thuc ban sao";
const PROCEDURE = /Chứng thực bản sao từ bản chính/;
const UNIT = "UBND xã Quang Thuận";
const CITIZEN = {
  name: "Hoàng Thị Trực Tuyến",
  identity: "006194012345",
  phone: "0912 345 678",
  email: "hoang.truc.tuyen@example.vn",
  password: "song-ngu-2026-an-toan",
};

// A one-page PDF: the upload check refuses a PDF without pages (issue 14).
const PDF = Buffer.from(
  await (async () => {
    const doc = await PDFDocument.create();
    doc.addPage([595, 842]);
    return doc.save();
  })(),
);
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

let server: ProductServer;
let smtp: SmtpCatcher;
let browser: Browser;
/** The citizen's browser talks to the address the server calls itself (PUBLIC_URL), as the gateway returns there. */
let citizenBase = "";
const contexts: BrowserContext[] = [];
const watched: string[][] = [];

beforeAll(async () => {
  smtp = await startSmtpCatcher();
  server = await startServer({ SMTP_URL: smtp.url, MAIL_FROM: "Một cửa <no-reply@motcua.example.vn>" });
  citizenBase = `http://localhost:${server.port}`;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.close();
});

afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close();
  expect(watched.splice(0).flat()).toEqual([]);
});

async function newPage(
  options: { base?: string; viewport?: { width: number; height: number } } = {},
): Promise<Page> {
  const context = await newContext(browser, {
    baseURL: options.base ?? server.url,
    ...(options.viewport ? { viewport: options.viewport } : {}),
  });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  watched.push(watchConsole(page));
  return page;
}

/** Waits for a mail to the address whose subject matches, as the notification worker delivers it. */
async function mailTo(address: string, subject: RegExp, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = smtp.mails.find((m) => m.to.includes(address) && subject.test(m.subject));
    if (found) return found;
    await new Promise((r) => setTimeout(r, 250));
  }
  const seen = smtp.mails.map((m) => `${m.to.join(",")}: ${m.subject}`).join("\n");
  throw new Error(`no mail to ${address} matching ${subject} within ${timeoutMs} ms; seen:\n${seen}`);
}

async function signInCitizen(page: Page): Promise<void> {
  await page.goto("/portal/dang-nhap");
  await field(page, "Số định danh cá nhân, e-mail hoặc số điện thoại").fill(CITIZEN.email);
  await field(page, "Mật khẩu").fill(CITIZEN.password);
  await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
  await page.waitForURL((url) => url.pathname.startsWith("/portal/ho-so"));
}

/** The officers' dossier page, opened by id, with an action run through its dialog. */
async function openAsOfficer(page: Page, username: string, dossierId: string): Promise<void> {
  await login(page, username);
  await page.goto(`/app/dossiers/view?id=${dossierId}`);
  await page.getByTestId("dossier-header").waitFor();
}

async function claimIfOffered(page: Page): Promise<void> {
  const claim = page.locator('button[data-action="claim"]');
  if (await claim.count()) {
    await claim.click();
    await page.getByTestId("notice").waitFor();
  }
}

async function act(page: Page, action: string): Promise<void> {
  await page.locator(`button[data-action="${action}"]`).click();
  await page.locator("dialog[open]").waitFor();
}

async function submitDialog(page: Page, notice: string): Promise<void> {
  await page.locator("dialog[open]").getByTestId("dialog-submit").click();
  await page.getByTestId("notice").filter({ hasText: notice }).waitFor();
}

describe("citizen portal", () => {
  let dossierId = "";
  let reference = "";
  let code = "";

  it("the landing page leads to the portal, which finds the service and passes axe on a phone", async () => {
    const page = await newPage({ base: citizenBase, viewport: { width: 360, height: 780 } });
    await page.goto("/");
    await page.getByTestId("citizen-card").getByRole("link", { name: "Tìm dịch vụ và nộp hồ sơ" }).click();
    await page.waitForURL((url) => url.pathname === "/portal");
    await page.getByRole("heading", { level: 1, name: "Dịch vụ công trực tuyến" }).waitFor();
    await field(page, "Tìm dịch vụ").fill(PROCEDURE_SEARCH);
    await page.getByRole("button", { name: "Tìm", exact: true }).click();
    await page.getByRole("link", { name: PROCEDURE }).first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(page, "portal home (phone)");
    await screenshot(page, "portal-home-phone");
  });

  it("a citizen registers with the one-time code from the e-mail and is signed in", async () => {
    const page = await newPage({ base: citizenBase });
    await page.goto("/portal/dang-ky");
    await page.getByRole("heading", { level: 1, name: "Tạo tài khoản" }).waitFor();

    // An empty form: the error summary lists each field and links to it; each field says what is wrong.
    await page.getByRole("button", { name: "Tạo tài khoản" }).click();
    const summary = page.locator(".error-summary");
    await summary.waitFor();
    expect(await page.evaluate(() => document.activeElement?.classList.contains("error-summary"))).toBe(true);
    await summary.getByRole("link", { name: "Nhập số định danh cá nhân" }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("reg-identity");
    expect(await page.locator("#reg-identity").getAttribute("aria-describedby")).toContain(
      "reg-identity-error",
    );
    await expectAccessible(page, "register with errors");
    await screenshot(page, "portal-register-errors");

    await field(page, "Họ và tên").fill(CITIZEN.name);
    await field(page, "Số định danh cá nhân (số CCCD)").fill("12345");
    await field(page, "Số điện thoại di động").fill(CITIZEN.phone);
    await field(page, "Địa chỉ e-mail").fill(CITIZEN.email);
    await field(page, "Mật khẩu").fill(CITIZEN.password);
    await page.getByRole("button", { name: "Tạo tài khoản" }).click();
    await page.locator("#reg-identity-error").filter({ hasText: "12 chữ số" }).waitFor();
    await field(page, "Số định danh cá nhân (số CCCD)").fill(CITIZEN.identity);
    await page.getByRole("button", { name: "Tạo tài khoản" }).click();

    await page.waitForURL((url) => url.pathname === "/portal/dang-ky/xac-nhan");
    await page.getByRole("heading", { level: 1, name: "Nhập mã xác nhận" }).waitFor();
    await expectAccessible(page, "confirmation code");
    const mail = await mailTo(CITIZEN.email, /Mã xác nhận/);
    const otp = /\b(\d{6})\b/.exec(mail.subject)?.[1] ?? /\b(\d{6})\b/.exec(mail.text)?.[1];
    expect(otp).toMatch(/^\d{6}$/);
    // A wrong code is refused next to the field.
    await field(page, "Nhập mã xác nhận").fill(otp === "000000" ? "111111" : "000000");
    await page.getByRole("button", { name: "Xác nhận" }).click();
    await page.locator("#confirm-code-error").waitFor();
    await field(page, "Nhập mã xác nhận").fill(otp as string);
    await page.getByRole("button", { name: "Xác nhận" }).click();
    await page.waitForURL((url) => url.pathname === "/portal/ho-so");
    await page.getByTestId("welcome").waitFor();
    await page.getByText(`Bạn đang đăng nhập với tên ${CITIZEN.name}.`).waitFor();
    await expectAccessible(page, "my dossiers (empty)");
  });

  it("files an online dossier: e-form pages, two uploads (a wrong file refused), check answers, confirmation", async () => {
    const page = await newPage({ base: citizenBase });
    await signInCitizen(page);
    await page.goto(`/portal?q=${encodeURIComponent(PROCEDURE_SEARCH)}`);
    await page.getByRole("link", { name: PROCEDURE }).first().click();
    await page.getByTestId("start-components").waitFor();
    await expectAccessible(page, "start page");
    const unit = page.locator("#start-unit");
    if ((await unit.evaluate((n) => n.tagName)) === "SELECT") {
      const value = await unit.evaluate(
        // Options read "name (units above)" so that same-named communes differ.
        (n, wanted) =>
          [...(n as HTMLSelectElement).options].find((o) => o.text.startsWith(`${wanted} (`))?.value ?? "",
        UNIT,
      );
      await unit.selectOption(value);
    } else {
      await page.getByRole("radio", { name: UNIT }).check();
    }
    await page.getByTestId("start-button").click();
    await page.waitForURL((url) => /^\/portal\/nop\/[0-9a-f-]{36}\/trang-1$/.test(url.pathname));
    dossierId = new URL(page.url()).pathname.split("/")[3] as string;

    // Page 1: the applicant, pre-filled from the account; the address is asked for.
    await page.getByTestId("eform-page").waitFor();
    expect(await field(page, "Họ, chữ đệm, tên người yêu cầu").inputValue()).toBe(CITIZEN.name);
    expect(await field(page, "Số định danh cá nhân (căn cước) của người yêu cầu").inputValue()).toBe(
      CITIZEN.identity,
    );
    await page.getByRole("button", { name: "Tiếp tục" }).click();
    await page.locator(".error-summary").waitFor();
    await expectAccessible(page, "e-form page with errors");
    await screenshot(page, "portal-eform-errors");
    await page.locator("#f-applicantAddress").fill("Thôn Nà Mèo");
    await page.locator("#f-applicantAddress-commune").fill("Xã Quang Thuận");
    await page.locator("#f-applicantAddress-district").fill("Huyện Bạch Thông");
    await page.locator("#f-applicantAddress-province").fill("Tỉnh Bắc Kạn");
    await page.getByRole("radio", { name: "Bản thân" }).check();
    await page.getByRole("button", { name: "Lưu nháp" }).click();
    await page.getByTestId("draft-saved").waitFor();
    await page.getByRole("button", { name: "Tiếp tục" }).click();

    // Page 2: the paper to certify (the numbers set the fee).
    await page.waitForURL((url) => url.pathname.endsWith("/trang-2"));
    await field(page, "Tên giấy tờ, văn bản (bản chính)").fill("Bằng tốt nghiệp trung học phổ thông");
    await field(page, "Cơ quan, tổ chức cấp").fill("Sở Giáo dục và Đào tạo tỉnh Bắc Kạn");
    await field(page, "Số trang của bản chính").fill("2");
    await field(page, "Số bản sao cần chứng thực").fill("1");
    await page.locator("#f-declaration").check();
    await page.getByRole("button", { name: "Tiếp tục" }).click();

    // How the result comes back, when there is a choice.
    await page.waitForURL((url) => /\/(nhan-ket-qua|giay-to)$/.test(url.pathname));
    if (new URL(page.url()).pathname.endsWith("/nhan-ket-qua")) {
      await expectAccessible(page, "return method");
      await page.getByRole("radio", { name: /Nhận bản điện tử qua mạng/ }).check();
      await page.getByRole("button", { name: "Tiếp tục" }).click();
    }

    // The papers: a file whose bytes are not a PDF is refused in words; a PDF and a PNG go up.
    await page.waitForURL((url) => url.pathname.endsWith("/giay-to"));
    const input = page.locator('input[type="file"]').first();
    await input.setInputFiles({
      name: "ban-chinh.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("chỉ là chữ"),
    });
    await page.locator(".p-error").filter({ hasText: "không phải PDF, JPEG hoặc PNG" }).waitFor();
    await expectAccessible(page, "uploads with a refused file");
    await input.setInputFiles({ name: "ban-chinh-trang-1.pdf", mimeType: "application/pdf", buffer: PDF });
    await page.locator('[data-upload="ban-chinh-trang-1.pdf"]').waitFor();
    await input.setInputFiles({ name: "ban-chinh-trang-2.png", mimeType: "image/png", buffer: PNG });
    await page.locator('[data-upload="ban-chinh-trang-2.png"]').waitFor();
    await screenshot(page, "portal-uploads");
    await page.getByRole("button", { name: "Tiếp tục" }).click();

    // Check your answers, then submit.
    await page.waitForURL((url) => url.pathname.endsWith("/kiem-tra"));
    await page.getByRole("heading", { level: 1, name: "Kiểm tra lại thông tin trước khi nộp" }).waitFor();
    await page.getByTestId("submit-dossier").waitFor();
    const answers = (await page.locator("main").textContent()) ?? "";
    expect(answers).toContain("Bằng tốt nghiệp trung học phổ thông");
    expect(answers).toContain("ban-chinh-trang-1.pdf");
    expect(answers).toContain("ban-chinh-trang-2.png");
    expect(answers).toContain(UNIT);
    await expectAccessible(page, "check your answers");
    await screenshot(page, "portal-check-answers");
    await page.getByTestId("submit-dossier").click();

    await page.waitForURL((url) => url.pathname.endsWith("/da-nop"));
    await page.getByTestId("confirmation-panel").waitFor();
    reference = ((await page.getByTestId("confirmation-reference").textContent()) ?? "").trim();
    expect(reference.length).toBeGreaterThan(3);
    await expectAccessible(page, "confirmation");
    await screenshot(page, "portal-confirmation");
    // The e-mail links to the dossier's page in "Hồ sơ của tôi".
    const mail = await mailTo(CITIZEN.email, /Đã nhận hồ sơ nộp trực tuyến/);
    expect(mail.text).toContain(`/portal/ho-so/${dossierId}`);
  });

  it("the citizen pays the fee through the local gateway and gets an e-receipt", async () => {
    expect(reference).not.toBe("");
    const page = await newPage({ base: citizenBase });
    await signInCitizen(page);
    await page.goto(`/portal/ho-so/${dossierId}`);
    await page.getByTestId("fee-section").waitFor();
    await expectAccessible(page, "my dossier (fee due)");
    await page.getByTestId("pay-button").click();
    // The local gateway's page (VNPay protocol): plain HTML forms, pay.
    await page.waitForURL((url) => url.pathname.includes("vpcpay"));
    await screenshot(page, "gateway");
    await page
      .getByRole("button", { name: /Thanh toán/ })
      .first()
      .click();
    await page.waitForURL((url) => url.pathname === "/portal/payment");
    await page.getByTestId("payment-paid").waitFor({ timeout: 60_000 });
    await expectAccessible(page, "payment result");
    await screenshot(page, "portal-payment-paid");
    const receipt = await page.request.get(
      (await page.getByTestId("receipt-link").getAttribute("href")) as string,
    );
    expect(receipt.status()).toBe(200);
    expect(receipt.headers()["content-type"]).toContain("application/pdf");
    await mailTo(CITIZEN.email, /Biên lai thu phí, lệ phí điện tử/);
  });

  it("the desk accepts the online dossier and asks for one supplement", async () => {
    expect(dossierId).not.toBe("");
    const page = await newPage();
    await openAsOfficer(page, "tiepnhan.quangthuan", dossierId);
    await claimIfOffered(page);
    // What the citizen filed is on the officer's page: the answers and the uploaded files.
    const filing = page.getByTestId("online-filing");
    await filing.getByText("Bằng tốt nghiệp trung học phổ thông").waitFor();
    expect(await filing.getByRole("link", { name: /ban-chinh-trang-/ }).count()).toBe(2);
    await expectAccessible(page, "officer's page of an online dossier");
    await act(page, "accept");
    await page.locator("dialog[open]").getByTestId("dialog-submit").click();
    // Accepting answers with the receipt (form 01): the dossier's code.
    code = ((await page.getByTestId("receipt-code").textContent()) ?? "").trim();
    expect(code).toMatch(/^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4}$/);
    await mailTo(CITIZEN.email, new RegExp(`Tiếp nhận hồ sơ ${code.replace(/\./g, "\\.")}`));

    await page.goto(`/app/dossiers/view?id=${dossierId}`);
    await page.getByTestId("dossier-header").waitFor();
    await claimIfOffered(page);
    await act(page, "request_supplement");
    const dialog = page.locator("dialog[open]");
    await dialog
      .getByLabel(/Giấy tờ, nội dung cần bổ sung/)
      .first()
      .fill("Bản quét trang 2 rõ nét hơn");
    await dialog.getByLabel(/Lý do/).first().fill("Trang 2 bị mờ, không đọc được số hiệu văn bằng.");
    await dialog.getByRole("button", { name: "Lập phiếu yêu cầu bổ sung" }).click();
    await page.getByTestId("notice").waitFor();
    await logout(page);
    await mailTo(CITIZEN.email, /Yêu cầu bổ sung hồ sơ/);
  });

  it("the citizen answers the supplement request online", async () => {
    const page = await newPage({ base: citizenBase });
    await signInCitizen(page);
    await page.goto(`/portal/ho-so/${dossierId}`);
    await page.getByTestId("supplement-notice").waitFor();
    await page.getByRole("link", { name: "Bổ sung hồ sơ" }).click();
    await page.waitForURL((url) => url.pathname.endsWith("/bo-sung"));
    await page.getByRole("heading", { level: 1, name: "Bổ sung hồ sơ" }).waitFor();
    await page
      .locator('input[type="file"]')
      .first()
      .setInputFiles({ name: "trang-2-ro-net.png", mimeType: "image/png", buffer: PNG });
    await page.locator('[data-upload="trang-2-ro-net.png"]').waitFor();
    await field(page, "Nội dung trả lời").fill("Đã quét lại trang 2 ở độ phân giải cao hơn.");
    await expectAccessible(page, "supplement answer");
    await page.getByTestId("supplement-submit").click();
    await page.waitForURL((url) => url.pathname === `/portal/ho-so/${dossierId}`);
    await page.getByTestId("dossier-status").waitFor();
    expect(await page.getByTestId("supplement-notice").count()).toBe(0);
  });

  it("the dossier is processed and its result published online", async () => {
    const page = await newPage();
    // Specialist: takes it and forwards it for approval.
    await openAsOfficer(page, "tiepnhan.quangthuan", dossierId);
    if (await page.locator('button[data-action="supplement_received"]').count()) {
      await act(page, "supplement_received");
      await page.locator("dialog[open]").getByTestId("dialog-submit").click();
      await page.getByTestId("notice").waitFor();
    }
    if (await page.locator('button[data-action="forward"]').count()) {
      await act(page, "forward");
      await submitDialog(page, "Đã thực hiện: Chuyển bước tiếp theo.");
    }
    await logout(page);
    for (const [username, action] of [
      ["chuyenvien.quangthuan", "forward"],
      ["lanhdao.quangthuan", "approve"],
    ] as const) {
      await openAsOfficer(page, username, dossierId);
      await claimIfOffered(page);
      await act(page, action);
      await page.locator("dialog[open]").getByTestId("dialog-submit").click();
      await page.getByTestId("notice").waitFor();
      await logout(page);
    }
    await openAsOfficer(page, "vanthu.quangthuan", dossierId);
    await claimIfOffered(page);
    await act(page, "record_result");
    const dialog = page.locator("dialog[open]");
    await dialog.getByLabel(/Số, ký hiệu/).fill("88/CT-BS");
    await dialog.getByLabel(/Người ký/).fill("Triệu Văn Đạo – Chủ tịch UBND xã");
    await dialog
      .locator('input[type="file"]')
      .setInputFiles({ name: "ket-qua.pdf", mimeType: "application/pdf", buffer: PDF });
    await dialog.getByText("ket-qua.pdf").waitFor();
    await submitDialog(page, "Đã thực hiện: Vào kết quả.");
    await logout(page);

    await openAsOfficer(page, "tiepnhan.quangthuan", dossierId);
    await act(page, "return");
    await page
      .locator("dialog[open]")
      .getByRole("radio", { name: /Trả trực tuyến/ })
      .check();
    await submitDialog(page, "Đã thực hiện: Trả kết quả.");
    await logout(page);
    await mailTo(CITIZEN.email, /(Đã có kết quả|Đã trả kết quả) hồ sơ/);
  });

  it("the citizen downloads the result and rates the service, in Vietnamese and English", async () => {
    const page = await newPage({ base: citizenBase });
    await signInCitizen(page);
    await page.goto(`/portal/ho-so/${dossierId}`);
    const download = page.getByTestId("result-download");
    await download.waitFor();
    const result = await page.request.get((await download.getAttribute("href")) as string);
    expect(result.status()).toBe(200);
    expect(result.headers()["content-type"]).toContain("application/pdf");
    expect((await result.body()).subarray(0, 5).toString()).toBe("%PDF-");
    const timeline = (await page.getByTestId("timeline").textContent()) ?? "";
    expect(timeline.length).toBeGreaterThan(10);
    await expectAccessible(page, "my dossier (result)");
    await screenshot(page, "portal-dossier-result");

    await page.getByRole("link", { name: "Đánh giá dịch vụ" }).click();
    await page.waitForURL((url) => url.pathname.endsWith("/danh-gia"));
    // Sent empty: each criterion is named in the summary and next to its question.
    await page.getByRole("button", { name: "Gửi đánh giá" }).click();
    await page.locator(".error-summary li").nth(6).waitFor();
    await expectAccessible(page, "rating with errors");
    const groups = page.locator('[data-testid="rating-form"] fieldset');
    const count = await groups.count();
    for (let i = 0; i < count; i++) await groups.nth(i).getByRole("radio").first().check();
    await field(page, "Góp ý thêm (không bắt buộc)").fill("Nộp qua mạng nhanh, không phải đi lại.");
    await page.getByRole("button", { name: "Gửi đánh giá" }).click();
    await page.waitForURL((url) => url.pathname === `/portal/ho-so/${dossierId}`);
    await page.getByTestId("rated").waitFor();

    // The same page in English, through the switch.
    await page.getByTestId("language-switch").click();
    await page.getByRole("heading", { level: 2, name: "Progress" }).waitFor();
    await expectAccessible(page, "my dossier in English");
    await page.getByTestId("language-switch").click();
  });

  it("every notice reached the citizen's mailbox", () => {
    const subjects = smtp.mails.filter((m) => m.to.includes(CITIZEN.email)).map((m) => m.subject);
    for (const wanted of [
      /Mã xác nhận/,
      /Đã nhận hồ sơ nộp trực tuyến/,
      /Tiếp nhận hồ sơ/,
      /Yêu cầu bổ sung hồ sơ/,
      /Biên lai thu phí/,
      /(Đã có kết quả|Đã trả kết quả)/,
    ]) {
      expect(
        subjects.some((s) => wanted.test(s)),
        `${wanted} in ${subjects.join(" | ")}`,
      ).toBe(true);
    }
  });
});
