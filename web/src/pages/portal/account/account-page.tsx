import { PORTAL_PATHS } from "../../../portal-paths.ts";
import { navigate } from "../../../router.tsx";
import { useSession } from "../../../session.tsx";
import { formatDay } from "../../dossiers/labels.ts";
import { PortalPage } from "../components/portal-page.tsx";
import { useCitizen } from "../components/require-citizen.tsx";
import { SummaryList } from "../components/summary-list.tsx";
import { formatAddress } from "../format.ts";
import { usePortalI18n } from "../portal-i18n.ts";

/** The signed-in citizen's profile (what e-forms pre-fill from) and the sign-out button. */
export function AccountPage() {
  const { t } = usePortalI18n();
  const citizen = useCitizen();
  const { signOut } = useSession();
  const none = <span className="p-muted">{t("p.account.none")}</span>;

  async function leave() {
    await signOut().catch(() => undefined);
    navigate(PORTAL_PATHS.home, { replace: true });
  }

  return (
    <PortalPage title={t("p.account.title")} back={{ to: PORTAL_PATHS.dossiers, text: t("p.mine.title") }}>
      <SummaryList
        rows={[
          { key: "name", label: t("p.account.name"), value: citizen.fullName },
          { key: "identity", label: t("p.account.identity"), value: citizen.identityNumber },
          {
            key: "birth",
            label: t("p.account.birthDate"),
            value: citizen.birthDate ? formatDay(citizen.birthDate) : none,
          },
          { key: "phone", label: t("p.account.phone"), value: citizen.phone ?? none },
          { key: "email", label: t("p.account.email"), value: citizen.email ?? none },
          {
            key: "address",
            label: t("p.account.address"),
            value: citizen.address ? formatAddress(citizen.address) : none,
          },
          ...(citizen.linkedProviders.length
            ? [{ key: "linked", label: t("p.account.linked"), value: citizen.linkedProviders.join(", ") }]
            : []),
        ]}
      />
      <button type="button" className="p-button p-button-secondary" onClick={leave}>
        {t("p.signOut")}
      </button>
    </PortalPage>
  );
}
