import type { z } from "zod";
import { ApiError } from "../api.ts";
import type { Lang, MessageKey, Translate } from "../i18n/index.tsx";
import { errorText } from "./errors.ts";

export type FieldErrors<F extends string> = Partial<Record<F | "form", string>>;

/**
 * Turns a zod failure of a shared contract into messages next to fields. A field with its own hint
 * (e.g. the unit code pattern) gets it; others get a generic message.
 */
export function zodFieldErrors<F extends string>(
  error: z.ZodError,
  fields: readonly F[],
  t: Translate,
  hints: Partial<Record<F, MessageKey>> = {},
): FieldErrors<F> {
  const result: FieldErrors<F> = {};
  for (const issue of error.issues) {
    const name = String(issue.path[0] ?? "");
    const field = fields.find((f) => f === name);
    if (!field) {
      result.form ??= t("form.invalid");
      continue;
    }
    if (result[field]) continue;
    const hint = hints[field];
    if (issue.code === "too_small" && issue.minimum === 1) result[field] = t("form.required");
    else if (issue.code === "too_big") result[field] = t("form.tooLong", { max: Number(issue.maximum) });
    else result[field] = hint ? t(hint) : t("form.invalid.field");
  }
  return result;
}

/** Server errors on a form: a validation failure names fields; known codes go to their field. */
export function apiFieldErrors<F extends string>(
  error: unknown,
  fields: readonly F[],
  lang: Lang,
  t: Translate,
  byCode: Partial<Record<string, F>> = {},
): FieldErrors<F> {
  const message = errorText(error, lang);
  if (!(error instanceof ApiError)) return { form: message } as FieldErrors<F>;
  const mapped = byCode[error.code];
  if (mapped) return { [mapped]: message } as FieldErrors<F>;
  if (error.code === "VALIDATION_FAILED") {
    const result: FieldErrors<F> = {};
    for (const name of error.invalidFields) {
      const field = fields.find((f) => f === name);
      if (field) result[field] = t("form.invalid.field");
    }
    if (Object.keys(result).length > 0) return result;
  }
  return { form: message } as FieldErrors<F>;
}

export function firstErrorField<F extends string>(
  errors: FieldErrors<F>,
  fields: readonly F[],
): F | undefined {
  return fields.find((f) => errors[f]);
}

/**
 * After a failed submit: move the keyboard focus to the first field marked invalid. Called right after the errors
 * are set, before React has committed them (and while the form may still be disabled as busy): it looks again on
 * each animation frame, for up to ten, until an enabled invalid field is there to take the focus.
 */
export function focusFirstInvalid(form: HTMLFormElement | null, framesLeft = 10): void {
  requestAnimationFrame(() => {
    const target = form?.querySelector<HTMLElement>('[aria-invalid="true"]:not(:disabled)');
    target?.focus();
    if (target && document.activeElement === target) return;
    if (framesLeft > 1 && form?.isConnected) focusFirstInvalid(form, framesLeft - 1);
  });
}
