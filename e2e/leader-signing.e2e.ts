import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DossierList } from "../src/contracts/dossiers.ts";
import { DEMO_SIGNING } from "../src/seed/demo-signing.ts";
import { hasPdfsig, pdfsig, samplePdf } from "../src/signing/test-support.ts";
import { field, login, logout } from "./support/app.ts";
import { expectAccessible, launchBrowser, newContext, screenshot, watchConsole } from "./support/browser.ts";
import { type ProductServer, startServer } from "./support/server.ts";

/**
 * The leader's step "… xem xét, ký" (issue 23, item 7): the specialist forwards a demo dossier with its drafted
 * result; the demo leader opens it, sees the result to approve, signs it there with the personal demo credential
 * and the dossier moves on to issuing. The signed PDF verifies in poppler's pdfsig. The actions that end a dossier
 * stand apart from the main one.
 */

let server: ProductServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];
let dossierId = "";

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await newContext(browser, { baseURL: server.url });
  page = await context.newPage();
  page.setDefaultTimeout(20_000);
  problems = watchConsole(page);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

afterEach(() => {
  // No CSP violation, no uncaught exception, no failed script on the pages the test visited.
  expect(problems).toEqual([]);
});

async function getFromPage<T>(path: string): Promise<T> {
  return page.evaluate(async (url) => (await (await fetch(`/api/v1${url}`)).json()) as T, path);
}

describe("the leader signs the result on the dossier page", () => {
  it("the specialist forwards a demo dossier to the leader with the drafted result", async () => {
    await login(page, "chuyenvien.quangthuan");
    const inbox = await getFromPage<DossierList>("/dossiers/inbox?box=todo");
    const mine = inbox.items.find((d) => d.task?.role === "specialist" && d.task.transferId === null);
    if (!mine) throw new Error("no demo dossier at the specialist's step");
    dossierId = mine.id;
    await page.goto(`/app/dossiers/view?id=${dossierId}`);
    await page.locator('button[data-action="forward"]').click();
    const dialog = page.locator("dialog[open]");
    await dialog.waitFor();
    await dialog.locator('input[type="file"]').setInputFiles({
      name: "du-thao-ket-qua.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from(await samplePdf()),
    });
    await dialog.getByText("du-thao-ket-qua.pdf").waitFor();
    await dialog.getByTestId("dialog-submit").click();
    await page.getByTestId("notice").waitFor();
    await logout(page);
  });

  it("the leader sees the drafted result, with the ending actions set apart", async () => {
    await login(page, DEMO_SIGNING.leader.username);
    await page.goto(`/app/dossiers/view?id=${dossierId}`);
    const panel = page.getByTestId("result-to-sign");
    await panel.getByRole("heading", { name: "Kết quả trình ký" }).waitFor();
    await expect(panel.getByTestId("result-draft").textContent()).resolves.toContain("du-thao-ket-qua.pdf");
    // The main action is signing; reject (an ending action) sits in its own group, not beside it.
    const danger = page.getByTestId("danger-actions");
    await expect(danger.locator('button[data-action="reject"]').count()).resolves.toBe(1);
    await expect(danger.locator('button[data-action="approve"]').count()).resolves.toBe(0);
    const signBox = await panel.locator('button[data-action="sign_result"]').boundingBox();
    const rejectBox = await danger.locator('button[data-action="reject"]').boundingBox();
    expect(signBox && rejectBox).toBeTruthy();
    // Reject asks first: its dialog opens and cancelling changes nothing.
    await danger.locator('button[data-action="reject"]').click();
    await page.locator("dialog[open]").waitFor();
    await page.locator("dialog[open]").getByRole("button", { name: "Hủy" }).click();
    await expect(page.getByTestId("dossier-step").textContent()).resolves.toContain("ký");
    await expectAccessible(page, "leader-sign-step");
    await screenshot(page, "leader-sign-step");
  });

  it("signs it there, the dossier moves on, and the signed PDF verifies in pdfsig", async () => {
    await page.locator('button[data-action="sign_result"]').click();
    const dialog = page.locator("dialog[open]");
    await dialog.waitFor();
    // The leader's credentials load after the dialog opens.
    await expect.poll(() => field(dialog, "Chứng thư số").locator("option").count()).toBeGreaterThan(0);
    await field(dialog, "Mật khẩu chứng thư số").fill(DEMO_SIGNING.password);
    await expectAccessible(page, "leader-sign-dialog");
    await dialog.getByTestId("dialog-submit").click();
    await page.getByTestId("notice").waitFor();
    const signed = page.getByTestId("signed-result");
    await signed.waitFor();
    await expect(signed.textContent()).resolves.toContain(DEMO_SIGNING.leader.name);
    // Moved on: the open step is no longer the leader's, and the leader has nothing left to approve.
    await expect(page.locator('button[data-action="approve"]').count()).resolves.toBe(0);
    await expect(page.locator('button[data-action="sign_result"]').count()).resolves.toBe(0);
    await screenshot(page, "leader-signed");

    const href = (await signed.getByRole("link").first().getAttribute("href")) ?? "";
    const bytes = await page.evaluate(async (url) => {
      const buffer = await (await fetch(url)).arrayBuffer();
      return Array.from(new Uint8Array(buffer));
    }, href);
    const pdf = new Uint8Array(bytes);
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe("%PDF-");
    if (hasPdfsig) {
      const output = pdfsig(pdf);
      expect(output).toContain("Signature Validation: Signature is Valid.");
      expect(output).toContain(`Signer Certificate Common Name: ${DEMO_SIGNING.leader.name}`);
      expect(output).toContain("Total document signed");
    }
  });
});
