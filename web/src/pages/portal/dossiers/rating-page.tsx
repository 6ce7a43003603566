import { type FormEvent, useEffect, useState } from "react";
import { CRITERIA, CRITERION_LABELS, type Criterion } from "../../../../../src/contracts/portal-dossiers.ts";
import { errorText } from "../../../lib/errors.ts";
import { type MyDossierDetailT, portalApi, type RatingBody } from "../../../portal-api.ts";
import { dossierPath } from "../../../portal-paths.ts";
import { navigate } from "../../../router.tsx";
import { FormErrorSummary } from "../components/form-error-summary.tsx";
import { RadioGroup, TextAreaField } from "../components/form-parts.tsx";
import { PortalPage } from "../components/portal-page.tsx";
import { useFormErrors } from "../components/use-form-errors.ts";
import { pick, usePortalI18n } from "../portal-i18n.ts";

const IDS = Object.fromEntries([
  ...CRITERIA.map((c) => [c, `rate-${c}`]),
  ["comment", "rate-comment"],
]) as Record<Criterion | "comment", string>;
/** "Không áp dụng" is a choice only where the citizen may not have sent feedback. */
const OPTIONAL: ReadonlySet<Criterion> = new Set(["feedback_answers"]);

/** The satisfaction form (the criteria of Thông tư 01/2018/TT-VPCP, 0–2 each) after the result. */
export function RatingPage({ id }: { id: string }) {
  const { t, lang } = usePortalI18n();
  const [dossier, setDossier] = useState<MyDossierDetailT | null>(null);
  const [scores, setScores] = useState<Partial<Record<Criterion, string>>>({});
  const [comment, setComment] = useState("");
  const [busy, setBusy] = useState(false);
  const form = useFormErrors<Criterion | "comment">(IDS);

  useEffect(() => {
    portalApi.dossiers.get(id).then(setDossier, () => undefined);
  }, [id]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    // The dossier only names the page; the answers can be checked and sent before it has loaded.
    if (busy) return;
    const missing = CRITERIA.filter((c) => !scores[c]);
    if (missing.length > 0) {
      form.fail(
        Object.fromEntries(
          missing.map((c) => [
            c,
            t("p.rate.choose", { criterion: pick(lang, CRITERION_LABELS[c].vi, CRITERION_LABELS[c].en) }),
          ]),
        ),
      );
      return;
    }
    const score = (c: Criterion) => {
      const v = scores[c];
      return v === "na" ? null : (Number(v) as 0 | 1 | 2);
    };
    const body: RatingBody = {
      scores: {
        processing_time: score("processing_time") ?? 0,
        agencies_contacted: score("agencies_contacted") ?? 0,
        contacts_to_complete: score("contacts_to_complete") ?? 0,
        information_accuracy: score("information_accuracy") ?? 0,
        staff_attitude: score("staff_attitude") ?? 0,
        result_legality_and_costs: score("result_legality_and_costs") ?? 0,
        feedback_answers: score("feedback_answers"),
        online_service_quality: score("online_service_quality") ?? 0,
      },
      comment: comment.trim() || null,
    };
    setBusy(true);
    try {
      await portalApi.dossiers.rate(id, body);
      navigate(dossierPath(id), { replace: true });
    } catch (error) {
      form.fail({ comment: errorText(error, lang) });
      setBusy(false);
    }
  }

  const ref = dossier ? (dossier.code ?? dossier.reference ?? "") : "";
  const levels = [
    { value: "2", label: t("p.rate.level.2") },
    { value: "1", label: t("p.rate.level.1") },
    { value: "0", label: t("p.rate.level.0") },
  ];
  return (
    <PortalPage
      title={t("p.rate.title")}
      caption={ref ? t("p.dossier.title", { code: ref }) : undefined}
      back={{ to: dossierPath(id), text: t("p.back") }}
      summary={<FormErrorSummary errors={form.summary} version={form.version} />}
    >
      <p className="p-lead">{t("p.rate.lead")}</p>
      <form onSubmit={submit} noValidate data-testid="rating-form">
        {CRITERIA.map((c) => (
          <RadioGroup
            key={c}
            id={IDS[c]}
            name={c}
            legend={pick(lang, CRITERION_LABELS[c].vi, CRITERION_LABELS[c].en)}
            choices={OPTIONAL.has(c) ? [...levels, { value: "na", label: t("p.rate.level.na") }] : levels}
            value={scores[c] ?? ""}
            onChange={(v) => setScores((s) => ({ ...s, [c]: v }))}
            error={form.errors[c]}
            errorPrefix={t("p.errorPrefix")}
          />
        ))}
        <TextAreaField
          id={IDS.comment}
          name="comment"
          label={
            <>
              {t("p.rate.comment")} <span className="p-optional">{t("p.optional")}</span>
            </>
          }
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          error={form.errors.comment}
          errorPrefix={t("p.errorPrefix")}
        />
        <button type="submit" className="p-button" disabled={busy}>
          {busy ? t("p.sending") : t("p.rate.submit")}
        </button>
      </form>
    </PortalPage>
  );
}
