import { type FormEvent, useMemo, useState } from "react";
import { errorText } from "../../../lib/errors.ts";
import {
  type DraftViewT,
  portalApi,
  type UploadResultT,
  uploadPath,
  uploadWithProgress,
} from "../../../portal-api.ts";
import { navigate } from "../../../router.tsx";
import { FilePicker } from "../components/file-picker.tsx";
import { FormErrorSummary } from "../components/form-error-summary.tsx";
import { PortalPage } from "../components/portal-page.tsx";
import { useFormErrors } from "../components/use-form-errors.ts";
import { pick, usePortalI18n } from "../portal-i18n.ts";
import { neighbours, useFiling } from "./filing-context.tsx";

export function componentInputId(componentId: string): string {
  return `paper-${componentId}`;
}

/** The papers: one file picker per component the e-form asks for; required ones must have a file to go on. */
export function UploadsPage() {
  const { t, lang } = usePortalI18n();
  const { draft, eform, setDraft } = useFiling();
  const ids = useMemo(
    () => Object.fromEntries(draft.components.map((c) => [c.componentId, componentInputId(c.componentId)])),
    [draft.components],
  );
  const form = useFormErrors<string>(ids);
  const [busy, setBusy] = useState(false);
  const { next, back } = neighbours(eform, draft.answers, draft.id, "giay-to");
  const notes = new Map(eform.components.map((c) => [c.componentId, pick(lang, c.noteVi ?? "", c.noteEn)]));

  // Each upload answers with the draft at its new version; the next one must carry it.
  let latest: DraftViewT = draft;

  function reject(componentId: string, message: string | null) {
    if (message) form.fail({ ...form.errors, [componentId]: message });
    else if (form.errors[componentId]) {
      const { [componentId]: _gone, ...rest } = form.errors;
      form.fail(rest);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const missing = draft.components.filter((c) => c.required && c.uploads.length === 0);
    if (missing.length > 0) {
      form.fail(
        Object.fromEntries(missing.map((c) => [c.componentId, t("p.uploads.missing", { name: c.name })])),
      );
      return;
    }
    setBusy(true);
    navigate(next);
  }

  return (
    <PortalPage
      title={t("p.uploads.title")}
      caption={t("p.filing.caption", { procedure: pick(lang, eform.procedure.name, eform.procedure.nameEn) })}
      back={back ? { to: back, text: t("p.back") } : undefined}
      summary={<FormErrorSummary errors={form.summary} version={form.version} />}
    >
      <form onSubmit={submit} noValidate>
        {draft.components.map((c) => (
          <FilePicker
            key={c.componentId}
            id={componentInputId(c.componentId)}
            name={c.name}
            note={notes.get(c.componentId)}
            required={c.required}
            uploads={c.uploads}
            error={form.errors[c.componentId]}
            onRejected={(message) => reject(c.componentId, message)}
            onUpload={async (picked, progress) => {
              await uploadWithProgress<UploadResultT>(
                uploadPath(draft.id),
                {
                  version: latest.version,
                  componentId: c.componentId,
                  filename: picked.file.name,
                  contentType: picked.type,
                  file: picked.base64,
                },
                progress,
              );
              const saved = await portalApi.drafts.get(draft.id);
              latest = saved;
              setDraft(saved);
            }}
            onRemove={async (upload) => {
              try {
                const saved = await portalApi.drafts.removeUpload(draft.id, upload.id, latest.version);
                latest = saved;
                setDraft(saved);
              } catch (error) {
                reject(c.componentId, errorText(error, lang));
              }
            }}
          />
        ))}
        <button type="submit" className="p-button" disabled={busy}>
          {t("p.continue")}
        </button>
      </form>
    </PortalPage>
  );
}
