import { type FormEvent, useEffect, useState } from "react";
import { api, type PublicUnitT } from "../../api.ts";
import { Alert } from "../../components/alert.tsx";
import { SelectField, TextField } from "../../components/field.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import {
  type DocumentDetailT,
  type DocumentTypeT,
  documentsApi,
  type WorkFileListT,
} from "../../documents-api.ts";
import { errorText } from "../../lib/errors.ts";
import { navigate, useLocation } from "../../router.tsx";
import { useMe } from "../../session.tsx";
import { base64Of } from "./base64.ts";
import { documentPath, useDocumentsI18n } from "./documents-i18n.ts";
import "./documents.css";
import { vietnamYear } from "../../lib/vietnam-day.ts";

const URGENCIES = ["normal", "khan", "thuong_khan", "hoa_toc"] as const;
const CONFIDENTIALITIES = ["normal", "mat", "toi_mat", "tuyet_mat"] as const;
const MAX_BYTES = 20 * 1024 * 1024;

/**
 * Drafting an outgoing document: kind from the NĐ 30 list, summary, content written here or uploaded (PDF/DOCX),
 * recipients in the tree (all units below in one choice, the unit above) and outside on paper, urgency,
 * confidentiality, reply due date; with ?replyTo=ID the draft answers that incoming document.
 */
