import { type FormEvent, useEffect, useState } from "react";
import { SelectField } from "../../components/field.tsx";
import { type DocumentDetailT, documentsApi, type WorkFileListT } from "../../documents-api.ts";
import { vietnamYear } from "../../lib/vietnam-day.ts";
import { useDocumentsI18n } from "./documents-i18n.ts";

/**
 * Filing a document (outgoing or incoming) into one of its unit's open work files of the year, or taking it out
 * (NĐ 30/2020 Điều 28–31). The server refuses a closed or handed-over file; the list shows only open ones.
 */
export function FileIntoForm({
  doc,
  busy,
  run,
}: {
  doc: DocumentDetailT;
  busy: boolean;
  run: (action: (d: DocumentDetailT) => Promise<string | undefined>) => Promise<void>;
}) {
  const { t } = useDocumentsI18n();
  const [files, setFiles] = useState<WorkFileListT["items"] | null>(null);
  const [choice, setChoice] = useState(doc.workFileId ?? "");

  useEffect(() => {
    documentsApi
      .workFiles(doc.unitId, vietnamYear())
      .then((l) => setFiles(l.items))
      // Who may not read the unit's files gets no form.
      .catch(() => setFiles(null));
  }, [doc.unitId]);

  useEffect(() => setChoice(doc.workFileId ?? ""), [doc.workFileId]);

  if (!files) return null;
  const current = files.find((f) => f.id === doc.workFileId);
  if (current && current.status !== "open") return null;

  function submit(e: FormEvent) {
    e.preventDefault();
    void run(async (d) => {
      await documentsApi.fileDocument(d.id, d.version, choice || null);
      return t("d.files.filed");
    });
  }

  return (
    <section className="panel" aria-labelledby="doc-file-into">
      <h2 id="doc-file-into">{t("d.files.fileInto")}</h2>
      <form className="form" onSubmit={submit} noValidate>
        <SelectField
          label={t("d.files.fileInto.field")}
          value={choice}
          onChange={(e) => setChoice(e.target.value)}
        >
          <option value="">{t("d.files.fileInto.none")}</option>
          {files
            .filter((f) => f.status === "open")
            .map((f) => (
              <option key={f.id} value={f.id}>
                {f.notation} — {f.title}
              </option>
            ))}
        </SelectField>
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy || choice === (doc.workFileId ?? "")}>
            {t("d.files.fileInto")}
          </button>
        </div>
      </form>
    </section>
  );
}
