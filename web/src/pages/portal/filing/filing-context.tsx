import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from "react";
import type { EFormField, EFormPage } from "../../../../../src/domain/eform/definition.ts";
import { AnswerScope } from "../../../../../src/domain/eform/validate.ts";
import { errorText } from "../../../lib/errors.ts";
import { type DraftViewT, type EFormViewT, portalApi } from "../../../portal-api.ts";
import { type FilingStep, filingPath } from "../../../portal-paths.ts";
import { Link } from "../../../router.tsx";
import { PortalPage } from "../components/portal-page.tsx";
import { usePortalI18n } from "../portal-i18n.ts";

export type { EFormField, EFormPage };

interface Filing {
  draft: DraftViewT;
  eform: EFormViewT;
  /** After each save the server answers with the draft (its new version): keep it. */
  setDraft: (draft: DraftViewT) => void;
  reload: () => Promise<void>;
}

const FilingContext = createContext<Filing | null>(null);

/** Loads a draft and its e-form once for all the pages of filing it. */
export function FilingProvider({ draftId, children }: { draftId: string; children: ReactNode }) {
  const { t, lang } = usePortalI18n();
  const [draft, setDraft] = useState<DraftViewT | null>(null);
  const [eform, setEform] = useState<EFormViewT | null>(null);
  const [error, setError] = useState<unknown>(null);

  const reload = useCallback(async () => {
    try {
      const d = await portalApi.drafts.get(draftId);
      setDraft(d);
      setEform(await portalApi.eforms.get(d.procedure.slug, d.procedure.version));
    } catch (e) {
      setError(e);
    }
  }, [draftId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  if (error) {
    return (
      <PortalPage title={t("p.failed")}>
        <p role="alert">{errorText(error, lang)}</p>
        <Link to="/portal/ho-so">{t("p.mine.title")}</Link>
      </PortalPage>
    );
  }
  if (!draft || !eform) {
    return (
      <PortalPage title={t("p.loading")}>
        <p role="status">{t("p.loading")}</p>
      </PortalPage>
    );
  }
  return (
    <FilingContext.Provider value={{ draft, eform, setDraft, reload }}>{children}</FilingContext.Provider>
  );
}

export function useFiling(): Filing {
  const value = useContext(FilingContext);
  if (!value) throw new Error("useFiling outside FilingProvider");
  return value;
}

/** Pages with at least one field shown, given the answers (a page whose fields are all hidden is skipped). */
export function shownPages(eform: EFormViewT, answers: DraftViewT["answers"]): number[] {
  const scope = new AnswerScope(eform.definition, answers);
  return eform.definition.pages
    .map((page, index) => ({ page, index }))
    .filter(({ page }) => page.fields.some((f) => scope.visible(f.id)))
    .map(({ index }) => index + 1);
}

/** The steps of filing in order: the e-form's pages, the return method (when there is a choice), the papers. */
export function filingSteps(eform: EFormViewT, answers: DraftViewT["answers"]): FilingStep[] {
  const steps: FilingStep[] = shownPages(eform, answers).map((page) => ({ page }));
  if (eform.returnMethods.length > 1) steps.push("nhan-ket-qua");
  if (eform.components.length > 0) steps.push("giay-to");
  steps.push("kiem-tra");
  return steps;
}

function same(a: FilingStep, b: FilingStep): boolean {
  return typeof a === "object" && typeof b === "object" ? a.page === b.page : a === b;
}

/** Where "Tiếp tục" and "Quay lại" lead from a step. */
export function neighbours(
  eform: EFormViewT,
  answers: DraftViewT["answers"],
  draftId: string,
  step: FilingStep,
): { next: string; back: string | null } {
  const steps = filingSteps(eform, answers);
  let at = steps.findIndex((s) => same(s, step));
  if (at < 0 && typeof step === "object")
    at = steps.findIndex((s) => typeof s === "object" && s.page > step.page) - 1;
  const next = steps[at + 1] ?? "kiem-tra";
  const back = at > 0 ? steps[at - 1] : null;
  return { next: filingPath(draftId, next), back: back ? filingPath(draftId, back) : null };
}
