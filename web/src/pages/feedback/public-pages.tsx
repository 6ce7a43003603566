import { type ChangeEvent, type FormEvent, useEffect, useState } from "react";
import { api, type PublicUnitT } from "../../api.ts";
import { Alert } from "../../components/alert.tsx";
import { SelectField, TextField } from "../../components/field.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { feedbackApi, type PublicStatusT, type ReceiptT } from "../../feedback-api.ts";
import { errorText } from "../../lib/errors.ts";
import { Link, navigate, useLocation } from "../../router.tsx";
import { shortInstant, useFeedbackI18n } from "./feedback-i18n.ts";
import { PublishedAnswers } from "./published-answers.tsx";
import "./feedback.css";

const SUBJECTS = ["procedure", "conduct", "dossier", "rule", "other"] as const;
type Subject = (typeof SUBJECTS)[number];

/** /phan-anh-kien-nghi: the form; /tra-cuu: lookup and rating; /ket-qua?unit=: a unit's published answers. */
export function FeedbackPublicPages() {
  const { pathname, search } = useLocation();
  if (pathname === "/phan-anh-kien-nghi/tra-cuu") return <FeedbackLookupPage />;
  if (pathname === "/phan-anh-kien-nghi/ket-qua") return <UnitAnswersPage unit={search.get("unit") ?? ""} />;
  return <FeedbackFormPage />;
}

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

