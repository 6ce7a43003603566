import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type SmtpCatcher, startSmtpCatcher } from "../src/adapters/messaging/smtp-catcher.ts";
import { field, login, selectByText } from "./support/app.ts";
import { expectAccessible, launchBrowser, newContext, screenshot, watchConsole } from "./support/browser.ts";
import { type ProductServer, startServer } from "./support/server.ts";

/**
 * Feedback and petitions end to end (issue 20, Done-when): a citizen files feedback about a procedure on the
 * public form; the commune's specialist classifies it within competence, studies it against the six criteria,
 * answers it and approves the redacted text; the published answer appears on the procedure's public page without
 * the submitter's phone or name; the answer's e-mail arrives at the local SMTP server; the citizen rates it.
 * Along the way the commune's unit admin sets the answer deadline, and the leader assigns the record to the
 * specialist through the officer picker, with the due date from that setting.
 */
const PROCEDURE = "cap-giay-xac-nhan-tinh-trang-hon-nhan";
const UNIT = "000.17.31.H06";
const CITIZEN = {
  name: "Đinh Thị Góp Ý",
  address: "Thôn Nà Cù, xã Quang Thuận",
  phone: "0916 222 333",
  email: "dinh.gop.y@example.vn",
};
const CONTENT =
  "Tôi là Đinh Thị Góp Ý, điện thoại 0916 222 333. Thủ tục cấp giấy xác nhận tình trạng hôn nhân yêu cầu nộp lại giấy tờ đã có trong cơ sở dữ liệu dân cư; đề nghị bỏ yêu cầu này.";
const ANSWER = "UBND xã đã bỏ yêu cầu nộp lại giấy tờ đã có trong cơ sở dữ liệu dân cư từ ngày 15/12/2026.";

let server: ProductServer;
let smtp: SmtpCatcher;
let browser: Browser;
const contexts: BrowserContext[] = [];
const watched: string[][] = [];

