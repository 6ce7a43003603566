import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { FIRST_PAGE_BUDGET_BYTES, measureFirstPage } from "../../bench/support/first-page-js.ts";

/**
 * Issue 6 (Design): the JavaScript for the first page stays under 150 KB gzipped, so a phone on a slow link can
 * open the portal. The app is built for real, as `npm run build:web` does (a production build in its own process:
 * inside Vitest, NODE_ENV=test would give React's development build), into a temporary directory.
 */
const root = fileURLToPath(new URL("../..", import.meta.url));
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "motcua-web-size-"));

afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

describe("first page JavaScript", () => {
  it("stays under 150 KB gzipped, with the officers' workspace and the portal forms loaded on demand", () => {
    const vite = path.join(
      path.dirname(createRequire(import.meta.url).resolve("vite/package.json")),
      "bin/vite.js",
    );
    execFileSync(
      process.execPath,
      [
        vite,
        "build",
        "--config",
        "web/vite.config.ts",
        "--outDir",
        outDir,
        "--emptyOutDir",
        "--logLevel",
        "error",
      ],
      { cwd: root, env: { ...process.env, NODE_ENV: "production" }, stdio: "pipe" },
    );
    const size = measureFirstPage(outDir);
    expect(size.chunks.length).toBeGreaterThan(0);
    expect(size.jsGzipBytes).toBeGreaterThan(10 * 1024);
    expect(size.jsGzipBytes).toBeLessThanOrEqual(FIRST_PAGE_BUDGET_BYTES);
    // The split is real: most of the app loads on demand.
    expect(size.lazyJsGzipBytes).toBeGreaterThan(size.jsGzipBytes / 2);
    const entry = fs.readFileSync(path.join(outDir, size.chunks[0]?.file ?? ""), "utf8");
    // Neither the reception desk nor the e-form renderer ships with the first page.
    expect(entry).not.toContain("reception-form");
    expect(entry).not.toContain("eform-page");
  }, 120_000);
});
