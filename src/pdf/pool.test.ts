import { afterAll, describe, expect, it } from "vitest";
import { renderControlSheet, renderReceipt } from "./forms/index.ts";
import { buildControlSheet, buildReceipt, flat, inspectPdf } from "./forms/test-support.ts";
import { holdRenderPool, poolSize, renderInPool, rendersCompleted } from "./pool.ts";

const release = holdRenderPool();
afterAll(() => release());

describe("render pool", () => {
  it("is sized to the cores less the event loop's, at least one thread", () => {
    expect(poolSize(8)).toBe(7);
    expect(poolSize(2)).toBe(1);
    expect(poolSize(1)).toBe(1);
  });

  it("draws a receipt in a worker thread with the same bytes as the function itself", async () => {
    const data = buildReceipt();
    const before = rendersCompleted();
    const pooled = await renderInPool("receipt", data);
    expect(rendersCompleted()).toBe(before + 1);
    const direct = await renderReceipt(data);
    expect(pooled).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(pooled).equals(Buffer.from(direct))).toBe(true);
    expect(flat(inspectPdf(pooled).text)).toContain(data.code);
  });

  it("draws a register with dates in its data (structured clone keeps them)", async () => {
    const sheet = buildControlSheet();
    const pdf = await renderInPool("controlSheetPdf", sheet);
    expect(Buffer.from(pdf).equals(Buffer.from(await renderControlSheet(sheet)))).toBe(true);
  });

  it("fails with the renderer's own error, and the pool keeps working", async () => {
    await expect(renderInPool("receipt", null as never)).rejects.toThrow();
    expect((await renderInPool("receipt", buildReceipt())).length).toBeGreaterThan(1000);
  });
});
