import type { Generated } from "kysely";
import type { NullableTimestamp, Timestamp } from "./foundation.ts";

export type NotificationChannel = "email" | "sms";
export type OutboxStatus = "pending" | "sent" | "dead";

/** hộp thư đi: one notification message on one channel, written with the change it announces. */
export interface NotificationOutboxTable {
  id: Generated<string>;
  dedupe_key: string;
  channel: NotificationChannel;
  template: string;
  template_version: number;
  locale: "vi" | "en";
  /** E-mail address or phone number, by channel. */
  recipient: string;
  subject: string | null;
  body_text: string | null;
  body_html: string | null;
  /** The body holds a secret and is erased once the message is sent. */
  sensitive: Generated<boolean>;
  citizen_id: string | null;
  dossier_id: string | null;
  unit_id: string | null;
  status: Generated<OutboxStatus>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  claimed_at: NullableTimestamp;
  last_error: string | null;
  sent_at: NullableTimestamp;
  provider_reference: string | null;
  created_at: Timestamp;
}

export interface NotificationTables {
  notification_outbox: NotificationOutboxTable;
}
