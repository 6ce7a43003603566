/**
 * The life of one feedback or petition (phản ánh, kiến nghị — PAKN) under NĐ 20/2008/NĐ-CP: receive → register →
 * classify (art. 14) → study against the six criteria (art. 16) → decide → publish the result (art. 19) → archive.
 *
 * Classification (art. 14):
 *   - not accepted (không tiếp nhận): not about an administrative rule or its application, anonymous, not in
 *     Vietnamese, …; the reason is recorded;
 *   - about a specific official's conduct → forwarded to the body competent for that conduct;
 *   - within the body's competence → handled here;
 *   - outside its competence → forwarded to the competent body within 5 working days (art. 14(2)).
 * Forwarding to a unit inside motcua moves the record into that unit's register (it arrives there as "received");
 * forwarding to a body outside records where and when, and closes the record here.
 */

export const FEEDBACK_STATUSES = [
  "received",
  "not_accepted",
  "to_forward",
  "forwarded",
  "accepted",
  "answered",
  "published",
] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

export const CLASSIFICATIONS = [
  "not_accepted",
  "conduct",
  "within_competence",
  "outside_competence",
] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

export const CHANNELS = ["web", "letter", "phone", "comment_box", "email", "in_person", "open311"] as const;
export type Channel = (typeof CHANNELS)[number];

/** What the feedback is about (the public form's choice; NĐ 20/2008 art. 4 subjects). */
export const SUBJECTS = ["procedure", "conduct", "dossier", "rule", "other"] as const;
export type Subject = (typeof SUBJECTS)[number];

export type FeedbackAction =
  | "classify"
  | "forward"
  | "assign"
  | "study"
  | "answer"
  | "publish"
  | "mark_spam"
  | "rate";

/** Which status each classification leads to. */
export function statusAfterClassification(c: Classification): FeedbackStatus {
  switch (c) {
    case "not_accepted":
      return "not_accepted";
    case "conduct":
    case "outside_competence":
      return "to_forward";
    case "within_competence":
      return "accepted";
  }
}

const ALLOWED: Record<FeedbackAction, readonly FeedbackStatus[]> = {
  classify: ["received"],
  forward: ["to_forward"],
  assign: ["accepted"],
  study: ["accepted"],
  answer: ["accepted"],
  publish: ["answered"],
  // Spam is a flag, not a status: a record that was closed or published stays as it was.
  mark_spam: ["received", "not_accepted", "to_forward", "accepted"],
  rate: ["published"],
};

export function canDo(action: FeedbackAction, status: FeedbackStatus): boolean {
  return ALLOWED[action].includes(status);
}

/**
 * Open311 GeoReport v2 knows two statuses. A record is closed once its result is published, it was not accepted,
 * or it left motcua for a body outside; everything else is still open with the unit.
 */
export function open311Status(status: FeedbackStatus): "open" | "closed" {
  switch (status) {
    case "published":
    case "not_accepted":
    case "forwarded":
      return "closed";
    case "received":
    case "to_forward":
    case "accepted":
    case "answered":
      return "open";
  }
}
