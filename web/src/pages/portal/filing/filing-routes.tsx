import { PORTAL_PATHS } from "../../../portal-paths.ts";
import { useLocation } from "../../../router.tsx";
import { PortalNotFound } from "../components/portal-not-found.tsx";
import { CheckPage } from "./check-page.tsx";
import { ConfirmationPage } from "./confirmation-page.tsx";
import { EFormPageView } from "./eform-page.tsx";
import { FilingProvider } from "./filing-context.tsx";
import { ReturnPage } from "./return-page.tsx";
import { UploadsPage } from "./uploads-page.tsx";

/** /portal/nop/<draft>/<step>: the pages of filing one draft. */
export function FilingPages() {
  const { pathname } = useLocation();
  const [draftId = "", step = ""] = pathname.slice(PORTAL_PATHS.file.length + 1).split("/");
  if (!/^[0-9a-f-]{36}$/i.test(draftId)) return <PortalNotFound />;
  // After submission the draft is a dossier: the confirmation reads it as one.
  if (step === "da-nop") return <ConfirmationPage draftId={draftId} />;
  const page = /^trang-(\d{1,2})$/.exec(step);
  return (
    <FilingProvider draftId={draftId}>
      {page ? (
        <EFormPageView key={step} page={Number(page[1])} />
      ) : step === "nhan-ket-qua" ? (
        <ReturnPage />
      ) : step === "giay-to" ? (
        <UploadsPage />
      ) : step === "kiem-tra" ? (
        <CheckPage />
      ) : (
        <PortalNotFound />
      )}
    </FilingProvider>
  );
}
