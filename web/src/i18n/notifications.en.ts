import type { NotificationsMessageKey } from "./notifications.vi.ts";

/** English texts of the notification supervision page. Typed by the Vietnamese keys. */
export const notificationsEn: Record<NotificationsMessageKey, string> = {
  "nav.notifications": "Citizen notifications",
  "nav.notifications.description": "E-mail and SMS: sent, waiting, failed; send again.",
  "notifications.title": "Citizen notifications",
  "notifications.lead":
    "Delivery of e-mail and SMS for this unit and the units below it. Failed messages are retried automatically; once a message has finally failed, an administrator can send it again.",
  "notifications.counts": "Messages",
  "notifications.pending": "Waiting",
  "notifications.sent": "Sent",
  "notifications.dead": "Failed",
  "notifications.overdue": "Waiting over 1 minute",
  "notifications.failures": "Messages with errors",
  "notifications.failures.empty": "No message has an error.",
  "notifications.when": "Created",
  "notifications.template": "Template",
  "notifications.channel": "Channel",
  "notifications.recipient": "Recipient",
  "notifications.status": "Status",
  "notifications.attempts": "Attempts",
  "notifications.error": "Last error",
  "notifications.retry": "Send again",
  "notifications.retried": "The message is queued to be sent again.",
  "notifications.channel.email": "E-mail",
  "notifications.channel.sms": "SMS",
  "notifications.demo.title": "Demo mailbox",
  "notifications.demo.lead":
    "Demo mode only: the mail and SMS the local mail server and SMS gateway received (nothing leaves the machine), to read a demo citizen's confirmation code.",
  "notifications.demo.filter": "E-mail address or phone number",
  "notifications.demo.show": "Show",
  "notifications.demo.empty": "No mail or SMS yet.",
  "notifications.demo.sms": "SMS to {phone}",
};
