import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { realCatalog } from "../src/domain/catalog/catalog.ts";
import { DEMO_CITIZEN_PASSWORD, DEMO_CITIZENS } from "../src/seed/demo-citizens.ts";
import { field, login } from "./support/app.ts";
import { launchBrowser, newContext, watchConsole } from "./support/browser.ts";
import { type ProductServer, startServer } from "./support/server.ts";

/**
 * Every procedure the catalog offers online can be filed online (issue 23, Done-when): the list of procedures comes
 * from the shipped catalog, not from this file. One procedure (Đăng ký giám hộ, an e-form built from the catalog,
 * with a case) goes through the browser from the catalog page's "Nộp hồ sơ trực tuyến", signing in after "Bắt đầu";
 * every other one is filed through the same HTTP API the filing pages call, from the same signed-in page; then the
 * reception officer's default inbox ("Việc cần làm") lists every one with its acceptance deadline.
 */

const UNIT_CODE = "000.17.31.H06";
const RECEPTION = "tiepnhan.quangthuan";
const BY_BROWSER = "dang-ky-giam-ho";
const CITIZEN = DEMO_CITIZENS[0] as (typeof DEMO_CITIZENS)[number];
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

/** Every procedure of the shipped catalog offered online at commune level (the demo communes offer them all). */
const ONLINE = realCatalog()
  .filter((p) => p.onlineLevel !== "none" && p.levels.includes("commune"))
  .map((p) => p.id);

let server: ProductServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const references = new Map<string, string>();

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await newContext(browser, { baseURL: server.url });
  page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const watched = watchConsole(page);
  afterAllChecks.push(() => expect(watched).toEqual([]));
});

const afterAllChecks: (() => void)[] = [];
afterAll(async () => {
  for (const check of afterAllChecks) check();
  await context?.close();
  await browser?.close();
  await server?.stop();
});

type Field = {
  id: string;
  type: string;
  required: boolean;
  options?: { value: string }[];
  range?: string;
  notBefore?: string | null;
  min?: number | null;
  mustBeTrue?: boolean;
};
type EForm = {
  definition: { pages: { fields: Field[] }[] };
  procedure: { cases: { id: string }[] };
  components: { cases: string[] | null }[];
  returnMethods: string[];
};
type Draft = { id: string; version: number; components: { componentId: string; required: boolean }[] };

/** A value of the field's type that its checks accept (the profile fills the applicant's own fields). */
function sampleValue(f: Field): unknown {
  switch (f.type) {
    case "text":
      return f.id.toLowerCase().includes("phone") ? "0912000101" : "Nội dung kiểm thử";
    case "number":
      return Math.max(1, f.min ?? 1);
    case "date":
      return f.range === "future"
        ? "2027-06-01"
        : (f.notBefore ?? "2020-01-15") > "2020-01-15"
          ? f.notBefore
          : "2020-01-15";
    case "select":
      return f.options?.[0]?.value;
    case "checkbox":
      return true;
    case "address":
      return { detail: "Thôn Nà Phặc", commune: "Phủ Thông", district: null, province: "Thái Nguyên" };
    case "identity":
      return CITIZEN.identityNumber;
    default:
      return undefined;
  }
}

