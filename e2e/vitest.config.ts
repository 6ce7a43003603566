import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { reporters } from "../test/support/ci-reporter.ts";

/** Browser tests: the real server as a child process, driven in headless Chromium. Run with `npm run test:e2e`. */
export default defineConfig({
  root: fileURLToPath(new URL("..", import.meta.url)),
  test: {
    include: ["e2e/**/*.e2e.ts"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    pool: "forks",
    reporters: reporters(),
  },
});
