import { smsText } from "./sms-text.ts";
import type { Locale, NotificationTemplate, TemplateData } from "./template.ts";

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** Thrown for a call that can never succeed (unknown template, missing data): a bug in the caller, not input. */
export class NotificationProgrammingError extends Error {
  override name = "NotificationProgrammingError";
}

const SIGNATURE: Record<Locale, string> = {
  vi: "Bộ phận Một cửa — thư gửi tự động, xin không trả lời thư này.",
  en: "One-stop desk — automated message, please do not reply.",
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function formatValue(value: string | number | null | undefined, locale: Locale): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "number")
    return new Intl.NumberFormat(locale === "vi" ? "vi-VN" : "en-GB").format(value);
  return value;
}

export function templateData(
  template: NotificationTemplate,
  locale: Locale,
  data: Record<string, string | number | null>,
): TemplateData {
  const out: TemplateData = {};
  for (const [key, value] of Object.entries(data)) {
    const formatted = formatValue(value, locale);
    if (formatted !== undefined) out[key] = formatted;
  }
  // Null or absent is a bug in the caller; an empty string is the caller's choice.
  const missing = template.required.filter((key) => out[key] === undefined);
  if (missing.length > 0) {
    throw new NotificationProgrammingError(`Template ${template.key} needs data: ${missing.join(", ")}`);
  }
  return out;
}

export function renderEmail(
  template: NotificationTemplate,
  locale: Locale,
  data: TemplateData,
): RenderedEmail {
  const wording = template.render(locale, data);
  const paragraphs = [...wording.paragraphs, SIGNATURE[locale]];
  const text = `${paragraphs.join("\n\n")}\n`;
  const htmlParagraphs = paragraphs.map((p) =>
    /^https?:\/\/\S+$/.test(p)
      ? `<p><a href="${escapeHtml(p)}">${escapeHtml(p)}</a></p>`
      : `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`,
  );
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(
    wording.subject,
  )}</title></head><body style="font-family:sans-serif;line-height:1.5">${htmlParagraphs.join("")}</body></html>`;
  return { subject: wording.subject, text, html };
}

export function renderSms(template: NotificationTemplate, locale: Locale, data: TemplateData): string {
  return smsText(template.render(locale, data).sms);
}
