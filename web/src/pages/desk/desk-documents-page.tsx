import { type FormEvent, useId, useState } from "react";
import { Alert } from "../../components/alert.tsx";
import { Dialog } from "../../components/dialog.tsx";
import { SelectField, TextField } from "../../components/field.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { type DeskDocumentT, type DeskProfileT, deskApi } from "../../desk-api.ts";
import { useI18n } from "../../i18n/index.tsx";
import { errorText } from "../../lib/errors.ts";
import { useMe } from "../../session.tsx";
import { formatInstant } from "../dossiers/labels.ts";
import { UnitPicker, useDesk } from "./use-desk.tsx";
import "./desk.css";

type Kind = DeskDocumentT["kind"];
const KINDS: readonly Kind[] = ["house_rules", "regulation"];

/** Prints one version alone: the print style shows only the element marked as the target. */
function printVersion(id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  const details = target.closest("details");
  if (details) details.open = true;
  target.classList.add("desk-print-target");
  document.body.classList.add("desk-printing");
  const done = () => {
    target.classList.remove("desk-print-target");
    document.body.classList.remove("desk-printing");
    window.removeEventListener("afterprint", done);
  };
  window.addEventListener("afterprint", done);
  window.print();
}

/**
 * Nội quy, quy chế and the desk's public information: the profile (model, name, opening hours, where feedback is
 * received; PUT …/desk/profile) and the versioned documents — a new version is a draft until it is published, and
 * the public page shows the latest published one (NĐ 61/2018 art. 8).
 */