/** A JSON call from inside the signed-in page, with the CSRF token, as the filing pages make it. */
async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const result = await page.evaluate(
    async ({ method, path, body }) => {
      // One CSRF token for the page, as the app keeps it.
      const w = window as unknown as { csrfToken?: string };
      w.csrfToken ??= ((await (await fetch("/api/v1/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
      const response = await fetch(`/api/v1${path}`, {
        method,
        headers: { "content-type": "application/json", "x-csrf-token": w.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, text: await response.text() };
    },
    { method, path, body },
  );
  expect(result.status, `${method} ${path}: ${result.text}`).toBeLessThan(300);
  return JSON.parse(result.text) as T;
}

/** Files one procedure through the API: a draft, answers for every question, one upload per required paper. */
async function fileByApi(slug: string): Promise<string> {
  const eform = await call<EForm>("GET", `/portal/procedures/${slug}/eform`);
  const caseId = eform.components.some((c) => c.cases) ? (eform.procedure.cases[0]?.id ?? null) : null;
  let draft = await call<Draft>("POST", "/portal/dossiers", { procedure: slug, unit: UNIT_CODE, caseId });
  const prefilled = (draft as unknown as { answers: Record<string, unknown> }).answers;
  const answers: Record<string, unknown> = {};
  for (const f of eform.definition.pages.flatMap((p) => p.fields)) {
    if (prefilled[f.id] === undefined) answers[f.id] = sampleValue(f);
  }
  draft = await call<Draft>("PATCH", `/portal/dossiers/${draft.id}/draft`, {
    version: draft.version,
    answers,
    returnMethod: "counter",
  });
  let version = draft.version;
  for (const c of draft.components.filter((x) => x.required)) {
    version = (
      await call<{ version: number }>("POST", `/portal/dossiers/${draft.id}/uploads`, {
        version,
        componentId: c.componentId,
        filename: `${c.componentId}.png`,
        file: PNG.toString("base64"),
      })
    ).version;
  }
  const review = await call<{ ready: boolean; errors: unknown[] }>(
    "GET",
    `/portal/dossiers/${draft.id}/review`,
  );
  expect(review.errors, slug).toEqual([]);
  expect(review.ready, slug).toBe(true);
  return (await call<{ reference: string }>("POST", `/portal/dossiers/${draft.id}/submit`, { version }))
    .reference;
}

describe("every procedure listed online can be filed online", () => {
  it("lists online exactly the catalog's online procedures, each offered by the demo commune", async () => {
    const listed: string[] = [];
    for (const online of ["full", "partial"]) {
      const res = await fetch(`${server.url}/api/v1/procedures?online=${online}&limit=100`);
      const body = (await res.json()) as { items: { slug: string }[] };
      listed.push(...body.items.map((i) => i.slug));
    }
    expect(listed.sort()).toEqual([...ONLINE].sort());
    const offered = (await (
      await fetch(`${server.url}/api/v1/portal/online-procedures?unit=${UNIT_CODE}`)
    ).json()) as {
      items: { procedure: { slug: string }; hasEForm: boolean }[];
    };
    expect(offered.items.map((i) => i.procedure.slug).sort()).toEqual([...ONLINE].sort());
  });

  it("files Đăng ký giám hộ in the browser from the catalog page, signing in after one 'Bắt đầu'", async () => {
    await page.goto(`/thu-tuc/${BY_BROWSER}?unit=${encodeURIComponent(UNIT_CODE)}`);
    await page.getByTestId("file-online").click();
    await page.waitForURL((url) => url.pathname === `/portal/thu-tuc/${BY_BROWSER}`);
    expect(new URL(page.url()).searchParams.get("unit")).toBe(UNIT_CODE);
    await page.getByTestId("start-components").waitFor();
    await page.getByRole("radio", { name: "Đăng ký giám hộ cử" }).check();
    await page
      .getByTestId("start-components")
      .getByText("Văn bản cử người giám hộ", { exact: false })
      .waitFor();
    // The unit chosen on the catalog page comes along, chosen.
    expect(await page.locator("#start-unit").inputValue()).toBe(UNIT_CODE);
    await page.getByTestId("start-button").click();
    await page.waitForURL((url) => url.pathname === "/portal/dang-nhap");
    await field(page, "Số định danh cá nhân, e-mail hoặc số điện thoại").fill(CITIZEN.email);
    await field(page, "Mật khẩu").fill(DEMO_CITIZEN_PASSWORD);
    await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
    // No second "Bắt đầu": signing in lands on the e-form's first page.
    await page.waitForURL((url) => /^\/portal\/nop\/[0-9a-f-]{36}\/trang-1$/.test(url.pathname));
    expect(await field(page, "Họ, chữ đệm, tên người nộp hồ sơ").inputValue()).toBe(CITIZEN.fullName);
    await page.getByRole("button", { name: "Tiếp tục" }).click();
    await page.waitForURL((url) => url.pathname.endsWith("/trang-2"));
    await field(page, "Nội dung đề nghị").fill("Đăng ký giám hộ cho cháu Hoàng Văn Nhỏ");
    await page.locator("#f-declaration").check();
    await page.getByRole("button", { name: "Tiếp tục" }).click();
    await page.waitForURL((url) => /\/(nhan-ket-qua|giay-to)$/.test(url.pathname));
    if (new URL(page.url()).pathname.endsWith("/nhan-ket-qua")) {
      await page
        .getByRole("radio", { name: /quầy|Bộ phận một cửa/ })
        .first()
        .check();
      await page.getByRole("button", { name: "Tiếp tục" }).click();
    }
    await page.waitForURL((url) => url.pathname.endsWith("/giay-to"));
    const inputs = page.locator('input[type="file"]');
    expect(await inputs.count()).toBe(3);
    for (let i = 0; i < 3; i++) {
      await inputs.nth(i).setInputFiles({ name: `giay-to-${i}.png`, mimeType: "image/png", buffer: PNG });
      await page.locator(`[data-upload="giay-to-${i}.png"]`).waitFor();
    }
    await page.getByRole("button", { name: "Tiếp tục" }).click();
    await page.waitForURL((url) => url.pathname.endsWith("/kiem-tra"));
    await page.getByTestId("submit-dossier").click();
    await page.waitForURL((url) => url.pathname.endsWith("/da-nop"));
    const reference = ((await page.getByTestId("confirmation-reference").textContent()) ?? "").trim();
    expect(reference).toMatch(/^DVC-/);
    references.set(BY_BROWSER, reference);
  });

  it("files every other online procedure through the filing API from the same page", async () => {
    for (const slug of ONLINE.filter((s) => s !== BY_BROWSER)) {
      references.set(slug, await fileByApi(slug));
    }
    expect(references.size).toBe(ONLINE.length);
  });

  it("shows every one in the reception officer's default inbox with its acceptance deadline", async () => {
    await page.goto("/portal");
    await context.clearCookies();
    await login(page, RECEPTION);
    await page.goto("/app/dossiers");
    const table = page.getByTestId("inbox-table");
    await table.waitFor();
    for (const [slug, reference] of references) {
      const row = table.locator("tr", { has: page.getByRole("link", { name: reference, exact: true }) });
      expect(await row.count(), `${slug} ${reference}`).toBe(1);
      expect(await row.getByTestId("acceptance-due").textContent(), slug).toMatch(/Hạn tiếp nhận: \d/);
    }
  });
});
