/**
 * Drawing the dossier forms: the receipt (form 01) and a 200-row tracking book (form 07), with the process-wide
 * text-width cache warm (as in a running server) against the same documents with the cache cleared before each
 * one (the baseline: every string laid out again, as before the cache existed). Same process, same run.
 *
 *   npx tsx bench/form-render.ts [documents per series]
 */
import { performance } from "node:perf_hooks";
import { clearTextWidthCache } from "../src/pdf/document.ts";
import { renderReceipt, renderTrackingBook } from "../src/pdf/forms/index.ts";
import { buildReceipt, buildTrackingBook, buildTrackingRows } from "../src/pdf/forms/test-support.ts";

const COUNT = Number(process.argv[2] ?? 40);

interface Series {
  name: string;
  render: (i: number) => Promise<Uint8Array>;
}

const series: Series[] = [
  {
    name: "receipt (form 01)",
    render: (i) => renderReceipt(buildReceipt({ code: `H56.105-260302-${String(i).padStart(4, "0")}` })),
  },
  {
    name: "tracking book, 200 rows (form 07)",
    render: () => renderTrackingBook(buildTrackingBook({ rows: buildTrackingRows(200) })),
  },
];

async function time(render: Series["render"], cold: boolean): Promise<{ perSecond: number; p50: number }> {
  const samples: number[] = [];
  for (let i = 0; i < COUNT; i++) {
    if (cold) clearTextWidthCache();
    const start = performance.now();
    await render(i);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const total = samples.reduce((a, b) => a + b, 0);
  return { perSecond: (COUNT * 1000) / total, p50: samples[Math.floor(COUNT / 2)] ?? 0 };
}

const results = [];
for (const s of series) {
  await s.render(0); // load fonts and modules once for both series
  // Alternate the two series twice so that a change in machine load touches both alike.
  const cold1 = await time(s.render, true);
  const warm1 = await time(s.render, false);
  const cold2 = await time(s.render, true);
  const warm2 = await time(s.render, false);
  const cold = (cold1.perSecond + cold2.perSecond) / 2;
  const warm = (warm1.perSecond + warm2.perSecond) / 2;
  results.push({
    document: s.name,
    documents: COUNT * 2,
    coldPerSecond: Number(cold.toFixed(1)),
    warmPerSecond: Number(warm.toFixed(1)),
    coldP50Ms: Number(((cold1.p50 + cold2.p50) / 2).toFixed(1)),
    warmP50Ms: Number(((warm1.p50 + warm2.p50) / 2).toFixed(1)),
    warmOverCold: Number((warm / cold).toFixed(2)),
  });
}
console.log(JSON.stringify({ benchmark: "form-render", results }, null, 2));
