import type { ReceivedSms } from "./sms-peer-server.ts";
import type { CaughtMail } from "./smtp-catcher.ts";

/**
 * What the demo's local mail catcher and SMS peer received, read by the demo-only mailbox route: in memory, or
 * asked of a cluster's primary, which holds them for all its workers (src/cluster.ts).
 */
export interface DemoMailbox {
  mails(): readonly CaughtMail[] | Promise<readonly CaughtMail[]>;
  sms(): readonly ReceivedSms[] | Promise<readonly ReceivedSms[]>;
}
