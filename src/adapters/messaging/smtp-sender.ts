import nodemailer from "nodemailer";
import type { EmailMessage, EmailSender, SendReceipt } from "./sender.ts";

export interface SmtpSenderOptions {
  /** smtp://user:pass@host:port or smtps://… (nodemailer connection URL). */
  smtpUrl: string;
  /** The From header, e.g. "Bộ phận Một cửa <no-reply@example.gov.vn>". */
  from: string;
  /** The right-hand side of Message-IDs, normally the public host name. */
  messageIdDomain: string;
  /** Socket timeouts; kept well below the delivery worker's claim lease. */
  timeoutMs?: number;
}

/** `<outbox-id@domain>`: the same outbox row always gives the same Message-ID (RFC 5322 §3.6.4). */
export function messageIdFor(outboxId: string, domain: string): string {
  return `<${outboxId}@${domain}>`;
}

/** E-mail over SMTP through nodemailer. Headers with Vietnamese text are encoded as UTF-8 (RFC 2047). */
export function createSmtpSender(options: SmtpSenderOptions): EmailSender {
  const timeout = options.timeoutMs ?? 30_000;
  const transport = nodemailer.createTransport(
    { url: options.smtpUrl, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout },
    { from: options.from },
  );
  return {
    async send(message: EmailMessage): Promise<SendReceipt> {
      const info = await transport.sendMail({
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
        messageId: messageIdFor(message.id, options.messageIdDomain),
        textEncoding: "quoted-printable",
      });
      return { reference: typeof info.response === "string" ? info.response.slice(0, 300) : null };
    },
    async close() {
      transport.close();
    },
  };
}
