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

/** The demo's local stand-ins for a missing SMTP_URL or SMS_URL, and the mailbox that shows what they caught. */
export interface DemoMessaging {
  smtpUrl: string | undefined;
  sms: { url: string; apiKey: string; brandname: string } | undefined;
  mailbox: DemoMailbox;
}

/**
 * Demo mode: a mail catcher on 127.0.0.1 when SMTP_URL is not set, a local SMS gateway peer when SMS_URL is not.
 * Undefined outside demo mode or when both are configured. They keep what they catch in memory, so a cluster
 * starts them once, in its primary (src/cluster.ts), for every worker to send to and read from.
 */
export async function startDemoMessaging(
  config: Config,
): Promise<(DemoMessaging & { close(): Promise<void> }) | undefined> {
  if (!config.demo || (config.smtpUrl && config.sms)) return undefined;
  const catcher: SmtpCatcher | undefined = config.smtpUrl ? undefined : await startSmtpCatcher();
  const smsPeer: SmsPeerServer | undefined = config.sms ? undefined : await startSmsPeerServer();
  return {
    smtpUrl: catcher?.url,
    sms: smsPeer ? { url: smsPeer.url, apiKey: smsPeer.apiKey, brandname: "MOTCUA" } : undefined,
    mailbox: { mails: () => catcher?.mails ?? [], sms: () => smsPeer?.received ?? [] },
    async close() {
      await catcher?.close();
      await smsPeer?.close();
    },
  };
}

/**
 * The senders `motcua serve` delivers with: SMTP_URL and SMS_URL when configured. In demo mode a missing one is
 * replaced by a local stand-in (startDemoMessaging) whose messages the demo-only mailbox route shows: started
 * here, or `shared` when a cluster's primary runs them; outside demo mode a missing channel's messages wait in
 * the outbox.
 */
export async function prepareNotifications(
  config: Config,
  shared?: DemoMessaging,
): Promise<NotificationRuntime> {
  const owned = shared ? undefined : await startDemoMessaging(config);
  const demo = shared ?? owned;
  const senders: Senders = {};
  const messageIdDomain = new URL(config.publicUrl).hostname;
  const smtpUrl = config.smtpUrl ?? demo?.smtpUrl;
  if (smtpUrl) senders.email = createSmtpSender({ smtpUrl, from: config.mailFrom, messageIdDomain });
  const sms = config.sms ?? demo?.sms;
  if (sms) senders.sms = createHttpSmsSender(sms);
  const demoMailbox = demo?.mailbox;
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
      await owned?.close();
    },
  };
}
