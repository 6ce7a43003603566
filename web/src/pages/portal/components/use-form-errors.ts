import { useCallback, useMemo, useState } from "react";
import type { FieldError } from "./error-summary.tsx";

export type Errors<F extends string> = Partial<Record<F | "form", string>>;

/**
 * The errors of one portal form: a message per field (shown next to it) and the same messages, in the page's
 * order, for the error summary, each linking to its field's id. A message for the whole form links to the first
 * field. `version` changes on every failed submit, so that the summary takes the focus again.
 */
export function useFormErrors<F extends string>(ids: Record<F, string>) {
  const [errors, setErrors] = useState<Errors<F>>({});
  const [version, setVersion] = useState(0);

  const fail = useCallback((next: Errors<F>) => {
    setErrors(next);
    setVersion((v) => v + 1);
  }, []);
  const clear = useCallback(() => setErrors({}), []);

  const summary = useMemo<FieldError[]>(() => {
    const fields = Object.keys(ids) as F[];
    const list: FieldError[] = [];
    if (errors.form) list.push({ id: ids[fields[0] as F], message: errors.form });
    for (const f of fields) {
      const message = errors[f];
      if (message) list.push({ id: ids[f], message });
    }
    return list;
  }, [errors, ids]);

  return { errors, fail, clear, summary, version, failed: Object.keys(errors).length > 0 };
}
