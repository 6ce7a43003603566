/** A dossier's papers, transfers between bodies, processing steps, issued forms and the note form. */
import { type FormEvent, useState } from "react";
import { Alert } from "../../components/alert.tsx";
import { Icon } from "../../components/icons.tsx";
import { type ActionResult, type DossierDetail, dossierApi, type FileBrief } from "../../dossier-api.ts";
import { useI18n } from "../../i18n/index.tsx";
import { errorText } from "../../lib/errors.ts";
import { FileLinks } from "./dossier-timeline.tsx";
import { FileUpload } from "./file-upload.tsx";
import {
  formatInstant,
  formatShort,
  KIND_LABELS,
  OUTCOME_LABELS,
  ROLE_STEP_LABELS,
  TIMELINESS_LABELS,
} from "./labels.ts";

export function Papers({ dossier }: { dossier: DossierDetail }) {
  const { t, lang } = useI18n();
  return (
    <section className="panel" aria-labelledby="papers-title">
      <h2 id="papers-title">{t("dossier.papers")}</h2>
      <div className="table-wrap">
        <table className="table responsive-table dos-table">
          <caption className="visually-hidden">{t("dossier.papers")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("dossier.paper.name")}</th>
              <th scope="col">{t("dossier.paper.kind")}</th>
              <th scope="col">{t("dossier.paper.files")}</th>
            </tr>
          </thead>
          <tbody>
            {dossier.components.map((c) => (
              <tr key={c.id}>
                <td data-label={t("dossier.paper.name")}>
                  {c.name}
                  {c.supplement ? (
                    <span className="cell-sub">
                      {t("dossier.paper.supplement", { at: formatInstant(c.addedAt, lang) })}
                    </span>
                  ) : null}
                </td>
                <td data-label={t("dossier.paper.kind")}>
                  {t(KIND_LABELS[c.kind] ?? "paper.copy")} × {c.count}
                </td>
                <td data-label={t("dossier.paper.files")}>
                  {c.files.length ? <FileLinks files={c.files} /> : <span className="muted">—</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function Transfers({ dossier }: { dossier: DossierDetail }) {
  const { t, lang } = useI18n();
  return (
    <section className="panel" aria-labelledby="transfers-title">
      <h2 id="transfers-title">{t("dossier.transfers")}</h2>
      <ul className="dos-transfers">
        {dossier.transfers.map((x) => (
          <li key={x.id} className="dos-transfer">
            <p className="strong">
              {x.fromUnit.name} <span aria-hidden="true">→</span>
              <span className="visually-hidden"> {t("dossier.transfer.to")} </span> {x.toUnit.name}
            </p>
            <p className="small">
              {x.status === "open" ? t("dossier.transfer.open") : t("dossier.transfer.returned")} ·{" "}
              {t("dossier.transfer.sent", { at: formatInstant(x.sentAt, lang) })} ·{" "}
              {t("dossier.transfer.due", { at: formatInstant(x.dueAt, lang) })}
              {x.returnedAt
                ? ` · ${t("dossier.transfer.back", { at: formatInstant(x.returnedAt, lang) })}`
                : ""}
            </p>
            <p className="small">
              {t("timeline.reason")}: {x.reason}
            </p>
            {x.steps.length ? (
              <p className="small muted">
                {t("dossier.transfer.steps")}: {x.steps.map((s) => s.nameVi).join(" → ")}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Steps({ dossier }: { dossier: DossierDetail }) {
  const { t } = useI18n();
  if (dossier.tasks.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="steps-title">
      <h2 id="steps-title">{t("dossier.steps")}</h2>
      <div className="table-wrap">
        <table className="table responsive-table dos-table">
          <caption className="visually-hidden">{t("dossier.steps")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("dossier.step.name")}</th>
              <th scope="col">{t("dossier.step.who")}</th>
              <th scope="col">{t("dossier.step.time")}</th>
              <th scope="col">{t("dossier.step.result")}</th>
            </tr>
          </thead>
          <tbody>
            {dossier.tasks.map((task) => (
              <tr key={task.id}>
                <td data-label={t("dossier.step.name")}>
                  {task.name}
                  <span className="cell-sub">{task.unit.name}</span>
                </td>
                <td data-label={t("dossier.step.who")}>
                  {task.assignee ? task.assignee.fullName : task.finishedAt ? "—" : t("inbox.unassigned")}
                  <span className="cell-sub">{t(ROLE_STEP_LABELS[task.role] ?? "role.specialist")}</span>
                </td>
                <td data-label={t("dossier.step.time")}>
                  <span className="cell-sub">
                    {t("dossier.step.started")}: {formatShort(task.startedAt)}
                  </span>
                  <span className="cell-sub">
                    {t("dossier.step.due")}: {formatShort(task.dueAt)}
                  </span>
                  {task.finishedAt ? (
                    <span className="cell-sub">
                      {t("dossier.step.finished")}: {formatShort(task.finishedAt)}
                    </span>
                  ) : null}
                </td>
                <td data-label={t("dossier.step.result")}>
                  {task.finishedAt ? (
                    <>
                      {task.timeliness ? (
                        <span
                          className={`badge ${task.timeliness === "late" ? "dos-due dos-due-overdue" : "badge-ok"}`}
                        >
                          {t(TIMELINESS_LABELS[task.timeliness] ?? "timeliness.on_time")}
                        </span>
                      ) : null}
                      {task.outcome ? (
                        <span className="cell-sub">
                          {OUTCOME_LABELS[task.outcome]
                            ? t(OUTCOME_LABELS[task.outcome] ?? "outcome.forwarded")
                            : task.outcome}
                        </span>
                      ) : null}
                    </>
                  ) : (
                    <span className="badge badge-muted">{t("dossier.step.open")}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function Forms({ dossier }: { dossier: DossierDetail }) {
  const { t, lang } = useI18n();
  return (
    <section className="panel" aria-labelledby="forms-title">
      <h2 id="forms-title">{t("dossier.forms")}</h2>
      <ul className="dos-forms">
        {dossier.forms.map((f) => (
          <li key={f.id}>
            <a href={f.url} target="_blank" rel="noopener" data-form={f.kind}>
              <Icon name="print" />
              <span>
                {/* A slip that is not a numbered form (the transfer slip) is named by its title alone. */}
                {f.number ? t("dossier.formName", { number: f.number, title: f.title }) : f.title}
                <span className="cell-sub">{formatInstant(f.issuedAt, lang)}</span>
              </span>
            </a>
          </li>
        ))}
        {dossier.code ? (
          <li className="dos-control-sheet">
            <span className="dos-forms-label">{t("dossier.controlSheet")}</span>
            <span className="dos-forms-links">
              <a
                href={dossierApi.controlSheetUrl(dossier.id, "pdf")}
                target="_blank"
                rel="noopener"
                data-testid="control-sheet-pdf"
              >
                <Icon name="download" />
                <span>PDF</span>
              </a>
              <a href={dossierApi.controlSheetUrl(dossier.id, "xlsx")} data-testid="control-sheet-xlsx">
                <Icon name="download" />
                <span>Excel</span>
              </a>
            </span>
          </li>
        ) : null}
      </ul>
      {dossier.forms.length === 0 && !dossier.code ? (
        <p className="muted">{t("dossier.forms.none")}</p>
      ) : null}
    </section>
  );
}

export function NoteForm({
  dossier,
  onAdded,
}: {
  dossier: DossierDetail;
  onAdded: (r: ActionResult) => void;
}) {
  const { t, lang } = useI18n();
  const [text, setText] = useState("");
  const [files, setFiles] = useState<FileBrief[]>([]);
  const [uploading, setUploading] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) {
      setError(t("form.required"));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const result = await dossierApi.note(dossier.id, {
        text: text.trim(),
        ...(files.length ? { fileIds: files.map((f) => f.id) } : {}),
      });
      onAdded(result);
      setText("");
      setFiles([]);
      setDone(true);
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="note-title">
      <h2 id="note-title">{t("action.note")}</h2>
      <form className="form" onSubmit={submit} noValidate>
        {done ? <Alert kind="success">{t("note.added")}</Alert> : null}
        <div className={error ? "field has-error" : "field"}>
          <label htmlFor="note-text">{t("note.text")}</label>
          <textarea
            id="note-text"
            className="input"
            rows={3}
            maxLength={5000}
            value={text}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "note-error" : undefined}
            onChange={(e) => {
              setText(e.target.value);
              setDone(false);
            }}
          />
          {error ? (
            <p className="field-error" id="note-error">
              <span aria-hidden="true">⚠ </span>
              {error}
            </p>
          ) : null}
        </div>
        <FileUpload label={t("note.files")} files={files} onChange={setFiles} onBusy={setUploading} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy || uploading}>
            {t("note.submit")}
          </button>
        </div>
      </form>
    </section>
  );
}
