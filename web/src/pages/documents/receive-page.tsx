import { type FormEvent, useEffect, useState } from "react";
import { Alert } from "../../components/alert.tsx";
import { SelectField, TextField } from "../../components/field.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { type DocumentTypeT, documentsApi } from "../../documents-api.ts";
import { errorText } from "../../lib/errors.ts";
import { navigate } from "../../router.tsx";
import { base64Of } from "./base64.ts";
import { documentPath, useDocumentsI18n } from "./documents-i18n.ts";
import "./documents.css";

const URGENCIES = ["normal", "khan", "thuong_khan", "hoa_toc"] as const;
const MAX_BYTES = 20 * 1024 * 1024;

/**
 * The clerk receives a document from outside motcua: an electronic PDF (its signatures are checked) or a scan of
 * paper (PDF, JPG, PNG; its text is read by OCR for search), with the sender's number, date and issuer. It then
 * waits in the incoming box to be registered (same or next working day, NĐ 30/2020 Điều 22).
 */
export function DocumentReceivePage() {
  const { t, lang } = useDocumentsI18n();
  const [types, setTypes] = useState<DocumentTypeT[]>([]);
  const [origin, setOrigin] = useState<"outside" | "paper">("paper");
  const [typeCode, setTypeCode] = useState("cong-van");
  const [summary, setSummary] = useState("");
  const [issuerName, setIssuerName] = useState("");
  const [originalNumber, setOriginalNumber] = useState("");
  const [originalDate, setOriginalDate] = useState("");
  const [urgency, setUrgency] = useState<(typeof URGENCIES)[number]>("normal");
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    documentsApi.types().then(
      (r) => setTypes(r.items),
      (e) => setError(errorText(e, lang)),
    );
  }, [lang]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const problems: Record<string, string> = {};
    const required = t("d.draft.required");
    if (!summary.trim()) problems.summary = required;
    if (!issuerName.trim()) problems.issuer = required;
    if (!originalNumber.trim()) problems.number = required;
    if (!originalDate) problems.date = required;
    if (!file) problems.file = t("d.recv.fileRequired");
    else if (file.size > MAX_BYTES) problems.file = t("d.draft.tooBig");
    setMissing(problems);
    if (Object.keys(problems).length > 0 || !file) return;
    setBusy(true);
    setError(undefined);
    try {
      const { id } = await documentsApi.receive({
        upload: { file: await base64Of(file), fileName: file.name },
        origin,
        typeCode,
        summary: summary.trim(),
        issuerName: issuerName.trim(),
        originalNumber: originalNumber.trim(),
        originalDate,
        urgency,
      });
      navigate(documentPath(id));
    } catch (err) {
      setError(errorText(err, lang));
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeading title={t("d.recv.title")} lead={t("d.recv.lead")} />
      {error ? <Alert kind="error">{error}</Alert> : null}
      <form className="form panel" onSubmit={(e) => void submit(e)} noValidate>
        <fieldset className="fieldset doc-fieldset">
          <legend>{t("d.recv.origin")}</legend>
          <div className="doc-options">
            <label className="checkbox">
              <input
                type="radio"
                name="origin"
                checked={origin === "paper"}
                onChange={() => setOrigin("paper")}
              />
              {t("d.recv.origin.paper")}
            </label>
            <label className="checkbox">
              <input
                type="radio"
                name="origin"
                checked={origin === "outside"}
                onChange={() => setOrigin("outside")}
              />
              {t("d.recv.origin.outside")}
            </label>
          </div>
        </fieldset>
        <TextField
          type="file"
          label={t("d.recv.file")}
          accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
          required
          error={missing.file}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <div className="form-grid">
          <SelectField
            label={t("d.draft.type")}
            value={typeCode}
            onChange={(e) => setTypeCode(e.target.value)}
          >
            {types.map((ty) => (
              <option key={ty.code} value={ty.code}>
                {ty.abbreviation ? `${ty.name} (${ty.abbreviation})` : ty.name}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t("d.recv.issuer")}
            required
            value={issuerName}
            maxLength={200}
            error={missing.issuer}
            onChange={(e) => setIssuerName(e.target.value)}
          />
          <TextField
            label={t("d.recv.number")}
            hint={t("d.recv.number.hint")}
            required
            value={originalNumber}
            maxLength={41}
            error={missing.number}
            onChange={(e) => setOriginalNumber(e.target.value)}
          />
          <TextField
            type="date"
            label={t("d.recv.date")}
            required
            value={originalDate}
            error={missing.date}
            onChange={(e) => setOriginalDate(e.target.value)}
          />
        </div>
        <TextField
          label={t("d.draft.summary")}
          required
          value={summary}
          maxLength={500}
          error={missing.summary}
          onChange={(e) => setSummary(e.target.value)}
        />
        <SelectField
          label={t("d.draft.urgency")}
          value={urgency}
          onChange={(e) => setUrgency(e.target.value as (typeof URGENCIES)[number])}
        >
          {URGENCIES.map((u) => (
            <option key={u} value={u}>
              {t(`d.urgency.${u}`)}
            </option>
          ))}
        </SelectField>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t("d.draft.saving") : t("d.recv.submit")}
          </button>
        </div>
      </form>
    </>
  );
}
