/**
 * A notification template: a stable key, a version number (stored on every outbox row, raised whenever the
 * wording changes so that what was sent can be traced), the data keys it needs, and the wording per locale.
 * The e-mail gets a subject, a plain-text body and a simple HTML body built from the same paragraphs; the SMS
 * gets one short line.
 */
export type Locale = "vi" | "en";
export type TemplateData = Record<string, string>;

export interface LocalizedWording {
  subject: string;
  /** Paragraphs of the e-mail, in order; a paragraph that is only a URL becomes a link in the HTML body. */
  paragraphs: string[];
  /** The SMS text. Diacritics are stripped before sending (see sms-text.ts); keep it under 160 characters. */
  sms: string;
}

export interface NotificationTemplate {
  key: string;
  version: number;
  /** The message carries a secret (one-time code, reset link, lookup secret): its body is erased once sent. */
  sensitive: boolean;
  /** Data keys that must be present and not null. */
  required: readonly string[];
  render(locale: Locale, data: TemplateData): LocalizedWording;
}

export function defineTemplate<const K extends string>(
  template: NotificationTemplate & { key: K },
): NotificationTemplate & { key: K } {
  return template;
}
