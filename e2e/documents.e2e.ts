/**
 * Documents in the browser, the issue's "Done when": the district's specialist drafts a decision, the deputy
 * chairman signs it "KT. Chủ tịch", the clerk issues it with the next number and the seal and sends it to all the
 * district's communes in one action; two communes register it with their own incoming numbers, one assigns it and
 * replies with a linked document; the district sees each commune's status; the issued PDF carries two signatures
 * that pdfsig reports valid and shows the number. Every screen passes axe.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { hasPdfsig, pdfsig, samplePdf } from "../src/signing/test-support.ts";
import { DEMO_PASSWORD, field, login, selectByText } from "./support/app.ts";
import { expectAccessible, launchBrowser, newContext, screenshot, watchConsole } from "./support/browser.ts";
import { type ProductServer, startServer } from "./support/server.ts";

let server: ProductServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];
/** The decision's page at the district, once drafted. */
let decisionUrl: string;

const SUMMARY = "Về việc ban hành Kế hoạch cải cách hành chính năm 2027";
/** NĐ 30/2020 Điều 15: numbering starts at 01 each year; QĐ is the decision's abbreviation, UBND the issuer's. */
const NUMBER = "01/QĐ-UBND";
/** Today's date in Việt Nam (UTC+7), YYYY-MM-DD. */
const TODAY_VN = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

async function as(username: string): Promise<Page> {
  context = await newContext(browser, { baseURL: server.url });
  page = await context.newPage();
  page.setDefaultTimeout(30_000);
  problems = watchConsole(page);
  await login(page, username);
  return page;
}

async function openBox(p: Page, box: string): Promise<void> {
  await p.goto(`/app/documents?box=${box}`);
  await p.getByRole("heading", { level: 1, name: "Văn bản" }).waitFor();
}

/** Opens the document of the current box whose number (or, without one, summary) is given. */
async function openRow(p: Page, number: string): Promise<void> {
  await p.locator(`tr[data-number="${number}"] a`).first().click();
  await p.getByTestId("document-actions").waitFor();
}

async function notice(p: Page): Promise<string> {
  const alert = p.locator(".alert-success");
  await alert.waitFor();
  return (await alert.textContent()) ?? "";
}

function pdftotext(pdf: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), "motcua-doc-e2e-"));
  try {
    writeFileSync(join(dir, "a.pdf"), pdf);
    return spawnSync("pdftotext", ["-layout", join(dir, "a.pdf"), "-"], { encoding: "utf8" }).stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
  // No CSP violation, no uncaught exception, no failed script on any page a test visited.
  expect(problems).toEqual([]);
});

