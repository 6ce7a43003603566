/**
 * The tracking code of a feedback: `<agency code>-PA-YYMMDD-NNNN` — the receiving unit's identifier code
 * (QĐ 20/2020/QĐ-TTg, as in dossier codes), "PA" for phản ánh, kiến nghị so that it is never mistaken for a dossier
 * code, the local day of receipt and a sequence per unit and day. NĐ 20/2008 prescribes no format: this is our
 * choice, built like the dossier code (TT 01/2018 art. 12) so that desks read it the same way. The code stays with
 * the record when it is forwarded to another unit.
 */
import { civilFromDayNumber, type DayNumber } from "../calendar/local-date.ts";

export const FEEDBACK_SEQUENCE_MAX = 9999;

export function feedbackCode(agencyCode: string, day: DayNumber, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > FEEDBACK_SEQUENCE_MAX) {
    throw new RangeError(`feedback sequence out of range: ${sequence}`);
  }
  const { year, month, day: dom } = civilFromDayNumber(day);
  const yymmdd = `${String(year % 100).padStart(2, "0")}${String(month).padStart(2, "0")}${String(dom).padStart(2, "0")}`;
  return `${agencyCode}-PA-${yymmdd}-${String(sequence).padStart(4, "0")}`;
}

const CODE = /^(.+)-PA-(\d{6})-(\d{4})$/;

export function isFeedbackCode(text: string): boolean {
  return typeof text === "string" && text.length <= 80 && CODE.test(text);
}
