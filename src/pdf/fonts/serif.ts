/**
 * The document face: Liberation Serif 2.x, metric-compatible with Times New Roman (which Decree 30/2020 asks
 * for) and covering Vietnamese. Files and their SIL OFL 1.1 licence sit next to this module.
 */
import { readFileSync } from "node:fs";

export type SerifWeight = "regular" | "bold";

const FILES: Record<SerifWeight, string> = {
  regular: "LiberationSerif-Regular.ttf",
  bold: "LiberationSerif-Bold.ttf",
};

const cache = new Map<SerifWeight, Uint8Array>();

/** The TrueType bytes of one weight, read once per process. */
export function serifFont(weight: SerifWeight): Uint8Array {
  let bytes = cache.get(weight);
  if (!bytes) {
    bytes = new Uint8Array(readFileSync(new URL(FILES[weight], import.meta.url)));
    cache.set(weight, bytes);
  }
  return bytes;
}
