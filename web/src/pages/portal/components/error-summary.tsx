import { type MouseEvent, useEffect, useRef } from "react";

export interface FieldError {
  /** The id of the input the message is about: the summary links to it. */
  id: string;
  message: string;
}

/**
 * The GOV.UK error summary: at the top of the page after a failed submit, takes the focus, lists every problem
 * and links each to its field. `version` changes on each failed submit so the focus moves again.
 */
export function ErrorSummary({
  title,
  errors,
  version,
}: {
  title: string;
  errors: readonly FieldError[];
  version?: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = errors.length > 0;

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new failed submit (version) moves the focus again
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [shown, version]);

  if (!shown) return null;

  function jump(event: MouseEvent<HTMLAnchorElement>, id: string) {
    const target = document.getElementById(id);
    if (!target) return;
    event.preventDefault();
    target.scrollIntoView({ block: "center" });
    target.focus();
  }

  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
      <h2 className="error-summary-title" id="error-summary-title">
        {title}
      </h2>
      <ul className="error-summary-list">
        {errors.map((e) => (
          <li key={`${e.id}:${e.message}`}>
            <a href={`#${e.id}`} onClick={(event) => jump(event, e.id)}>
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
