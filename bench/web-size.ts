/**
 * The JavaScript of the first page (landing page and portal home), gzipped, against the 150 KB budget of issue 6.
 * Reads the Vite manifest of web/dist: run `npm run build:web` first. Prints JSON, exits 1 over budget.
 *
 *   npm run build:web && npx tsx bench/web-size.ts [distDir]
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { FIRST_PAGE_BUDGET_BYTES, measureFirstPage } from "./support/first-page-js.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = path.resolve(process.argv[2] ?? path.join(root, "web/dist"));
const size = measureFirstPage(dist);
const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

console.log(
  JSON.stringify(
    {
      firstPageJsKbGzip: kb(size.jsGzipBytes),
      firstPageJsKbRaw: kb(size.jsBytes),
      budgetKbGzip: kb(FIRST_PAGE_BUDGET_BYTES),
      withinBudget: size.jsGzipBytes <= FIRST_PAGE_BUDGET_BYTES,
      firstPageCssKbGzip: kb(size.cssGzipBytes),
      chunks: size.chunks.map((c) => ({ file: c.file, kbGzip: kb(c.gzipBytes) })),
      onDemandJsKbGzip: kb(size.lazyJsGzipBytes),
    },
    null,
    2,
  ),
);
if (size.jsGzipBytes > FIRST_PAGE_BUDGET_BYTES) process.exitCode = 1;