beforeAll(async () => {
  smtp = await startSmtpCatcher();
  server = await startServer({ SMTP_URL: smtp.url, MAIL_FROM: "Một cửa <no-reply@motcua.example.vn>" });
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

async function newPage(): Promise<Page> {
  const context = await newContext(browser, { baseURL: server.url });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  watched.push(watchConsole(page));
  return page;
}

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

describe("feedback and petitions", () => {
  let code = "";
  let secret = "";

  it("a citizen files feedback about a procedure on the public form (axe-clean) and gets a code and secret", async () => {
    const page = await newPage();
    await page.goto(`/phan-anh-kien-nghi?unit=${UNIT}&procedure=${PROCEDURE}`);
    await page.getByRole("heading", { level: 1, name: "Phản ánh, kiến nghị" }).waitFor();
    await expectAccessible(page, "feedback form");
    await field(page, "Tiêu đề").fill("Giấy tờ nộp lại không cần thiết");
    await field(page, "Nội dung phản ánh, kiến nghị").fill(CONTENT);
    await field(page, "Họ và tên").fill(CITIZEN.name);
    await field(page, "Địa chỉ").fill(CITIZEN.address);
    await field(page, "Số điện thoại").fill(CITIZEN.phone);
    await field(page, "Thư điện tử (không bắt buộc)").fill(CITIZEN.email);
    await page.getByRole("button", { name: "Gửi phản ánh, kiến nghị" }).click();
    code = (await page.getByTestId("feedback-code").textContent()) ?? "";
    secret = (await page.getByTestId("feedback-secret").textContent()) ?? "";
    expect(code).toMatch(/^000\.17\.31\.H06-PA-\d{6}-\d{4}$/);
    expect(secret).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
    await screenshot(page, "feedback-sent");
    const receipt = await mailTo(CITIZEN.email, /Đã tiếp nhận phản ánh, kiến nghị/);
    expect(receipt.text).toContain(code);
  });

  it("the unit admin sets the answer deadline to 7 working days on the settings page in the admin menu (axe-clean)", async () => {
    const page = await newPage();
    await login(page, "quantri.quangthuan");
    await page.getByRole("link", { name: "Cài đặt phản ánh, kiến nghị" }).first().click();
    await page.getByRole("heading", { level: 1, name: "Cài đặt xử lý phản ánh, kiến nghị" }).waitFor();
    // NĐ 20/2008 sets no answer deadline: until the unit sets one, motcua's default of 10 working days applies.
    await page.getByText("Đơn vị chưa đặt; đang dùng mặc định của hệ thống (10 ngày làm việc).").waitFor();
    const days = field(page, "Thời hạn trả lời (ngày làm việc)");
    expect(await days.inputValue()).toBe("10");
    await expectAccessible(page, "feedback settings");
    await days.fill("0");
    await page.getByRole("button", { name: "Lưu cài đặt" }).click();
    await page.getByText("Nhập một số nguyên từ 1 đến 120.").waitFor();
    await days.fill("7");
    await page.getByRole("button", { name: "Lưu cài đặt" }).click();
    await page.getByText("Đơn vị đã đặt thời hạn này.").waitFor();
    await page.reload();
    await page.getByText("Đơn vị đã đặt thời hạn này.").waitFor();
    expect(await field(page, "Thời hạn trả lời (ngày làm việc)").inputValue()).toBe("7");
    await screenshot(page, "feedback-settings");
  });

  it("the specialist classifies it within competence", async () => {
    const page = await newPage();
    await login(page, "chuyenvien.quangthuan");
    await page.goto("/app/feedback");
    await page.getByRole("link", { name: code }).click();
    await page.getByRole("heading", { level: 1, name: `Xử lý phản ánh, kiến nghị ${code}` }).waitFor();
    await field(page, "Phân loại").selectOption("within_competence");
    await page.getByRole("button", { name: "Ghi phân loại" }).click();
    await page.getByRole("heading", { name: "Nghiên cứu theo sáu tiêu chí (Điều 16)" }).waitFor();
    // Only a leader may list the unit's officers; the specialist can take the record, not assign it.
    await page.getByRole("button", { name: "Nhận xử lý" }).waitFor();
    expect(await page.getByRole("heading", { name: "Giao người xử lý" }).count()).toBe(0);
  });

  it("the leader assigns it to the specialist through the officer picker, due date from the unit's setting", async () => {
    const page = await newPage();
    await login(page, "lanhdao.quangthuan");
    await page.goto("/app/feedback");
    await page.getByRole("link", { name: code }).click();
    const panel = page.locator("form", { has: page.getByRole("heading", { name: "Giao người xử lý" }) });
    await panel.getByText("Chưa giao cho cán bộ nào.").waitFor();
    await panel.getByText(/^Mặc định theo cài đặt của đơn vị: 7 ngày làm việc/).waitFor();
    // The due date offered is the one set at acceptance from the unit's 7 working days (shown as "Hạn trả lời").
    const dueLine = (await page.getByText(/^Hạn trả lời: \d{2}\/\d{2}\/\d{4}/).textContent()) ?? "";
    const [, dd, mm, yyyy] = /(\d{2})\/(\d{2})\/(\d{4})/.exec(dueLine) ?? [];
    expect(await field(panel, "Hạn trả lời").inputValue()).toBe(`${yyyy}-${mm}-${dd}`);
    await expectAccessible(page, "feedback assignment");
    await panel.getByRole("button", { name: "Giao xử lý" }).click();
    await panel.getByText("Vui lòng chọn cán bộ xử lý.").waitFor();
    await selectByText(panel, "Cán bộ xử lý", "Ma Văn Chuyên");
    await panel.getByRole("button", { name: "Giao xử lý" }).click();
    await page.getByText("Đã lưu.").waitFor();
    await panel.getByText("Đang giao cho: Ma Văn Chuyên").waitFor();
    const res = await page.request.get(`/api/v1/feedback?unit=${UNIT}`);
    const items = ((await res.json()) as { items: { id: string; code: string }[] }).items;
    const id = items.find((i) => i.code === code)?.id;
    const record = (await (await page.request.get(`/api/v1/feedback/${id}`)).json()) as {
      handler: { name: string } | null;
      history: { action: string }[];
    };
    expect(record.handler?.name).toBe("Ma Văn Chuyên");
    expect(record.history.map((h) => h.action)).toContain("assign");
    await screenshot(page, "feedback-assigned");
  });

  it("the handler studies it, answers and approves the redacted text", async () => {
    const page = await newPage();
    await login(page, "chuyenvien.quangthuan");
    await page.goto("/app/feedback");
    await page.getByRole("link", { name: code }).click();
    await page.getByRole("heading", { level: 1, name: `Xử lý phản ánh, kiến nghị ${code}` }).waitFor();
    await page.getByRole("heading", { name: "Nghiên cứu theo sáu tiêu chí (Điều 16)" }).waitFor();
    // Assigned to this officer by the leader: there is nothing left to take.
    expect(await page.getByRole("button", { name: "Nhận xử lý" }).count()).toBe(0);
    for (const label of [
      "Sự cần thiết / Necessity",
      "Tính hợp lý, hợp pháp / Reasonableness and legality",
      "Tính đơn giản / Simplicity",
      "Tính khả thi / Feasibility",
      "Tính thống nhất, đồng bộ / Consistency",
      "Sự phù hợp với điều ước quốc tế / Conformity with treaties",
    ]) {
      await field(page, label).selectOption(label.startsWith("Sự phù hợp") ? "not_applicable" : "met");
    }
    await page.getByRole("button", { name: "Lưu kết quả nghiên cứu" }).click();
    await page.getByText("Đã lưu.").waitFor();
    await field(page, "Quyết định").selectOption("adopted");
    await field(page, "Nội dung trả lời").fill(ANSWER);
    await page.getByRole("button", { name: "Ghi quyết định và trả lời" }).click();
    await page.getByRole("button", { name: "Xem bản đề xuất" }).click();
    const question = field(page, "Nội dung phản ánh công khai");
    await question.waitFor();
    const proposed = await question.inputValue();
    expect(proposed).not.toContain("Góp Ý");
    expect(proposed).not.toContain("0916");
    await expectAccessible(page, "feedback handling");
    await page.getByRole("button", { name: "Duyệt và công khai" }).click();
    await page.getByText("Đã công khai").first().waitFor();
    await screenshot(page, "feedback-published-staff");
  });

  it("the procedure's public page shows the answer without the submitter's phone or name", async () => {
    const page = await newPage();
    await page.goto(`/thu-tuc/${PROCEDURE}`);
    const section = page.locator("section.feedback-published");
    await section.getByText(ANSWER).waitFor();
    const text = (await section.textContent()) ?? "";
    expect(text).toContain("nộp lại giấy tờ đã có trong cơ sở dữ liệu dân cư");
    expect(text).not.toContain("0916");
    expect(text).not.toContain("222 333");
    expect(text).not.toContain("Đinh Thị Góp Ý");
    expect(text).not.toContain("Góp Ý");
    await expectAccessible(page, "procedure page with published answers");
  });

  it("the answer's e-mail arrives and the citizen's rating is recorded", async () => {
    const mail = await mailTo(CITIZEN.email, /Kết quả xử lý phản ánh, kiến nghị/);
    expect(mail.text).toContain(ANSWER);
    const page = await newPage();
    await page.goto(`/phan-anh-kien-nghi/tra-cuu?code=${encodeURIComponent(code)}&secret=${secret}`);
    await page.getByTestId("feedback-answer").getByText(ANSWER).waitFor();
    await page.getByRole("radio", { name: "Rất hài lòng" }).check();
    await page.getByRole("button", { name: "Gửi đánh giá" }).click();
    await page.getByText("Đã ghi nhận đánh giá của ông/bà. Xin cảm ơn.").waitFor();
    const res = await fetch(
      `${server.url}/api/v1/public/feedback/lookup?code=${encodeURIComponent(code)}&secret=${secret}`,
    );
    expect(await res.json()).toMatchObject({ status: "published", rating: 2, canRate: false });
  });
});
