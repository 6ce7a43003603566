import { useId, useState } from "react";
import { Icon } from "../../components/icons.tsx";
import { dossierApi, type FileBrief } from "../../dossier-api.ts";
import { useI18n } from "../../i18n/index.tsx";
import { errorText } from "../../lib/errors.ts";

const MAX_BYTES = 10 * 1024 * 1024;

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Scans and other files: each is uploaded as soon as it is chosen (POST /dossier-files), so that the action that
 * references it goes out at once. Shows what is attached, with a button to take each one off.
 */
export function FileUpload({
  label,
  files,
  onChange,
  multiple = true,
  accept = "application/pdf,image/*",
  compact,
  onBusy,
}: {
  label: string;
  files: FileBrief[];
  onChange: (files: FileBrief[]) => void;
  multiple?: boolean;
  accept?: string;
  compact?: boolean;
  onBusy?: (busy: boolean) => void;
}) {
  const { t, lang } = useI18n();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function choose(list: FileList | null) {
    if (!list || list.length === 0) return;
    const chosen = [...list];
    const tooBig = chosen.find((f) => f.size > MAX_BYTES);
    if (tooBig) {
      setError(t("files.tooBig", { name: tooBig.name }));
      return;
    }
    setBusy(true);
    onBusy?.(true);
    setError(undefined);
    try {
      const uploaded: FileBrief[] = [];
      for (const file of chosen) uploaded.push(await dossierApi.upload(file));
      onChange(multiple ? [...files, ...uploaded] : uploaded.slice(-1));
    } catch (e) {
      setError(errorText(e, lang));
    } finally {
      setBusy(false);
      onBusy?.(false);
    }
  }

  return (
    <div className={compact ? "dos-files dos-files-compact" : "dos-files"}>
      {compact ? null : <p className="field-label">{label}</p>}
      <input
        id={id}
        type="file"
        className="visually-hidden dos-file-native"
        multiple={multiple}
        accept={accept}
        disabled={busy}
        aria-label={label}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => {
          void choose(e.target.files);
          e.target.value = "";
        }}
      />
      {/* The browser's own file button speaks the browser's language; this one speaks the page's. */}
      <label htmlFor={id} className="button button-small dos-file-button" aria-hidden="true">
        <Icon name="upload" />
        <span>{multiple ? t("files.choose") : t("files.chooseOne")}</span>
      </label>
      {busy ? (
        <p className="small muted" role="status">
          {t("files.uploading")}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      ) : null}
      {files.length > 0 ? (
        <ul className="dos-file-list">
          {files.map((f) => (
            <li key={f.id}>
              <Icon name="upload" />
              <span className="dos-file-name">{f.name}</span>
              <span className="cell-sub">{formatSize(f.size)}</span>
              <button
                type="button"
                className="icon-button dos-file-remove"
                aria-label={t("files.remove", { name: f.name })}
                onClick={() => onChange(files.filter((x) => x.id !== f.id))}
              >
                <Icon name="close" />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
