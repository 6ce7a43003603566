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
      else done(null, value);
    });
  });
}
