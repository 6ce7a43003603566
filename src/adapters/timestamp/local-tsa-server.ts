/**
 * The local timestamp authority served over HTTP (POST application/timestamp-query → application/timestamp-reply),
 * so that the HTTP client is tested against a real socket in tests and demos.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { LocalTimestampAuthority, type LocalTsaOptions } from "../../signing/local-tsa.ts";

export interface LocalTsaServer {
  url: string;
  authority: LocalTimestampAuthority;
  close(): Promise<void>;
}

/** Starts an HTTP TSA on 127.0.0.1 (random port unless given). */
export async function startLocalTsaServer(
  options: LocalTsaOptions & { port?: number },
): Promise<LocalTsaServer> {
  const authority = new LocalTimestampAuthority(options);
  const server: Server = createServer((req, res) => {
    if (req.method !== "POST" || req.headers["content-type"] !== "application/timestamp-query") {
      res.writeHead(req.method === "POST" ? 415 : 405).end();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > 64 * 1024) req.destroy();
      else chunks.push(chunk);
    });
    req.on("end", () => {
      const body = authority.respond(new Uint8Array(Buffer.concat(chunks)));
      res.writeHead(200, { "content-type": "application/timestamp-reply", "content-length": body.length });
      res.end(Buffer.from(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/tsa`,
    authority,
    close: () =>
      new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}