export function DocumentDraftPage() {
  const { t, lang } = useDocumentsI18n();
  const me = useMe();
  const { search } = useLocation();
  const replyTo = search.get("replyTo");
  const [types, setTypes] = useState<DocumentTypeT[]>([]);
  const [units, setUnits] = useState<PublicUnitT[]>([]);
  const [answering, setAnswering] = useState<DocumentDetailT | null>(null);
  const [typeCode, setTypeCode] = useState(replyTo ? "cong-van" : "quyet-dinh");
  const [summary, setSummary] = useState("");
  const [contentKind, setContentKind] = useState<"text" | "upload">("text");
  const [text, setText] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [toChildren, setToChildren] = useState(false);
  const [toParent, setToParent] = useState(!!replyTo);
  const [outside, setOutside] = useState("");
  const [urgency, setUrgency] = useState<(typeof URGENCIES)[number]>("normal");
  const [confidentiality, setConfidentiality] = useState<(typeof CONFIDENTIALITIES)[number]>("normal");
  const [replyDueOn, setReplyDueOn] = useState("");
  const [abbr, setAbbr] = useState("");
  const [files, setFiles] = useState<WorkFileListT["items"]>([]);
  const [workFileId, setWorkFileId] = useState("");
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    documentsApi.types().then(
      (r) => setTypes(r.items),
      (e) => setError(errorText(e, lang)),
    );
    documentsApi.workFiles(me.unit.id, vietnamYear()).then(
      (r) => setFiles(r.items.filter((f) => f.status === "open")),
      () => setFiles([]),
    );
    api.units.publicList().then(
      (r) => setUnits(r.items),
      () => setUnits([]),
    );
  }, [lang, me.unit.id]);

  useEffect(() => {
    if (!replyTo) return;
    documentsApi.get(replyTo).then(setAnswering, (e) => setError(errorText(e, lang)));
  }, [replyTo, lang]);

  const self = units.find((u) => u.id === me.unit.id);
  const parent = self?.parentId ? units.find((u) => u.id === self.parentId) : undefined;
  // The units the API sends to with childrenOf: those below, not the unit's own offices (agencies).
  const children = units.filter((u) => u.parentId === me.unit.id && u.kind !== "agency");

  async function submit(e: FormEvent) {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!summary.trim()) problems.summary = t("d.draft.required");
    if (contentKind === "text" && !text.trim()) problems.text = t("d.draft.required");
    if (contentKind === "upload" && !file) problems.file = t("d.draft.fileRequired");
    if (file && file.size > MAX_BYTES) problems.file = t("d.draft.tooBig");
    setMissing(problems);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    setError(undefined);
    try {
      const recipients = [
        ...(toChildren ? [{ childrenOf: me.unit.id }] : []),
        ...(toParent && parent ? [{ unitId: parent.id }] : []),
        ...outside
          .split("\n")
          .map((name) => name.trim())
          .filter(Boolean)
          .map((name) => ({ name, channel: "paper" as const })),
      ];
      const content =
        contentKind === "upload" && file
          ? { upload: { file: await base64Of(file), fileName: file.name } }
          : { text: text.trim() };
      const { id } = await documentsApi.create({
        typeCode,
        summary: summary.trim(),
        content,
        recipients,
        urgency,
        confidentiality,
        replyDueOn: replyDueOn || null,
        draftingUnitAbbr: abbr.trim() || undefined,
        repliesToId: replyTo ?? null,
        workFileId: workFileId || null,
      });
      navigate(replyTo ? `${documentPath(replyTo)}&reply=${id}` : documentPath(id));
    } catch (err) {
      setError(errorText(err, lang));
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeading
        title={replyTo ? t("d.draft.reply.title") : t("d.draft.title")}
        lead={
          answering
            ? t("d.draft.repliesTo", {
                doc: `${answering.numberAndNotation ?? ""} ${answering.summary}`.trim(),
              })
            : t("d.draft.lead")
        }
      />
      {error ? <Alert kind="error">{error}</Alert> : null}
      <form className="form panel" onSubmit={(e) => void submit(e)} noValidate>
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
            label={t("d.draft.abbr")}
            value={abbr}
            maxLength={20}
            onChange={(e) => setAbbr(e.target.value)}
          />
        </div>
        <TextField
          label={t("d.draft.summary")}
          hint={t("d.draft.summary.hint")}
          required
          value={summary}
          maxLength={500}
          error={missing.summary}
          onChange={(e) => setSummary(e.target.value)}
        />
        <fieldset className="fieldset doc-fieldset">
          <legend>{t("d.draft.contentKind")}</legend>
          <div className="doc-options">
            <label className="checkbox">
              <input
                type="radio"
                name="content-kind"
                checked={contentKind === "text"}
                onChange={() => setContentKind("text")}
              />
              {t("d.draft.contentText")}
            </label>
            <label className="checkbox">
              <input
                type="radio"
                name="content-kind"
                checked={contentKind === "upload"}
                onChange={() => setContentKind("upload")}
              />
              {t("d.draft.contentUpload")}
            </label>
          </div>
          {contentKind === "text" ? (
            <div className={missing.text ? "field has-error" : "field"}>
              <label htmlFor="doc-text">
                {t("d.draft.text")}
                <span className="required" aria-hidden="true">
                  {" "}
                  *
                </span>
              </label>
              <textarea
                id="doc-text"
                className="input"
                rows={10}
                value={text}
                required
                aria-invalid={missing.text ? true : undefined}
                aria-describedby={missing.text ? "doc-text-error" : undefined}
                onChange={(e) => setText(e.target.value)}
              />
              {missing.text ? (
                <p className="field-error" id="doc-text-error">
                  <span aria-hidden="true">⚠ </span>
                  {missing.text}
                </p>
              ) : null}
            </div>
          ) : (
            <TextField
              type="file"
              label={t("d.draft.file")}
              accept="application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,.docx,.pdf"
              required
              error={missing.file}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          )}
        </fieldset>
        <fieldset className="fieldset doc-fieldset">
          <legend>{t("d.draft.recipients")}</legend>
          <div className="doc-options">
            {children.length > 0 ? (
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={toChildren}
                  onChange={(e) => setToChildren(e.target.checked)}
                />
                {t("d.draft.children", { n: children.length })}
              </label>
            ) : null}
            {parent ? (
              <label className="checkbox">
                <input type="checkbox" checked={toParent} onChange={(e) => setToParent(e.target.checked)} />
                {t("d.draft.parent", { name: parent.name })}
              </label>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor="doc-outside">{t("d.draft.outside")}</label>
            <textarea
              id="doc-outside"
              className="input"
              rows={2}
              value={outside}
              onChange={(e) => setOutside(e.target.value)}
            />
          </div>
        </fieldset>
        <div className="form-grid">
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
          <SelectField
            label={t("d.draft.confidentiality")}
            value={confidentiality}
            onChange={(e) => setConfidentiality(e.target.value as (typeof CONFIDENTIALITIES)[number])}
          >
            {CONFIDENTIALITIES.map((c) => (
              <option key={c} value={c}>
                {t(`d.conf.${c}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            type="date"
            label={t("d.draft.replyDue")}
            value={replyDueOn}
            onChange={(e) => setReplyDueOn(e.target.value)}
          />
        </div>
        {files.length > 0 ? (
          <SelectField
            label={t("d.draft.workFile")}
            value={workFileId}
            onChange={(e) => setWorkFileId(e.target.value)}
          >
            <option value="">{t("d.draft.noWorkFile")}</option>
            {files.map((f) => (
              <option key={f.id} value={f.id}>
                {f.notation} — {f.title}
              </option>
            ))}
          </SelectField>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t("d.draft.saving") : t("d.draft.submit")}
          </button>
        </div>
      </form>
    </>
  );
}
