import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * A local SMTP server (smtp-server) that keeps the mail it receives in memory instead of relaying it: the demo's
 * mailbox (so a demo citizen can read the confirmation code) and the tests' receiving server. It listens on
 * 127.0.0.1 only, without authentication or TLS, and never forwards anything.
 */
export interface CaughtMail {
  messageId: string | null;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  /** The message as it arrived, headers included. */
  raw: string;
  receivedAt: Date;
}

export interface SmtpCatcher {
  url: string;
  port: number;
  mails: CaughtMail[];
  /** While set, DATA is answered with this SMTP reply code (4xx temporary, 5xx permanent). */
  failWith: { code: number; message: string } | null;
  close(): Promise<void>;
}

const MAX_KEPT = 500;
const MAX_SIZE = 5 * 1024 * 1024;

export async function startSmtpCatcher(options: { port?: number } = {}): Promise<SmtpCatcher> {
  const state: Pick<SmtpCatcher, "mails" | "failWith"> = { mails: [], failWith: null };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    size: MAX_SIZE,
    logger: false,
    banner: "motcua local mail catcher",
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const failure = state.failWith;
        if (failure) {
          const error = Object.assign(new Error(failure.message), { responseCode: failure.code });
          callback(error);
          return;
        }
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then((parsed) => {
            state.mails.push({
              messageId: parsed.messageId ?? null,
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
              to: session.envelope.rcptTo.map((r) => r.address),
              subject: parsed.subject ?? "",
              text: parsed.text ?? "",
              html: typeof parsed.html === "string" ? parsed.html : null,
              raw: raw.toString("utf8"),
              receivedAt: new Date(),
            });
            if (state.mails.length > MAX_KEPT) state.mails.shift();
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  server.on("error", () => {});
  await new Promise<void>((resolve, reject) => {
    const listener = server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
    listener.once("error", reject);
  });
  const address = server.server.address() as AddressInfo;
  return Object.assign(state, {
    port: address.port,
    url: `smtp://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
