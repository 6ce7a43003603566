import { useRef, useState } from "react";
import { ApiError } from "../../../api.ts";
import { errorText } from "../../../lib/errors.ts";
import type { UploadViewT } from "../../../portal-api.ts";
import { formatBytes } from "../format.ts";
import { usePortalI18n } from "../portal-i18n.ts";
import { type AcceptedType, checkFile, PORTAL_FILE_MAX_BYTES, toBase64 } from "./file-checks.ts";

export interface PickedFile {
  file: File;
  type: AcceptedType;
  base64: string;
}

/**
 * The files of one paper: what is uploaded (with a remove button), a file input that checks size and type before
 * sending, a progress bar while it goes, and the reason in words when a file is refused (here or by the server).
 */
export function FilePicker({
  id,
  name,
  note,
  required,
  uploads,
  error,
  onUpload,
  onRemove,
  onRejected,
}: {
  id: string;
  name: string;
  note?: string | null | undefined;
  required: boolean;
  uploads: readonly UploadViewT[];
  error?: string | undefined;
  /** Sends one file; reports progress 0…1. */
  onUpload: (picked: PickedFile, progress: (fraction: number) => void) => Promise<void>;
  onRemove?: ((upload: UploadViewT) => Promise<void>) | undefined;
  /** A file was refused: the message names the file and why. */
  onRejected: (message: string | null) => void;
}) {
  const { t, lang } = usePortalI18n();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<{ name: string; fraction: number } | null>(null);
  const max = formatBytes(PORTAL_FILE_MAX_BYTES, lang);

  async function picked(files: FileList | null) {
    if (!files || files.length === 0) return;
    onRejected(null);
    for (const file of Array.from(files)) {
      const check = await checkFile(file);
      if (!check.ok) {
        onRejected(
          check.problem === "too_big"
            ? t("p.uploads.tooBig", { file: file.name, max })
            : t("p.uploads.badType", { file: file.name }),
        );
        continue;
      }
      setProgress({ name: file.name, fraction: 0 });
      try {
        const base64 = await toBase64(file);
        await onUpload({ file, type: check.type, base64 }, (fraction) =>
          setProgress({ name: file.name, fraction }),
        );
      } catch (e) {
        const message = e instanceof ApiError ? errorText(e, lang) : errorText(null, lang);
        onRejected(t("p.uploads.rejected", { file: file.name, message }));
      } finally {
        setProgress(null);
      }
    }
    if (input.current) input.current.value = "";
  }

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={error ? "p-group p-group-error p-upload" : "p-group p-upload"} data-component={id}>
      <label className="p-label p-label-m" htmlFor={id}>
        {name}
        {required ? <strong className="p-tag p-tag-required">{t("p.uploads.required")}</strong> : null}
      </label>
      <div className="p-hint" id={hintId}>
        {note ? <p>{note}</p> : null}
        <p>{t("p.uploads.lead", { max })}</p>
      </div>
      {error ? (
        <p className="p-error" id={errorId}>
          <span className="visually-hidden">{t("p.errorPrefix")} </span>
          {error}
        </p>
      ) : null}
      {uploads.length > 0 ? (
        <ul className="p-file-list">
          {uploads.map((u) => (
            <li key={u.id} className="p-file" data-upload={u.name}>
              <span>
                <span className="p-file-name">{u.name}</span>{" "}
                <span className="p-muted">({formatBytes(u.size, lang)})</span>{" "}
                <strong className="p-tag p-tag-done">{t("p.uploads.uploaded")}</strong>
              </span>
              {onRemove ? (
                <button type="button" className="p-link-button" onClick={() => void onRemove(u)}>
                  {t("p.uploads.remove", { name: u.name })}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <input
        ref={input}
        id={id}
        type="file"
        className="p-file-input"
        accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
        multiple
        disabled={progress !== null}
        aria-describedby={[hintId, error ? errorId : ""].filter(Boolean).join(" ")}
        aria-invalid={error ? true : undefined}
        onChange={(e) => void picked(e.target.files)}
      />
      {progress ? (
        <div className="p-progress" role="status">
          <label htmlFor={`${id}-progress`}>
            {t("p.uploads.uploading", { name: progress.name, percent: Math.round(progress.fraction * 100) })}
          </label>
          <progress id={`${id}-progress`} max={100} value={Math.round(progress.fraction * 100)} />
        </div>
      ) : null}
    </div>
  );
}
