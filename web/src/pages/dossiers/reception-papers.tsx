import type { RefObject } from "react";
import type { ProcedureDetail } from "../../api.ts";
import { Icon } from "../../components/icons.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { FileUpload } from "./file-upload.tsx";
import { KIND_LABELS } from "./labels.ts";
import type { ProcedureItem } from "./procedure-picker.tsx";
import { PAPER_KINDS, type Paper, type PaperKind } from "./reception-model.ts";
import { SectionTitle } from "./reception-section.tsx";

/** Section 3 of the reception form: the papers brought, ticked one by one, with their scans. */
export function PapersSection({
  procedure,
  detail,
  papers,
  error,
  papersRef,
  onChange: setPaper,
  onAdd: addPaper,
  onUploading,
}: {
  procedure: ProcedureItem | null;
  detail: ProcedureDetail | null;
  papers: Paper[];
  error: string | undefined;
  papersRef: RefObject<HTMLFieldSetElement | null>;
  onChange: (key: string, patch: Partial<Paper>) => void;
  onAdd: () => void;
  onUploading: (busy: boolean) => void;
}) {
  const { t } = useI18n();
  return (
    <section className="panel dos-section" aria-labelledby="sec-papers">
      <SectionTitle id="sec-papers" no={3}>
        {t("reception.section.papers")} <kbd className="dos-kbd">Alt+G</kbd>
      </SectionTitle>
      {!procedure ? <p className="muted">{t("reception.papers.pick")}</p> : null}
      {procedure && !detail ? <p className="muted">{t("common.loading")}</p> : null}
      {papers.length > 0 ? <p className="field-hint">{t("reception.papers.hint")}</p> : null}
      {error ? (
        <p className="field-error" id="papers-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      ) : null}
      <fieldset ref={papersRef} className="fieldset" aria-describedby={error ? "papers-error" : undefined}>
        <legend className="visually-hidden">{t("reception.section.papers")}</legend>
        <ul className="dos-papers">
          {papers.map((p) => (
            <PaperRow
              key={p.key}
              paper={p}
              onChange={(patch) => setPaper(p.key, patch)}
              onUploading={onUploading}
            />
          ))}
        </ul>
        {procedure ? (
          <button type="button" className="button button-small" onClick={addPaper}>
            <Icon name="plus" />
            <span>{t("reception.papers.add")}</span>
          </button>
        ) : null}
      </fieldset>
    </section>
  );
}

function PaperRow({
  paper,
  onChange,
  onUploading,
}: {
  paper: Paper;
  onChange: (patch: Partial<Paper>) => void;
  onUploading: (busy: boolean) => void;
}) {
  const { t } = useI18n();
  const nameId = `paper-name-${paper.key}`;
  const extra = paper.componentId === null;
  return (
    <li
      className={paper.checked ? "dos-paper is-checked" : "dos-paper"}
      data-paper={paper.componentId ?? "extra"}
    >
      <div className="dos-paper-main">
        {extra ? (
          <>
            <input
              type="checkbox"
              checked={paper.checked}
              onChange={(e) => onChange({ checked: e.target.checked })}
              aria-label={t("reception.papers.received", { name: paper.name || t("reception.papers.other") })}
            />
            <label htmlFor={nameId} className="visually-hidden">
              {t("reception.papers.otherName")}
            </label>
            <input
              id={nameId}
              className="input"
              value={paper.name}
              placeholder={t("reception.papers.otherName")}
              maxLength={300}
              onChange={(e) => onChange({ name: e.target.value })}
            />
          </>
        ) : (
          <label className="checkbox">
            <input
              type="checkbox"
              checked={paper.checked}
              onChange={(e) => onChange({ checked: e.target.checked })}
            />
            <span>
              {paper.name}
              <span className="cell-sub">
                {paper.required ? t("reception.papers.required") : t("reception.papers.conditional")}
                {paper.condition ? `: ${paper.condition}` : ""}
                {paper.present ? ` · ${t("reception.papers.present")}` : ""}
              </span>
            </span>
          </label>
        )}
      </div>
      <div className="dos-paper-meta" data-noadvance hidden={!paper.checked}>
        <label className="visually-hidden" htmlFor={`${nameId}-kind`}>
          {t("reception.papers.kind", { name: paper.name })}
        </label>
        <select
          id={`${nameId}-kind`}
          className="input dos-paper-kind"
          value={paper.kind}
          onChange={(e) => onChange({ kind: e.target.value as PaperKind })}
        >
          {PAPER_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(KIND_LABELS[k] ?? "paper.copy")}
            </option>
          ))}
        </select>
        <label className="visually-hidden" htmlFor={`${nameId}-count`}>
          {t("reception.papers.count", { name: paper.name })}
        </label>
        <input
          id={`${nameId}-count`}
          className="input dos-paper-count"
          type="number"
          min={1}
          max={99}
          value={paper.count}
          onChange={(e) => onChange({ count: e.target.value })}
        />
        <FileUpload
          compact
          label={t("reception.papers.scan", { name: paper.name })}
          files={paper.files}
          onChange={(files) => onChange({ files })}
          onBusy={onUploading}
        />
      </div>
    </li>
  );
}
