import { describe, expect, it } from "vitest";
import { cliProgress } from "./cli-progress.ts";

/** A fake stderr and clock: what a log file or a terminal would receive. */
function capture(tty: boolean) {
  let out = "";
  let t = 0;
  const progress = cliProgress({ write: (s: string) => (out += s), isTTY: tty }, { now: () => t });
  return {
    progress,
    tick: (ms: number) => {
      t += ms;
    },
    text: () => out,
  };
}

describe("progress of long CLI work", () => {
  it("writes plain lines when stderr is not a terminal: the start, each tenth, the end", () => {
    const c = capture(false);
    c.progress.phase("Tables", 20);
    for (let i = 0; i < 20; i++) {
      c.tick(100);
      c.progress.advance();
    }
    c.progress.phase("Files", null);
    c.tick(500);
    c.progress.advance(3);
    c.progress.finish();
    // Written by hand: 20 steps of 100 ms; every second step is a tenth; at 2/20 done after 200 ms, 18 to go
    // take ~1.8 s more.
    expect(c.text().split("\n")).toEqual([
      "Tables: 0/20",
      "Tables: 2/20 (10%), 18 to go, ~1.8 s",
      "Tables: 4/20 (20%), 16 to go, ~1.6 s",
      "Tables: 6/20 (30%), 14 to go, ~1.4 s",
      "Tables: 8/20 (40%), 12 to go, ~1.2 s",
      "Tables: 10/20 (50%), 10 to go, ~1.0 s",
      "Tables: 12/20 (60%), 8 to go, ~0.8 s",
      "Tables: 14/20 (70%), 6 to go, ~0.6 s",
      "Tables: 16/20 (80%), 4 to go, ~0.4 s",
      "Tables: 18/20 (90%), 2 to go, ~0.2 s",
      "Tables: done, 20/20 in 2.0 s",
      "Files: started",
      "Files: done, 3 in 0.5 s",
      "",
    ]);
    // No terminal control characters in a log.
    expect(c.text().includes("\r") || c.text().includes("\u001b")).toBe(false);
  });

  it("writes one line per tenth at most, however many steps, and nothing for an empty phase but its ends", () => {
    const c = capture(false);
    c.progress.phase("Rows", 10_000);
    for (let i = 0; i < 10_000; i++) c.progress.advance();
    c.progress.phase("Nothing", 0);
    c.progress.finish();
    const lines = c.text().trim().split("\n");
    expect(lines).toHaveLength(1 + 9 + 1 + 2);
    expect(lines.at(-2)).toBe("Nothing: 0/0");
    expect(lines.at(-1)).toBe("Nothing: done, 0/0 in 0.0 s");
  });

  it("redraws one line in place with a bar on a terminal, at most every 100 ms, and ends it with a newline", () => {
    const c = capture(true);
    c.progress.phase("Rows", 4);
    c.tick(50);
    c.progress.advance(); // 50 ms after the first draw: not redrawn
    c.tick(60);
    c.progress.advance(); // 110 ms: redrawn
    c.progress.finish();
    const frames = c.text().split("\r\x1b[2K").filter(Boolean);
    expect(frames[0]).toBe(`Rows [${"░".repeat(24)}] 0% 0/4, 4 to go`);
    expect(frames[1]).toBe(`Rows [${"█".repeat(12)}${"░".repeat(12)}] 50% 2/4, 2 to go, ~0.1 s left`);
    expect(frames.at(-1)).toBe("Rows: done, 2/4 in 0.1 s\n");
    expect(frames).toHaveLength(4);
  });
});
