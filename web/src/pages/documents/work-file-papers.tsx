import { type FormEvent, useEffect, useState } from "react";
import { Alert } from "../../components/alert.tsx";
import { SelectField, TextField } from "../../components/field.tsx";
import { documentsApi, type WorkFileDetailT, type WorkFileListT } from "../../documents-api.ts";
import { errorText } from "../../lib/errors.ts";
import { vietnamYear } from "../../lib/vietnam-day.ts";
import { documentPath, useDocumentsI18n, viDate } from "./documents-i18n.ts";

/**
 * What a work file holds (NĐ 30/2020 Điều 28): its documents the reader may see and the results of one-stop dossiers
 * filed in it, with the dossier code, the procedure, the applicant and the result date.
 */
export function WorkFilePapers({ fileId, notation }: { fileId: string; notation: string }) {
  const { t } = useDocumentsI18n();
  const [file, setFile] = useState<WorkFileDetailT | null>(null);

  useEffect(() => {
    setFile(null);
    documentsApi
      .workFile(fileId)
      .then(setFile)
      .catch(() => setFile(null));
  }, [fileId]);

  if (!file) return null;
  return (
    <section className="panel" aria-labelledby="doc-file-papers" data-testid="work-file-papers">
      <h2 id="doc-file-papers">{t("d.files.detail.title", { notation })}</h2>
      <h3>{t("d.files.detail.documents")}</h3>
      {file.documents.length === 0 ? <p className="muted">{t("d.files.detail.noDocuments")}</p> : null}
      {file.documents.length > 0 ? (
        <ul>
          {file.documents.map((d) => (
            <li key={d.id}>
              <a href={documentPath(d.id)}>{d.code ?? "—"}</a> — {d.summary}
            </li>
          ))}
        </ul>
      ) : null}
      {file.hiddenDocuments > 0 ? (
        <p className="muted">{t("d.files.detail.hidden", { n: file.hiddenDocuments })}</p>
      ) : null}
      <h3>{t("d.files.detail.dossiers")}</h3>
      {file.dossiers.length === 0 ? <p className="muted">{t("d.files.detail.noDossiers")}</p> : null}
      {file.dossiers.length > 0 ? (
        <div className="table-wrap">
          <table className="table responsive-table" data-testid="work-file-dossiers">
            <caption className="visually-hidden">{t("d.files.detail.dossiers")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("d.files.dossier.code")}</th>
                <th scope="col">{t("d.files.dossier.procedure")}</th>
                <th scope="col">{t("d.files.dossier.applicant")}</th>
                <th scope="col">{t("d.files.dossier.result")}</th>
                <th scope="col">{t("d.files.dossier.resultDate")}</th>
              </tr>
            </thead>
            <tbody>
              {file.dossiers.map((d) => (
                <tr key={d.id}>
                  <td data-label={t("d.files.dossier.code")} className="doc-number">
                    {d.code}
                  </td>
                  <td data-label={t("d.files.dossier.procedure")}>{d.procedureName}</td>
                  <td data-label={t("d.files.dossier.applicant")}>{d.applicantName}</td>
                  <td data-label={t("d.files.dossier.result")}>{d.resultNumber}</td>
                  <td data-label={t("d.files.dossier.resultDate")}>{viDate(d.resultDate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

/**
 * Filing a dossier's result into one of the unit's open work files, by the dossier's code (or, from the dossier's
 * page, by its id). The server refuses a closed file, a dossier without a result, one filed already and one another
 * unit resolved; its message is shown as it comes.
 */
export function FileDossierForm({
  files,
  dossierId,
  run,
}: {
  files: WorkFileListT["items"];
  /** From the dossier's page: the dossier is known, no code to type. */
  dossierId?: string;
  run: (action: () => Promise<string>) => Promise<void>;
}) {
  const { t } = useDocumentsI18n();
  const open = files.filter((f) => f.status === "open");
  const [fileId, setFileId] = useState("");
  const [code, setCode] = useState("");
  const [missing, setMissing] = useState<string>();
  const chosen = open.find((f) => f.id === fileId) ?? open[0];

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!chosen) return;
    if (!dossierId && !code.trim()) {
      setMissing(t("d.draft.required"));
      return;
    }
    setMissing(undefined);
    const file = chosen;
    void run(async () => {
      const r = await documentsApi.fileDossier(file.id, dossierId ? { dossierId } : { code: code.trim() });
      setCode("");
      return t("d.files.fileDossier.done", { code: r.code ?? "", notation: file.notation });
    });
  }

  return (
    <form className="form panel" onSubmit={submit} noValidate aria-labelledby="doc-file-dossier">
      <h2 id="doc-file-dossier">{t("d.files.fileDossier")}</h2>
      <p className="muted">{t("d.files.fileDossier.lead")}</p>
      {open.length === 0 ? (
        <p className="muted">{t("d.files.fileDossier.noOpen")}</p>
      ) : (
        <>
          <div className="form-grid">
            <SelectField
              label={t("d.files.fileDossier.file")}
              value={chosen?.id ?? ""}
              onChange={(e) => setFileId(e.target.value)}
            >
              {open.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.notation} — {f.title}
                </option>
              ))}
            </SelectField>
            {dossierId ? null : (
              <TextField
                label={t("d.files.fileDossier.code")}
                hint={t("d.files.fileDossier.codeHint")}
                required
                maxLength={40}
                value={code}
                error={missing}
                onChange={(e) => setCode(e.target.value)}
              />
            )}
          </div>
          <div className="form-actions">
            <button type="submit" className="button button-primary">
              {t("d.files.fileDossier.submit")}
            </button>
          </div>
        </>
      )}
    </form>
  );
}

/**
 * On a dossier's page once it has its result: file that result into one of the caller's unit's open work files of
 * the year. Who may not read the unit's files gets nothing.
 */
export function DossierIntoWorkFile({ dossierId, unitId }: { dossierId: string; unitId: string }) {
  const { lang } = useDocumentsI18n();
  const [files, setFiles] = useState<WorkFileListT["items"] | null>(null);
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    documentsApi
      .workFiles(unitId, vietnamYear())
      .then((l) => setFiles(l.items))
      .catch(() => setFiles(null));
  }, [unitId]);

  async function run(action: () => Promise<string>) {
    setNotice(undefined);
    setError(undefined);
    try {
      setNotice(await action());
    } catch (e) {
      setError(errorText(e, lang));
    }
  }

  if (!files) return null;
  return (
    <div data-testid="dossier-into-work-file">
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      {error ? <Alert kind="error">{error}</Alert> : null}
      <FileDossierForm files={files} dossierId={dossierId} run={run} />
    </div>
  );
}
