import { useEffect, useState } from "react";
import { CRITERIA, CRITERION_LABELS, type Criterion } from "../../../../src/contracts/portal-dossiers.ts";
import { Alert } from "../../components/alert.tsx";
import { type DeskScores, type DeviceStateT, deskApi, followStream } from "../../desk-api.ts";
import { useI18n } from "../../i18n/index.tsx";
import { errorText } from "../../lib/errors.ts";
import { PairingScreen, useDevice } from "./device-pairing.tsx";
import "./desk.css";

/** Online service quality does not apply to a dossier handled at the counter. */
const DESK_CRITERIA = CRITERIA.filter(
  (c): c is Exclude<Criterion, "online_service_quality"> => c !== "online_service_quality",
);
type Choice = 0 | 1 | 2 | null;

/**
 * The rating tablet of a counter: idle until the officer pushes a dossier to it, then the criteria of NĐ 61/2018
 * art. 31 on the 0/1/2 scale (TT 01/2018 art. 13). It shows the dossier code and nothing else about anyone.
 */
export function RatingPage({ unitCode }: { unitCode: string }) {
  const { t, lang } = useI18n();
  const { state, setState, error } = useDevice("rating", unitCode);
  const [scores, setScores] = useState<Partial<Record<Criterion, Choice>>>({});
  const [thanks, setThanks] = useState(false);
  const [failure, setFailure] = useState<string>();
  const paired = state?.paired ?? false;
  const requestId = state?.ratingRequest?.id;

  useEffect(() => {
    document.title = t("rating.title");
  }, [t]);
  useEffect(() => {
    if (!paired) return;
    return followStream<DeviceStateT>(deskApi.deviceStreamUrl("rating"), setState);
  }, [paired, setState]);
  useEffect(() => {
    if (requestId) {
      setScores({});
      setThanks(false);
      setFailure(undefined);
    }
  }, [requestId]);

  if (!state?.paired) return <PairingScreen state={state} {...(error ? { error } : {})} />;

  const request = state.ratingRequest;
  if (!request || thanks) {
    return (
      <main className="device-screen rating-idle" data-testid="rating-idle">
        <h1>{thanks ? t("rating.thanks") : t("rating.idle")}</h1>
        <p className="muted">
          {state.unit?.name} · {t("desk.counter")} {state.counter}
        </p>
      </main>
    );
  }

  const submit = async () => {
    const complete = DESK_CRITERIA.every(
      (c) => scores[c] !== undefined && (scores[c] !== null || c === "feedback_answers"),
    );
    if (!complete) {
      setFailure(t("rating.incomplete"));
      return;
    }
    try {
      await deskApi.rate(
        request.id,
        Object.fromEntries(DESK_CRITERIA.map((c) => [c, scores[c] ?? null])) as DeskScores,
        null,
      );
      setThanks(true);
    } catch (e) {
      setFailure(errorText(e, lang));
    }
  };

  return (
    <main className="device-screen rating" data-testid="rating-form">
      <h1>{t("rating.title")}</h1>
      <p className="rating-dossier" data-testid="rating-dossier">
        {t("rating.dossier", { code: request.dossierCode })}
      </p>
      <p>{t("rating.lead")}</p>
      {DESK_CRITERIA.map((c) => (
        <fieldset key={c} className="rating-criterion">
          <legend>{lang === "vi" ? CRITERION_LABELS[c].vi : CRITERION_LABELS[c].en}</legend>
          <div className="rating-choices">
            {([2, 1, 0] as const).map((v) => (
              <label key={v} className={`rating-choice${scores[c] === v ? " chosen" : ""}`}>
                <input
                  type="radio"
                  name={c}
                  checked={scores[c] === v}
                  onChange={() => setScores({ ...scores, [c]: v })}
                />
                {t(`rating.${v}`)}
              </label>
            ))}
            {c === "feedback_answers" ? (
              <label className={`rating-choice${scores[c] === null ? " chosen" : ""}`}>
                <input
                  type="radio"
                  name={c}
                  checked={scores[c] === null}
                  onChange={() => setScores({ ...scores, [c]: null })}
                />
                {t("rating.na")}
              </label>
            ) : null}
          </div>
        </fieldset>
      ))}
      {failure ? <Alert kind="error">{failure}</Alert> : null}
      <button type="button" className="kiosk-button" onClick={submit}>
        {t("rating.submit")}
      </button>
    </main>
  );
}
