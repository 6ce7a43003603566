import { type KeyboardEvent, type Ref, useEffect, useId, useMemo, useRef, useState } from "react";
import { api, type ProcedureList } from "../../api.ts";
import { useI18n } from "../../i18n/index.tsx";
import { errorText } from "../../lib/errors.ts";
import { foldVietnamese } from "../../lib/text.ts";

export type ProcedureItem = ProcedureList["items"][number];

const PAGE = 100;
const SHOWN = 12;

/** Every procedure the unit offers, loaded once (a commune offers some dozens), for instant filtering. */
export function useOfferedProcedures(unit: string): { items: ProcedureItem[] | null; error?: string } {
  const { lang } = useI18n();
  const [items, setItems] = useState<ProcedureItem[] | null>(null);
  const [error, setError] = useState<string>();
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const all: ProcedureItem[] = [];
      for (let offset = 0; ; offset += PAGE) {
        const page = await api.catalog.search({ unit, limit: PAGE, offset });
        all.push(...page.items);
        if (page.items.length < PAGE || all.length >= page.total) break;
      }
      if (!cancelled) setItems(all);
    })().catch((e: unknown) => {
      if (!cancelled) setError(errorText(e, lang));
    });
    return () => {
      cancelled = true;
    };
  }, [unit, lang]);
  return error ? { items, error } : { items };
}

function matches(item: ProcedureItem, words: string[]): boolean {
  const hay = foldVietnamese(`${item.name} ${item.code ?? ""} ${item.field.nameVi}`);
  return words.every((w) => hay.includes(w));
}

/**
 * Type-to-search over the unit's procedures (an ARIA combobox): letters filter without regard to diacritics,
 * ↑/↓ move, Enter picks and moves on, Escape closes the list.
 */
export function ProcedurePicker({
  items,
  value,
  onPick,
  inputRef,
  error,
  onAdvance,
}: {
  items: ProcedureItem[] | null;
  value: ProcedureItem | null;
  onPick: (item: ProcedureItem | null) => void;
  inputRef?: Ref<HTMLInputElement>;
  error?: string | undefined;
  onAdvance: () => void;
}) {
  const { t, lang } = useI18n();
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState(value?.name ?? "");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  useEffect(() => {
    setText(value?.name ?? "");
  }, [value]);

  const shown = useMemo(() => {
    if (!items) return [];
    const words = foldVietnamese(text.trim()).split(/\s+/).filter(Boolean);
    const typed = value && text === value.name ? [] : words;
    return items.filter((i) => matches(i, typed)).slice(0, SHOWN);
  }, [items, text, value]);

  // Enter pressed before the list arrived (a fast typist on a slow line): pick the first match once it does.
  const pendingEnter = useRef(false);
  useEffect(() => {
    if (!pendingEnter.current || !items) return;
    pendingEnter.current = false;
    const first = shown[0];
    if (first && text.trim()) pick(first);
  });

  function pick(item: ProcedureItem) {
    onPick(item);
    setText(item.name);
    setOpen(false);
    onAdvance();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (!open) setOpen(true);
      else setActive((a) => Math.min(a + 1, shown.length - 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (event.key === "Enter") {
      event.preventDefault();
      event.stopPropagation();
      const chosen = open ? shown[active] : undefined;
      if (chosen) pick(chosen);
      else if (value && text === value.name) onAdvance();
      else if (shown[0] && text.trim()) pick(shown[0]);
      else if (items === null && text.trim()) pendingEnter.current = true;
      else setOpen(true);
    } else if (event.key === "Escape") {
      if (open) {
        event.preventDefault();
        event.stopPropagation();
        setOpen(false);
      }
    }
  }

  const activeId = open && shown[active] ? `${id}-opt-${active}` : undefined;
  const describedBy = [`${id}-hint`, error ? `${id}-error` : ""].filter(Boolean).join(" ");

  return (
    <div className={error ? "field has-error dos-picker" : "field dos-picker"}>
      <label htmlFor={id}>
        {t("reception.procedure")}
        <span className="required" aria-hidden="true">
          {" "}
          *
        </span>{" "}
        <kbd className="dos-kbd">Alt+P</kbd>
      </label>
      <p className="field-hint" id={`${id}-hint`}>
        {items === null ? t("common.loading") : t("reception.procedure.hint", { count: items.length })}
      </p>
      <input
        ref={inputRef}
        id={id}
        className="input"
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={open && shown.length > 0}
        aria-controls={listId}
        aria-activedescendant={activeId}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        aria-required="true"
        aria-keyshortcuts="Alt+P"
        placeholder={t("reception.procedure.placeholder")}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
          setOpen(true);
          if (value) onPick(null);
        }}
        onFocus={() => setOpen(!value)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        data-testid="procedure-input"
      />
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      ) : null}
      <div id={listId} role="listbox" className="dos-picker-list" hidden={!open || shown.length === 0}>
        {shown.map((item, i) => (
          <div
            key={item.id}
            id={`${id}-opt-${i}`}
            role="option"
            tabIndex={-1}
            aria-selected={i === active}
            className={i === active ? "is-active" : undefined}
            onMouseDown={(e) => {
              e.preventDefault();
              pick(item);
            }}
            onMouseEnter={() => setActive(i)}
          >
            <span className="dos-picker-name">{lang === "en" && item.nameEn ? item.nameEn : item.name}</span>
            <span className="cell-sub">
              {item.code ? `${item.code} · ` : ""}
              {lang === "en" ? item.field.nameEn : item.field.nameVi} ·{" "}
              {lang === "en" ? item.timeEn : item.timeVi}
            </span>
          </div>
        ))}
      </div>
      {open && items && shown.length === 0 && text.trim() ? (
        <p className="muted dos-picker-none">{t("reception.procedure.none")}</p>
      ) : null}
    </div>
  );
}
