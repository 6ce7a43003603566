import type { Locator, Page } from "playwright-core";
import { DEMO_PASSWORD } from "../../src/seed/demo-units.ts";

export { DEMO_PASSWORD };

/** An input by its visible label, which may end with the required-field mark " *". */
export function field(scope: Page | Locator, label: string): Locator {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return scope.getByLabel(new RegExp(`^${escaped}( \\*)?$`));
}

/** Signs in through the login form (Vietnamese labels) and waits for the staff home page. */
export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await field(page, "Tên đăng nhập").fill(username);
  await field(page, "Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL((url) => url.pathname.startsWith("/app"));
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole("button", { name: /Đăng xuất|Sign out/ }).click();
  await page.waitForURL((url) => url.pathname === "/login");
}

/** The ids of the menu entries the page shows (data-nav of each link in the main menu). */
export async function menuEntries(page: Page): Promise<string[]> {
  const links = page.locator("#staff-nav a[data-nav]");
  // The officers' workspace loads on demand after sign-in: wait for its header (the menu may rightly be empty).
  await page.getByTestId("header-unit").waitFor();
  return links.evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-nav") ?? ""));
}

/** A state-changing API call from inside the signed-in page, with its CSRF token, as the app makes it. */
export async function apiFromPage<T>(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const csrf = (await (await fetch("/api/v1/auth/csrf", { credentials: "same-origin" })).json()) as {
        csrfToken: string;
      };
      const response = await fetch(`/api/v1${path}`, {
        method,
        credentials: "same-origin",
        headers: { "content-type": "application/json", "x-csrf-token": csrf.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as T };
    },
    { method, path, body },
  );
}

/**
 * Picks the <option> whose text contains `text` (option labels of unit pickers are indented by level). Many lists
 * (officers, credentials, units) arrive after the form renders: the option is waited for, not read once, so a
 * slow API under CI load is not taken for a missing option.
 */
export async function selectByText(scope: Page | Locator, label: string, text: string): Promise<void> {
  const select = field(scope, label);
  const option = select.locator("option", { hasText: text }).first();
  try {
    await option.waitFor({ state: "attached" });
  } catch {
    throw new Error(`no option "${text}" in ${label}`);
  }
  const value = await option.getAttribute("value");
  await select.selectOption(value ?? { label: (await option.textContent()) ?? text });
}
