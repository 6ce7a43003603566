/**
 * The outbound channels of notifications. A sender either resolves (the provider accepted the message) or
 * throws (the delivery worker retries later). `id` is the outbox row id: the e-mail Message-ID and the SMS
 * request id are derived from it, so a message sent twice after a crash carries the same identifier and the
 * receiving side can drop the duplicate.
 */
export interface EmailMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
}

export interface SmsMessage {
  id: string;
  /** E.164, e.g. +84912345678. */
  to: string;
  text: string;
}

export interface SendReceipt {
  /** The provider's id for the message (SMTP response, gateway message id), kept on the outbox row. */
  reference: string | null;
}

export interface EmailSender {
  send(message: EmailMessage): Promise<SendReceipt>;
  close(): Promise<void>;
}

export interface SmsSender {
  send(message: SmsMessage): Promise<SendReceipt>;
  close(): Promise<void>;
}
