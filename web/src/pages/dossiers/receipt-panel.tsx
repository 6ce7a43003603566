import { type ReactNode, useEffect, useRef, useState } from "react";
import { displayLookupSecret } from "../../../../src/domain/codes/lookup-secret.ts";
import { Alert } from "../../components/alert.tsx";
import { Icon } from "../../components/icons.tsx";
import { dossierApi, type ReceptionResult } from "../../dossier-api.ts";
import { useI18n } from "../../i18n/index.tsx";
import { errorText } from "../../lib/errors.ts";
import { Link } from "../../router.tsx";
import { formatInstant } from "./labels.ts";

export function dossierPath(id: string): string {
  return `/app/dossiers/view?id=${encodeURIComponent(id)}`;
}

/**
 * What the desk hands over after accepting: the code, the appointment and the lookup secret (shown this once),
 * and the receipt (form 01). The applicant's copy, which carries the QR code and the secret, is fetched at once
 * and opened in a new tab for printing; the button opens it again if the browser held the tab back.
 */
export function ReceiptPanel({
  result,
  autoOpen,
  children,
}: {
  result: ReceptionResult;
  autoOpen: boolean;
  children?: ReactNode;
}) {
  const { t, lang } = useI18n();
  const receipt = result.receipt;
  const dossier = result.dossier;
  const [pdfUrl, setPdfUrl] = useState<string>();
  const [error, setError] = useState<string>();
  const printRef = useRef<HTMLAnchorElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  useEffect(() => {
    if (!receipt) return;
    let url: string | undefined;
    let cancelled = false;
    dossierApi.citizenCopy(receipt.citizenCopyUrl, receipt.secret).then(
      (blob) => {
        if (cancelled) return;
        url = URL.createObjectURL(
          blob.type === "application/pdf" ? blob : new Blob([blob], { type: "application/pdf" }),
        );
        setPdfUrl(url);
        if (autoOpen) {
          const opened = window.open(url, "_blank");
          if (!opened) requestAnimationFrame(() => printRef.current?.focus());
        }
      },
      (e: unknown) => {
        if (!cancelled) setError(errorText(e, lang));
      },
    );
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [receipt, autoOpen, lang]);

  if (!receipt) return null;
  const fileName = `giay-tiep-nhan-${dossier.code ?? dossier.id}.pdf`;

  return (
    <section className="panel dos-receipt" aria-labelledby="receipt-title" data-testid="receipt-panel">
      <h2 id="receipt-title" ref={headingRef} tabIndex={-1}>
        <Icon name="shield" /> {t("receipt.title")}
      </h2>
      <dl className="dos-receipt-facts">
        <div>
          <dt>{t("dossier.code")}</dt>
          <dd className="dos-receipt-code code" data-testid="receipt-code">
            {dossier.code}
          </dd>
        </div>
        <div>
          <dt>{t("dossier.appointment")}</dt>
          <dd className="dos-receipt-appointment" data-testid="receipt-appointment">
            {formatInstant(dossier.appointmentAt, lang)}
          </dd>
        </div>
        <div>
          <dt>{t("receipt.secret")}</dt>
          <dd>
            <code className="secret" data-testid="receipt-secret">
              {displayLookupSecret(receipt.secret)}
            </code>
            <span className="cell-sub">{t("receipt.secret.hint")}</span>
          </dd>
        </div>
        <div>
          <dt>{t("dossier.procedure")}</dt>
          <dd>
            {dossier.procedure.name}
            <span className="cell-sub">
              {dossier.applicant.name} · {dossier.processingTime}
            </span>
          </dd>
        </div>
      </dl>
      {error ? <Alert kind="error">{error}</Alert> : null}
      <div className="button-row">
        {pdfUrl ? (
          <a
            ref={printRef}
            className="button button-primary"
            href={pdfUrl}
            target="_blank"
            rel="noopener"
            data-testid="receipt-print"
          >
            <Icon name="print" />
            <span>{t("receipt.print")}</span>
          </a>
        ) : (
          <button type="button" className="button button-primary" disabled>
            <Icon name="print" />
            <span>{error ? t("receipt.unavailable") : t("receipt.preparing")}</span>
          </button>
        )}
        {pdfUrl ? (
          <a className="button" href={pdfUrl} download={fileName}>
            <Icon name="download" />
            <span>{t("receipt.download")}</span>
          </a>
        ) : null}
        {receipt.form ? (
          <a
            className="button"
            href={receipt.form.url}
            target="_blank"
            rel="noopener"
            data-testid="receipt-desk-copy"
          >
            <Icon name="catalog" />
            <span>{t("receipt.deskCopy")}</span>
          </a>
        ) : null}
        <Link className="button" to={dossierPath(dossier.id)}>
          {t("receipt.open")}
        </Link>
        {children}
      </div>
    </section>
  );
}
