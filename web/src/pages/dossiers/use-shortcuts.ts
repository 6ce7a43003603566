import { type RefObject, useEffect, useRef } from "react";

/**
 * Alt+letter shortcuts for the page (by physical key, so a Vietnamese keyboard layout or an input method does
 * not change them), keyed by lower-case letter. Shift may be held too (Firefox's access-key habit). Ignored
 * while a dialog is open.
 */
export function useAltShortcuts(handlers: Record<string, () => void>, enabled = true): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    if (!enabled) return;
    function onKey(event: KeyboardEvent) {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      if (document.querySelector("dialog[open]")) return;
      const letter = /^Key([A-Z])$/.exec(event.code)?.[1]?.toLowerCase();
      const handler = letter ? ref.current[letter] : undefined;
      if (!handler) return;
      event.preventDefault();
      handler();
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [enabled]);
}

const ADVANCE =
  'input:not([type="file"]):not([type="hidden"]):not(:disabled), select:not(:disabled), textarea:not(:disabled)';

/**
 * Enter in a field moves to the next field of the form instead of sending it (a counter officer types a value
 * and presses Enter); after the last field the focus goes to `last`. Fields inside [data-noadvance] are reached
 * with Tab only; of a radio group only the checked button takes part.
 */
export function advanceFrom(form: HTMLFormElement, from: Element, last?: HTMLElement | null): void {
  const fields = [...form.querySelectorAll<HTMLElement>(ADVANCE)].filter((el) => {
    if (el.closest("[data-noadvance]") || el.closest("[hidden]")) return false;
    if (el instanceof HTMLInputElement && el.type === "radio" && !el.checked) return false;
    return el.getClientRects().length > 0;
  });
  const index = fields.indexOf(from as HTMLElement);
  const next = index >= 0 ? fields[index + 1] : undefined;
  const target = next ?? last ?? null;
  target?.focus();
  if (target instanceof HTMLInputElement && /^(text|tel|email|number|search)$/.test(target.type)) {
    target.select();
  }
}

/** Whether Enter on this element should move on rather than act. */
export function entersAdvance(target: EventTarget): target is HTMLInputElement | HTMLSelectElement {
  if (target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !["file", "button", "submit", "reset"].includes(target.type);
}

/** In a modal dialog, the first field takes the focus once the dialog is open (not its close button). */
export function useFocusFirstField(ref: RefObject<HTMLElement | null>, ready: unknown = true): void {
  useEffect(() => {
    if (!ready) return;
    // A field to type in first; otherwise whatever comes first (a choice of radio buttons).
    const first =
      ref.current?.querySelector<HTMLElement>(
        'input:is([type="text"], [type="tel"], [type="number"], [type="date"], [type="datetime-local"], :not([type])):not(:disabled), textarea:not(:disabled), select:not(:disabled)',
      ) ??
      ref.current?.querySelector<HTMLElement>('input:not([type="hidden"]):not([type="file"]):not(:disabled)');
    first?.focus();
  }, [ref, ready]);
}
