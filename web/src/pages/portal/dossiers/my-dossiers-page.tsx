import { useEffect, useState } from "react";
import { type MyDossierSummaryT, portalApi } from "../../../portal-api.ts";
import { dossierPath, filingPath, PORTAL_PATHS } from "../../../portal-paths.ts";
import { Link, useLocation } from "../../../router.tsx";
import { formatInstant } from "../../dossiers/labels.ts";
import { PortalPage } from "../components/portal-page.tsx";
import { useCitizen } from "../components/require-citizen.tsx";
import { type PortalKey, pick, usePortalI18n } from "../portal-i18n.ts";

const ACTION_LABELS: Record<NonNullable<MyDossierSummaryT["needsAction"]>, PortalKey> = {
  continue_draft: "p.mine.continue",
  answer_supplement: "p.dossier.supplement.action",
  rate: "p.dossier.rate.action",
};

/** "Hồ sơ của tôi": drafts to finish, then submitted dossiers with their status and what they need. */
export function MyDossiersPage() {
  const { t, lang } = usePortalI18n();
  const citizen = useCitizen();
  const { search } = useLocation();
  const [items, setItems] = useState<MyDossierSummaryT[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    portalApi.dossiers.list({ filter: "all", limit: 200 }).then(
      (r) => setItems(r.items),
      () => setFailed(true),
    );
  }, []);

  const drafts = items?.filter((d) => d.status === "draft_online") ?? [];
  const filed = items?.filter((d) => d.status !== "draft_online") ?? [];

  return (
    <PortalPage title={t("p.mine.title")} wide>
      {search.get("welcome") ? (
        <div className="p-notice p-notice-success" role="status" data-testid="welcome">
          {t("p.confirm.done")}
        </div>
      ) : null}
      <p className="p-lead">
        {t("p.home.account.signedIn", { name: citizen.fullName })}{" "}
        <Link to={PORTAL_PATHS.account}>{t("p.account.title")}</Link>
      </p>
      <p>
        <Link to={PORTAL_PATHS.home} className="p-button">
          {t("p.mine.new")}
        </Link>
      </p>
      {failed ? <p role="alert">{t("p.failed")}</p> : null}
      {items === null && !failed ? <p role="status">{t("p.loading")}</p> : null}
      {items && items.length === 0 ? <p>{t("p.mine.none")}</p> : null}
      {drafts.length > 0 ? (
        <section aria-labelledby="mine-drafts">
          <h2 className="p-heading-m" id="mine-drafts">
            {t("p.mine.drafts")}
          </h2>
          <ul className="p-card-list">
            {drafts.map((d) => (
              <li key={d.id} className="p-card" data-dossier={d.id}>
                <p className="p-card-title">{d.procedureName}</p>
                <p className="p-muted">
                  {d.unit.name} · {t("p.mine.savedAt", { time: formatInstant(d.createdAt, lang) })}
                </p>
                <Link to={filingPath(d.id, { page: 1 })}>
                  {t("p.mine.continue")}
                  <span className="visually-hidden"> {d.procedureName}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {filed.length > 0 ? (
        <section aria-labelledby="mine-filed">
          <h2 className="p-heading-m" id="mine-filed">
            {t("p.mine.submitted")}
          </h2>
          <ul className="p-card-list">
            {filed.map((d) => {
              const ref = d.code ?? d.reference ?? "—";
              return (
                <li key={d.id} className="p-card" data-dossier={d.id} data-code={ref}>
                  <p className="p-card-title">
                    <Link to={dossierPath(d.id)}>
                      <span className="visually-hidden">{t("p.mine.code")} </span>
                      {ref}
                    </Link>
                  </p>
                  <p>{d.procedureName}</p>
                  <p>
                    <strong className={`p-tag p-status-${d.status}`} data-testid="dossier-status">
                      {pick(lang, d.statusLabel.vi, d.statusLabel.en)}
                    </strong>
                    {d.needsAction ? (
                      <strong className="p-tag p-tag-action">{t(ACTION_LABELS[d.needsAction])}</strong>
                    ) : null}
                  </p>
                  <dl className="p-card-facts">
                    <div>
                      <dt>{t("p.mine.submittedAt")}</dt>
                      <dd>{formatInstant(d.submittedAt, lang)}</dd>
                    </div>
                    {d.appointmentAt ? (
                      <div>
                        <dt>{t("p.mine.due")}</dt>
                        <dd>{formatInstant(d.appointmentAt, lang)}</dd>
                      </div>
                    ) : null}
                  </dl>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
    </PortalPage>
  );
}
