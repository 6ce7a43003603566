/**
 * The officer types in the paper evaluation slip the applicant ticked (it goes with forms 01–03, TT 01/2018
 * art. 12): one answer per criterion of NĐ 61/2018 art. 31, on the 0/1/2 scale. "Online service quality" is
 * offered only for a dossier filed online; "answers to feedback" may be left as not applicable.
 */
import { useState } from "react";
import type { z } from "zod";
import {
  CRITERIA,
  type Criterion,
  criteriaAsked,
  type PaperRatingInput,
} from "../../../../src/contracts/portal-dossiers.ts";
import { SelectField, TextField } from "../../components/field.tsx";
import type { DossierDetail } from "../../dossier-api.ts";
import { type MessageKey, useI18n } from "../../i18n/index.tsx";
import { ActionDialog } from "./action-dialogs.tsx";

/** What the slip says: validated by the API (PaperRatingInput), so the required criteria are all set here. */
export type PaperRatingBody = z.input<typeof PaperRatingInput>;

const LABELS: Record<Criterion, MessageKey> = {
  processing_time: "paperRating.criterion.processing_time",
  agencies_contacted: "paperRating.criterion.agencies_contacted",
  contacts_to_complete: "paperRating.criterion.contacts_to_complete",
  information_accuracy: "paperRating.criterion.information_accuracy",
  staff_attitude: "paperRating.criterion.staff_attitude",
  result_legality_and_costs: "paperRating.criterion.result_legality_and_costs",
  feedback_answers: "paperRating.criterion.feedback_answers",
  online_service_quality: "paperRating.criterion.online_service_quality",
};

/** Criteria a slip may leave blank: no feedback was sent, so its answers cannot be rated. */
const OPTIONAL: ReadonlySet<Criterion> = new Set(["feedback_answers"]);

export function PaperRatingDialog({
  dossier,
  busy,
  error,
  onClose,
  onSend,
}: {
  dossier: Pick<DossierDetail, "channel" | "code">;
  busy: boolean;
  error?: string | undefined;
  onClose: () => void;
  onSend: (body: PaperRatingBody) => void;
}) {
  const { t } = useI18n();
  const asked = criteriaAsked(dossier.channel);
  const [values, setValues] = useState<Partial<Record<Criterion, string>>>({});
  const [comment, setComment] = useState("");
  const [missing, setMissing] = useState<ReadonlySet<Criterion>>(new Set());
  return (
    <ActionDialog
      title={t("paperRating.title")}
      lead={t("paperRating.lead")}
      submit={t("paperRating.submit")}
      busy={busy}
      error={error}
      onClose={onClose}
      wide
      onSubmit={() => {
        const gaps = new Set(asked.filter((c) => !OPTIONAL.has(c) && !values[c]));
        setMissing(gaps);
        if (gaps.size > 0) return;
        const scores: Partial<Record<Criterion, 0 | 1 | 2 | null>> = {};
        for (const c of CRITERIA) {
          if (!asked.includes(c)) continue;
          const v = values[c];
          scores[c] = v === undefined || v === "" ? null : (Number(v) as 0 | 1 | 2);
        }
        onSend({ scores: scores as PaperRatingBody["scores"], comment: comment.trim() || null });
      }}
    >
      {asked.map((c) => (
        <SelectField
          key={c}
          name={c}
          label={t(LABELS[c])}
          required={!OPTIONAL.has(c)}
          error={missing.has(c) ? t("form.required") : undefined}
          value={values[c] ?? ""}
          onChange={(e) => setValues({ ...values, [c]: e.target.value })}
        >
          <option value="">
            {OPTIONAL.has(c) ? t("paperRating.notApplicable") : t("paperRating.choose")}
          </option>
          <option value="2">{t("paperRating.score.2")}</option>
          <option value="1">{t("paperRating.score.1")}</option>
          <option value="0">{t("paperRating.score.0")}</option>
        </SelectField>
      ))}
      <TextField
        label={t("paperRating.comment")}
        name="comment"
        value={comment}
        maxLength={2000}
        onChange={(e) => setComment(e.target.value)}
      />
    </ActionDialog>
  );
}
