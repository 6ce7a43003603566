import { useEffect, useState } from "react";
import { portalApi, type SubmitResultT } from "../../../portal-api.ts";
import { dossierPath, PORTAL_PATHS } from "../../../portal-paths.ts";
import { Link } from "../../../router.tsx";
import { formatInstant } from "../../dossiers/labels.ts";
import { ConfirmationPanel } from "../components/confirmation-panel.tsx";
import { PortalPage } from "../components/portal-page.tsx";
import { usePortalI18n } from "../portal-i18n.ts";
import { recallSubmission } from "./submission-store.ts";

/** The confirmation page: the reference in a panel, what happens next, where to follow the dossier. */
export function ConfirmationPage({ draftId }: { draftId: string }) {
  const { t, lang } = usePortalI18n();
  const [result, setResult] = useState<Pick<SubmitResultT, "reference" | "dossierId" | "unit"> | null>(() =>
    recallSubmission(draftId),
  );
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (result) return;
    portalApi.dossiers.get(draftId).then(
      (d) => setResult({ reference: d.reference ?? d.code ?? "—", dossierId: d.id, unit: d.unit }),
      () => setFailed(true),
    );
  }, [draftId, result]);

  if (!result) {
    return (
      <PortalPage title={t("p.done.title")}>
        <p role={failed ? "alert" : "status"}>{failed ? t("p.failed") : t("p.loading")}</p>
      </PortalPage>
    );
  }
  const full = recallSubmission(draftId);
  return (
    <PortalPage title={t("p.done.title")} hideHeading>
      <ConfirmationPanel
        title={t("p.done.title")}
        referenceLabel={t("p.done.reference")}
        reference={result.reference}
      />
      <p>{t("p.done.email")}</p>
      <h2 className="p-heading-m">{t("p.done.next.title")}</h2>
      <p>{t("p.done.next")}</p>
      {full ? (
        <p className="p-muted">
          {formatInstant(full.submittedAt, lang)} · {result.unit.name}
        </p>
      ) : null}
      <p className="p-button-group">
        <Link to={dossierPath(result.dossierId)} className="p-button">
          {t("p.mine.open")}
        </Link>
        <Link to={PORTAL_PATHS.dossiers}>{t("p.done.mine")}</Link>
      </p>
    </PortalPage>
  );
}
