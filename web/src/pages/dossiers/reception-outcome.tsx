import { useEffect, useRef } from "react";
import { Icon } from "../../components/icons.tsx";
import type { FormView } from "../../dossier-api.ts";
import { useI18n } from "../../i18n/index.tsx";
import { Link } from "../../router.tsx";
import { dossierPath } from "./receipt-panel.tsx";

export function FormOutcome({
  outcome,
  form,
  dossierId,
  onNew,
}: {
  outcome: "request_supplement" | "refuse";
  form: FormView | null;
  dossierId: string;
  onNew: () => void;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <section className="panel dos-receipt" aria-labelledby="outcome-title" data-testid="form-outcome">
      <h2 id="outcome-title" ref={ref} tabIndex={-1}>
        {outcome === "refuse" ? t("reception.refused") : t("reception.supplementIssued")}
      </h2>
      <p>{outcome === "refuse" ? t("reception.refused.text") : t("reception.supplementIssued.text")}</p>
      <div className="button-row">
        {form ? (
          <a
            className="button button-primary"
            href={form.url}
            target="_blank"
            rel="noopener"
            data-testid="form-pdf"
          >
            <Icon name="print" />
            <span>{t("reception.printForm", { number: form.number })}</span>
          </a>
        ) : null}
        <Link className="button" to={dossierPath(dossierId)}>
          {t("receipt.open")}
        </Link>
        <button type="button" className="button" onClick={onNew} aria-keyshortcuts="Alt+N">
          <Icon name="plus" />
          <span>{t("reception.new")}</span> <kbd className="dos-kbd">Alt+N</kbd>
        </button>
      </div>
    </section>
  );
}
