import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

/** The budget of issue 6: the JavaScript a phone fetches for the first page, gzipped. */
export const FIRST_PAGE_BUDGET_BYTES = 150 * 1024;

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface ChunkSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface FirstPageSize {
  /** The entry chunk and every chunk it imports statically (what the browser must load before the page runs). */
  chunks: ChunkSize[];
  jsBytes: number;
  jsGzipBytes: number;
  /** The stylesheets those chunks bring, for information. */
  cssGzipBytes: number;
  /** Every chunk left out because it loads on demand (lazy pages), for comparison. */
  lazyJsGzipBytes: number;
}

/** gzip at zlib's default level, as a web server or CDN typically sends it. */
function gzipSize(file: string): number {
  return zlib.gzipSync(fs.readFileSync(file)).length;
}

/**
 * Sizes of the first page's JavaScript from a Vite build with `build.manifest` on: the entry (index.html's
 * script) plus its static imports, followed transitively. Dynamic imports (React.lazy pages) are not counted:
 * the first page does not wait for them.
 */
export function measureFirstPage(distDir: string): FirstPageSize {
  const manifestPath = path.join(distDir, ".vite", "manifest.json");
  if (!fs.existsSync(manifestPath)) {
    throw new Error(`${manifestPath} is missing: build the web app first (npm run build:web)`);
  }
  const manifest = JSON.parse(fs.readFileSync(manifestPath, "utf8")) as Manifest;
  const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry && key.endsWith("index.html"));
  if (!entryKey) throw new Error("no index.html entry in the Vite manifest");

  const seen = new Set<string>();
  const order: string[] = [];
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    order.push(key);
    for (const next of manifest[key]?.imports ?? []) visit(next);
  };
  visit(entryKey);

  const chunks = order.map((key) => {
    const file = path.join(distDir, (manifest[key] as ManifestChunk).file);
    return {
      file: (manifest[key] as ManifestChunk).file,
      bytes: fs.statSync(file).size,
      gzipBytes: gzipSize(file),
    };
  });
  const css = new Set(order.flatMap((key) => manifest[key]?.css ?? []));
  const firstFiles = new Set(chunks.map((c) => c.file));
  const lazy = new Set(
    Object.values(manifest)
      .map((c) => c.file)
      .filter((f) => f.endsWith(".js") && !firstFiles.has(f)),
  );
  const sum = (files: Iterable<string>) =>
    [...files].reduce((total, f) => total + gzipSize(path.join(distDir, f)), 0);
  return {
    chunks,
    jsBytes: chunks.reduce((t, c) => t + c.bytes, 0),
    jsGzipBytes: chunks.reduce((t, c) => t + c.gzipBytes, 0),
    cssGzipBytes: sum(css),
    lazyJsGzipBytes: sum(lazy),
  };
}
