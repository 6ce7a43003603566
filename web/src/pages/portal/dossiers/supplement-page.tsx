import { type FormEvent, useEffect, useMemo, useState } from "react";
import { errorText } from "../../../lib/errors.ts";
import { type MyDossierDetailT, portalApi, uploadPath, uploadWithProgress } from "../../../portal-api.ts";
import { dossierPath } from "../../../portal-paths.ts";
import { navigate } from "../../../router.tsx";
import { formatInstant } from "../../dossiers/labels.ts";
import { FilePicker } from "../components/file-picker.tsx";
import { FormErrorSummary } from "../components/form-error-summary.tsx";
import { TextAreaField } from "../components/form-parts.tsx";
import { PortalPage } from "../components/portal-page.tsx";
import { useFormErrors } from "../components/use-form-errors.ts";
import { usePortalI18n } from "../portal-i18n.ts";

/** Answering the desk's supplement request online: a file for each item asked, and a note. */
export function SupplementPage({ id }: { id: string }) {
  const { t, lang } = usePortalI18n();
  const [dossier, setDossier] = useState<MyDossierDetailT | null>(null);
  const [failed, setFailed] = useState<unknown>(null);
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const itemCount = dossier?.pendingSupplement?.items.length ?? 0;
  const ids = useMemo(
    () => ({
      ...Object.fromEntries(
        Array.from({ length: itemCount }, (_, i) => [`item${i}`, `supplement-item-${i}`]),
      ),
      note: "supplement-note",
    }),
    [itemCount],
  );
  const form = useFormErrors<string>(ids);

  useEffect(() => {
    portalApi.dossiers.get(id).then(setDossier, setFailed);
  }, [id]);

  if (failed) {
    return (
      <PortalPage title={t("p.supplement.title")}>
        <p role="alert">{errorText(failed, lang)}</p>
      </PortalPage>
    );
  }
  if (!dossier) {
    return (
      <PortalPage title={t("p.supplement.title")}>
        <p role="status">{t("p.loading")}</p>
      </PortalPage>
    );
  }
  const pending = dossier.pendingSupplement;
  const back = { to: dossierPath(id), text: t("p.back") };
  if (!pending) {
    return (
      <PortalPage title={t("p.supplement.title")} back={back}>
        <p>{t("p.dossier.messages.none")}</p>
      </PortalPage>
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy || !dossier) return;
    const uploads = dossier.pendingSupplement?.uploads ?? [];
    if (uploads.length === 0 && !note.trim()) {
      form.fail({ note: t("p.supplement.answer.required") });
      return;
    }
    setBusy(true);
    try {
      await portalApi.dossiers.answerSupplement(id, { version: dossier.version, note: note.trim() || null });
      navigate(`${dossierPath(id)}?bo-sung=1`, { replace: true });
    } catch (error) {
      form.fail({ note: errorText(error, lang) });
      setBusy(false);
    }
  }

  const ref = dossier.code ?? dossier.reference ?? "";
  return (
    <PortalPage
      title={t("p.supplement.title")}
      caption={t("p.dossier.title", { code: ref })}
      back={back}
      summary={<FormErrorSummary errors={form.summary} version={form.version} />}
    >
      <p>{t("p.supplement.lead")}</p>
      <p className="p-muted">{formatInstant(pending.requestedAt, lang)}</p>
      <form onSubmit={submit} noValidate>
        {pending.items.map((item, i) => (
          <FilePicker
            key={`${item.name}:${item.reason}`}
            id={`supplement-item-${i}`}
            name={item.name}
            note={item.reason}
            required={false}
            uploads={pending.uploads.filter((u) => u.supplementItem === item.name)}
            error={form.errors[`item${i}`]}
            onRejected={(message) => {
              if (message) form.fail({ [`item${i}`]: message });
            }}
            onUpload={async (picked, progress) => {
              const current = await portalApi.dossiers.get(id);
              await uploadWithProgress(
                uploadPath(id),
                {
                  version: current.version,
                  supplementItem: item.name,
                  filename: picked.file.name,
                  contentType: picked.type,
                  file: picked.base64,
                },
                progress,
              );
              setDossier(await portalApi.dossiers.get(id));
            }}
          />
        ))}
        <TextAreaField
          id="supplement-note"
          name="note"
          label={t("p.supplement.answer")}
          hint={t("p.supplement.answer.hint")}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          error={form.errors.note}
          errorPrefix={t("p.errorPrefix")}
        />
        <button type="submit" className="p-button" disabled={busy} data-testid="supplement-submit">
          {busy ? t("p.sending") : t("p.supplement.submit")}
        </button>
      </form>
    </PortalPage>
  );
}
