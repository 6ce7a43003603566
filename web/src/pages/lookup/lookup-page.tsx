import { type FormEvent, type RefObject, useEffect, useRef, useState } from "react";
import { ApiError } from "../../api.ts";
import { Alert } from "../../components/alert.tsx";
import { TextField } from "../../components/field.tsx";
import { Icon } from "../../components/icons.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { dossierApi, type LookupResult } from "../../dossier-api.ts";
import { useI18n } from "../../i18n/index.tsx";
import { errorText } from "../../lib/errors.ts";
import { navigate, useLocation } from "../../router.tsx";
import { formatInstant, statusText, statusTone } from "../dossiers/labels.ts";
import "../dossiers/dossiers.css";

export function normaliseCode(code: string): string {
  return code.trim().toUpperCase().replace(/\s+/g, "");
}

/**
 * The public lookup (tra cứu hồ sơ): code and secret from the receipt, or straight from its QR code
 * (/tra-cuu?code=…&secret=…) → status, steps done, appointment. Nothing personal is shown.
 */
export function LookupPage() {
  const { t, lang } = useI18n();
  const { search } = useLocation();
  const qCode = search.get("code") ?? search.get("ma") ?? "";
  const qSecret = search.get("secret") ?? "";
  const [code, setCode] = useState(qCode);
  const [secret, setSecret] = useState(qSecret);
  const [result, setResult] = useState<LookupResult | null>(null);
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<{ code?: string; secret?: string }>({});
  const [busy, setBusy] = useState(false);
  const resultRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    setCode(qCode);
    setSecret(qSecret);
    if (!qCode || !qSecret) {
      setResult(null);
      return;
    }
    let cancelled = false;
    setBusy(true);
    setError(undefined);
    dossierApi.lookup(normaliseCode(qCode), qSecret.trim().toUpperCase()).then(
      (r) => {
        if (cancelled) return;
        setBusy(false);
        setResult(r);
        requestAnimationFrame(() => resultRef.current?.focus());
      },
      (e: unknown) => {
        if (cancelled) return;
        setBusy(false);
        setResult(null);
        setError(
          e instanceof ApiError && (e.status === 404 || e.code === "NOT_FOUND")
            ? t("lookup.notFound")
            : errorText(e, lang),
        );
      },
    );
    return () => {
      cancelled = true;
    };
  }, [qCode, qSecret, lang, t]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = {
      ...(code.trim() ? {} : { code: t("lookup.code.required") }),
      ...(secret.trim() ? {} : { secret: t("lookup.secret.required") }),
    };
    setFieldErrors(found);
    if (Object.keys(found).length > 0) return;
    const params = new URLSearchParams({ code: normaliseCode(code), secret: secret.trim().toUpperCase() });
    navigate(`/tra-cuu?${params.toString()}`, { replace: true });
  }

  return (
    <div className="container narrow-page dos-lookup">
      <PageHeading title={t("lookup.title")} lead={t("lookup.lead")} />
      <section className="panel" aria-labelledby="lookup-form-title">
        <h2 id="lookup-form-title" className="visually-hidden">
          {t("lookup.form")}
        </h2>
        <search>
          <form className="form" onSubmit={submit} noValidate>
            <TextField
              label={t("lookup.code")}
              hint={t("lookup.code.hint")}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              error={fieldErrors.code}
              required
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={60}
            />
            <TextField
              label={t("lookup.secret")}
              hint={t("lookup.secret.hint")}
              value={secret}
              onChange={(e) => setSecret(e.target.value)}
              error={fieldErrors.secret}
              required
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={20}
            />
            <div className="form-actions">
              <button type="submit" className="button button-primary" disabled={busy}>
                <Icon name="search" />
                <span>{t("lookup.submit")}</span>
              </button>
            </div>
          </form>
        </search>
      </section>
      {error ? <Alert kind="error">{error}</Alert> : null}
      {result ? <LookupView result={result} headingRef={resultRef} /> : null}
      <p className="small muted dos-lookup-privacy">{t("lookup.privacy")}</p>
    </div>
  );
}

function LookupView({
  result,
  headingRef,
}: {
  result: LookupResult;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const { t, lang } = useI18n();
  const tone = statusTone(result.status);
  const done = result.returnedAt !== null || result.completedAt !== null;
  return (
    <section
      className="panel dos-lookup-result"
      aria-labelledby="lookup-result-title"
      data-testid="lookup-result"
    >
      <h2 id="lookup-result-title" ref={headingRef} tabIndex={-1}>
        {t("lookup.result", { code: result.code })}
      </h2>
      <p
        className={`dos-lookup-status dos-lookup-${tone}`}
        data-testid="lookup-status"
        data-status={result.status}
      >
        {statusText(result.statusLabel, lang)}
      </p>
      {result.late ? (
        <p className="dos-lookup-late">
          <span className="badge dos-due dos-due-overdue">{t("due.late")}</span> {t("lookup.late")}
        </p>
      ) : null}
      <dl className="facts facts-compact">
        <div>
          <dt>{t("lookup.procedure")}</dt>
          <dd>{result.procedure}</dd>
        </div>
        <div>
          <dt>{t("lookup.body")}</dt>
          <dd>{result.receivingBody}</dd>
        </div>
        <div>
          <dt>{t("lookup.received")}</dt>
          <dd>{formatInstant(result.receivedAt, lang)}</dd>
        </div>
        <div>
          <dt>{t("lookup.appointment")}</dt>
          <dd className="strong" data-testid="lookup-appointment">
            {formatInstant(result.appointmentAt, lang)}
          </dd>
        </div>
        {result.currentStep && !done ? (
          <div>
            <dt>{t("lookup.current")}</dt>
            <dd data-testid="lookup-current">
              {result.currentStep.name}
              <span className="cell-sub">{result.currentStep.body}</span>
            </dd>
          </div>
        ) : null}
        {result.completedAt ? (
          <div>
            <dt>{t("lookup.completed")}</dt>
            <dd>{formatInstant(result.completedAt, lang)}</dd>
          </div>
        ) : null}
        {result.returnedAt ? (
          <div>
            <dt>{t("lookup.returned")}</dt>
            <dd>{formatInstant(result.returnedAt, lang)}</dd>
          </div>
        ) : null}
      </dl>
      <h3 className="dos-lookup-steps-title">{t("lookup.steps")}</h3>
      {result.stepsDone.length === 0 ? (
        <p className="muted">{t("lookup.steps.none")}</p>
      ) : (
        <ol className="dos-lookup-steps" data-testid="lookup-steps">
          {result.stepsDone.map((s, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: steps are a fixed history; two may finish at one instant
            <li key={`${s.finishedAt}-${i}`}>
              <span className="dos-lookup-step-name">{s.name}</span>
              <span className="cell-sub">
                {s.body} · {formatInstant(s.finishedAt, lang)}
                {s.outcome ? ` · ${s.outcome}` : ""}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
