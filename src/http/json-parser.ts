import type { FastifyInstance } from "fastify";
import { AppError } from "../errors.ts";

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * JSON bodies are decoded as strict UTF-8: a body that is not valid UTF-8 is refused instead of being read with
 * replacement characters. Parsing then uses Fastify's own parser (prototype-poisoning protection included).
 */
export function installStrictJsonParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "buffer" }, (request, body, done) => {
    let text: string;
    try {
      text = strictUtf8.decode(body as Buffer);
    } catch {
      done(new AppError("INVALID_UTF8"), undefined);
      return;
    }
    if (text.trim() === "") {
      done(new AppError("INVALID_JSON"), undefined);
      return;
    }
    parseJson(request, text, (error, value) => {
      if (error) done(new AppError("INVALID_JSON"), undefined);
      // "\ud800" is valid JSON but no text: PostgreSQL refuses it in text and jsonb alike, so it stops here.
      else if (!wellFormed(value)) done(new AppError("INVALID_UNICODE"), undefined);
      else done(null, value);
    });
  });
}

// With the u flag a surrogate pair is one code point, so this matches only a surrogate standing alone.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** Every string of a parsed JSON value, keys included, is well-formed UTF-16 (no lone surrogate). */
export function wellFormed(value: unknown): boolean {
  if (typeof value === "string") return !LONE_SURROGATE.test(value);
  if (Array.isArray(value)) return value.every(wellFormed);
  if (value !== null && typeof value === "object")
    return Object.entries(value).every(([key, v]) => !LONE_SURROGATE.test(key) && wellFormed(v));
  return true;
}
