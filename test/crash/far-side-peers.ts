/**
 * The far side of the outbox for the crash suite: an SMTP server and a brandname SMS gateway that live in the test
 * process, so they outlive every kill of the server, and tally each delivery under its de-duplication key — the
 * e-mail's Message-ID (`<outbox-id@host>`) and the SMS `requestId` (the outbox id). A re-send after a crash arrives
 * under the same key; a receiver that keys on it (as mail archives do by Message-ID, and gateways by request id)
 * shows it once. Nothing is kept but the keys, the recipients and the counts.
 */
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface Delivery {
  /** The outbox id the key names. */
  outboxId: string;
  recipient: string;
  /** Copies received under this key (1 = exactly once on the wire; more = re-sent after a kill, same key). */
  copies: number;
}

export interface FarSide {
  smtpUrl: string;
  smsUrl: string;
  smsApiKey: string;
  /** By outbox id. */
  emails: Map<string, Delivery>;
  sms: Map<string, Delivery>;
  /** Keys that do not name an outbox id (a message sent without its de-duplication key). */
  unkeyed: string[];
  close(): Promise<void>;
}

function record(into: Map<string, Delivery>, outboxId: string, recipient: string): void {
  const earlier = into.get(outboxId);
  if (earlier) earlier.copies += 1;
  else into.set(outboxId, { outboxId, recipient, copies: 1 });
}

export async function startFarSide(): Promise<FarSide> {
  const emails = new Map<string, Delivery>();
  const sms = new Map<string, Delivery>();
  const unkeyed: string[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const key = /^<([0-9a-f-]{36})@[^>]+>$/.exec(mail.messageId ?? "")?.[1];
          const to = session.envelope.rcptTo.map((r) => r.address).join(",");
          if (key) record(emails, key, to);
          else unkeyed.push(`e-mail ${mail.messageId ?? "(no Message-ID)"} to ${to}`);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  smtp.on("error", () => {});
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", () => resolve()));
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  const smsApiKey = randomUUID();
  const gatewayIds = new Map<string, string>();
  const http = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const answer = (body: unknown) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      if (req.headers["x-api-key"] !== smsApiKey) {
        res.writeHead(401).end();
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
        requestId?: string;
        phone?: string;
      };
      const key = body.requestId ?? "";
      if (!/^[0-9a-f-]{36}$/.test(key)) {
        unkeyed.push(`SMS ${key || "(no requestId)"} to ${body.phone}`);
        return answer({ code: "00", messageId: randomUUID() });
      }
      record(sms, key, body.phone ?? "");
      // A repeated requestId gets the first answer, as an idempotent gateway gives.
      const id = gatewayIds.get(key) ?? randomUUID();
      gatewayIds.set(key, id);
      answer({ code: "00", messageId: id });
    });
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const smsPort = (http.address() as AddressInfo).port;

  return {
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    smsUrl: `http://127.0.0.1:${smsPort}/sms/send`,
    smsApiKey,
    emails,
    sms,
    unkeyed,
    close: async () => {
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    },
  };
}
