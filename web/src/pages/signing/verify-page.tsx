import { type FormEvent, type RefObject, useEffect, useId, useRef, useState } from "react";
import { ApiError } from "../../api.ts";
import { Alert } from "../../components/alert.tsx";
import { Icon } from "../../components/icons.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { type MessageKey, useI18n } from "../../i18n/index.tsx";
import { errorText } from "../../lib/errors.ts";
import { useLocation } from "../../router.tsx";
import {
  fileBase64,
  SIGNING_LIMITS,
  type SignatureReportT,
  signingApi,
  type VerifyReport,
} from "../../signing-api.ts";
import { formatDay, formatSigningTime } from "./format.ts";
import "./signing.css";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The public page "Kiểm tra chữ ký số": anyone uploads a PDF (or follows the link printed on a document,
 * /kiem-tra-chu-ky?file=ID) and reads, for each signature, whether it is intact, whether the document changed
 * after it, who signed for which organisation, when, and whether the certificate's issuer is trusted.
 */
export function VerifyPage() {
  const { t, lang } = useI18n();
  const { search } = useLocation();
  const fileId = search.get("file") ?? "";
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const [report, setReport] = useState<VerifyReport | null>(null);
  const [fileName, setFileName] = useState<string>();
  const [error, setError] = useState<string>();
  const [fieldError, setFieldError] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!UUID.test(fileId)) return;
    let cancelled = false;
    setBusy(true);
    setError(undefined);
    signingApi.verifyStored(fileId).then(
      (r) => {
        if (cancelled) return;
        setBusy(false);
        setFileName(undefined);
        setReport(r);
        requestAnimationFrame(() => resultRef.current?.focus());
      },
      (e: unknown) => {
        if (cancelled) return;
        setBusy(false);
        setReport(null);
        setError(e instanceof ApiError && e.status === 404 ? t("verify.notFound") : errorText(e, lang));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [fileId, lang, t]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const file = inputRef.current?.files?.[0];
    const problem = !file
      ? t("verify.file.required")
      : file.size > SIGNING_LIMITS.pdfBytes
        ? t("verify.file.tooLarge")
        : !/\.pdf$/i.test(file.name) && file.type !== "application/pdf"
          ? t("verify.file.notPdf")
          : undefined;
    setFieldError(problem);
    if (problem || !file) {
      inputRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    setReport(null);
    try {
      const result = await signingApi.verify(await fileBase64(file), file.name.slice(0, 200));
      setFileName(file.name);
      setReport(result);
      requestAnimationFrame(() => resultRef.current?.focus());
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  }

  const describedBy = [`${inputId}-hint`, fieldError ? `${inputId}-error` : ""].filter(Boolean).join(" ");
  return (
    <div className="container sig-page">
      <PageHeading title={t("verify.title")} lead={t("verify.lead")} />
      <div className="stack">
        <section className="panel" aria-labelledby="verify-form-title">
          <h2 id="verify-form-title">{t("verify.form")}</h2>
          <form className="form" onSubmit={submit} noValidate>
            <div className={fieldError ? "field has-error" : "field"}>
              <label htmlFor={inputId}>{t("verify.file")}</label>
              <p className="field-hint" id={`${inputId}-hint`}>
                {t("verify.file.hint")}
              </p>
              <input
                ref={inputRef}
                id={inputId}
                type="file"
                accept="application/pdf,.pdf"
                className="sig-file-input"
                aria-invalid={fieldError ? true : undefined}
                aria-describedby={describedBy}
                onChange={() => setFieldError(undefined)}
              />
              {fieldError ? (
                <p className="field-error" id={`${inputId}-error`}>
                  <span aria-hidden="true">⚠ </span>
                  {fieldError}
                </p>
              ) : null}
            </div>
            <div className="form-actions">
              <button type="submit" className="button button-primary" disabled={busy}>
                <Icon name="shield" />
                <span>{busy ? t("verify.checking") : t("verify.submit")}</span>
              </button>
            </div>
          </form>
          <p className="small muted">{t("verify.privacy")}</p>
        </section>
        {busy ? (
          <p className="muted" role="status">
            {t("verify.checking")}
          </p>
        ) : null}
        {error ? <Alert kind="error">{error}</Alert> : null}
        {report ? <VerifyResult report={report} fileName={fileName} headingRef={resultRef} /> : null}
      </div>
    </div>
  );
}

function VerifyResult({
  report,
  fileName,
  headingRef,
}: {
  report: VerifyReport;
  fileName: string | undefined;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const { t } = useI18n();
  const signatures = report.signatures.filter((s) => s.kind === "signature");
  const untrusted = report.signatures.some((s) => s.kind === "signature" && s.chain.status !== "trusted");
  const outcome = report.signatureCount === 0 ? "none" : report.valid ? "valid" : "bad";
  const summary =
    outcome === "none"
      ? t("verify.summary.none")
      : outcome === "valid"
        ? t("verify.summary.valid", { count: signatures.length })
        : report.modified
          ? t("verify.summary.modified")
          : t("verify.summary.invalid");
  return (
    <section className="panel" aria-labelledby="verify-result-title" data-testid="verify-result">
      <h2 id="verify-result-title" ref={headingRef} tabIndex={-1}>
        {t("verify.result")}
      </h2>
      {report.document?.unitName ? (
        <p className="muted">{t("verify.stored", { unit: report.document.unitName })}</p>
      ) : null}
      {fileName ? <p className="muted">{t("verify.result.file", { name: fileName })}</p> : null}
      <p className={`sig-summary sig-summary-${outcome}`} data-testid="verify-summary" data-outcome={outcome}>
        <Icon name={outcome === "valid" ? "shield" : "close"} />
        <span>{summary}</span>
      </p>
      {outcome === "valid" && untrusted ? <p className="sig-note">{t("verify.summary.untrusted")}</p> : null}
      {report.signatures.length > 0 ? (
        <ol className="sig-list">
          {report.signatures.map((s) => (
            <SignatureCard key={s.index} signature={s} />
          ))}
        </ol>
      ) : null}
      <details className="sig-details">
        <summary>{t("verify.details")}</summary>
        <p>
          {t("verify.sha256")}: <span className="sig-hash">{report.sha256}</span>
        </p>
      </details>
    </section>
  );
}

const STATUS_KEYS: Record<SignatureReportT["status"], MessageKey> = {
  valid: "verify.status.valid",
  modified: "verify.status.modified",
  invalid: "verify.status.invalid",
};
const CHAIN_KEYS: Record<SignatureReportT["chain"]["status"], MessageKey> = {
  trusted: "verify.chain.trusted",
  "unknown-issuer": "verify.chain.unknown-issuer",
  invalid: "verify.chain.invalid",
  "not-checked": "verify.chain.not-checked",
};
const AFTER_KEYS: Record<SignatureReportT["laterChanges"], MessageKey> = {
  none: "verify.after.none",
  "signatures-only": "verify.after.signatures",
  other: "verify.after.other",
};

function SignatureCard({ signature: s }: { signature: SignatureReportT }) {
  const { t, lang } = useI18n();
  const signer = s.signer;
  const heading =
    s.kind === "document-timestamp"
      ? t("verify.timestampEntry", { index: s.index })
      : `${t("verify.signature", { index: s.index })}${signer?.commonName ? `: ${signer.commonName}` : ""}`;
  const integrity = s.intact
    ? { text: t("verify.integrity.ok"), tone: "sig-ok" }
    : s.signatureValid && !s.digestMatches
      ? { text: t("verify.integrity.changed"), tone: "sig-bad" }
      : { text: t("verify.integrity.broken"), tone: "sig-bad" };
  const timeSource =
    s.signingTimeSource === "timestamp"
      ? t("verify.time.timestamp", { authority: s.timestamp?.authority ?? "TSA" })
      : s.signingTimeSource === "unknown"
        ? ""
        : t("verify.time.claimed");
  const validity =
    s.certificateValidAtSigningTime === undefined || !signer
      ? { text: t("verify.unknown"), tone: "sig-warn" }
      : {
          text: t(s.certificateValidAtSigningTime ? "verify.certValidity.ok" : "verify.certValidity.bad", {
            from: formatDay(signer.notBefore),
            to: formatDay(signer.notAfter),
          }),
          tone: s.certificateValidAtSigningTime ? "sig-ok" : "sig-bad",
        };
  const chainTone =
    s.chain.status === "trusted" ? "sig-ok" : s.chain.status === "unknown-issuer" ? "sig-warn" : "sig-bad";
  return (
    <li className={`sig-card sig-card-${s.status}`} data-testid="signature">
      <div className="sig-card-head">
        <h3>{heading}</h3>
        <span
          className={`badge ${s.status === "valid" ? "badge-ok" : "badge-bad"}`}
          data-testid="signature-status"
          data-status={s.status}
        >
          {t(STATUS_KEYS[s.status])}
        </span>
      </div>
      <dl className="facts facts-compact">
        {signer ? (
          <>
            <div>
              <dt>{t("verify.signer")}</dt>
              <dd>{signer.commonName ?? signer.subject}</dd>
            </div>
            {signer.organization ? (
              <div>
                <dt>{t("verify.organization")}</dt>
                <dd>{signer.organization}</dd>
              </div>
            ) : null}
            {signer.title ? (
              <div>
                <dt>{t("verify.position")}</dt>
                <dd>{signer.title}</dd>
              </div>
            ) : null}
          </>
        ) : null}
        <div>
          <dt>{t("verify.time")}</dt>
          <dd>
            {s.signingTime ? formatSigningTime(s.signingTime, lang) : t("verify.unknown")}
            {timeSource ? <span className="cell-sub">{timeSource}</span> : null}
          </dd>
        </div>
        <div>
          <dt>{t("verify.integrity")}</dt>
          <dd className={integrity.tone}>{integrity.text}</dd>
        </div>
        <div>
          <dt>{t("verify.after")}</dt>
          <dd className={s.laterChanges === "other" ? "sig-bad" : "sig-ok"}>
            {t(AFTER_KEYS[s.laterChanges])}
          </dd>
        </div>
        <div>
          <dt>{t("verify.certValidity")}</dt>
          <dd className={validity.tone}>{validity.text}</dd>
        </div>
        <div>
          <dt>{t("verify.chain")}</dt>
          <dd>
            <span className={chainTone} data-testid="signature-chain" data-chain={s.chain.status}>
              {t(CHAIN_KEYS[s.chain.status])}
            </span>
            {signer ? <span className="cell-sub">{signer.issuer}</span> : null}
          </dd>
        </div>
        {s.reason ? (
          <div>
            <dt>{t("verify.reason")}</dt>
            <dd>{s.reason}</dd>
          </div>
        ) : null}
      </dl>
      <details className="sig-details">
        <summary>{t("verify.details")}</summary>
        <ul>
          {signer ? (
            <li>
              {t("verify.serial")}: <span className="sig-hash">{signer.serialNumber}</span>
            </li>
          ) : null}
          {s.subFilter ? <li>SubFilter: {s.subFilter}</li> : null}
          {s.fieldName ? <li>Field: {s.fieldName}</li> : null}
          <li>ByteRange: [{s.byteRange.join(" ")}]</li>
          {s.chain.message ? <li>{s.chain.message}</li> : null}
          {s.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      </details>
    </li>
  );
}
