import { useEffect, useState } from "react";
import { feedbackApi, type PublishedT } from "../../feedback-api.ts";
import { Link } from "../../router.tsx";
import { shortInstant, useFeedbackI18n } from "./feedback-i18n.ts";

/**
 * Published answers to feedback (NĐ 20/2008/NĐ-CP art. 19), as the officer approved them without personal data:
 * on a procedure's catalog page and on a unit's public page.
 */
export function PublishedAnswers({ unit, procedure }: { unit?: string; procedure?: string }) {
  const { t } = useFeedbackI18n();
  const [items, setItems] = useState<PublishedT[] | null>(null);
  useEffect(() => {
    let cancelled = false;
    feedbackApi
      .published({ ...(unit ? { unit } : {}), ...(procedure ? { procedure } : {}) })
      .then((r) => !cancelled && setItems(r.items))
      .catch(() => !cancelled && setItems([]));
    return () => {
      cancelled = true;
    };
  }, [unit, procedure]);
  const sendLink = `/phan-anh-kien-nghi${procedure ? `?procedure=${encodeURIComponent(procedure)}` : ""}`;
  return (
    <section className="panel feedback-published" aria-labelledby="feedback-published-title">
      <h2 id="feedback-published-title">{t("f.published.title")}</h2>
      {items === null ? null : items.length === 0 ? (
        <p>{t("f.published.none")}</p>
      ) : (
        <ul className="feedback-published-list">
          {items.map((item) => (
            <li key={item.code} className="feedback-published-item">
              <p className="feedback-published-meta">
                {item.code} · {t("f.published.at")} {shortInstant(item.publishedAt).slice(0, 10)} ·{" "}
                {item.unit.name}
              </p>
              <h3>{t("f.published.question")}</h3>
              <p className="feedback-text">{item.question}</p>
              <h3>{t("f.published.answer")}</h3>
              <p className="feedback-text">{item.answer}</p>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to={sendLink}>{t("f.published.send")}</Link>
      </p>
    </section>
  );
}
