import { type FormEvent, useMemo, useState } from "react";
import type { Answers, AnswerValue } from "../../../../../src/domain/eform/definition.ts";
import { AnswerScope } from "../../../../../src/domain/eform/validate.ts";
import { ApiError } from "../../../api.ts";
import { errorText } from "../../../lib/errors.ts";
import { portalApi } from "../../../portal-api.ts";
import { navigate } from "../../../router.tsx";
import { formatInstant } from "../../dossiers/labels.ts";
import { FormErrorSummary } from "../components/form-error-summary.tsx";
import { PortalPage } from "../components/portal-page.tsx";
import { useCitizen } from "../components/require-citizen.tsx";
import { type Errors, useFormErrors } from "../components/use-form-errors.ts";
import { pick, usePortalI18n } from "../portal-i18n.ts";
import { pageAnswers, pageErrors, startingAnswers, todayInVietnam } from "./answers.ts";
import { EFormFieldInput, fieldInputId } from "./eform-field.tsx";
import { neighbours, useFiling } from "./filing-context.tsx";

/**
 * One page of the e-form, drawn from the definition: its fields (shown or hidden by their conditions as the
 * citizen answers), checked here with the same domain rules as the server, saved as the draft on "Tiếp tục" or
 * "Lưu nháp". A page with a single question puts it in the heading.
 */
export function EFormPageView({ page: pageNumber }: { page: number }) {
  const { t, lang } = usePortalI18n();
  const citizen = useCitizen();
  const { draft, eform, setDraft } = useFiling();
  const today = todayInVietnam();
  const page = eform.definition.pages[pageNumber - 1];
  const [answers, setAnswers] = useState<Answers>(() =>
    startingAnswers(eform, draft.answers, citizen, today),
  );
  const [raw, setRaw] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const ids = useMemo(
    () => Object.fromEntries((page?.fields ?? []).map((f) => [f.id, fieldInputId(f)])),
    [page],
  );
  const form = useFormErrors<string>(ids);

  if (!page) {
    return (
      <PortalPage title={t("p.notFound")}>
        <p>{t("p.notFound")}</p>
      </PortalPage>
    );
  }

  const scope = new AnswerScope(eform.definition, answers);
  const shown = page.fields.filter((f) => scope.visible(f.id));
  const single = shown.length === 1 && shown[0]?.type !== "checkbox";
  const pageCount = eform.definition.pages.length;
  const { next, back } = neighbours(eform, answers, draft.id, { page: pageNumber });
  const title = pick(lang, page.titleVi, page.titleEn);
  const procedure = pick(lang, eform.procedure.name, eform.procedure.nameEn);

  function change(id: string, value: AnswerValue, typed?: string) {
    setAnswers((a) => ({ ...a, [id]: value }));
    setRaw((r) => {
      if (typed === undefined) return r;
      return { ...r, [id]: typed };
    });
  }

  async function save(andContinue: boolean) {
    if (busy || !page) return;
    setSavedAt(null);
    if (andContinue) {
      const found = pageErrors(eform, page.fields, answers, today, lang, t);
      if (Object.keys(found).length > 0) {
        form.fail(found);
        return;
      }
    }
    setBusy(true);
    try {
      const saved = await portalApi.drafts.save(draft.id, {
        version: draft.version,
        answers: pageAnswers(eform, page.fields, answers),
      });
      setDraft(saved);
      form.clear();
      if (andContinue) navigate(next);
      else setSavedAt(saved.updatedAt);
    } catch (error) {
      form.fail(serverErrors(error));
    } finally {
      setBusy(false);
    }
  }

  /** The server's own field errors (FieldError details), else one message for the page. */
  function serverErrors(error: unknown): Errors<string> {
    const found: Errors<string> = {};
    if (error instanceof ApiError && Array.isArray(error.details)) {
      for (const d of error.details as unknown[]) {
        if (!d || typeof d !== "object" || !("field" in d)) continue;
        const fieldId = String(d.field);
        const text =
          lang === "en" && "messageEn" in d ? String(d.messageEn) : "message" in d ? String(d.message) : "";
        if (fieldId in ids && text) found[fieldId] = text;
      }
    }
    return Object.keys(found).length > 0 ? found : { form: errorText(error, lang) };
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void save(true);
  }

  return (
    <PortalPage
      title={single && shown[0] ? pick(lang, shown[0].labelVi, shown[0].labelEn) : title}
      caption={t("p.filing.caption", { procedure })}
      back={back ? { to: back, text: t("p.back") } : undefined}
      hideHeading={single}
      summary={<FormErrorSummary errors={form.summary} version={form.version} />}
    >
      {savedAt ? (
        <div className="p-notice p-notice-success" role="status" data-testid="draft-saved">
          {t("p.filing.saved", { time: formatInstant(savedAt, lang) })}
        </div>
      ) : null}
      {single ? <span className="p-caption">{t("p.filing.caption", { procedure })}</span> : null}
      <p className="p-muted p-step">{t("p.filing.pageOf", { page: pageNumber, pages: pageCount })}</p>
      {page.descriptionVi ? <p>{pick(lang, page.descriptionVi, page.descriptionEn)}</p> : null}
      <form onSubmit={submit} noValidate data-testid="eform-page" data-page={page.id}>
        {shown.map((field) => (
          <EFormFieldInput
            key={field.id}
            field={field}
            value={answers[field.id]}
            raw={raw[field.id]}
            onChange={(value, typed) => change(field.id, value, typed)}
            error={form.errors[field.id]}
            required={scope.required(field)}
            asHeading={single}
          />
        ))}
        <div className="p-button-group">
          <button type="submit" className="p-button" disabled={busy}>
            {busy ? t("p.saving") : t("p.continue")}
          </button>
          <button
            type="button"
            className="p-button p-button-secondary"
            disabled={busy}
            onClick={() => void save(false)}
          >
            {t("p.filing.saveDraft")}
          </button>
        </div>
      </form>
    </PortalPage>
  );
}