function FeedbackFormPage() {
  const { t, lang } = useFeedbackI18n();
  const { search } = useLocation();
  const [units, setUnits] = useState<PublicUnitT[]>([]);
  const [values, setValues] = useState({
    unit: search.get("unit") ?? "",
    subject: (search.get("procedure") ? "procedure" : "procedure") as Subject,
    procedure: search.get("procedure") ?? "",
    dossierCode: "",
    title: "",
    content: "",
    name: "",
    address: "",
    phone: "",
    email: "",
    website: "",
  });
  const [files, setFiles] = useState<File[]>([]);
  const [missing, setMissing] = useState<string[]>([]);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [receipt, setReceipt] = useState<ReceiptT | null>(null);

  useEffect(() => {
    api.units.publicList().then(
      (r) => {
        setUnits(r.items);
        setValues((v) =>
          v.unit ? v : { ...v, unit: r.items.find((u) => u.kind !== "province")?.code ?? "" },
        );
      },
      () => setUnits([]),
    );
  }, []);

  const set =
    (key: keyof typeof values) =>
    (e: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
      setValues((v) => ({ ...v, [key]: e.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const required: (keyof typeof values)[] = ["unit", "content", "name", "address", "phone"];
    if (values.subject === "procedure") required.push("procedure");
    if (values.subject === "dossier") required.push("dossierCode");
    const empty = required.filter((k) => !values[k].trim());
    setMissing(empty);
    if (empty.length > 0) return;
    setBusy(true);
    setError(undefined);
    try {
      const attachments = await Promise.all(
        files.map(async (f) => ({
          filename: f.name,
          contentType: f.type || undefined,
          file: await readBase64(f),
        })),
      );
      const r = await feedbackApi.file({
        unit: values.unit,
        subject: values.subject,
        ...(values.subject === "procedure" || values.subject === "rule"
          ? values.procedure.trim()
            ? { procedure: values.procedure.trim() }
            : {}
          : {}),
        ...(values.subject === "dossier" ? { dossierCode: values.dossierCode.trim() } : {}),
        ...(values.title.trim() ? { title: values.title.trim() } : {}),
        content: values.content,
        name: values.name,
        address: values.address,
        phone: values.phone,
        ...(values.email.trim() ? { email: values.email.trim() } : {}),
        locale: lang,
        ...(attachments.length ? { attachments } : {}),
        ...(values.website ? { website: values.website } : {}),
      });
      setReceipt(r);
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  }

  if (receipt) {
    const follow = `/phan-anh-kien-nghi/tra-cuu?code=${encodeURIComponent(receipt.code)}&secret=${receipt.secret}`;
    return (
      <div className="container narrow-page">
        <PageHeading title={t("f.sent.title")} />
        <Alert kind="success" title={t("f.sent.title")}>
          <dl className="feedback-receipt">
            <dt>{t("f.sent.code")}</dt>
            <dd data-testid="feedback-code">{receipt.code}</dd>
            <dt>{t("f.sent.secret")}</dt>
            <dd data-testid="feedback-secret">{receipt.secret}</dd>
          </dl>
          <p>{t("f.sent.hint")}</p>
          <p>
            <Link to={follow}>{t("f.sent.follow")}</Link>
          </p>
        </Alert>
      </div>
    );
  }

  const err = (key: string) => (missing.includes(key) ? t("f.required") : undefined);
  return (
    <div className="container narrow-page">
      <PageHeading title={t("f.title")} lead={t("f.lead")} />
      {error ? <Alert kind="error">{error}</Alert> : null}
      <form className="form panel" onSubmit={submit} noValidate>
        <SelectField
          label={t("f.unit")}
          value={values.unit}
          onChange={set("unit")}
          required
          error={err("unit")}
        >
          {units.map((u) => (
            <option key={u.id} value={u.code}>
              {u.name}
            </option>
          ))}
        </SelectField>
        <fieldset className="field">
          <legend>{t("f.subject")}</legend>
          {SUBJECTS.map((s) => (
            <label key={s} className="radio">
              <input
                type="radio"
                name="subject"
                value={s}
                checked={values.subject === s}
                onChange={() => setValues((v) => ({ ...v, subject: s }))}
              />{" "}
              {t(`f.subject.${s}`)}
            </label>
          ))}
        </fieldset>
        {values.subject === "procedure" || values.subject === "rule" ? (
          <TextField
            label={t("f.procedure")}
            value={values.procedure}
            onChange={set("procedure")}
            required={values.subject === "procedure"}
            error={err("procedure")}
            maxLength={200}
          />
        ) : null}
        {values.subject === "dossier" ? (
          <TextField
            label={t("f.dossierCode")}
            value={values.dossierCode}
            onChange={set("dossierCode")}
            required
            error={err("dossierCode")}
            maxLength={80}
          />
        ) : null}
        <TextField label={t("f.titleField")} value={values.title} onChange={set("title")} maxLength={300} />
        <div className={missing.includes("content") ? "field has-error" : "field"}>
          <label htmlFor="feedback-content">
            {t("f.content")}
            <span className="required" aria-hidden="true">
              {" "}
              *
            </span>
          </label>
          <textarea
            id="feedback-content"
            className="input"
            rows={8}
            maxLength={5000}
            required
            value={values.content}
            onChange={set("content")}
            aria-invalid={missing.includes("content") ? true : undefined}
          />
          {missing.includes("content") ? <p className="field-error">⚠ {t("f.required")}</p> : null}
        </div>
        <TextField
          label={t("f.name")}
          value={values.name}
          onChange={set("name")}
          required
          error={err("name")}
          autoComplete="name"
          maxLength={200}
        />
        <TextField
          label={t("f.address")}
          value={values.address}
          onChange={set("address")}
          required
          error={err("address")}
          autoComplete="street-address"
          maxLength={500}
        />
        <TextField
          label={t("f.phone")}
          type="tel"
          value={values.phone}
          onChange={set("phone")}
          required
          error={err("phone")}
          autoComplete="tel"
          maxLength={20}
        />
        <TextField
          label={t("f.email")}
          type="email"
          value={values.email}
          onChange={set("email")}
          autoComplete="email"
          maxLength={200}
        />
        <div className="field">
          <label htmlFor="feedback-files">{t("f.attachments")}</label>
          <input
            id="feedback-files"
            type="file"
            multiple
            accept="application/pdf,image/jpeg,image/png"
            onChange={(e) => setFiles([...(e.target.files ?? [])].slice(0, 3))}
          />
        </div>
        {/* Honeypot: hidden from people and from assistive technology; robots fill it in. */}
        <div className="feedback-hp" aria-hidden="true">
          <label htmlFor="feedback-website">{t("f.honeypot")}</label>
          <input
            id="feedback-website"
            name="website"
            tabIndex={-1}
            autoComplete="off"
            value={values.website}
            onChange={set("website")}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t("f.sending") : t("f.submit")}
          </button>
        </div>
      </form>
    </div>
  );
}

function FeedbackLookupPage() {
  const { t, lang } = useFeedbackI18n();
  const { search } = useLocation();
  const qCode = search.get("code") ?? "";
  const qSecret = search.get("secret") ?? "";
  const [code, setCode] = useState(qCode);
  const [secret, setSecret] = useState(qSecret);
  const [result, setResult] = useState<PublicStatusT | null>(null);
  const [error, setError] = useState<string>();
  const [score, setScore] = useState<0 | 1 | 2 | null>(null);
  const [rated, setRated] = useState(false);

  useEffect(() => {
    setResult(null);
    if (!qCode || !qSecret) return;
    feedbackApi.lookup(qCode.trim(), qSecret.trim().toUpperCase()).then(
      (r) => {
        setResult(r);
        setError(undefined);
      },
      () => setError(t("f.lookup.notFound")),
    );
  }, [qCode, qSecret, t]);

  function submit(event: FormEvent) {
    event.preventDefault();
    navigate(
      `/phan-anh-kien-nghi/tra-cuu?${new URLSearchParams({ code: code.trim(), secret: secret.trim() }).toString()}`,
      {
        replace: true,
      },
    );
  }

  async function rate(event: FormEvent) {
    event.preventDefault();
    if (score === null || !result) return;
    try {
      setResult(await feedbackApi.rate({ code: result.code, secret: qSecret.trim().toUpperCase(), score }));
      setRated(true);
    } catch (e) {
      setError(errorText(e, lang));
    }
  }

  return (
    <div className="container narrow-page">
      <PageHeading title={t("f.lookup.title")} />
      <form className="form panel" onSubmit={submit}>
        <TextField
          label={t("f.lookup.code")}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          required
          maxLength={80}
        />
        <TextField
          label={t("f.lookup.secret")}
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
          required
          maxLength={20}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {t("f.lookup.submit")}
          </button>
        </div>
      </form>
      {error ? <Alert kind="error">{error}</Alert> : null}
      {result ? (
        <section className="panel" aria-labelledby="feedback-result-title">
          <h2 id="feedback-result-title">{result.code}</h2>
          <dl className="feedback-receipt">
            <dt>{t("f.status")}</dt>
            <dd data-testid="feedback-status">
              {lang === "en" ? result.statusLabel.en : result.statusLabel.vi}
            </dd>
            <dt>{t("f.unit")}</dt>
            <dd>{result.unit.name}</dd>
          </dl>
          {result.answer ? (
            <>
              <h3>{t("f.answer")}</h3>
              <p className="feedback-text" data-testid="feedback-answer">
                {result.answer}
              </p>
              <p>{shortInstant(result.publishedAt)}</p>
            </>
          ) : null}
          {rated ? <Alert kind="success">{t("f.rate.done")}</Alert> : null}
          {result.canRate ? (
            <form onSubmit={rate} className="form">
              <fieldset className="field">
                <legend>{t("f.rate.title")}</legend>
                {([2, 1, 0] as const).map((s) => (
                  <label key={s} className="radio">
                    <input
                      type="radio"
                      name="score"
                      value={s}
                      checked={score === s}
                      onChange={() => setScore(s)}
                    />{" "}
                    {t(`f.rate.${s}`)}
                  </label>
                ))}
              </fieldset>
              <div className="form-actions">
                <button type="submit" className="button button-primary" disabled={score === null}>
                  {t("f.rate.submit")}
                </button>
              </div>
            </form>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

function UnitAnswersPage({ unit }: { unit: string }) {
  const { t } = useFeedbackI18n();
  return (
    <div className="container">
      <PageHeading title={t("f.published.title")} />
      {unit ? <PublishedAnswers unit={unit} /> : null}
    </div>
  );
}
