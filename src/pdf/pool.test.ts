import { afterAll, describe, expect, it } from "vitest";
import { renderRosterPdf } from "./desk-roster.ts";
import { renderOfficialDocument } from "./documents/official-document.ts";
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

  it("draws a receipt in a worker thread with the same pages and text as the function itself", async () => {
    const data = buildReceipt();
    const before = rendersCompleted();
    const pooled = await renderInPool("receipt", data);
    expect(rendersCompleted()).toBe(before + 1);
    const direct = await renderReceipt(data);
    expect(pooled).toBeInstanceOf(Uint8Array);
    expectSameDocument(pooled, direct);
    expect(flat(inspectPdf(pooled).text)).toContain(data.code);
  });

  it("draws a register with dates in its data (structured clone keeps them)", async () => {
    const sheet = buildControlSheet();
    const pdf = await renderInPool("controlSheetPdf", sheet);
    expectSameDocument(pdf, await renderControlSheet(sheet));
  });

  it("draws an official document and the desk roster (field names as a record, not a function)", async () => {
    const document = {
      issuerLines: ["ỦY BAN NHÂN DÂN", "XÃ QUANG THUẬN"],
      kindName: "Quyết định",
      summary: "Về việc công bố lịch trực Bộ phận Một cửa",
      body: "Điều 1. Công bố lịch trực.",
      recipients: ["Như Điều 1"],
      createdAt: new Date("2026-11-30T02:00:00Z"),
    };
    const pooled = await renderInPool("officialDocument", document);
    expectSameDocument(pooled, await renderOfficialDocument(document));
    const roster = {
      unitName: "UBND xã Quang Thuận",
      deskName: "Bộ phận Một cửa",
      weekStart: "2026-11-30",
      days: [
        {
          date: "2026-11-30",
          weekday: 1,
          working: true,
          note: null,
          slots: [
            {
              session: "morning" as const,
              counter: 1,
              memberName: "Hà Thị Nhận",
              title: "Công chức",
              fields: ["ho-tich"],
              standsInFor: null,
            },
          ],
          holidayDuties: [],
          uncoveredFields: [],
        },
      ],
      fieldNames: { "ho-tich": "Hộ tịch" },
      openingHours: "Sáng 7:30–11:30",
      feedback: "Thôn Nà Mèo",
      printedAt: new Date("2026-11-30T02:00:00Z"),
    };
    const rosterPdf = await renderInPool("deskRosterPdf", roster);
    expectSameDocument(rosterPdf, await renderRosterPdf(roster));
    expect(flat(inspectPdf(rosterPdf).text)).toContain("Hộ tịch");
  });

  it("fails with the renderer's own error, and the pool keeps working", async () => {
    await expect(renderInPool("receipt", null as never)).rejects.toThrow();
    expect((await renderInPool("receipt", buildReceipt())).length).toBeGreaterThan(1000);
  });
});

/**
 * The same document drawn twice: the same text where poppler reads it and the same pages. Not the same bytes:
 * @libpdf/core names each font subset and the file identifier at random.
 */
function expectSameDocument(pooled: Uint8Array, direct: Uint8Array): void {
  const [a, b] = [inspectPdf(pooled), inspectPdf(direct)];
  expect(a.text).toBe(b.text);
  expect(a.info.Pages).toBe(b.info.Pages);
  expect(a.info["Page size"]).toBe(b.info["Page size"]);
}
