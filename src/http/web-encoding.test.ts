import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compressedCopy } from "./web.ts";

/**
 * Accept-Encoding as RFC 9110 §12.5.3 reads it (q=0 refuses a coding, "*" stands for any coding), negotiated by
 * @fastify/accept-negotiator like every other file of the build.
 */
describe("the page's compressed copy by Accept-Encoding (RFC 9110 §12.5.3)", () => {
  it("takes a coding named with a weight above zero, and none for identity or no header", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "motcua-web-"));
    try {
      const index = path.join(dir, "index.html");
      fs.writeFileSync(index, "<!doctype html>");
      fs.writeFileSync(`${index}.gz`, "gz");
      fs.writeFileSync(`${index}.br`, "br");
      expect(compressedCopy(index, "gzip, deflate, br, zstd")?.encoding).toBe("br");
      expect(compressedCopy(index, "br;q=0, gzip;q=0.5")?.encoding).toBe("gzip");
      expect(compressedCopy(index, "*")?.encoding).toBe("br");
      expect(compressedCopy(index, "*;q=0")).toBeNull();
      expect(compressedCopy(index, "identity")).toBeNull();
      expect(compressedCopy(index, undefined)).toBeNull();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
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
