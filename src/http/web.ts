import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import negotiate from "@fastify/accept-negotiator";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { isWebPage } from "../contracts/web-pages.ts";

/** The React app built by Vite into web/dist, served by the same process; client routes get index.html. */
export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../web/dist");

export async function registerWebAssets(app: FastifyInstance): Promise<void> {
  if (!fs.existsSync(path.join(WEB_DIST, "index.html"))) return;
  await app.register(fastifyStatic, {
    root: WEB_DIST,
    prefix: "/",
    index: false,
    wildcard: false,
    // The build (vite-plugin-compression2, web/vite.config.ts) wrote .br and .gz beside each text file: sent as
    // they are when the browser accepts them.
    preCompressed: true,
    cacheControl: false,
    setHeaders(res, filePath) {
      res.header("cache-control", cacheControlFor(filePath));
    },
  });
}

/** Vite's hashed names under assets/ never change content: cached for a year. Anything else, for an hour. */
export function cacheControlFor(filePath: string): string {
  const relative = path
    .relative(WEB_DIST, filePath)
    .split(path.sep)
    .join("/")
    .replace(/\.(?:br|gz)$/, "");
  return relative.startsWith("assets/") && /-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/.test(relative)
    ? "public, max-age=31536000, immutable"
    : "public, max-age=3600";
}

/** Client routes get the app; a missing asset (a file name, or anything under /assets/) is a plain 404. */
export function serveWeb(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const pathname = request.url.split("?")[0] ?? "/";
  if (pathname.startsWith("/assets/") || /\.[A-Za-z0-9]{1,8}$/.test(pathname)) {
    return reply.status(404).type("text/plain; charset=utf-8").send("Không tìm thấy. / Not found.");
  }
  const index = path.join(WEB_DIST, "index.html");
  if (!fs.existsSync(index)) {
    return reply
      .status(503)
      .type("text/plain; charset=utf-8")
      .send(
        "Giao diện web chưa được dựng (npm run build:web). / The web app is not built yet (npm run build:web).",
      );
  }
  // An address the app has no page for answers 404; the app still shows its "not found" page. The page is never
  // cached without asking (no-cache: it names the hashed files of the current build); its copy compressed at
  // build time goes to a browser that accepts it.
  const copy = compressedCopy(index, request.headers["accept-encoding"]);
  reply
    .status(isWebPage(pathname) ? 200 : 404)
    .header("cache-control", "no-cache")
    .header("vary", "accept-encoding")
    .type("text/html; charset=utf-8");
  if (copy) reply.header("content-encoding", copy.encoding);
  return reply.send(fs.createReadStream(copy?.file ?? index));
}

const ENCODINGS = [
  { encoding: "br", suffix: ".br" },
  { encoding: "gzip", suffix: ".gz" },
] as const;

/**
 * The copy compressed at build time that the browser takes (brotli first, then gzip), if one exists; negotiated
 * by @fastify/accept-negotiator, as @fastify/static does for every other file of the build.
 */
export function compressedCopy(
  file: string,
  header: string | string[] | undefined,
): { file: string; encoding: string } | null {
  const present = ENCODINGS.filter(({ suffix }) => fs.existsSync(file + suffix));
  const accepted = Array.isArray(header) ? header.join(",") : (header ?? "");
  const encoding = negotiate(
    accepted,
    present.map((e) => e.encoding),
  );
  const copy = present.find((e) => e.encoding === encoding);
  return copy ? { file: file + copy.suffix, encoding: copy.encoding } : null;
}