describe("a decision from the district to its communes", () => {
  it("the specialist finds Văn bản in the menu and drafts the decision to all communes, urgent", async () => {
    const p = await as("chuyenvien.bachthong");
    await p.getByRole("link", { name: "Văn bản", exact: true }).first().click();
    await p.getByRole("heading", { level: 1, name: "Văn bản" }).waitFor();
    await p.getByRole("link", { name: "Soạn văn bản" }).click();
    await p.getByRole("heading", { level: 1, name: "Soạn văn bản đi" }).waitFor();
    await selectByText(p, "Loại văn bản (Nghị định 30/2020/NĐ-CP, Phụ lục III)", "Quyết định (QĐ)");
    await field(p, "Trích yếu nội dung").fill(SUMMARY);
    await field(p, "Nội dung văn bản").fill(
      "Điều 1. Ban hành Kế hoạch cải cách hành chính năm 2027 của huyện Bạch Thông.\nĐiều 2. Quyết định có hiệu lực kể từ ngày ký.",
    );
    // The district has 17 communes and towns below it (the article: one decision to all 17 in one action).
    await p.getByLabel("Tất cả đơn vị trực thuộc (17 đơn vị)").check();
    await field(p, "Nơi nhận ngoài hệ thống (gửi bản giấy), mỗi dòng một nơi").fill("Sở Nội vụ tỉnh Bắc Kạn");
    await field(p, "Độ khẩn").selectOption("khan");
    await expectAccessible(p, "drafting an outgoing document");
    await screenshot(p, "documents-draft");
    await p.getByRole("button", { name: "Lưu dự thảo" }).click();
    await p.getByTestId("action-submit").waitFor();
    decisionUrl = new URL(p.url()).pathname + new URL(p.url()).search;
    expect(await p.getByTestId("document-status").textContent()).toBe("Dự thảo");
    await p.getByTestId("action-submit").getByRole("button", { name: "Trình duyệt, ký" }).click();
    await p.locator('[data-testid="document-status"]', { hasText: "Chờ duyệt, ký" }).waitFor();
    await expectAccessible(p, "a submitted draft");
  });

  it("the deputy chairman signs it KT. Chủ tịch from the approval box", async () => {
    const p = await as("lanhdao.bachthong");
    await openBox(p, "approval");
    await p.getByRole("link", { name: "Chưa có số" }).first().click();
    const sign = p.getByTestId("action-sign");
    await sign.waitFor();
    await expectAccessible(p, "the leader's approval screen");
    expect(await field(sign, "Hình thức ký (Nghị định 30/2020/NĐ-CP, Điều 13)").inputValue()).toBe("KT");
    expect(await field(sign, "Ký thay, thay mặt cho (ví dụ: Chủ tịch)").inputValue()).toBe("Chủ tịch");
    await field(sign, "Mật khẩu chữ ký số").fill(DEMO_PASSWORD);
    await screenshot(p, "documents-sign");
    await sign.getByRole("button", { name: "Duyệt và ký số" }).click();
    await p.locator('[data-testid="document-status"]', { hasText: "Đã ký, chờ phát hành" }).waitFor();
    const facts = (await p.getByTestId("document-facts").textContent()) ?? "";
    expect(facts).toContain("Nông Văn Thành");
    expect(facts).toContain("Ký thay (KT.) Chủ tịch");
  });

  it("the clerk issues it with the next number and the seal, and sends it to the 17 communes", async () => {
    const p = await as("vanthu.bachthong");
    await openBox(p, "issuing");
    await p.getByRole("link", { name: "Chưa có số" }).first().click();
    const issue = p.getByTestId("action-issue");
    await issue.waitFor();
    await expectAccessible(p, "the clerk's issuing screen");
    await field(issue, "Mật khẩu chữ ký số").fill(DEMO_PASSWORD);
    await issue.getByRole("button", { name: "Cấp số, đóng dấu số và phát hành" }).click();
    expect(await notice(p)).toContain(`Đã phát hành văn bản số ${NUMBER}.`);
    await p.getByTestId("action-send").getByRole("button", { name: "Gửi văn bản" }).click();
    await p.locator('[data-testid="document-status"]', { hasText: "Đã gửi" }).waitFor();
    const rows = p.getByTestId("recipients-table").locator("tbody tr");
    expect(await rows.count()).toBe(18);
    expect(await p.locator('tr[data-status="arrived"]').count()).toBe(17);
    expect(await p.locator('tr[data-recipient="Sở Nội vụ tỉnh Bắc Kạn"] td').nth(1).textContent()).toContain(
      "Đã gửi bản giấy",
    );
    await screenshot(p, "documents-sent");
  });

  it("the issued PDF has two valid signatures (pdfsig) and shows the number (pdftotext)", async () => {
    const p = await as("vanthu.bachthong");
    await p.goto(decisionUrl);
    await p.getByTestId("document-actions").waitFor();
    const href = await p.getByRole("link", { name: "Xem tệp PDF" }).getAttribute("href");
    const res = await context.request.get(href ?? "");
    expect(res.status()).toBe(200);
    const pdf = new Uint8Array(await res.body());
    if (hasPdfsig) expect(pdfsig(pdf).match(/Signature is Valid/g)?.length).toBe(2);
    const text = pdftotext(pdf);
    expect(text).toContain(NUMBER);
    expect(text).toContain("KT. CHỦ TỊCH");
  });

  it("Quang Thuận's clerk sees it urgent in the incoming box, signatures checked, and registers it as no. 1", async () => {
    const p = await as("vanthu.quangthuan");
    await openBox(p, "incoming");
    const row = p.locator(`tr[data-number="${NUMBER}"]`);
    expect(await row.locator(".doc-urgent").textContent()).toContain("Khẩn");
    await expectAccessible(p, "the incoming box");
    await screenshot(p, "documents-incoming");
    await openRow(p, NUMBER);
    // Checked on arrival: intact, and both chains reach the district's demo root, which the system trusts.
    expect(await p.getByTestId("signature-summary").textContent()).toBe(
      "Chữ ký số hợp lệ (2 chữ ký) Chứng thư số của người ký được hệ thống tin cậy.",
    );
    const signatures = await p.getByTestId("arrival-signature").allTextContents();
    expect(signatures[0]).toContain("Nông Văn Thành · Hợp lệ · Được hệ thống tin cậy");
    expect(signatures[1]).toContain("UBND huyện Bạch Thông · Hợp lệ · Được hệ thống tin cậy");
    await p.getByTestId("action-register").getByRole("button", { name: "Vào sổ văn bản đến" }).click();
    expect(await notice(p)).toContain("Đã vào sổ văn bản đến, số đến 1.");
    await expectAccessible(p, "a registered incoming document");
  });

  it("Phủ Thông's clerk registers it in the town's own register, also no. 1", async () => {
    const p = await as("vanthu.phuthong");
    await openBox(p, "incoming");
    await openRow(p, NUMBER);
    await p.getByTestId("action-register").getByRole("button", { name: "Vào sổ văn bản đến" }).click();
    expect(await notice(p)).toContain("Đã vào sổ văn bản đến, số đến 1.");
  });

  it("Quang Thuận's clerk receives a paper letter from outside and registers it next, as no. 2", async () => {
    const p = await as("vanthu.quangthuan");
    await openBox(p, "incoming");
    await p.getByRole("link", { name: "Tiếp nhận văn bản đến" }).click();
    await p.getByRole("heading", { level: 1, name: "Tiếp nhận văn bản đến" }).waitFor();
    await p.getByRole("button", { name: "Tiếp nhận" }).click();
    // Nothing filled in: every required field says so.
    expect(await p.locator('input[aria-invalid="true"]').count()).toBe(5);
    await field(p, "Tệp văn bản (PDF, JPG, PNG; tối đa 20 MB)").setInputFiles({
      name: "cong-van-so-tu-phap.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from(await samplePdf()),
    });
    await field(p, "Cơ quan ban hành").fill("Sở Tư pháp tỉnh Bắc Kạn");
    await field(p, "Số, ký hiệu của văn bản").fill("125/STP-HCTP");
    await field(p, "Ngày văn bản").fill("2026-12-01");
    await field(p, "Trích yếu nội dung").fill("Về việc hướng dẫn đăng ký hộ tịch trực tuyến");
    await expectAccessible(p, "receiving a document from outside");
    await p.getByRole("button", { name: "Tiếp nhận" }).click();
    await p.getByTestId("action-register").getByRole("button", { name: "Vào sổ văn bản đến" }).click();
    expect(await notice(p)).toContain("Đã vào sổ văn bản đến, số đến 2.");
    expect(await p.getByTestId("document-facts").textContent()).toContain("Sở Tư pháp tỉnh Bắc Kạn");
  });

  it("Quang Thuận's chairman assigns it to the specialist as lead", async () => {
    const p = await as("lanhdao.quangthuan");
    await openBox(p, "incoming");
    await openRow(p, NUMBER);
    const assign = p.getByTestId("action-assign");
    await selectByText(assign, "Cán bộ xử lý", "Ma Văn Chuyên");
    // Due today (in Việt Nam): "due soon" on any day, since it is not past and the working day before has come
    // (NĐ 30/2020 Điều 24; one working day ahead is motcua's choice).
    await field(assign, "Hạn xử lý").fill(TODAY_VN);
    await expectAccessible(p, "assigning an incoming document");
    await assign.getByRole("button", { name: "Giao xử lý" }).click();
    await p.locator('[data-testid="document-status"]', { hasText: "Đã giao xử lý" }).waitFor();
    expect(await p.getByTestId("assignments-table").textContent()).toContain("Chủ trì");
    // The "ĐẾN" stamp: the commune, incoming number 1, passed to the lead (NĐ 30/2020 Phụ lục IV).
    const stamp = (await p.getByTestId("arrival-stamp").textContent()) ?? "";
    expect(stamp).toContain("UBND xã Quang ThuậnĐẾNSố: 1");
    expect(stamp).toContain("Chuyển: Ma Văn Chuyên");
  });

  it("the specialist finds it in My tasks, replies with a linked công văn and marks it done", async () => {
    const p = await as("chuyenvien.quangthuan");
    await openBox(p, "tasks");
    // Marked due soon in words and colour, with its due date.
    const row = p.locator(`tr[data-number="${NUMBER}"]`);
    await row.getByText("Sắp đến hạn").waitFor();
    const [y, m, d] = TODAY_VN.split("-");
    expect(await row.textContent()).toContain(`Hạn xử lý: ${d}/${m}/${y}`);
    expect(await row.getAttribute("data-timing")).toBe("due_soon");
    await expectAccessible(p, "my tasks with a due-soon assignment");
    await openRow(p, NUMBER);
    const incomingUrl = new URL(p.url()).searchParams.get("id");
    await p.getByRole("link", { name: "Trả lời bằng văn bản" }).click();
    await p.getByRole("heading", { level: 1, name: "Soạn văn bản trả lời" }).waitFor();
    await p.getByText(`Trả lời văn bản: ${NUMBER}`).waitFor();
    await selectByText(p, "Loại văn bản (Nghị định 30/2020/NĐ-CP, Phụ lục III)", "Công văn");
    await field(p, "Trích yếu nội dung").fill("Báo cáo triển khai Kế hoạch cải cách hành chính năm 2027");
    await field(p, "Nội dung văn bản").fill(
      `UBND xã Quang Thuận báo cáo việc triển khai Quyết định số ${NUMBER}.`,
    );
    await field(p, "Chữ viết tắt đơn vị soạn thảo (công văn, ví dụ VP)").fill("VP");
    expect(await p.getByLabel("Đơn vị cấp trên: UBND huyện Bạch Thông").isChecked()).toBe(true);
    await p.getByRole("button", { name: "Lưu dự thảo" }).click();
    await p.getByText("Đã lưu dự thảo văn bản trả lời.").waitFor();
    expect(new URL(p.url()).searchParams.get("id")).toBe(incomingUrl);
    await p.getByTestId("action-done").getByRole("button", { name: "Hoàn thành xử lý" }).click();
    await p.locator('[data-testid="document-status"]', { hasText: "Đã xử lý xong" }).waitFor();
    // The reply draft names what it answers.
    await p.getByRole("link", { name: "Mở dự thảo trả lời" }).click();
    await p.getByTestId("document-facts").getByText("Trả lời văn bản").waitFor();
  });

  it("the district sees each commune's status: done, registered with its number, arrived", async () => {
    const p = await as("vanthu.bachthong");
    await p.goto(decisionUrl);
    await p.getByTestId("recipients-table").waitFor();
    const cells = async (name: string) => p.locator(`tr[data-recipient="${name}"] td`).allTextContents();
    const qt = await cells("UBND xã Quang Thuận");
    // Cells: recipient, status, incoming number, updated.
    expect(qt.slice(0, 3)).toEqual(["UBND xã Quang Thuận", "Đã xử lý xong", "1"]);
    const pt = await cells("UBND thị trấn Phủ Thông");
    expect(pt.slice(0, 3)).toEqual(["UBND thị trấn Phủ Thông", "Đã vào sổ", "1"]);
    expect((await cells("UBND xã Cao Sơn")).slice(0, 3)).toEqual(["UBND xã Cao Sơn", "Đã đến", ""]);
    await screenshot(p, "documents-recipients");
    await expectAccessible(p, "the sender's per-recipient status");
  });

  it("the clerk reads the outgoing register and downloads it as PDF and XLSX", async () => {
    const p = await as("vanthu.bachthong");
    await p.getByRole("link", { name: "Sổ văn bản", exact: true }).first().click();
    await p.getByRole("heading", { level: 1, name: "Sổ đăng ký văn bản" }).waitFor();
    await p.getByRole("button", { name: "Xem sổ" }).click();
    const table = p.getByTestId("register-table");
    await table.waitFor();
    expect(await table.locator("tbody tr").first().textContent()).toContain(NUMBER);
    expect(await table.locator("thead").textContent()).toContain("Số, ký hiệu văn bản");
    await expectAccessible(p, "the document registers");
    await screenshot(p, "documents-registers");
    const pdfHref = await p.getByRole("link", { name: "Tải PDF" }).getAttribute("href");
    const pdf = await context.request.get(pdfHref ?? "");
    expect(pdf.status()).toBe(200);
    expect(pdftotext(new Uint8Array(await pdf.body()))).toContain(NUMBER);
    const xlsxHref = await p.getByRole("link", { name: "Tải XLSX" }).getAttribute("href");
    const xlsx = await context.request.get(xlsxHref ?? "");
    expect(
      Buffer.from(await xlsx.body())
        .subarray(0, 2)
        .toString("latin1"),
    ).toBe("PK");
  });

  it("the clerk opens a work file of the year and exports it with the Phụ lục VI metadata", async () => {
    const p = await as("vanthu.bachthong");
    await openBox(p, "all");
    await p.getByRole("link", { name: "Hồ sơ công việc" }).click();
    await p.getByRole("heading", { level: 1, name: "Hồ sơ công việc" }).waitFor();
    await field(p, "Số và ký hiệu hồ sơ").fill("01.VP");
    await field(p, "Tiêu đề hồ sơ").fill("Hồ sơ cải cách hành chính");
    await field(p, "Thời hạn bảo quản (năm; để trống nếu vĩnh viễn)").fill("10");
    await p.getByRole("button", { name: "Mở hồ sơ" }).click();
    expect(await notice(p)).toContain("Đã mở hồ sơ 01.VP.");
    const row = p.locator('tr[data-notation="01.VP"]');
    expect(await row.textContent()).toContain("10 năm");
    await expectAccessible(p, "work files");
    await screenshot(p, "documents-work-files");
    const href = await row.getByRole("link", { name: /XML/ }).getAttribute("href");
    const xml = await (await context.request.get(href ?? "")).text();
    // FileCode = OrganId (the district's code) . FileCatalog (the year) . FileNotation.
    expect(xml).toMatch(/<FileCode>000\.00\.31\.H06\.\d{4}\.01\.VP<\/FileCode>/);
    expect(xml).toContain("<Maintenance>10 năm</Maintenance>");
    expect(xml).toContain("<DocTotal>0</DocTotal>");
  });

  it("the leader approves the year's list and closes the file; the clerk hands it to the archive", async () => {
    const leader = await as("lanhdao.bachthong");
    await openBox(leader, "all");
    // The issued decision is filed into the open file from its page.
    await openRow(leader, NUMBER);
    await field(leader, "Hồ sơ công việc").selectOption({ label: "01.VP — Hồ sơ cải cách hành chính" });
    await leader.getByRole("button", { name: "Đưa vào hồ sơ" }).click();
    expect(await notice(leader)).toContain("Đã cập nhật hồ sơ của văn bản.");
    await expectAccessible(leader, "document page with its work file");
    await openBox(leader, "all");
    await leader.getByRole("link", { name: "Hồ sơ công việc" }).click();
    await leader.getByRole("heading", { level: 1, name: "Hồ sơ công việc" }).waitFor();
    const row = leader.locator('tr[data-notation="01.VP"]');
    await row.getByRole("cell", { name: "1", exact: true }).waitFor();
    expect(await row.textContent()).toContain("Chờ thủ trưởng duyệt danh mục");
    await leader.getByRole("button", { name: "Duyệt danh mục hồ sơ" }).click();
    expect(await notice(leader)).toContain("Đã duyệt 1 hồ sơ trong danh mục.");
    await row.getByRole("button", { name: /Kết thúc hồ sơ/ }).waitFor();
    await row.getByRole("button", { name: /Kết thúc hồ sơ/ }).click();
    // The hand-over is due 1 year after the work ended (Luật Lưu trữ 2011 Điều 11(1)(a)).
    expect(await notice(leader)).toMatch(/Đã kết thúc hồ sơ 01\.VP; hạn nộp lưu \d{2}\/\d{2}\/\d{4}\./);
    // The notice shows as soon as the server answers; the table refreshes after it.
    await row.filter({ hasText: "Đã đóng" }).waitFor();
    await expectAccessible(leader, "work files, closed");

    const clerk = await as("vanthu.bachthong");
    await openBox(clerk, "all");
    await clerk.getByRole("link", { name: "Hồ sơ công việc" }).click();
    const clerkRow = clerk.locator('tr[data-notation="01.VP"]');
    await clerkRow.getByRole("button", { name: /Nộp lưu/ }).click();
    await field(clerk, "Số biên bản giao nhận").fill("01/BB-VP");
    await expectAccessible(clerk, "work files, hand-over form");
    await clerk.getByRole("button", { name: "Nộp lưu", exact: true }).click();
    expect(await notice(clerk)).toContain("Đã nộp lưu hồ sơ 01.VP.");
    await clerkRow.filter({ hasText: "Đã nộp lưu" }).waitFor();
  });

  it("Quang Thuận's clerk files a returned dossier's result into a work file by its code, once", async () => {
    const p = await as("vanthu.quangthuan");
    // The demo's dossier returned at the counter (its result 112/TLHT-BS), as the clerk would read its code.
    const found = (await (await context.request.get("/api/v1/dossiers?status=returned")).json()) as {
      items: { code: string }[];
    };
    const code = found.items[0]?.code ?? "";
    expect(code).toMatch(/^000\.17\.31\.H06-/);
    await openBox(p, "all");
    await p.getByRole("link", { name: "Hồ sơ công việc" }).click();
    await p.getByRole("heading", { level: 1, name: "Hồ sơ công việc" }).waitFor();
    await field(p, "Số và ký hiệu hồ sơ").fill("01.HT");
    await field(p, "Tiêu đề hồ sơ").fill("Hồ sơ giải quyết thủ tục hành chính lĩnh vực hộ tịch");
    await p.getByRole("button", { name: "Mở hồ sơ" }).click();
    expect(await notice(p)).toContain("Đã mở hồ sơ 01.HT.");
    await field(p, "Mã hồ sơ TTHC").fill(code);
    await p.getByRole("button", { name: "Đưa vào hồ sơ" }).click();
    await p.locator(".alert-success", { hasText: `Đã đưa kết quả hồ sơ ${code} vào hồ sơ 01.HT.` }).waitFor();
    const row = p.locator('tr[data-notation="01.HT"]');
    await row.filter({ hasText: "1 kết quả TTHC" }).waitFor();
    await row.getByRole("button", { name: /Xem/ }).click();
    const listed = p.getByTestId("work-file-dossiers");
    await listed.waitFor();
    expect(await listed.textContent()).toContain(code);
    expect(await listed.textContent()).toContain("112/TLHT-BS");
    await expectAccessible(p, "work files with a dossier result");
    // The same dossier a second time: refused with the server's message.
    await field(p, "Mã hồ sơ TTHC").fill(code);
    await p.getByRole("button", { name: "Đưa vào hồ sơ" }).click();
    await p.locator(".alert-error", { hasText: "đã được đưa vào một hồ sơ công việc" }).waitFor();
    // From the page of the demo's dossier whose result waits at the desk (58/2026/CT-HĐ): into the same file.
    const ready = (await (await context.request.get("/api/v1/dossiers?status=result_ready")).json()) as {
      items: { id: string; code: string }[];
    };
    const waiting = ready.items[0];
    expect(waiting).toBeDefined();
    await p.goto(`/app/dossiers/view?id=${waiting?.id}`);
    const panel = p.getByTestId("dossier-into-work-file");
    await panel.getByRole("button", { name: "Đưa vào hồ sơ" }).click();
    await panel
      .locator(".alert-success", { hasText: `Đã đưa kết quả hồ sơ ${waiting?.code} vào hồ sơ 01.HT.` })
      .waitFor();
    await expectAccessible(p, "dossier page with its work file");
  });

  it("reads in English", async () => {
    const p = await as("vanthu.bachthong");
    await openBox(p, "outgoing");
    await p.getByRole("button", { name: /English/ }).click();
    await p.getByRole("heading", { level: 1, name: "Documents" }).waitFor();
    await p.getByRole("link", { name: "Outgoing" }).waitFor();
    await expectAccessible(p, "the documents inbox in English");
  });
});