export function DeskDocumentsPage() {
  const { t, lang } = useI18n();
  const desk = useDesk();
  const [writing, setWriting] = useState<Kind | null>(null);
  const [notice, setNotice] = useState<string>();
  const documents = desk.desk?.documents ?? [];

  const publish = async (d: DeskDocumentT) => {
    try {
      const done = await deskApi.publishDocument(desk.unitId, d.id);
      setNotice(t("da.doc.publishedDone", { kind: t(`desk.document.${done.kind}`), n: done.version }));
      await desk.reload();
    } catch (e) {
      desk.setError(errorText(e, lang));
    }
  };

  return (
    <div className="container">
      <PageHeading title={t("da.documents.title")} lead={t("da.documents.lead")} />
      <UnitPicker desk={desk} />
      {desk.error ? <Alert kind="error">{desk.error}</Alert> : null}
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      {desk.desk ? (
        <ProfileForm
          key={desk.unitId}
          unitId={desk.unitId}
          profile={desk.desk.profile}
          unitName={desk.desk.unit.name}
          onSaved={() => void desk.reload()}
        />
      ) : null}
      {KINDS.map((kind) => {
        const versions = documents.filter((d) => d.kind === kind);
        return (
          <section key={kind} className="desk-section" aria-labelledby={`da-doc-${kind}`}>
            <div className="desk-section-head">
              <h2 id={`da-doc-${kind}`}>{t(`desk.document.${kind}`)}</h2>
              <button type="button" className="button button-primary" onClick={() => setWriting(kind)}>
                {t("da.doc.new")}
                <span className="visually-hidden"> — {t(`desk.document.${kind}`)}</span>
              </button>
            </div>
            {versions.length === 0 ? <p className="muted">{t("da.doc.none")}</p> : null}
            <ul className="desk-doc-list" data-testid={`da-doc-${kind}`}>
              {versions.map((d) => (
                <li key={d.id} className="panel" data-version={d.version}>
                  <h3>
                    {t("desk.version", { n: d.version })}: {d.title}
                  </h3>
                  <p className="muted">
                    {d.publishedAt
                      ? t("da.doc.published", {
                          at: formatInstant(d.publishedAt, lang),
                        })
                      : t("da.doc.draft")}
                    {d.issuedRef ? ` · ${t("desk.issued", { ref: d.issuedRef })}` : ""}
                  </p>
                  <details>
                    <summary>{t("da.doc.show", { n: d.version })}</summary>
                    <article id={`da-doc-text-${d.id}`}>
                      <p className="desk-print-only strong">{d.title}</p>
                      {d.issuedRef ? (
                        <p className="desk-print-only">{t("desk.issued", { ref: d.issuedRef })}</p>
                      ) : null}
                      <div className="desk-doc-body">{d.body}</div>
                    </article>
                  </details>
                  <div className="button-row">
                    {d.publishedAt ? null : (
                      <button type="button" className="button" onClick={() => void publish(d)}>
                        {t("da.doc.publish", { n: d.version })}
                      </button>
                    )}
                    <button
                      type="button"
                      className="button"
                      onClick={() => printVersion(`da-doc-text-${d.id}`)}
                    >
                      {t("da.doc.print", { n: d.version })}
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      {writing ? (
        <DocumentDialog
          unitId={desk.unitId}
          kind={writing}
          latest={documents.find((d) => d.kind === writing) ?? null}
          onClose={() => setWriting(null)}
          onSaved={(d) => {
            setWriting(null);
            setNotice(t("da.doc.added", { n: d.version }));
            void desk.reload();
          }}
        />
      ) : null}
    </div>
  );
}

function ProfileForm({
  unitId,
  profile,
  unitName,
  onSaved,
}: {
  unitId: string;
  profile: DeskProfileT | null;
  unitName: string;
  onSaved: () => void;
}) {
  const { t, lang } = useI18n();
  const me = useMe();
  const [model, setModel] = useState<DeskProfileT["model"]>(profile?.model ?? "2025");
  const [name, setName] = useState(profile?.name ?? "");
  const [address, setAddress] = useState(profile?.address ?? "");
  const [hours, setHours] = useState(profile?.openingHours ?? "");
  const [feedbackAddress, setFeedbackAddress] = useState(profile?.feedbackAddress ?? "");
  const [feedbackPhone, setFeedbackPhone] = useState(profile?.feedbackPhone ?? "");
  const [feedbackEmail, setFeedbackEmail] = useState(profile?.feedbackEmail ?? "");
  const [message, setMessage] = useState<{ kind: "success" | "error"; text: string }>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await deskApi.saveProfile(unitId, {
        model,
        name: name.trim(),
        address: address.trim() || null,
        openingHours: hours.trim(),
        feedbackAddress: feedbackAddress.trim(),
        feedbackPhone: feedbackPhone.trim(),
        feedbackEmail: feedbackEmail.trim() || null,
        version: profile?.version ?? 0,
      });
      setMessage({ kind: "success", text: t("da.saved") });
      onSaved();
    } catch (e) {
      setMessage({ kind: "error", text: errorText(e, lang) });
    }
  };

  return (
    <section className="desk-section" aria-labelledby="da-profile">
      <h2 id="da-profile">{t("da.profile.title")}</h2>
      {message ? <Alert kind={message.kind}>{message.text}</Alert> : null}
      {profile ? null : <p className="muted">{t("desk.notSetUp")}</p>}
      <form
        className="form panel"
        onSubmit={(e) => void submit(e)}
        aria-label={`${t("da.profile.title")} — ${unitName || me.unit.name}`}
      >
        <div className="form-grid">
          <SelectField
            label={t("da.profile.model")}
            value={model}
            onChange={(e) => setModel(e.target.value as DeskProfileT["model"])}
          >
            <option value="2018">{t("da.profile.model.2018")}</option>
            <option value="2025">{t("da.profile.model.2025")}</option>
          </SelectField>
          <TextField
            label={t("da.profile.name")}
            required
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          <TextField
            label={t("da.profile.address")}
            value={address}
            onChange={(e) => setAddress(e.target.value)}
          />
          <TextField
            label={t("da.profile.feedbackAddress")}
            required
            value={feedbackAddress}
            onChange={(e) => setFeedbackAddress(e.target.value)}
          />
          <TextField
            label={t("da.profile.feedbackPhone")}
            type="tel"
            required
            value={feedbackPhone}
            onChange={(e) => setFeedbackPhone(e.target.value)}
          />
          <TextField
            label={t("da.profile.feedbackEmail")}
            type="email"
            value={feedbackEmail}
            onChange={(e) => setFeedbackEmail(e.target.value)}
          />
        </div>
        <TextArea
          label={t("da.profile.hours")}
          hint={t("da.profile.hoursHint")}
          value={hours}
          onChange={setHours}
          rows={3}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {t("da.profile.save")}
          </button>
        </div>
      </form>
    </section>
  );
}

function TextArea({
  label,
  hint,
  value,
  onChange,
  rows,
}: {
  label: string;
  hint?: string;
  value: string;
  onChange: (v: string) => void;
  rows: number;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        <span className="required" aria-hidden="true">
          {" "}
          *
        </span>
      </label>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        className="input"
        required
        rows={rows}
        value={value}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

function DocumentDialog({
  unitId,
  kind,
  latest,
  onClose,
  onSaved,
}: {
  unitId: string;
  kind: Kind;
  latest: DeskDocumentT | null;
  onClose: () => void;
  onSaved: (d: DeskDocumentT) => void;
}) {
  const { t, lang } = useI18n();
  const [title, setTitle] = useState(latest?.title ?? t(`desk.document.${kind}`));
  const [issuedRef, setIssuedRef] = useState(latest?.issuedRef ?? "");
  const [body, setBody] = useState(latest?.body ?? "");
  const [error, setError] = useState<string>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      onSaved(
        await deskApi.addDocument(unitId, {
          kind,
          title: title.trim(),
          body: body.trim(),
          issuedRef: issuedRef.trim() || null,
        }),
      );
    } catch (e) {
      setError(errorText(e, lang));
    }
  };

  return (
    <Dialog title={t("da.doc.newOf", { kind: t(`desk.document.${kind}`) })} onClose={onClose} wide>
      {error ? <Alert kind="error">{error}</Alert> : null}
      <form className="form" onSubmit={(e) => void submit(e)}>
        <TextField
          label={t("da.doc.title")}
          required
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
        <TextField label={t("da.doc.ref")} value={issuedRef} onChange={(e) => setIssuedRef(e.target.value)} />
        <TextArea label={t("da.doc.body")} value={body} onChange={setBody} rows={14} />
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {t("da.doc.submit")}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
