import type { SendReceipt, SmsMessage, SmsSender } from "./sender.ts";

/**
 * SMS through a brandname SMS gateway over JSON/HTTPS — the shape Vietnamese brandname gateways offer
 * (an account API key, a registered sender name, one JSON request per message):
 *
 *   POST {SMS_URL}
 *   X-Api-Key: {SMS_API_KEY}
 *   Content-Type: application/json
 *   { "requestId": "<outbox id>", "brandname": "MOTCUA", "phone": "84912345678", "message": "<text>" }
 *
 *   200 { "code": "00", "messageId": "<gateway id>" }   accepted
 *   200 { "code": "<other>", "description": "…" }       refused (kept as the error; retried)
 *   4xx/5xx                                             failed (retried)
 *
 * `requestId` is the outbox row id: a gateway that keeps request ids drops a message re-sent after a crash.
 * The text is sent without diacritics (see templates/sms-text.ts).
 */
export interface HttpSmsOptions {
  url: string;
  apiKey: string;
  brandname: string;
  timeoutMs?: number;
}

export interface SmsGatewayRequest {
  requestId: string;
  brandname: string;
  phone: string;
  message: string;
}

export class SmsGatewayError extends Error {
  override name = "SmsGatewayError";
}

export function createHttpSmsSender(options: HttpSmsOptions): SmsSender {
  return {
    async send(message: SmsMessage): Promise<SendReceipt> {
      const body: SmsGatewayRequest = {
        requestId: message.id,
        brandname: options.brandname,
        phone: message.to.replace(/^\+/, ""),
        message: message.text,
      };
      const response = await fetch(options.url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-api-key": options.apiKey },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
      const text = await response.text();
      if (!response.ok)
        throw new SmsGatewayError(`SMS gateway HTTP ${response.status}: ${text.slice(0, 200)}`);
      let parsed: { code?: unknown; messageId?: unknown; description?: unknown };
      try {
        parsed = JSON.parse(text);
      } catch {
        throw new SmsGatewayError(`SMS gateway answered with non-JSON: ${text.slice(0, 200)}`);
      }
      if (parsed.code !== "00") {
        throw new SmsGatewayError(
          `SMS gateway refused (${String(parsed.code)}): ${String(parsed.description ?? "")}`,
        );
      }
      return { reference: typeof parsed.messageId === "string" ? parsed.messageId : null };
    },
    async close() {},
  };
}
