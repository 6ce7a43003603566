import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { acceptedEncodings, compressedCopy } from "./web.ts";

/** Accept-Encoding as RFC 9110 §12.5.3 reads it: q=0 refuses a coding, "*" stands for any coding not named. */
describe("the page's compressed copy by Accept-Encoding (RFC 9110 §12.5.3)", () => {
  it("takes the codings named with a weight above zero", () => {
    expect([...acceptedEncodings("gzip, deflate, br, zstd")].sort()).toEqual(["br", "gzip"]);
    expect([...acceptedEncodings("br;q=0, gzip;q=0.5")]).toEqual(["gzip"]);
    expect([...acceptedEncodings("identity")]).toEqual([]);
    expect([...acceptedEncodings(undefined)]).toEqual([]);
  });

  it('reads "*" as any coding not named, and a named q=0 still refuses', () => {
    expect([...acceptedEncodings("*")].sort()).toEqual(["br", "gzip"]);
    expect([...acceptedEncodings("*, br;q=0")]).toEqual(["gzip"]);
    expect([...acceptedEncodings("*;q=0")]).toEqual([]);
  });

  it("prefers the brotli copy, falls back to gzip, and to the file itself when no copy exists", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "motcua-web-"));
    try {
      const index = path.join(dir, "index.html");
      fs.writeFileSync(index, "<!doctype html>");
      expect(compressedCopy(index, "br, gzip")).toBeNull();
      fs.writeFileSync(`${index}.gz`, "gz");
      expect(compressedCopy(index, "br, gzip")).toEqual({ file: `${index}.gz`, encoding: "gzip" });
      fs.writeFileSync(`${index}.br`, "br");
      expect(compressedCopy(index, "br, gzip")).toEqual({ file: `${index}.br`, encoding: "br" });
      expect(compressedCopy(index, "gzip")).toEqual({ file: `${index}.gz`, encoding: "gzip" });
      expect(compressedCopy(index, "identity")).toBeNull();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
