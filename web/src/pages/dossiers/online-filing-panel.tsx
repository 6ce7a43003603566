import { useEffect, useState } from "react";
import type { z } from "zod";
import type { FilingView } from "../../../../src/contracts/portal-dossiers.ts";
import { call } from "../../api.ts";
import { type MessageKey, useI18n } from "../../i18n/index.tsx";
import { errorText } from "../../lib/errors.ts";
import { formatInstant } from "./labels.ts";

type Filing = z.infer<typeof FilingView>;

const RETURN_LABELS: Record<Filing["returnMethod"], MessageKey> = {
  counter: "return.counter",
  post: "return.post",
  online: "return.online",
};

/**
 * What a citizen filed online, for the desk that checks it before accepting: when it came and by when it must be
 * accepted (NĐ 118/2025), the e-form's answers page by page, the uploaded papers, and how the result goes back.
 */
export function OnlineFilingPanel({ dossierId, version }: { dossierId: string; version: number }) {
  const { t, lang } = useI18n();
  const [filing, setFiling] = useState<Filing | null>(null);
  const [error, setError] = useState<unknown>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reloaded when the dossier changes (version)
  useEffect(() => {
    call<Filing>("GET", `/portal/desk/dossiers/${encodeURIComponent(dossierId)}/filing`).then(
      setFiling,
      setError,
    );
  }, [dossierId, version]);

  return (
    <section className="panel" aria-labelledby="online-filing-title" data-testid="online-filing">
      <h2 id="online-filing-title">{t("onlineFiling.title")}</h2>
      {error ? <p className="muted">{errorText(error, lang)}</p> : null}
      {!filing && !error ? <p className="muted">{t("common.loading")}</p> : null}
      {filing ? (
        <>
          <dl className="facts facts-compact">
            <div>
              <dt>{t("onlineFiling.reference")}</dt>
              <dd>{filing.reference ?? "—"}</dd>
            </div>
            <div>
              <dt>{t("onlineFiling.submittedAt")}</dt>
              <dd>{formatInstant(filing.submittedAt, lang)}</dd>
            </div>
            {filing.acceptanceDueAt ? (
              <div>
                <dt>{t("onlineFiling.acceptBy")}</dt>
                <dd>{formatInstant(filing.acceptanceDueAt, lang)}</dd>
              </div>
            ) : null}
            <div>
              <dt>{t("return.method")}</dt>
              <dd>
                {t(RETURN_LABELS[filing.returnMethod])}
                {filing.deliveryAddress ? ` — ${filing.deliveryAddress}` : ""}
              </dd>
            </div>
          </dl>
          {filing.review.map((page) => (
            <div key={page.id}>
              <h3>{lang === "en" ? page.titleEn : page.titleVi}</h3>
              <dl className="facts facts-compact">
                {page.fields.map((f) => (
                  <div key={f.id}>
                    <dt>{lang === "en" ? f.labelEn : f.labelVi}</dt>
                    <dd>{f.display ?? "—"}</dd>
                  </div>
                ))}
              </dl>
            </div>
          ))}
          <h3>{t("onlineFiling.uploads")}</h3>
          <ul className="dos-file-links">
            {filing.uploads.map((u) => (
              <li key={u.id}>
                <a href={u.url} target="_blank" rel="noopener">
                  {u.name}
                </a>
                {u.round > 0 ? (
                  <span className="cell-sub dos-inline">
                    {" "}
                    ({t("onlineFiling.supplementRound", { n: u.round })})
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
