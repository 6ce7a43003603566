import { z } from "zod";

export const OutboxStatus = z.enum(["pending", "sent", "dead"]);
export const NotificationChannel = z.enum(["email", "sms"]);

export const OutboxMessage = z.object({
  id: z.string(),
  channel: NotificationChannel,
  template: z.string(),
  templateVersion: z.number().int(),
  /** Masked: enough to recognise, not to harvest. */
  recipient: z.string(),
  status: OutboxStatus,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  unitId: z.string().nullable(),
  dossierId: z.string().nullable(),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;

export const OutboxOverview = z.object({
  counts: z.object({ pending: z.number().int(), sent: z.number().int(), dead: z.number().int() }),
  /** Pending messages already past their first attempt time by more than a minute. */
  overdue: z.number().int(),
  oldestPendingAt: z.string().nullable(),
  /** Dead messages and pending ones whose last attempt failed, newest first. */
  failures: z.array(OutboxMessage),
});

export const DemoMailboxResponse = z.object({
  mails: z.array(
    z.object({
      messageId: z.string().nullable(),
      to: z.array(z.string()),
      subject: z.string(),
      text: z.string(),
      receivedAt: z.string(),
    }),
  ),
  sms: z.array(z.object({ phone: z.string(), message: z.string(), receivedAt: z.string() })),
});
