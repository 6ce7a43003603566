import type { ReactNode } from "react";
import { Icon } from "../../components/icons.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { useIssue } from "./issues.ts";

/**
 * One editor for every ordered list of a procedure document (components, fee rules, workflow steps, cases): each row
 * has a heading with move and remove buttons, the list an add button, and a problem the server found with the list
 * itself is shown above it.
 */
export function ListEditor<T>({
  items,
  onChange,
  path,
  rowTitle,
  blank,
  addLabel,
  renderRow,
  before,
  showListIssue = true,
}: {
  items: readonly T[];
  onChange: (v: T[]) => void;
  /** Document path of the list ("workflow"); row i is at `${path}.${i}`. */
  path: string;
  rowTitle: (item: T, index: number) => string;
  /** The row the add button appends. */
  blank: () => T;
  addLabel: string;
  renderRow: (item: T, set: (v: T) => void, at: string) => ReactNode;
  before?: ReactNode;
  showListIssue?: boolean;
}) {
  const error = useIssue(path);
  return (
    <>
      {before}
      {showListIssue && error ? <p className="field-error">{error}</p> : null}
      <ol className="cat-rows">
        {items.map((item, i) => {
          const at = `${path}.${i}`;
          return (
            // rows are positions in the list; their inputs are controlled
            <li key={at} className="cat-row">
              <RowHead
                title={rowTitle(item, i)}
                index={i}
                count={items.length}
                onMove={(by) => onChange(move(items, i, by))}
                onRemove={() => onChange(removeAt(items, i))}
              />
              {renderRow(item, (v) => onChange(replaceAt(items, i, v)), at)}
            </li>
          );
        })}
      </ol>
      <button type="button" className="button" onClick={() => onChange([...items, blank()])}>
        <Icon name="plus" />
        <span>{addLabel}</span>
      </button>
    </>
  );
}

export function replaceAt<T>(list: readonly T[], index: number, value: T): T[] {
  return list.map((item, i) => (i === index ? value : item));
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

function move<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (target < 0 || target >= list.length) return [...list];
  const copy = [...list];
  const [item] = copy.splice(index, 1);
  if (item !== undefined) copy.splice(target, 0, item);
  return copy;
}

function RowHead({
  title,
  index,
  count,
  onMove,
  onRemove,
}: {
  title: string;
  index: number;
  count: number;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  return (
    <div className="cat-row-head">
      <h4>{title}</h4>
      <div className="cell-actions">
        <button
          type="button"
          className="button button-small"
          disabled={index === 0}
          onClick={() => onMove(-1)}
          aria-label={t("catalog.edit.moveUp", { title })}
        >
          ↑
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={index === count - 1}
          onClick={() => onMove(1)}
          aria-label={t("catalog.edit.moveDown", { title })}
        >
          ↓
        </button>
        <button
          type="button"
          className="button button-small button-danger-outline"
          onClick={onRemove}
          aria-label={t("catalog.edit.remove", { title })}
        >
          <Icon name="close" />
        </button>
      </div>
    </div>
  );
}
