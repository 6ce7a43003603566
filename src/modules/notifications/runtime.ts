import type { DemoMailbox } from "../../adapters/messaging/demo-mailbox.ts";
import { createHttpSmsSender } from "../../adapters/messaging/sms-http.ts";
import { type SmsPeerServer, startSmsPeerServer } from "../../adapters/messaging/sms-peer-server.ts";
import { type SmtpCatcher, startSmtpCatcher } from "../../adapters/messaging/smtp-catcher.ts";
import { createSmtpSender } from "../../adapters/messaging/smtp-sender.ts";
import type { Config } from "../../config.ts";
import type { Db } from "../../db/database.ts";
import { type DeliveryWorker, type Senders, startDeliveryWorker } from "./delivery.ts";
import { notifyOverdue } from "./dossier-notices.ts";

export interface NotificationRuntime {
  /** Set in demo mode when the local catcher or SMS peer stands in for a real provider. */
  demoMailbox: DemoMailbox | undefined;
  /** Starts the delivery loop (after the server listens). */
  start(db: Db, clock: () => Date, onError: (error: unknown) => void): void;
  /** Stops the loop (waiting for the pass in progress) and closes senders and local servers. */
  stop(): Promise<void>;
}

/**
 * The senders `motcua serve` delivers with: SMTP_URL and SMS_URL when configured. In demo mode a missing one is
 * replaced by a local stand-in (a mail catcher on 127.0.0.1, a local SMS gateway peer) whose messages the
 * demo-only mailbox route shows; outside demo mode a missing channel's messages wait in the outbox.
 */
export async function prepareNotifications(config: Config): Promise<NotificationRuntime> {
  let catcher: SmtpCatcher | undefined;
  let smsPeer: SmsPeerServer | undefined;
  const senders: Senders = {};
  const messageIdDomain = new URL(config.publicUrl).hostname;
  let smtpUrl = config.smtpUrl;
  if (!smtpUrl && config.demo) {
    catcher = await startSmtpCatcher();
    smtpUrl = catcher.url;
  }
  if (smtpUrl) senders.email = createSmtpSender({ smtpUrl, from: config.mailFrom, messageIdDomain });
  let sms = config.sms;
  if (!sms && config.demo) {
    smsPeer = await startSmsPeerServer();
    sms = { url: smsPeer.url, apiKey: smsPeer.apiKey, brandname: "MOTCUA" };
  }
  if (sms) senders.sms = createHttpSmsSender(sms);
  const demoMailbox: DemoMailbox | undefined =
    catcher || smsPeer
      ? { mails: () => catcher?.mails ?? [], sms: () => smsPeer?.received ?? [] }
      : undefined;
  let worker: DeliveryWorker | undefined;
  return {
    demoMailbox,
    start(db, clock, onError) {
      worker = startDeliveryWorker({
        db,
        senders,
        clock,
        intervalMs: config.notify.intervalMs,
        options: { leaseMs: config.notify.leaseMs },
        sweep: (now) => notifyOverdue(db, now, config.publicUrl),
        onError,
      });
    },
    async stop() {
      await worker?.stop();
      await senders.email?.close();
      await senders.sms?.close();
      await catcher?.close();
      await smsPeer?.close();
    },
  };
}
