import type { SubmitResultT } from "../../../portal-api.ts";

/**
 * The submission's answer, kept for the confirmation page of this tab (it survives a reload there; the reference
 * is also on the dossier in "Hồ sơ của tôi").
 */
const KEY = "motcua.portal.submitted.";

export function rememberSubmission(draftId: string, result: SubmitResultT): void {
  try {
    window.sessionStorage.setItem(KEY + draftId, JSON.stringify(result));
  } catch {
    // Private mode: the confirmation page reads the dossier instead.
  }
}

export function recallSubmission(draftId: string): SubmitResultT | null {
  try {
    const text = window.sessionStorage.getItem(KEY + draftId);
    return text ? (JSON.parse(text) as SubmitResultT) : null;
  } catch {
    return null;
  }
}
