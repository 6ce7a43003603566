import { randomUUID, timingSafeEqual } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { SmsGatewayRequest } from "./sms-http.ts";

/**
 * A local brandname SMS gateway that speaks the protocol of sms-http.ts, for tests and the demo: it checks the
 * API key and the body, keeps what it received in memory, and answers a repeated requestId with the first
 * answer (the idempotency a real gateway gives). It sends nothing to any phone.
 */
export interface ReceivedSms extends SmsGatewayRequest {
  messageId: string;
  receivedAt: Date;
}

export interface SmsPeerServer {
  url: string;
  apiKey: string;
  received: ReceivedSms[];
  /** Requests answered, including duplicates and refusals. */
  requests: number;
  /** While set, every request is answered with this HTTP status (to test retries). */
  failWith: number | null;
  close(): Promise<void>;
}

const MAX_KEPT = 500;

function sameKey(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export async function startSmsPeerServer(
  options: { apiKey?: string; port?: number } = {},
): Promise<SmsPeerServer> {
  const apiKey = options.apiKey ?? randomUUID();
  const byRequestId = new Map<string, ReceivedSms>();
  const state: Omit<SmsPeerServer, "url" | "close"> = { apiKey, received: [], requests: 0, failWith: null };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= 64 * 1024) chunks.push(chunk);
    });
    req.on("end", () => {
      state.requests += 1;
      const answer = (status: number, body: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      if (state.failWith !== null) return answer(state.failWith, { code: "99", description: "unavailable" });
      if (req.method !== "POST") return answer(405, { code: "405", description: "POST only" });
      if (!sameKey(String(req.headers["x-api-key"] ?? ""), apiKey)) {
        return answer(401, { code: "401", description: "bad API key" });
      }
      let body: Partial<SmsGatewayRequest>;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        return answer(400, { code: "400", description: "body is not JSON" });
      }
      const { requestId, brandname, phone, message } = body;
      if (
        typeof requestId !== "string" ||
        typeof brandname !== "string" ||
        typeof phone !== "string" ||
        !/^\d{8,15}$/.test(phone) ||
        typeof message !== "string" ||
        message.length === 0 ||
        message.length > 612
      ) {
        return answer(200, { code: "10", description: "invalid request fields" });
      }
      const earlier = byRequestId.get(requestId);
      if (earlier) return answer(200, { code: "00", messageId: earlier.messageId, duplicate: true });
      const sms: ReceivedSms = {
        requestId,
        brandname,
        phone,
        message,
        messageId: randomUUID(),
        receivedAt: new Date(),
      };
      byRequestId.set(requestId, sms);
      state.received.push(sms);
      if (state.received.length > MAX_KEPT) state.received.shift();
      return answer(200, { code: "00", messageId: sms.messageId });
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}/sms/send`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
