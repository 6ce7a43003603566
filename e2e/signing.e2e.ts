import { readFileSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { SigningCredential, SignResult } from "../src/contracts/signing.ts";
import { DEMO_SIGNING } from "../src/seed/demo-signing.ts";
import { fixturePath, samplePdf } from "../src/signing/test-support.ts";
import { apiFromPage, field, login } from "./support/app.ts";
import { expectAccessible, launchBrowser, newContext, screenshot, watchConsole } from "./support/browser.ts";
import { type ProductServer, startServer } from "./support/server.ts";

let server: ProductServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];
/** The demo document signed by the commune's chairman, then sealed by its clerk (through the API). */
let signed: SignResult;

async function openPage(): Promise<Page> {
  context = await newContext(browser, { baseURL: server.url });
  page = await context.newPage();
  page.setDefaultTimeout(20_000);
  problems = watchConsole(page);
  return page;
}

async function getFromPage<T>(p: Page, path: string): Promise<T> {
  return p.evaluate(async (url) => (await (await fetch(`/api/v1${url}`)).json()) as T, path);
}

/** Signs in the browser as `username` and signs through the API with the demo credential of `mode`. */
async function signAs(
  username: string,
  mode: "personal" | "seal",
  document: { file: string } | { fileId: string },
): Promise<SignResult> {
  const p = await openPage();
  await login(p, username);
  const list =
    mode === "personal"
      ? await getFromPage<{ items: SigningCredential[] }>(p, "/signing/credentials")
      : await getFromPage<{ items: SigningCredential[] }>(
          p,
          `/signing/units/${(await getFromPage<{ unit: { id: string } }>(p, "/auth/me")).unit.id}/credentials`,
        );
  const credential = list.items[0];
  if (!credential) throw new Error(`no ${mode} credential for ${username}`);
  const res = await apiFromPage<SignResult>(p, "POST", "/signing/sign", {
    ...document,
    credentialId: credential.id,
    password: DEMO_SIGNING.password,
    mode,
    authority: "TM. ỦY BAN NHÂN DÂN",
  });
  if (res.status !== 201) throw new Error(`sign as ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  await context.close();
  return res.body;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const pdf = Buffer.from(await samplePdf()).toString("base64");
  const first = await signAs(DEMO_SIGNING.leader.username, "personal", { file: pdf });
  signed = await signAs("vanthu.quangthuan", "seal", { fileId: first.file.id });
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

async function verifyUpload(p: Page, name: string, bytes: Buffer): Promise<void> {
  await p.goto("/kiem-tra-chu-ky");
  await p.getByRole("heading", { level: 1, name: "Kiểm tra chữ ký số" }).waitFor();
  await field(p, "Tệp PDF đã ký số").setInputFiles({ name, mimeType: "application/pdf", buffer: bytes });
  await p.getByRole("button", { name: "Kiểm tra" }).click();
  await p.getByTestId("verify-summary").waitFor();
}

describe("the public page Kiểm tra chữ ký số", () => {
  it("is in the portal menu", async () => {
    await openPage();
    await page.goto("/");
    await page
      .getByRole("navigation", { name: "Điều hướng cổng thông tin" })
      .getByRole("link", { name: "Kiểm tra chữ ký số" })
      .click();
    await page.waitForURL("**/kiem-tra-chu-ky");
    await page.getByRole("heading", { level: 1, name: "Kiểm tra chữ ký số" }).waitFor();
  });

  it("shows a signed PDF as valid, signature by signature, and passes axe", async () => {
    await openPage();
    await verifyUpload(page, "quyet-dinh-da-ky.pdf", Buffer.from(signed.pdf, "base64"));
    const summary = page.getByTestId("verify-summary");
    expect(await summary.getAttribute("data-outcome")).toBe("valid");
    expect(await summary.textContent()).toContain("2 chữ ký số hợp lệ");
    const cards = page.getByTestId("signature");
    expect(await cards.count()).toBe(2);
    expect(await page.getByTestId("signature-status").allTextContents()).toEqual(["Hợp lệ", "Hợp lệ"]);
    const first = (await cards.nth(0).textContent()) ?? "";
    expect(first).toContain(DEMO_SIGNING.leader.name);
    expect(first).toContain(DEMO_SIGNING.agencyName);
    expect(first).toContain("Còn nguyên vẹn");
    expect(first).toContain("Chỉ có thêm chữ ký số khác");
    expect(first).toContain("giờ Việt Nam");
    const second = (await cards.nth(1).textContent()) ?? "";
    expect(second).toContain(`Chữ ký số thứ 2: ${DEMO_SIGNING.agencyName}`);
    // The demo root is trusted in demo mode.
    expect(await page.getByTestId("signature-chain").allTextContents()).toEqual([
      "Được hệ thống tin cậy",
      "Được hệ thống tin cậy",
    ]);
    await screenshot(page, "signing-verify-valid");
    await expectAccessible(page, "verification of a valid document");
  });

  it("shows a document changed after signing in red", async () => {
    await openPage();
    const bytes = Buffer.from(signed.pdf, "base64");
    const text = bytes.toString("latin1");
    const at = text.indexOf("stream\n", text.indexOf("/Filter /FlateDecode")) + "stream\n".length + 10;
    bytes[at] = bytes[at] === 0x41 ? 0x42 : 0x41;
    await verifyUpload(page, "da-sua.pdf", bytes);
    const summary = page.getByTestId("verify-summary");
    expect(await summary.getAttribute("data-outcome")).toBe("bad");
    expect(await summary.textContent()).toContain("đã bị sửa đổi sau khi ký");
    expect(await page.getByTestId("signature-status").allTextContents()).toEqual([
      "Đã bị sửa đổi",
      "Đã bị sửa đổi",
    ]);
    await screenshot(page, "signing-verify-modified");
    await expectAccessible(page, "verification of a modified document");
  });

  it("verifies an issued document from its link, and says when a file has no signature", async () => {
    await openPage();
    await page.goto(`/kiem-tra-chu-ky?file=${signed.file.id}`);
    await page.getByTestId("verify-summary").waitFor();
    expect(await page.getByTestId("verify-result").textContent()).toContain(
      `Văn bản do ${DEMO_SIGNING.agencyName} phát hành`,
    );
    await verifyUpload(page, "chua-ky.pdf", Buffer.from(await samplePdf()));
    expect(await page.getByTestId("verify-summary").textContent()).toContain("Không tìm thấy chữ ký số");
    // Without a file chosen the field says so.
    await field(page, "Tệp PDF đã ký số").setInputFiles([]);
    await page.getByRole("button", { name: "Kiểm tra" }).click();
    await page.getByText("Chọn một tệp PDF.").waitFor();
  });
});

describe("signing certificates in the staff area", () => {
  it("the leader sees the demo certificate under Chữ ký số của tôi", async () => {
    await openPage();
    await login(page, DEMO_SIGNING.leader.username);
    await page.goto("/app/signing");
    await page.getByRole("heading", { level: 1, name: "Chữ ký số của tôi" }).waitFor();
    const table = page.getByTestId("credential-table");
    await table.waitFor();
    expect(await table.textContent()).toContain(DEMO_SIGNING.leader.name);
    expect(await table.textContent()).toContain("Đang dùng");
    await screenshot(page, "signing-my-certificates");
    await expectAccessible(page, "my signing certificates");
  });

  it("the system administrator adds and removes a trusted root", async () => {
    await openPage();
    await login(page, "admin");
    await page.goto("/app/signing/admin");
    await page.getByRole("heading", { level: 1, name: "Quản trị chữ ký số" }).waitFor();
    await page.getByTestId("root-table").waitFor();
    await field(page, "Tệp chứng thư gốc (.cer, .crt, .pem)").setInputFiles({
      name: "root.pem",
      mimeType: "application/x-pem-file",
      buffer: readFileSync(fixturePath("test-root-ca.pem")),
    });
    await page.getByRole("button", { name: "Thêm vào danh sách tin cậy" }).click();
    await page.getByTestId("notice").waitFor();
    // The notice shows as soon as the server answers; the table refreshes after it. The demo trusts two roots:
    // the commune's (seedDemoSigning) and the district's (seedDemoDocumentSigning); the added one makes three.
    await expect.poll(() => page.getByTestId("root-table").locator("tbody tr").count()).toBe(3);
    await screenshot(page, "signing-admin");
    await expectAccessible(page, "signing administration");
    await page
      .getByRole("button", { name: /^Bỏ tin cậy chứng thư gốc/ })
      .last()
      .click();
    await page.getByRole("dialog").getByRole("button", { name: "Bỏ tin cậy" }).click();
    await expect.poll(() => page.getByTestId("root-table").locator("tbody tr").count()).toBe(2);
  });
});
