import type { ReceivedSms } from "./sms-peer-server.ts";
import type { CaughtMail } from "./smtp-catcher.ts";

/** What the demo's local mail catcher and SMS peer received, read by the demo-only mailbox route. */
export interface DemoMailbox {
  mails(): readonly CaughtMail[];
  sms(): readonly ReceivedSms[];
}
