import type { Executor } from "../../db/database.ts";
import type { NotificationChannel } from "../../db/tables/notifications.ts";
import { TEMPLATES, type TemplateKey } from "./templates/index.ts";
import { NotificationProgrammingError, renderEmail, renderSms, templateData } from "./templates/render.ts";

export type { TemplateKey } from "./templates/index.ts";
export { NotificationProgrammingError } from "./templates/render.ts";

export type NotificationRequest = {
  template: TemplateKey;
  locale?: "vi" | "en";
  to: { email?: string | null; phone?: string | null };
  channels: ("email" | "sms")[];
  data: Record<string, string | number | null>;
  citizenId?: string | null;
  dossierId?: string | null;
  unitId?: string | null;
  /** Idempotency key, e.g. `dossier:<id>:received`; a second request with the same key adds nothing. */
  dedupeKey: string;
};

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

/** A Vietnamese mobile number as E.164 (+84…); other international numbers kept as given; junk → undefined. */
export function normalisePhone(phone: string | null | undefined): string | undefined {
  if (!phone) return undefined;
  const compact = phone.replace(/[\s.()-]/g, "");
  if (/^0\d{9,10}$/.test(compact)) return `+84${compact.slice(1)}`;
  if (/^84\d{9,10}$/.test(compact)) return `+${compact}`;
  if (/^\+\d{8,15}$/.test(compact)) return compact;
  return undefined;
}

export function normaliseEmail(email: string | null | undefined): string | undefined {
  const trimmed = email?.trim();
  return trimmed && trimmed.length <= 254 && EMAIL.test(trimmed) ? trimmed : undefined;
}

/**
 * Writes the message into the outbox with the caller's executor — inside the caller's transaction, so the
 * message exists if and only if the state change it announces committed. One row per channel that has an
 * address; a channel without one is skipped. A second call with the same dedupeKey is a no-op. The text is
 * rendered now (with the template's current version, stored on the row), so the row records what is sent.
 * An unknown template or missing data throws NotificationProgrammingError: a bug in the caller.
 */
export async function enqueueNotification(
  tx: Executor,
  request: NotificationRequest,
  now: Date,
): Promise<void> {
  const template = TEMPLATES.get(request.template);
  if (!template) throw new NotificationProgrammingError(`Unknown notification template: ${request.template}`);
  if (!request.dedupeKey || request.dedupeKey.length > 300) {
    throw new NotificationProgrammingError("A notification needs a dedupeKey of 1 to 300 characters.");
  }
  const locale = request.locale ?? "vi";
  const data = templateData(template, locale, request.data);
  const channels = [...new Set(request.channels)] as NotificationChannel[];
  const rows = channels.flatMap((channel) => {
    const recipient =
      channel === "email" ? normaliseEmail(request.to.email) : normalisePhone(request.to.phone);
    if (!recipient) return [];
    const email = channel === "email" ? renderEmail(template, locale, data) : undefined;
    return [
      {
        dedupe_key: request.dedupeKey,
        channel,
        template: template.key,
        template_version: template.version,
        locale,
        recipient,
        subject: email?.subject ?? null,
        body_text: email ? email.text : renderSms(template, locale, data),
        body_html: email?.html ?? null,
        sensitive: template.sensitive,
        citizen_id: request.citizenId ?? null,
        dossier_id: request.dossierId ?? null,
        unit_id: request.unitId ?? null,
        next_attempt_at: now,
        created_at: now,
      },
    ];
  });
  if (rows.length === 0) return;
  // The unique (dedupe_key, channel) index makes a concurrent duplicate a no-op; this check also keeps a second
  // request that names another channel from adding to a message already written.
  const existing = await tx
    .selectFrom("notification_outbox")
    .select("id")
    .where("dedupe_key", "=", request.dedupeKey)
    .limit(1)
    .executeTakeFirst();
  if (existing) return;
  await tx
    .insertInto("notification_outbox")
    .values(rows)
    .onConflict((oc) => oc.columns(["dedupe_key", "channel"]).doNothing())
    .execute();
}
