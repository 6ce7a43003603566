import { describe, expect, it } from "vitest";
import { CodeError } from "./errors.ts";
import {
  displayLookupSecret,
  generateLookupSecret,
  isLookupSecret,
  LOOKUP_SECRET_ALPHABET,
  normalizeLookupSecret,
} from "./lookup-secret.ts";

/** A deterministic byte source: a counter, so every byte value comes up. */
function counter(): (bytes: Uint8Array) => Uint8Array {
  let next = 0;
  return (bytes) => {
    for (let i = 0; i < bytes.length; i++) bytes[i] = next++ % 256;
    return bytes;
  };
}

describe("lookup secrets", () => {
  it("uses no look-alike characters", () => {
    for (const ch of "0O1IL") expect(LOOKUP_SECRET_ALPHABET).not.toContain(ch);
    expect(new Set(LOOKUP_SECRET_ALPHABET).size).toBe(LOOKUP_SECRET_ALPHABET.length);
  });

  it("draws 8 characters from the injected randomness", () => {
    const secret = generateLookupSecret(counter());
    expect(secret).toBe("ABCDEFGH");
    expect(isLookupSecret(secret)).toBe(true);
  });

  it("draws every character about equally often, skipping bytes that would bias it", () => {
    // A small linear congruential generator: deterministic, and its high bytes cover 0–255 evenly.
    let x = 12345;
    const lcg = (bytes: Uint8Array) => {
      for (let i = 0; i < bytes.length; i++) {
        x = (Math.imul(x, 1103515245) + 12345) >>> 0;
        bytes[i] = x >>> 24;
      }
      return bytes;
    };
    const counts = new Map<string, number>();
    for (let i = 0; i < (31 * 1000) / 8; i++) {
      for (const ch of generateLookupSecret(lcg)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
    expect(counts.size).toBe(31);
    for (const n of counts.values()) expect(Math.abs(n - 1000)).toBeLessThan(150);
  });

  it("accepts a typed secret in lower case with spaces or a dash", () => {
    expect(normalizeLookupSecret(" abcd-efgh ")).toBe("ABCDEFGH");
    expect(isLookupSecret("abcd efgh")).toBe(true);
    expect(isLookupSecret("ABCDEFG0")).toBe(false);
    expect(isLookupSecret("ABCDEFG")).toBe(false);
    expect(displayLookupSecret("ABCDEFGH")).toBe("ABCD-EFGH");
  });

  it("refuses an absurd length", () => {
    expect(() => generateLookupSecret(counter(), 3)).toThrow(CodeError);
  });
});
